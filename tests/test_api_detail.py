"""Case-study detail (by id, path, slug), every block's API shape, related case studies, the
COVID-19 hub, and the same shapes through the stock pages API."""

import pytest
from django.core.cache import cache

from tests import factories
from wagtail_casestudies.models import CaseStudyRelatedPage, CovidHubFeaturedCaseStudy

URL = "/api/v2/case-studies/"


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    yield from factories.shared_library(django_db_blocker)


@pytest.fixture(autouse=True)
def clear_cache(db):
    cache.clear()


@pytest.fixture
def full(lib):
    """A case study using every block, linking to another case study and a document."""
    image = factories.make_image()
    document = factories.make_document()
    body = factories.full_body(lib.kent, image=image, document=document)
    body.append(
        (
            "paragraph",
            f'<p>See <a linktype="page" id="{lib.homes.pk}">Dover</a> and '
            f'<a linktype="document" id="{document.pk}">the report</a>.</p>',
        )
    )
    page = factories.make_case_study(
        lib.index_page,
        "Kent: everything",
        councils=[lib.kent, lib.dover],
        topics=[lib.waste],
        body=body,
        hero_image=image,
        tags=["bins", "routes"],
    )
    factories.add_partner(page, "Kent NHS Trust", kind="nhs")
    return page


def blocks_by_type(data):
    return {block["type"]: block["value"] for block in data["body"]}


def test_detail_has_card_fields_and_every_block_as_objects(client, lib, full):
    data = client.get(f"{URL}{full.pk}/").json()
    assert data["id"] == full.pk
    assert data["title"] == "Kent: everything"
    assert [c["slug"] for c in data["councils"]] == [
        "kent-county-council",
        "dover-district-council",
    ]
    assert data["lead_council"]["slug"] == "kent-county-council"
    assert data["tags"] == ["bins", "routes"]
    assert data["partners"] == [
        {"name": "Kent NHS Trust", "kind": "nhs", "kind_label": "NHS body", "website": ""}
    ]
    hero = data["hero_image"]
    assert [r["width"] for r in hero["renditions"]] == [320, 640, 1024, 1200]
    assert hero["alt"] == "A picture" and hero["width"] == 1200 and hero["height"] == 800
    assert hero["srcset"].count(", ") == 3

    blocks = blocks_by_type(data)
    assert blocks["challenge"] == {
        "heading": "The challenge",
        "text": "<p>Too many missed bin collections in rural wards.</p>",
    }
    assert blocks["impact"]["cost_saving"] == "120000.00"
    assert blocks["impact"]["income_generated"] is None
    contact = blocks["contact"]
    assert contact["name"] == "Alex Officer"
    assert contact["council"]["slug"] == "kent-county-council"
    assert "email" not in contact and "phone" not in contact  # not published
    assert blocks["quote"] == {
        "text": "It changed how we work.",
        "name": "Sam Leader",
        "role": "Leader",
    }
    assert blocks["key_points"]["points"] == ["Fewer missed bins", "Happier crews"]
    assert blocks["key_figures"]["figures"] == [{"value": "40%", "label": "fewer missed bins"}]
    assert blocks["local_context"]["text"].startswith("<p>A large rural county")
    assert blocks["embed"]["html"].startswith("<iframe")
    assert blocks["action_plan"]["rows"][0]["start"] == "2022-04-01"
    assert blocks["heading"] == "Further reading"
    assert blocks["image"]["image"]["alt"] == "A bin lorry"
    assert blocks["image"]["caption"] == "New rounds"
    document = blocks["document"]["document"]
    assert document["title"] == "Cabinet report"
    assert document["file_type"] == "pdf"
    assert document["url"].startswith("http://localhost/documents/")
    assert set(document) == {"id", "title", "url", "file_size", "file_type"}
    # Internal links in rich text become real URLs (absolute: the test has two sites).
    paragraphs = [b["value"] for b in data["body"] if b["type"] == "paragraph"]
    assert (
        'href="http://localhost/case-studies/dover-homes-for-key-workers/">Dover</a>'
        in (paragraphs[-1])
    )
    assert 'href="http://localhost/documents/' in paragraphs[-1]
    assert "linktype" not in str(data["body"])


