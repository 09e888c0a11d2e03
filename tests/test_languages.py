"""A site in English and Welsh: each case study is listed once, in its own locale, with that
locale's facets, search and labels; translations point at each other; ``locale`` and
``translation_of`` mean what they mean on Wagtail's pages API."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.http import QueryDict
from wagtail.models import Locale, Page

from tests import factories
from wagtail_casestudies.api.facets import count_facets, facets_from_counts
from wagtail_casestudies.api.filters import CaseStudyFilter
from wagtail_casestudies.api.parameters import FACETS, parse_case_study_query
from wagtail_casestudies.cards import counts
from wagtail_casestudies.models import CaseStudyCard, CaseStudyCardCounts, CaseStudyPage
from wagtail_casestudies.visibility import visible_cards_of

URL = "/api/v2/case-studies/"
LANGUAGES = [("en-gb", "English"), ("cy", "Welsh")]

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(settings, django_capture_on_commit_callbacks):
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    cache.clear()
    welsh = Locale.objects.create(language_code="cy")
    home = factories.site_root()
    index = factories.make_index_page(home)
    cardiff = factories.make_council(
        "Cardiff Council", welsh_name="Cyngor Caerdydd", gss_code="W06000015"
    )
    health = factories.make_topic("Public health")
    housing = factories.make_topic("Housing")
    ope = factories.make_support_type("One Public Estate")
    english = factories.make_case_study(
        index,
        "Cardiff: school streets",
        councils=[cardiff],
        topics=[health],
        support_type=ope,
        summary="Streets closed to cars at school times.",
    )
    other = factories.make_case_study(
        index, "Cardiff: empty homes", councils=[cardiff], topics=[housing]
    )
    # The site's counts exist (as after migrate): the first Welsh card counts its locale.
    counts.recount_all()
    with django_capture_on_commit_callbacks(execute=True):
        # As wagtail.contrib.simple_translation translates: the parents first, then the page;
        # the Welsh page still links the English topics.
        home.copy_for_translation(welsh).save_revision().publish()
        index.copy_for_translation(welsh).save_revision().publish()
        welsh_page = english.copy_for_translation(welsh)
        welsh_page.title = "Caerdydd: strydoedd ysgol"
        welsh_page.summary = "Strydoedd ar gau i geir ar adegau ysgol."
        welsh_page.save_revision().publish()
        iechyd = health.copy_for_translation(welsh)
        iechyd.name = "Iechyd y cyhoedd"
        iechyd.save()
    return type(
        "Bilingual",
        (),
        {
            "welsh": welsh,
            "english": english,
            "other": other,
            "welsh_page": CaseStudyPage.objects.get(pk=welsh_page.pk),
            "health": health,
            "iechyd": iechyd,
            "ope": ope,
        },
    )


def get(client, url=URL, **params):
    cache.clear()
    response = client.get(url, params)
    return response


def listed(client, url=URL, **params) -> dict:
    response = get(client, url, **params)
    assert response.status_code == 200, response.content
    return response.json()


def test_each_case_study_is_listed_once_in_its_own_locale(client, bilingual):
    english = listed(client)
    assert [item["id"] for item in english["items"]] == [bilingual.other.pk, bilingual.english.pk]
    welsh = listed(client, locale="cy")
    assert welsh["meta"]["total_count"] == 1
    [card] = welsh["items"]
    assert card["id"] == bilingual.welsh_page.pk
    assert card["title"] == "Caerdydd: strydoedd ysgol"
    assert card["meta"]["locale"] == "cy"
    # In Welsh: the topic's Welsh translation, the council's Welsh name.
    assert [topic["name"] for topic in card["topics"]] == ["Iechyd y cyhoedd"]
    assert card["main_topic"]["name"] == "Iechyd y cyhoedd"
    assert card["lead_council"]["name"] == "Cyngor Caerdydd"
    english_card = next(i for i in english["items"] if i["id"] == bilingual.english.pk)
    assert english_card["lead_council"]["name"] == "Cardiff Council"
    assert english_card["meta"]["locale"] == "en-gb"


def test_translations_point_at_each_other(client, bilingual):
    english = listed(client)
    card = next(i for i in english["items"] if i["id"] == bilingual.english.pk)
    assert [(t["id"], t["locale"]) for t in card["meta"]["translations"]] == [
        (bilingual.welsh_page.pk, "cy")
    ]
    assert card["meta"]["translations"][0]["url"]
    [welsh] = listed(client, locale="cy")["items"]
    assert [(t["id"], t["locale"]) for t in welsh["meta"]["translations"]] == [
        (bilingual.english.pk, "en-gb")
    ]
    other = next(i for i in english["items"] if i["id"] == bilingual.other.pk)
    assert other["meta"]["translations"] == []
    # The detail says the same, and lists related case studies in its own language only.
    detail = client.get(f"{URL}{bilingual.welsh_page.pk}/").json()
    assert detail["meta"]["locale"] == "cy"
    assert [t["id"] for t in detail["meta"]["translations"]] == [bilingual.english.pk]
    assert all(card["meta"]["locale"] == "cy" for card in detail["related"])
    detail = client.get(f"{URL}{bilingual.english.pk}/").json()
    assert [t["id"] for t in detail["meta"]["translations"]] == [bilingual.welsh_page.pk]
    assert bilingual.welsh_page.pk not in [card["id"] for card in detail["related"]]


def test_locale_and_translation_of_mean_what_they_do_on_the_pages_api(client, bilingual):
    ids = lambda data: [item["id"] for item in data["items"]]  # noqa: E731
    assert ids(listed(client, translation_of=bilingual.english.pk)) == [bilingual.welsh_page.pk]
    assert ids(listed(client, translation_of=bilingual.welsh_page.pk)) == [bilingual.english.pk]
    assert ids(listed(client, translation_of=bilingual.english.pk, locale="cy")) == [
        bilingual.welsh_page.pk
    ]
    assert ids(listed(client, translation_of=bilingual.english.pk, locale="en-gb")) == []
    assert ids(listed(client, translation_of=bilingual.other.pk)) == []
    # The stock pages API's own listing agrees.
    stock = client.get("/api/v2/pages/", {"translation_of": bilingual.english.pk}).json()
    assert [item["id"] for item in stock["items"]] == [bilingual.welsh_page.pk]
    for params, name in (
        ({"locale": "de"}, "locale"),
        ({"locale": "<script>"}, "locale"),
        ({"translation_of": "999999"}, "translation_of"),
        ({"translation_of": "-1"}, "translation_of"),
        ({"translation_of": "99999999999999999999999"}, "translation_of"),
    ):
        response = get(client, **params)
        assert response.status_code == 400, params
        assert response.json()["message"].startswith(f"{name}:"), response.json()


def test_facets_and_search_stay_in_their_locale(client, bilingual):
    welsh = listed(client, locale="cy", facets="topic,support_type,region")
    topics = {f["value"]: (f["label"], f["count"]) for f in welsh["meta"]["facets"]["topic"]}
    assert topics == {"public-health": ("Iechyd y cyhoedd", 1)}
    english = listed(client, facets="topic")
    topics = {f["value"]: (f["label"], f["count"]) for f in english["meta"]["facets"]["topic"]}
    assert topics == {"public-health": ("Public health", 1), "housing": ("Housing", 1)}
    # A filter by slug means the same in both languages.
    assert listed(client, locale="cy", topic="public-health")["meta"]["total_count"] == 1
    assert listed(client, topic="public-health")["meta"]["total_count"] == 1
    assert listed(client, locale="cy", support_type="one-public-estate")["meta"]["total_count"] == 1
    # Search never mixes the languages.
    assert listed(client, search="strydoedd")["meta"]["total_count"] == 0
    assert [i["id"] for i in listed(client, locale="cy", search="strydoedd")["items"]] == [
        bilingual.welsh_page.pk
    ]
    assert listed(client, locale="cy", search="empty")["meta"]["total_count"] == 0


def test_counts_are_kept_per_locale(client, bilingual):
    rows = {row.locale_id: row for row in CaseStudyCardCounts.objects.all()}
    assert set(rows) >= {bilingual.welsh.pk, Locale.get_default().pk}
    query = parse_case_study_query(QueryDict(), [])
    for row in CaseStudyCardCounts.objects.all():
        assert row.counts == counts.count(row.root_paths, row.locale_id)
        selection = CaseStudyFilter(
            query, visible_cards_of(row.site, row.locale_id), locale_id=row.locale_id
        )
        total, counted = count_facets(selection, list(FACETS))
        assert facets_from_counts(selection, row.counts, list(FACETS)) == counted
    assert rows[bilingual.welsh.pk].counts["total"] == 1


def test_unpublishing_or_deleting_a_translation_updates_the_other(
    client, bilingual, django_capture_on_commit_callbacks
):
    def translations_of_english():
        card = CaseStudyCard.objects.get(pk=bilingual.english.pk)
        return [t["id"] for t in card.data["translations"]]

    assert translations_of_english() == [bilingual.welsh_page.pk]
    bilingual.welsh_page.unpublish()
    assert translations_of_english() == []
    assert listed(client, locale="cy")["meta"]["total_count"] == 0
    bilingual.welsh_page.save_revision().publish()
    assert translations_of_english() == [bilingual.welsh_page.pk]
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=bilingual.welsh_page.pk).delete()
    assert translations_of_english() == []


def test_topics_endpoint_lists_one_locale_in_its_language(client, bilingual):
    welsh = listed(client, "/api/v2/topics/", locale="cy")
    assert [(t["name"], t["case_study_count"]) for t in welsh["items"]] == [("Iechyd y cyhoedd", 1)]
    english = listed(client, "/api/v2/topics/")
    assert {t["name"]: t["case_study_count"] for t in english["items"]} == {
        "Housing": 1,
        "Public health": 1,
    }
    translations = listed(client, "/api/v2/topics/", translation_of=bilingual.health.pk)
    assert [t["id"] for t in translations["items"]] == [bilingual.iechyd.pk]
    councils = listed(client, "/api/v2/councils/", locale="cy", search="Cardiff")
    assert [c["name"] for c in councils["items"]] == ["Cyngor Caerdydd"]


def test_find_by_slug_takes_the_locale(client, bilingual):
    slug = bilingual.english.slug
    found = client.get(f"{URL}find/", {"slug": slug}).json()
    assert found["id"] == bilingual.english.pk
    found = client.get(f"{URL}find/", {"slug": slug, "locale": "cy"}).json()
    assert found["id"] == bilingual.welsh_page.pk


def test_a_topic_translated_later_relabels_the_welsh_cards(client, bilingual):
    [card] = listed(client, locale="cy")["items"]
    assert card["support_type"]["name"] == "One Public Estate"
    translated = bilingual.ope.copy_for_translation(bilingual.welsh)
    translated.name = "Ystad Gyhoeddus Un"
    translated.save()
    [card] = listed(client, locale="cy")["items"]
    assert card["support_type"]["name"] == "Ystad Gyhoeddus Un"
    stored = CaseStudyCard.objects.get(pk=bilingual.welsh_page.pk)
    assert stored.support_type_id == translated.pk


def test_a_translated_hub_lists_the_case_studies_in_its_language(bilingual, index_page):
    from wagtail_casestudies.models.pages import CovidHubFeaturedCaseStudy

    hub = factories.make_hub_page(factories.site_root())
    hub.featured_links.add(CovidHubFeaturedCaseStudy(case_study=bilingual.english))
    hub.save_revision().publish()
    CaseStudyPage.objects.filter(pk__in=[bilingual.welsh_page.pk, bilingual.other.pk]).update(
        is_covid19=True
    )
    welsh_hub = hub.copy_for_translation(bilingual.welsh)
    welsh_hub.save_revision().publish()
    welsh_hub = type(hub).objects.get(pk=welsh_hub.pk)
    assert [page.pk for page in hub.featured_case_studies()] == [bilingual.english.pk]
    assert [page.pk for page in welsh_hub.featured_case_studies()] == [bilingual.welsh_page.pk]
    # Not featured, COVID-19, in the hub's language: the English empty homes only in English.
    assert [page.pk for page in hub.unfeatured_case_studies()] == [bilingual.other.pk]
    assert list(welsh_hub.unfeatured_case_studies()) == []


def test_a_translation_lists_the_chosen_related_case_studies_in_its_language(
    client, bilingual, django_capture_on_commit_callbacks
):
    from wagtail_casestudies.models.pages import CaseStudyRelatedPage

    CaseStudyRelatedPage.objects.create(
        page=bilingual.other, related_case_study=bilingual.english, sort_order=0
    )
    with django_capture_on_commit_callbacks(execute=True):
        bilingual.other.save_revision().publish()
        welsh_other = bilingual.other.copy_for_translation(bilingual.welsh)
        welsh_other.title = "Caerdydd: cartrefi gwag"
        welsh_other.save_revision().publish()
    cache.clear()
    english = client.get(f"{URL}{bilingual.other.pk}/").json()
    assert english["related"][0]["id"] == bilingual.english.pk
    welsh = client.get(f"{URL}{welsh_other.pk}/").json()
    # The editor chose the English case study; the Welsh page shows its Welsh translation.
    assert welsh["related"][0]["id"] == bilingual.welsh_page.pk
    assert all(card["meta"]["locale"] == "cy" for card in welsh["related"])
