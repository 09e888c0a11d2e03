"""Every page type renders through the site's real URLs with the default templates."""

import pytest
from wagtail.models import PageViewRestriction

from tests import factories
from wagtail_casestudies.models import CovidHubFeaturedCaseStudy

pytestmark = pytest.mark.django_db


def test_case_study_page_renders_every_block(client, index_page):
    council = factories.make_council("Cornwall Council")
    image = factories.make_image()
    document = factories.make_document()
    page = factories.make_case_study(
        index_page,
        "Cornwall Council: rounds",
        councils=[council],
        topics=[factories.make_topic("Waste")],
        tags=["bins"],
        series="Productivity programme",
        body=factories.full_body(council, image=image, document=document),
        hero_image=image,
        hero_image_alt="Lorry at dawn",
    )
    factories.add_partner(page, "University of Exeter", kind="university")
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "<h1>Cornwall Council: rounds</h1>",
        "<h2>The challenge</h2>",
        "<h2>The solution</h2>",
        "<h2>The impact</h2>",
        "Cost saving",
        "£120,000",
        "<h2>Lessons learned</h2>",
        "<h2>How is the new approach being sustained?</h2>",
        "<h2>Contact</h2>",
        "Alex Officer",
        "It changed how we work.",
        "Fewer missed bins",
        "40%",
        "<h2>Local context</h2>",
        'alt="Lorry at dawn"',
        'alt="A bin lorry"',
        "<iframe",
        "Cabinet report",
        "Re-plan rounds",
        "Further reading",
        "More about the programme.",
        "University of Exeter",
        "Productivity programme",
        "bins",
    ]:
        assert text in html, text


def test_contact_details_are_hidden_unless_published(client, index_page):
    body = factories.full_body()
    page = factories.make_case_study(index_page, body=body)
    html = client.get(page.url).content.decode()
    assert "Alex Officer" in html
    assert "alex.officer@example.gov.uk" not in html
    assert "01234 567890" not in html


def test_index_page_lists_only_live_public_case_studies(client, index_page):
    visible = factories.make_case_study(index_page, "Visible one")
    factories.make_case_study(index_page, "Draft one", publish=False)
    private = factories.make_case_study(index_page, "Private one")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    html = client.get(index_page.url).content.decode()
    assert visible.title in html
    assert "Draft one" not in html and "Private one" not in html
    assert "Your search returned 1 result" in html


def test_index_page_paginates_and_filters_by_topic(client, index_page):
    topic = factories.make_topic("Housing")
    for number in range(12):
        factories.make_case_study(
            index_page, f"Case {number:02}", topics=[topic] if number < 3 else None
        )
    html = client.get(index_page.url).content.decode()
    assert html.count('class="cs-card"') == 10
    assert "Page 1 of 2" in html
    html = client.get(index_page.url + "?page=2").content.decode()
    assert html.count('class="cs-card"') == 2
    html = client.get(index_page.url + "?page=99").content.decode()
    assert "Page 2 of 2" in html
    html = client.get(index_page.url + "?topic=housing").content.decode()
    assert html.count('class="cs-card"') == 3


def test_index_page_query_count_does_not_grow_with_results(
    client, index_page, django_assert_max_num_queries
):
    for number in range(10):
        factories.make_case_study(index_page, f"Case {number}", topics=[factories.make_topic()])
    client.get(index_page.url)  # warm caches (site root paths)
    with django_assert_max_num_queries(20):
        response = client.get(index_page.url)
    assert response.content.decode().count('class="cs-card"') == 10


def test_hub_lists_themes_featured_collections_and_the_rest(client, index_page):
    featured = factories.make_case_study(index_page, "Featured vaccine", is_covid19=True)
    themed = factories.make_case_study(index_page, "Themed testing", is_covid19=True)
    rest = factories.make_case_study(index_page, "Uncurated volunteering", is_covid19=True)
    factories.make_case_study(index_page, "Not covid")
    factories.make_case_study(index_page, "Draft covid", is_covid19=True, publish=False)
    hub = factories.make_hub_page(
        index_page,
        themes=[
            (
                "theme",
                {
                    "heading": "Testing",
                    "introduction": "<p>Sites.</p>",
                    "entries": [
                        ("case_study", themed),
                        (
                            "external",
                            {
                                "title": "Mobile units",
                                "council": "various",
                                "summary": "Vans.",
                                "link": "https://example.org/vans",
                            },
                        ),
                    ],
                },
            )
        ],
    )
    CovidHubFeaturedCaseStudy.objects.create(page=hub, case_study=featured)
    hub.save_revision().publish()
    factories.make_hub_page(hub, title="Testing case studies", list_unfeatured=False)

    html = client.get(hub.url).content.decode()
    assert response_has_sections(
        html, ["Featured case studies", "Testing", "Collections", "More COVID-19 case studies"]
    )
    assert "Mobile units</a> (various)" in html
    assert "Testing case studies" in html
    more = html[html.index("More COVID-19 case studies") :]
    assert "Uncurated volunteering" in more
    assert "Featured vaccine" not in more and "Themed testing" not in more
    assert "Not covid" not in html and "Draft covid" not in html
    assert {p.pk for p in hub.specific.unfeatured_case_studies()} == {rest.pk}


def response_has_sections(html, headings):
    return all(heading in html for heading in headings)


def test_hub_skips_a_themed_case_study_that_was_unpublished(client, index_page):
    themed = factories.make_case_study(index_page, "Withdrawn story", is_covid19=True)
    hub = factories.make_hub_page(
        index_page,
        themes=[
            ("theme", {"heading": "Care", "introduction": "", "entries": [("case_study", themed)]})
        ],
    )
    themed.unpublish()
    html = client.get(hub.url).content.decode()
    assert "Withdrawn story" not in html


def test_index_page_offers_the_template_built_from_the_form(client, index_page):
    html = client.get(index_page.url).content.decode()
    assert "Download the case study template (Word document)" in html
    assert "as JSON Schema" in html