def test_contact_details_appear_only_when_published(client, lib):
    body = factories.full_body(lib.kent)
    body[5][1]["publish_contact_details"] = True
    page = factories.make_case_study(lib.index_page, body=body)
    contact = blocks_by_type(client.get(f"{URL}{page.pk}/").json())["contact"]
    assert contact["email"] == "alex.officer@example.gov.uk"
    assert contact["phone"] == "01234 567890"


def test_detail_of_hidden_pages_is_404(client, lib):
    for page in (lib.draft, lib.private, lib.elsewhere):
        response = client.get(f"{URL}{page.pk}/")
        assert response.status_code == 404
        assert "message" in response.json()
    assert client.get(f"{URL}{lib.elsewhere.pk}/", HTTP_HOST="other.example").status_code == 200


def test_find_by_path_slug_or_id_answers_directly(client, lib):
    by_path = client.get(URL + "find/", {"html_path": "/case-studies/kent-fewer-missed-bins/"})
    assert by_path.status_code == 200
    assert by_path.json()["id"] == lib.bins.pk
    assert client.get(URL + "find/", {"slug": "kent-fewer-missed-bins"}).json()["id"] == lib.bins.pk
    assert client.get(URL + "find/", {"id": lib.bins.pk}).json()["id"] == lib.bins.pk
    assert client.get(URL + "find/", {"slug": "kent-a-draft-about-bins"}).status_code == 404
    missing = client.get(URL + "find/")
    assert missing.status_code == 400 and missing.json()["parameter"] == "html_path"


def test_related_puts_the_editors_choices_first_then_shared_topics_councils_regions(client, lib):
    page = factories.make_case_study(
        lib.index_page,
        "Kent: compost",
        councils=[lib.kent],
        topics=[lib.waste],
    )
    CaseStudyRelatedPage.objects.create(page=page, related_case_study=lib.security, sort_order=0)
    CaseStudyRelatedPage.objects.create(page=page, related_case_study=lib.draft, sort_order=1)
    related = client.get(f"{URL}{page.pk}/").json()["related"]
    ids = [card["id"] for card in related]
    # The editor's live choice, then: bins (topic + council + region), homes (topic + region).
    assert ids == [lib.security.pk, lib.bins.pk, lib.homes.pk]
    assert lib.draft.pk not in ids and lib.private.pk not in ids and lib.elsewhere.pk not in ids
    assert related[0]["lead_council"]["slug"] == "leeds-city-council"


def test_covid_hub_resolves_every_theme_entry_to_a_card(client, lib):
    hub = factories.make_hub_page(
        lib.index_page,
        themes=[
            (
                "theme",
                {
                    "heading": "Testing",
                    "introduction": f'<p>See <a linktype="page" id="{lib.bins.pk}">bins</a>.</p>',
                    "entries": [
                        ("case_study", lib.homes),
                        ("case_study", lib.draft),
                        (
                            "external",
                            {
                                "title": "Mass testing",
                                "council": "various",
                                "summary": "Testing sites.",
                                "link": "https://example.org",
                            },
                        ),
                    ],
                },
            ),
            (
                "theme",
                {
                    "heading": "Volunteers",
                    "introduction": "",
                    "entries": [("case_study", lib.security)],
                },
            ),
        ],
    )
    CovidHubFeaturedCaseStudy.objects.create(page=hub, case_study=lib.bins, sort_order=0)
    data = client.get(f"/api/v2/pages/{hub.pk}/").json()
    themes = data["themes"]
    assert themes[0]["value"]["heading"] == "Testing"
    assert '/case-studies/kent-fewer-missed-bins/"' in themes[0]["value"]["introduction"]
    entries = themes[0]["value"]["entries"]
    assert [e["type"] for e in entries] == ["case_study", "external"]  # the draft is left out
    assert entries[0]["value"]["title"] == "Dover: homes for key workers"
    assert entries[0]["value"]["lead_council"]["slug"] == "dover-district-council"
    assert entries[1]["value"]["title"] == "Mass testing"
    assert themes[1]["value"]["entries"][0]["value"]["id"] == lib.security.pk
    assert [card["id"] for card in data["featured_case_studies"]] == [lib.bins.pk]


