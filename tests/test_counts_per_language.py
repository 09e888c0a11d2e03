"""Counts count case studies, not translations: Cardiff with two case studies in English and
their two Welsh translations has two in each language, on the councils API (v2 and v3, listing
and detail). A translated hub's API shows the cards of its own language."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests import factories
from wagtail_casestudies.compat import HAS_API_V3
from wagtail_casestudies.models.pages import CovidHubFeaturedCaseStudy

LANGUAGES = [("en-gb", "English"), ("cy", "Welsh")]

pytestmark = pytest.mark.django_db


@pytest.fixture
def cardiff(settings, django_capture_on_commit_callbacks):
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    cache.clear()
    welsh = Locale.objects.create(language_code="cy")
    home = factories.site_root()
    index = factories.make_index_page(home)
    council = factories.make_council(
        "Cardiff Council", welsh_name="Cyngor Caerdydd", gss_code="W06000015"
    )
    other_council = factories.make_council("Newport City Council", gss_code="W06000022")
    streets = factories.make_case_study(index, "Cardiff: school streets", councils=[council])
    homes = factories.make_case_study(index, "Cardiff: empty homes", councils=[council])
    # A draft says nothing in either language.
    factories.make_case_study(index, "Cardiff: a draft", councils=[council], publish=False)
    factories.make_case_study(index, "Newport: bus lanes", councils=[other_council])
    with django_capture_on_commit_callbacks(execute=True):
        home.copy_for_translation(welsh).save_revision().publish()
        index.copy_for_translation(welsh).save_revision().publish()
        welsh_pages = []
        for page in (streets, homes):
            translated = page.copy_for_translation(welsh)
            translated.title = f"Caerdydd: {page.title}"
            translated.save_revision().publish()
            welsh_pages.append(translated)
    return SimpleNamespace(
        council=council,
        other=other_council,
        english=[streets, homes],
        welsh=welsh_pages,
        home=home,
        welsh_locale=welsh,
    )


def council_counts(data) -> dict[str, int]:
    return {item["slug"]: item["case_study_count"] for item in data["items"]}


@pytest.mark.parametrize("locale", [None, "en-gb", "cy"])
def test_the_councils_listing_counts_one_language(client, cardiff, locale):
    query = {"locale": locale} if locale else {}
    response = client.get("/api/v2/councils/", query)
    assert response.status_code == 200
    counts = council_counts(response.json())
    # Not 4 (two case studies and two translations), and the draft not at all.
    assert counts["cardiff-council"] == 2
    # Newport's case study is English only.
    assert counts["newport-city-council"] == (0 if locale == "cy" else 1)


def test_has_case_studies_follows_the_language(client, cardiff):
    data = client.get("/api/v2/councils/", {"locale": "cy", "has_case_studies": "true"}).json()
    assert council_counts(data) == {"cardiff-council": 2}
    data = client.get("/api/v2/councils/", {"has_case_studies": "true"}).json()
    assert council_counts(data) == {"cardiff-council": 2, "newport-city-council": 1}


def test_the_council_detail_accepts_a_locale(client, cardiff):
    url = f"/api/v2/councils/{cardiff.council.pk}/"
    english = client.get(url).json()
    assert english["case_study_count"] == 2
    assert english["name"] == "Cardiff Council"
    response = client.get(url, {"locale": "cy"})
    assert response.status_code == 200
    assert response.json()["case_study_count"] == 2
    assert response.json()["name"] == "Cyngor Caerdydd"
    newport = client.get(f"/api/v2/councils/{cardiff.other.pk}/", {"locale": "cy"}).json()
    assert newport["case_study_count"] == 0
    found = client.get("/api/v2/councils/find/", {"gss_code": "W06000015", "locale": "cy"})
    assert found.status_code == 200
    assert found.json()["case_study_count"] == 2


@pytest.mark.parametrize(
    "value, message",
    [("fr", "no locale 'fr'"), ("not a code", "must be a language code")],
)
def test_a_bad_locale_is_a_400_naming_it_on_the_listing_and_the_detail(
    client, cardiff, value, message
):
    for url in ("/api/v2/councils/", f"/api/v2/councils/{cardiff.council.pk}/"):
        response = client.get(url, {"locale": value})
        assert response.status_code == 400, url
        body = response.json()
        assert body["parameter"] == "locale"
        assert message in body["message"]


def test_the_detail_refuses_other_parameters_still(client, cardiff):
    response = client.get(f"/api/v2/councils/{cardiff.council.pk}/", {"region": "london"})
    assert response.status_code == 400
    assert "region" in response.json()["message"]


@pytest.mark.skipif(not HAS_API_V3, reason="Wagtail < 8.0 has no v3 API")
def test_v3_counts_one_language_and_accepts_a_locale(client, cardiff):
    data = client.get("/api/v3/councils/", {"locale": "cy"}).json()
    assert {item["slug"]: item["case_study_count"] for item in data["items"]}[
        "cardiff-council"
    ] == 2
    detail = client.get(f"/api/v3/councils/{cardiff.council.pk}/", {"locale": "cy"})
    assert detail.status_code == 200
    assert detail.json()["case_study_count"] == 2
    bad = client.get(f"/api/v3/councils/{cardiff.council.pk}/", {"locale": "fr"})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["loc"] == ["query", "locale"]


# --- A translated hub ---------------------------------------------------------------------------


@pytest.fixture
def hubs(cardiff, django_capture_on_commit_callbacks):
    streets, homes = cardiff.english
    hub = factories.make_hub_page(
        cardiff.home,
        themes=[
            (
                "theme",
                {"heading": "Streets", "introduction": "", "entries": [("case_study", streets)]},
            ),
            ("theme", {"heading": "Homes", "introduction": "", "entries": [("case_study", homes)]}),
        ],
    )
    hub.featured_links.add(CovidHubFeaturedCaseStudy(case_study=homes))
    hub.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        welsh_hub = hub.copy_for_translation(cardiff.welsh_locale)
        welsh_hub.save_revision().publish()
    cache.clear()
    return hub, welsh_hub


def hub_card_ids(data) -> tuple[list[int], list[int]]:
    themes = [
        entry["value"]["id"] for theme in data["themes"] for entry in theme["value"]["entries"]
    ]
    return themes, [card["id"] for card in data["featured_case_studies"]]


def test_a_welsh_hub_gives_the_welsh_cards_on_the_pages_api(client, cardiff, hubs):
    hub, welsh_hub = hubs
    english = client.get(f"/api/v2/pages/{hub.pk}/").json()
    assert hub_card_ids(english) == ([p.pk for p in cardiff.english], [cardiff.english[1].pk])
    welsh = client.get(f"/api/v2/pages/{welsh_hub.pk}/").json()
    # The Welsh hub still names the English pages (as copied); it shows their translations.
    assert hub_card_ids(welsh) == ([p.pk for p in cardiff.welsh], [cardiff.welsh[1].pk])
    cards = [entry["value"] for theme in welsh["themes"] for entry in theme["value"]["entries"]]
    assert {card["meta"]["locale"] for card in cards} == {"cy"}
    assert cards[0]["lead_council"]["name"] == "Cyngor Caerdydd"


def test_a_welsh_hub_shows_an_untranslated_case_study_as_it_is(client, cardiff, hubs):
    _hub, welsh_hub = hubs
    type(cardiff.welsh[0]).objects.get(pk=cardiff.welsh[0].pk).unpublish()
    cache.clear()
    welsh = client.get(f"/api/v2/pages/{welsh_hub.pk}/").json()
    themes, _featured = hub_card_ids(welsh)
    assert themes == [cardiff.english[0].pk, cardiff.welsh[1].pk]


def test_a_welsh_hub_costs_the_same_queries_as_an_english_one(client, cardiff, hubs):
    hub, welsh_hub = hubs
    client.get(f"/api/v2/pages/{hub.pk}/")
    cache.clear()
    with CaptureQueriesContext(connection) as english:
        client.get(f"/api/v2/pages/{hub.pk}/")
    cache.clear()
    with CaptureQueriesContext(connection) as welsh:
        client.get(f"/api/v2/pages/{welsh_hub.pk}/")
    assert len(welsh) <= len(english) + 2  # the translations' lookup: two queries


@pytest.mark.skipif(not HAS_API_V3, reason="Wagtail < 8.0 has no v3 API")
def test_a_welsh_hub_gives_the_welsh_cards_on_v3(client, cardiff, hubs):
    _hub, welsh_hub = hubs
    response = client.get(f"/api/v3/pages/{welsh_hub.pk}/")
    assert response.status_code == 200
    assert hub_card_ids(response.json()) == (
        [p.pk for p in cardiff.welsh],
        [cardiff.welsh[1].pk],
    )
