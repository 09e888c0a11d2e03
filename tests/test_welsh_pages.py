"""A site in English and Welsh, served as the example site serves it (Wagtail's pages under
``i18n_patterns``: English at /, Welsh under /cy/): every rendered page of a Welsh page speaks
Welsh, whatever the browser asks for, and shows what the API shows for it: the council's Welsh
name, the Welsh topics and programme, Welsh dates, links to the Welsh pages and the Welsh
template downloads."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from docx import Document
from wagtail import urls as wagtail_urls
from wagtail.models import Locale

from tests import factories
from tests.urls import urlpatterns as package_urlpatterns
from wagtail_casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudySubmissionPage,
    CovidHubPage,
)
from wagtail_casestudies.models.pages import CovidHubFeaturedCaseStudy

# This module is the URLconf of its tests: the package's URLs, and the pages by language.
urlpatterns = [
    pattern for pattern in package_urlpatterns if str(pattern.pattern) != ""
] + i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)

ENGLISH_BROWSER = {"Accept-Language": "en-GB,en;q=0.9"}
WELSH_BROWSER = {"Accept-Language": "cy"}
PUBLISHED = datetime.date(2023, 2, 19)

pytestmark = pytest.mark.django_db

# What a Welsh page must not say: the English it used to show.
ENGLISH_STRINGS = [
    "Cardiff Council",
    "Public health",
    "One Public Estate",
    "February",
    "Skip to main content",
    "Case studies</a>",
    "How to submit",
    "Email:",
    "Download the case study template",
]


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translate(page, locale, **fields):
    copy = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    return publish(copy)


@pytest.fixture
def site(settings, django_capture_on_commit_callbacks):
    settings.ROOT_URLCONF = __name__
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("en-gb", "English"),
        ("cy", "Welsh"),
    ]
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:1],
        "django.middleware.locale.LocaleMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    cache.clear()
    welsh = Locale.objects.create(language_code="cy")
    home = factories.site_root()
    cardiff = factories.make_council(
        "Cardiff Council", short_name="Cardiff", welsh_name="Cyngor Caerdydd", gss_code="W06000015"
    )
    health = factories.make_topic("Public health")
    ope = factories.make_support_type("One Public Estate")
    with django_capture_on_commit_callbacks(execute=True):
        hub = factories.make_hub_page(home, how_to_submit=factories.rich("Email us."))
        index = factories.make_index_page(
            home, covid_hub=hub, submission_guidance=factories.rich("Use the template.")
        )
        english = factories.make_case_study(
            index,
            "Cardiff: school streets",
            councils=[cardiff],
            topics=[health],
            support_type=ope,
            is_covid19=True,
            publication_date=PUBLISHED,
            body=[
                (
                    "contact",
                    {
                        "name": "Alex Officer",
                        "job_title": "Head of Transport",
                        "council": cardiff,
                        "organisation": "",
                        "email": "alex@example.gov.uk",
                        "phone": "029 2087 2087",
                        "publish_contact_details": True,
                    },
                )
            ],
        )
        hub.themes = [
            (
                "theme",
                {
                    "heading": "Travel",
                    "introduction": "",
                    "entries": [("case_study", english)],
                },
            )
        ]
        hub.featured_links.add(CovidHubFeaturedCaseStudy(case_study=english))
        hub = publish(hub)
        submission = CaseStudySubmissionPage(title="Send us a case study", slug="submit")
        index.add_child(instance=submission)
        submission = publish(submission)

        # As wagtail.contrib.simple_translation translates: parents first. The copies still
        # link the English hub, topics, programme and case studies.
        translate(home, welsh)
        welsh_hub = translate(hub, welsh, title="Hyb COVID-19")
        welsh_index = translate(index, welsh, title="Astudiaethau achos")
        welsh_page = translate(
            english,
            welsh,
            title="Caerdydd: strydoedd ysgol",
            summary="Strydoedd ar gau i geir ar adegau ysgol.",
        )
        welsh_submission = translate(submission, welsh, title="Anfonwch astudiaeth achos")
        iechyd = health.copy_for_translation(welsh)
        iechyd.name = "Iechyd y cyhoedd"
        iechyd.save()
        ystad = ope.copy_for_translation(welsh)
        ystad.name = "Ystâd Gyhoeddus Un"
        ystad.save()
    cache.clear()
    return type(
        "Site",
        (),
        {
            "english": english,
            "welsh_page": CaseStudyPage.objects.get(pk=welsh_page.pk),
            "index": index,
            "welsh_index": CaseStudyIndexPage.objects.get(pk=welsh_index.pk),
            "hub": hub,
            "welsh_hub": CovidHubPage.objects.get(pk=welsh_hub.pk),
            "submission": submission,
            "welsh_submission": welsh_submission,
            "cardiff": cardiff,
        },
    )


def rendered(client, page, headers=ENGLISH_BROWSER) -> str:
    response = client.get(page.url, headers=headers)
    assert response.status_code == 200, page.url
    return response.content.decode()


def api(client, url, **params) -> dict:
    cache.clear()
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def assert_no_english(content: str) -> None:
    for text in ENGLISH_STRINGS:
        assert text not in content, text


def test_the_welsh_urls_are_under_cy(site):
    assert site.welsh_page.url.startswith("/cy/")
    assert site.welsh_hub.url.startswith("/cy/")
    assert not site.english.url.startswith("/cy/")


def test_a_welsh_case_study_shows_what_the_api_shows(client, site):
    content = rendered(client, site.welsh_page)
    detail = api(client, f"/api/v2/case-studies/{site.welsh_page.pk}/")
    assert detail["lead_council"]["name"] == "Cyngor Caerdydd"
    assert [topic["name"] for topic in detail["topics"]] == ["Iechyd y cyhoedd"]
    assert detail["support_type"]["name"] == "Ystâd Gyhoeddus Un"
    assert '<html lang="cy"' in content
    assert "Neidio i&#x27;r prif gynnwys" in content or "Neidio i'r prif gynnwys" in content
    for text in [
        "Cyngor Caerdydd",  # the council's Welsh name, as the API's lead_council
        "Iechyd y cyhoedd",  # the topic of the page's locale
        "Ystâd Gyhoeddus Un",  # the programme of the page's locale
        '<time datetime="2023-02-19">19 Chwefror 2023</time>',
        f'href="{site.welsh_hub.url}"',  # the breadcrumb and COVID-19 line: the Welsh hub
        f'href="{site.welsh_index.url}"',
        "E-bost:",
        "Ffôn:",
    ]:
        assert text in content, text
    assert f'href="{site.hub.url}"' not in content
    assert_no_english(content)


def test_the_english_case_study_stays_english_for_a_welsh_browser(client, site):
    content = rendered(client, site.english, headers=WELSH_BROWSER)
    assert '<html lang="en-gb"' in content
    for text in ["Cardiff Council", "Public health", "One Public Estate", "19 February 2023"]:
        assert text in content, text
    assert "Cyngor Caerdydd" not in content
    assert f'href="{site.hub.url}"' in content


def test_the_welsh_index_shows_welsh_cards_promo_and_template_links(client, site):
    content = rendered(client, site.welsh_index)
    for text in [
        "Caerdydd: strydoedd ysgol",
        "Cyngor Caerdydd",
        "Iechyd y cyhoedd",  # the card's "View all … case studies" link
        "19 Chwefror 2023",
        f'href="{site.welsh_hub.url}"',  # the COVID-19 promo
        f'href="{site.welsh_page.url}"',
        'href="/casestudies/template.docx?locale=cy"',
        'href="/casestudies/template.schema.json?locale=cy"',
    ]:
        assert text in content, text
    assert f'href="{site.hub.url}"' not in content
    assert_no_english(content)
    english = rendered(client, site.index, headers=WELSH_BROWSER)
    assert 'href="/casestudies/template.docx?locale=en-gb"' in english


def test_the_template_downloads_follow_the_link_not_the_browser(client, site):
    schema = client.get("/casestudies/template.schema.json?locale=cy", headers=ENGLISH_BROWSER)
    assert json.loads(schema.content)["title"] == "Cyflwyniad astudiaeth achos"
    english = client.get("/casestudies/template.schema.json?locale=en-gb", headers=WELSH_BROWSER)
    assert json.loads(english.content)["title"] == "Case study submission"
    docx = client.get("/casestudies/template.docx?locale=cy", headers=ENGLISH_BROWSER)
    assert docx.status_code == 200
    assert Document(io.BytesIO(docx.content)).core_properties.title == "Templed astudiaeth achos"
    for url in ("/casestudies/template.docx", "/casestudies/template.schema.json"):
        response = client.get(url, {"locale": "xx"})
        assert response.status_code == 400
        assert response.json()["parameter"] == "locale"
        assert "locale" in response.json()["message"]


def test_the_welsh_hub_links_the_welsh_case_studies(client, site):
    content = rendered(client, site.welsh_hub)
    for text in [
        "Hyb COVID-19",
        f'<a href="{site.welsh_page.url}">Caerdydd: strydoedd ysgol</a> (Cyngor Caerdydd)',
        "Sut i gyflwyno",
        "Astudiaethau achos dan sylw",
        "19 Chwefror 2023",
    ]:
        assert text in content, text
    assert f'href="{site.english.url}"' not in content
    assert "(Cardiff)" not in content  # the short name is English
    assert_no_english(content)
    english = rendered(client, site.hub, headers=WELSH_BROWSER)
    assert f'<a href="{site.english.url}">Cardiff: school streets</a> (Cardiff)' in english


def test_the_welsh_submission_page_speaks_welsh_to_an_english_browser(client, site):
    content = rendered(client, site.welsh_submission)
    # The council list names the councils as the API does in Welsh.
    for text in ["Yr her", "Cyngor arweiniol", "Anfon yr astudiaeth achos", "Cyngor Caerdydd"]:
        assert text in content, text
    assert "The challenge" not in content
    assert 'href="/casestudies/template.docx?locale=cy"' in content
    english = rendered(client, site.submission, headers=WELSH_BROWSER)
    assert "The challenge" in english
    assert ">Cardiff Council</option>" in english


def test_a_draft_translation_is_not_linked(client, site):
    site.welsh_hub.unpublish()
    cache.clear()
    content = rendered(client, site.welsh_page)
    assert f'href="{site.welsh_hub.url}"' not in content
    # No live Welsh hub: the page links the English one rather than a draft.
    assert f'href="{site.hub.url}"' in content


def queries(client, page) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        rendered(client, page)
    return len(captured)


def test_more_welsh_cards_cost_no_more_queries(client, site, django_capture_on_commit_callbacks):
    welsh = site.welsh_page.locale
    before_index = queries(client, site.welsh_index)
    before_hub = queries(client, site.welsh_hub)
    welsh_hub = CovidHubPage.objects.get(pk=site.welsh_hub.pk)
    themes = list(welsh_hub.themes.raw_data)
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(3):
            council = factories.make_council(f"Council {number}", welsh_name=f"Cyngor {number}")
            extra = factories.make_case_study(
                site.index,
                f"Extra {number}",
                councils=[council],
                topics=list(site.english.topics.all()),
                support_type=site.english.support_type,
                is_covid19=True,
            )
            translate(extra, welsh, title=f"Ychwanegol {number}")
            # The Welsh hub's entries name the English case studies, as a copy's do.
            themes[0]["value"]["entries"].append({"type": "case_study", "value": extra.pk})
        welsh_hub.themes = themes
        publish(welsh_hub)
    content = rendered(client, site.welsh_index)
    assert content.count('class="cs-card__topic"') == 4
    assert "Public health" not in content
    assert queries(client, site.welsh_index) == before_index
    hub_content = rendered(client, site.welsh_hub)
    for number in range(3):
        assert f"Ychwanegol {number}</a> (Cyngor {number})" in hub_content
    assert queries(client, site.welsh_hub) == before_hub