def test_stock_pages_api_shows_the_same_shapes(client, lib, full):
    listing = client.get(
        "/api/v2/pages/", {"type": "wagtail_casestudies.CaseStudyPage", "fields": "*"}
    ).json()
    assert listing["meta"]["total_count"] == 4
    item = next(i for i in listing["items"] if i["id"] == full.pk)
    assert item["lead_council"]["gss_code"] == "E10000016"
    assert item["topics"][0]["slug"] == "waste"
    assert item["hero_image"]["renditions"][0]["width"] == 320
    assert blocks_by_type(item)["document"]["document"]["file_type"] == "pdf"
    index = client.get(f"/api/v2/pages/{lib.index_page.pk}/").json()
    assert "introduction" in index and "covid_hub" in index
    council = client.get(f"/api/v2/councils/{lib.dover.pk}/").json()
    assert council["parent"]["slug"] == "kent-county-council"


def test_related_agrees_with_the_rule_scored_by_hand(client, index_page):
    """The related list's SQL against the documented rule, computed here in Python over a
    library where topics, councils and regions overlap in every combination: the editor's
    live choices first, then 3 per shared topic, 2 for any shared council, 1 for a council in
    the same region, ties newest first; drafts never."""
    import datetime
    import random

    from wagtail_casestudies.models import Region

    chooser = random.Random(18)
    topics = [factories.make_topic() for _ in range(4)]
    councils = [
        factories.make_council(region=region)
        for region in (Region.LONDON, Region.LONDON, Region.WALES, Region.SOUTH_WEST, Region.WALES)
    ]
    pages = []
    for number in range(24):
        page = factories.make_case_study(
            index_page,
            councils=chooser.sample(councils, chooser.randint(1, 2)),
            topics=chooser.sample(topics, chooser.randint(0, 3)),
            publication_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number % 7),
            publish=number % 9 != 4,
        )
        pages.append(page)
    live = [page for page in pages if page.live]
    chosen = [pages[4], live[3], live[5]]  # a draft, then two live ones
    for order, other in enumerate(chosen):
        CaseStudyRelatedPage.objects.create(
            page=live[0], related_case_study=other, sort_order=order
        )

    def shared(page):
        return (
            {topic.pk for topic in page.topics.all()},
            {link.council.pk for link in page.council_links.all()},
            {link.council.region for link in page.council_links.all()},
        )

    for page in live:
        topic_ids, council_ids, regions = shared(page)
        picks = [p.pk for p in chosen if p.live] if page == live[0] else []

        def score(other, mine=(topic_ids, council_ids, regions)):
            theirs = shared(other)
            return (
                3 * len(mine[0] & theirs[0])
                + 2 * bool(mine[1] & theirs[1])
                + bool(mine[2] & theirs[2])
            )

        others = [o for o in live if o != page and o.pk not in picks and score(o) > 0]
        others.sort(key=lambda o: (-score(o), -o.publication_date.toordinal(), -o.pk))
        expected = (picks + [o.pk for o in others])[:6]
        related = client.get(f"{URL}{page.pk}/").json()["related"]
        assert [card["id"] for card in related] == expected, page.title


def test_related_ids_of_an_unsaved_draft_and_without_a_site(lib):
    """A preview's unsaved draft gets its related case studies by the same rule; without a site
    there are none to see (and no error)."""
    from wagtail.models import Site

    from wagtail_casestudies.api.related import related_ids
    from wagtail_casestudies.models import CaseStudyCouncil, CaseStudyPage
    from wagtail_casestudies.visibility import visible_cards_of

    draft = CaseStudyPage(title="Kent: compost")
    draft.council_links.add(CaseStudyCouncil(council=lib.kent, sort_order=0))
    draft.topics = [lib.waste]
    site = Site.objects.get(is_default_site=True)
    assert related_ids(draft, visible_cards_of(site)) == [lib.bins.pk, lib.homes.pk]
    assert related_ids(draft, visible_cards_of(None)) == []
