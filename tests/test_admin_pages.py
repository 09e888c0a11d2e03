"""Editors create every page type through the Wagtail admin's real create and edit views."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.form_data import full_body_form_data, inline_formset, nested_form_data, rich_text
from wagtail_casestudies.models import CaseStudyIndexPage, CaseStudyPage, CovidHubPage

pytestmark = pytest.mark.django_db


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )


def case_study_post_data(council, topics, image, document, **overrides):
    data = {
        "title": "Cornwall Council: bin rounds",
        "slug": "cornwall-bin-rounds",
        "summary": "Cornwall rerouted its bin rounds and missed collections fell.",
        "body": full_body_form_data(council.pk, image.pk, document.pk),
        "council_links": inline_formset([{"council": str(council.pk)}], min=1),
        "partners": inline_formset(
            [{"name": "University of Exeter", "kind": "university", "website": ""}]
        ),
        "related_links": inline_formset([]),
        "topics": [str(t.pk) for t in topics],
        "main_topic": str(topics[0].pk),
        "support_type": "",
        "series": "Part of the productivity programme",
        "tags": "waste, routes",
        "is_covid19": "",
        "publication_date": "",
        "hero_image": str(image.pk),
        "hero_image_alt": "A bin lorry",
    }
    data.update(overrides)
    flat = nested_form_data({k: v for k, v in data.items() if k != "topics"})
    flat["topics"] = data["topics"]
    return flat


@pytest.fixture
def material(db):
    return {
        "council": factories.make_council("Cornwall Council", gss_code="E06000052"),
        "topics": [factories.make_topic("Waste"), factories.make_topic("Productivity")],
        "image": factories.make_image(),
        "document": factories.make_document(),
    }


def test_create_and_publish_case_study_with_every_block(admin_client, index_page, material):
    data = case_study_post_data(**material)
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(CaseStudyPage, index_page), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""

    page = CaseStudyPage.objects.get(slug="cornwall-bin-rounds")
    assert page.live
    assert page.publication_date == timezone.localdate()
    assert [block.block_type for block in page.body] == [
        "challenge",
        "solution",
        "impact",
        "sustainability",
        "lessons_learned",
        "contact",
        "quote",
        "key_points",
        "key_figures",
        "local_context",
        "image",
        "embed",
        "document",
        "action_plan",
        "heading",
        "paragraph",
    ]
    impact = page.body[2].value
    assert str(impact["cost_saving"]) == "120000"
    assert page.body[5].value["publish_contact_details"] is True
    assert page.body[5].value["council"] == material["council"]
    assert page.lead_council == material["council"]
    assert set(page.topics.all()) == set(material["topics"])
    assert sorted(page.tags.names()) == ["routes", "waste"]
    assert page.partners.get().name == "University of Exeter"

    # The published page renders every section heading from the template.
    html = admin_client.get(page.url).content.decode()
    for heading in [
        "The challenge",
        "The solution",
        "The impact",
        "How is the new approach being sustained?",
        "Lessons learned",
        "Contact",
    ]:
        assert f"<h2>{heading}</h2>" in html
    assert "alex@example.gov.uk" in html


def test_admin_edit_form_shows_tabs_and_template_guidance(admin_client, index_page, material):
    page = factories.make_case_study(index_page, councils=[material["council"]])
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    html = response.content.decode()
    assert response.status_code == 200
    for tab in ["Case study", "Councils and topics", "Media and related", "Promote", "Settings"]:
        assert tab in html
    assert "What problem or opportunity did the council face" in html


def test_preview_renders_unsaved_case_study(admin_client, index_page, material):
    data = case_study_post_data(**material, title="Preview only title")
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("wagtail_casestudies", "casestudypage", index_page.pk),
    )
    response = admin_client.post(preview_url, data)
    assert response.json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(preview_url)
    assert response.status_code == 200
    assert "Preview only title" in response.content.decode()
    assert not CaseStudyPage.objects.filter(title="Preview only title").exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"summary": ""}, "summary", "This field is required."),
        ({"summary": "x" * 501}, "summary", "keep it to 500 or fewer"),
        (
            {"publication_date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()},
            "publication_date",
            "at most 0 days after today",
        ),
    ],
)
def test_invalid_case_study_is_refused_with_a_clear_message(
    admin_client, index_page, material, overrides, field, message
):
    data = case_study_post_data(**material, **overrides)
    data["action-publish"] = "action-publish"  # drafts may be incomplete; publishing may not
    response = admin_client.post(add_url(CaseStudyPage, index_page), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(message in error for error in errors[field]), errors
    assert not CaseStudyPage.objects.exists()


def test_main_topic_must_be_one_of_the_topics(admin_client, index_page, material):
    other = factories.make_topic("Housing")
    data = case_study_post_data(**material, main_topic=str(other.pk))
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(CaseStudyPage, index_page), data)
    assert response.status_code == 200
    assert "must also be ticked" in str(response.context["form"].errors["main_topic"])


def test_a_case_study_needs_a_council(admin_client, index_page, material):
    data = case_study_post_data(**material)
    for key in list(data):
        if key.startswith("council_links-0"):
            del data[key]
    data["council_links-TOTAL_FORMS"] = "0"
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(CaseStudyPage, index_page), data)
    assert response.status_code == 200
    assert not CaseStudyPage.objects.exists()


def test_block_validation_errors_are_reported(admin_client, index_page, material):
    data = case_study_post_data(**material)
    data["body-13-value-rows-0-value-due"] = "2022-01-01"  # before its start date
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(CaseStudyPage, index_page), data)
    assert response.status_code == 200
    assert "on or after" in response.content.decode()
    assert not CaseStudyPage.objects.exists()


def test_create_index_page_through_admin(admin_client, material):
    root = factories.site_root()
    document = material["document"]
    data = nested_form_data(
        {
            "title": "Case studies",
            "slug": "case-studies",
            "introduction": rich_text("<p>Innovation in local government.</p>"),
            "submission_guidance": rich_text("<p>Use our template.</p>"),
            "template_document": str(document.pk),
            "template_link": "",
            "covid_hub": "",
            "covid_promo_heading": "COVID-19 case studies",
            "covid_promo_text": "",
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(add_url(CaseStudyIndexPage, root), data)
    assert response.status_code == 302
    page = CaseStudyIndexPage.objects.get(slug="case-studies")
    assert page.live and page.template_document == document
    html = admin_client.get(page.url).content.decode()
    assert "Download the case study template" in html


def test_create_covid_hub_with_themes_through_admin(admin_client, index_page, material):
    case_study = factories.make_case_study(index_page, "Ealing: vaccine uptake", is_covid19=True)
    data = nested_form_data(
        {
            "title": "COVID-19 hub",
            "slug": "covid-19",
            "introduction": rich_text("<p>Councils are doing remarkable work.</p>"),
            "how_to_submit": rich_text("<p>Send us your case study.</p>"),
            "featured_links": inline_formset([]),
            "themes": {
                "count": "1",
                "0": {
                    "type": "theme",
                    "deleted": "",
                    "order": "0",
                    "value": {
                        "heading": "Public health and vaccination",
                        "introduction": rich_text("<p>Vaccines.</p>"),
                        "entries": {
                            "count": "2",
                            "0": {
                                "type": "case_study",
                                "value": str(case_study.pk),
                                "deleted": "",
                                "order": "0",
                            },
                            "1": {
                                "type": "external",
                                "deleted": "",
                                "order": "1",
                                "value": {
                                    "title": "Testing sites",
                                    "council": "various",
                                    "summary": "Councils set up testing sites.",
                                    "link": "https://www.example.org/testing",
                                },
                            },
                        },
                    },
                },
            },
            "list_unfeatured": "on",
            "unfeatured_heading": "More COVID-19 case studies",
            "action-publish": "action-publish",
        }
    )
    response = admin_client.post(add_url(CovidHubPage, index_page), data)
    assert response.status_code == 302
    hub = CovidHubPage.objects.get(slug="covid-19")
    assert hub.curated_case_study_ids() == {case_study.pk}
    html = admin_client.get(hub.url).content.decode()
    assert "Public health and vaccination" in html
    assert "Testing sites</a> (various)" in html
    assert "Ealing: vaccine uptake" in html


def test_all_case_studies_listing_filters(admin_client, index_page):
    council = factories.make_council("Wigan Council")
    topic = factories.make_topic("Cyber")
    match = factories.make_case_study(
        index_page, "Wigan cyber", councils=[council], topics=[topic], is_covid19=True
    )
    other = factories.make_case_study(index_page, "Elsewhere")
    url = reverse("all_case_studies:index")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert {p.pk for p in response.context["pages"]} == {match.pk, other.pk}
    for query in (f"council={council.pk}", f"topic={topic.pk}", "is_covid19=true"):
        response = admin_client.get(f"{url}?{query}")
        assert [p.pk for p in response.context["pages"]] == [match.pk], query
