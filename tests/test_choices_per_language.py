"""Topics and support programmes offered in one language (issue 23): on a site in English and
Welsh the submission form, its JSON Schema, the Word template and the editor each list the twelve
topics of their language once, sorted alike; a case study translated with simple_translation's
"Translate" links the Welsh topics and programme; a Welsh submission becomes a case study with
the topics of the page's language. The schema's limits are the form's own."""

from __future__ import annotations

import io
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from wagtail.models import Locale

from tests import factories
from tests.submissions_support import as_form_data, valid_payload
from wagtail_casestudies.models import CaseStudyPage, CaseStudySubmission
from wagtail_casestudies.representation import topic_sort_key
from wagtail_casestudies.submissions.forms import (
    MAX_CHOICES,
    MAX_PARTNERS,
    LinesField,
    PartnersField,
    SubmissionForm,
)
from wagtail_casestudies.submissions.schema import submission_schema

pytestmark = pytest.mark.django_db

LANGUAGES = [("en-gb", "English"), ("cy", "Welsh")]
WELSH = {"Accept-Language": "cy"}
ENGLISH = {"Accept-Language": "en-gb"}
# Twelve topics and their Welsh names, the English in the order every list shows them; two start
# in lower case, so a sort that minds case would put them last.
TOPICS = {
    "Adult social care": "Gofal cymdeithasol i oedolion",
    "Artificial intelligence": "Deallusrwydd artiffisial",
    "Children and young people": "Plant a phobl ifanc",
    "Climate change": "Newid hinsawdd",
    "Culture, tourism and sport": "Diwylliant, twristiaeth a chwaraeon",
    "Cyber": "Seiber",
    "Digital": "Digidol",
    "economic growth": "twf economaidd",
    "Housing and planning": "Tai a chynllunio",
    "Public health": "Iechyd y cyhoedd",
    "Transport": "Trafnidiaeth",
    "Waste and recycling": "Gwastraff ac ailgylchu",
}
PROGRAMMES = {
    "One Public Estate": "Ystad Gyhoeddus Un",
    "Behavioural Insights": "Mewnwelediadau Ymddygiadol",
}
# The Welsh names in the order every Welsh list shows them.
PYNCIAU = [
    "Deallusrwydd artiffisial",
    "Digidol",
    "Diwylliant, twristiaeth a chwaraeon",
    "Gofal cymdeithasol i oedolion",
    "Gwastraff ac ailgylchu",
    "Iechyd y cyhoedd",
    "Newid hinsawdd",
    "Plant a phobl ifanc",
    "Seiber",
    "Tai a chynllunio",
    "Trafnidiaeth",
    "twf economaidd",
]
SUBMIT_URL = "/casestudies/submit/"
SCHEMA_URL = "/casestudies/template.schema.json"
TEMPLATE_URL = "/casestudies/template.docx"


def by_name(names) -> list[str]:
    """By name, case and accents aside, as the API's topics endpoint lists them."""
    return sorted(names, key=topic_sort_key)


def translate(snippet, locale, name: str):
    translation = snippet.copy_for_translation(locale)
    translation.name = name
    translation.save()
    return translation


@pytest.fixture
def site(settings, submission_page, index_page, django_capture_on_commit_callbacks):
    """English and Welsh: the pages, the twelve topics and two programmes in each language. The
    language follows the request (``LocaleMiddleware``) and Wagtail serves the Welsh tree to a
    Welsh request."""
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:1],
        "django.middleware.locale.LocaleMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    cache.clear()
    english, welsh = Locale.get_default(), Locale.objects.create(language_code="cy")
    topics = {name: factories.make_topic(name) for name in TOPICS}
    pynciau = {name: translate(topics[name], welsh, cymraeg) for name, cymraeg in TOPICS.items()}
    programmes = {name: factories.make_support_type(name) for name in PROGRAMMES}
    rhaglenni = {
        name: translate(programmes[name], welsh, cymraeg) for name, cymraeg in PROGRAMMES.items()
    }
    with django_capture_on_commit_callbacks(execute=True):
        factories.site_root().copy_for_translation(welsh).save_revision().publish()
        welsh_index = index_page.copy_for_translation(welsh)
        welsh_index.save_revision().publish()
        welsh_form = submission_page.copy_for_translation(welsh)
        welsh_form.save_revision().publish()
    yield type(
        "Bilingual",
        (),
        {
            "english": english,
            "welsh": welsh,
            "topics": topics,
            "pynciau": pynciau,
            "programmes": programmes,
            "rhaglenni": rhaglenni,
            "index": index_page,
            # Read again: the form page below it changed its child count.
            "welsh_index": type(welsh_index).objects.get(pk=welsh_index.pk),
            "form_page": submission_page,
            "welsh_form_page": welsh_form.specific,
        },
    )
    cache.clear()


def offered(html: str, name: str) -> list[int]:
    """The ids a page's checkboxes named ``name`` offer, in order."""
    inputs = re.findall(r"<input[^>]*\btype=\"checkbox\"[^>]*>", html)
    found = []
    for tag in inputs:
        if f'name="{name}"' in tag:
            found.append(int(re.search(r'value="(\d+)"', tag).group(1)))
    return found


def ticked(html: str, name: str) -> set[int]:
    inputs = re.findall(r"<input[^>]*\btype=\"checkbox\"[^>]*>", html)
    return {
        int(re.search(r'value="(\d+)"', tag).group(1))
        for tag in inputs
        if f'name="{name}"' in tag and "checked" in tag
    }


def chooser(html: str, name: str) -> tuple[str, int | None]:
    """A chooser widget's modal URL and its chosen id."""
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
    value = re.search(r'value="(\d*)"', tag)
    widget = re.search(rf'id="id_{name}-chooser"[^>]*data-chooser-url="([^"]+)"', html)
    url = widget.group(1) if widget else re.search(r'"modalUrl": "([^"]+)"', html).group(1)
    return url.replace("&amp;", "&"), int(value.group(1)) if value and value.group(1) else None


def selected(html: str, name: str) -> tuple[list[int], int | None]:
    """A select's option ids (in order) and its selected one."""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    options = re.findall(r'<option value="(\d*)"([^>]*)>', select)
    ids = [int(value) for value, _attrs in options if value]
    chosen = [int(value) for value, attrs in options if value and "selected" in attrs]
    return ids, chosen[0] if chosen else None


def ids_by_name(rows) -> list[int]:
    return [row.pk for row in sorted(rows, key=topic_sort_key)]


# --- The submission form, its schema and its Word template ---------------------------------------


def test_the_english_form_lists_the_twelve_english_topics_once_sorted(client, site):
    response = client.get(site.form_page.url, headers=ENGLISH)
    assert response.status_code == 200
    html = response.content.decode()
    assert offered(html, "topics") == ids_by_name(site.topics.values())
    assert "Economic growth" not in html and "economic growth" in html
    assert "Iechyd y cyhoedd" not in html


def test_the_welsh_form_lists_the_twelve_welsh_topics_once_sorted(client, site):
    response = client.get(site.form_page.url, headers=WELSH)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="cy"' in html
    assert offered(html, "topics") == ids_by_name(site.pynciau.values())
    assert "Iechyd y cyhoedd" in html and "Public health" not in html


def test_the_schema_offers_the_topics_of_its_language_in_the_forms_order(client, site):
    for headers, rows in ((ENGLISH, site.topics), (WELSH, site.pynciau)):
        cache.clear()
        topics = client.get(SCHEMA_URL, headers=headers).json()["properties"]["topics"]
        assert topics["items"]["enum"] == ids_by_name(rows.values())
        assert topics["x-enumNames"] == by_name(row.name for row in rows.values())
        assert topics["uniqueItems"] is True


def word_topics(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    return [
        paragraph.text.removeprefix("☐ ")
        for paragraph in document.paragraphs
        if paragraph.style.name == "List Bullet"
    ]


def test_the_word_template_lists_the_topics_of_its_language_once(client, site):
    english = client.get(TEMPLATE_URL, headers=ENGLISH)
    assert english.status_code == 200
    assert word_topics(english.content) == list(TOPICS)
    cache.clear()
    welsh = client.get(TEMPLATE_URL, headers=WELSH)
    assert word_topics(welsh.content) == PYNCIAU


def convert_url(submission) -> str:
    return reverse(
        "wagtail_casestudies_casestudysubmission_modeladmin_convert", args=[submission.pk]
    )


def test_a_welsh_submission_keeps_its_welsh_topics_and_converts_in_the_pages_language(
    client, admin_client, site, cornwall, django_capture_on_commit_callbacks
):
    iechyd, tai = site.pynciau["Public health"], site.pynciau["Housing and planning"]
    payload = valid_payload(councils=[cornwall], topics=[tai, iechyd])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(site.form_page.url, as_form_data(payload), headers=WELSH)
    assert response.status_code == 200, response.content.decode()[:2000]
    submission = CaseStudySubmission.objects.get()
    assert submission.data["topics"] == [tai.pk, iechyd.pk]

    response = admin_client.post(convert_url(submission), {"parent": site.welsh_index.pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CaseStudyPage.objects.get()
    assert page.locale == site.welsh
    assert list(page.topics.order_by("name")) == sorted([tai, iechyd], key=lambda t: t.name)
    assert page.main_topic == tai


def test_a_submission_converted_under_the_english_index_links_the_english_topics(
    client, admin_client, site, cornwall, django_capture_on_commit_callbacks
):
    iechyd = site.pynciau["Public health"]
    payload = valid_payload(councils=[cornwall], topics=[iechyd])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(site.welsh_form_page.url, as_form_data(payload), headers=WELSH)
    assert response.status_code == 200
    submission = CaseStudySubmission.objects.get()
    response = admin_client.post(convert_url(submission), {"parent": site.index.pk})
    assert response.status_code == 302
    page = CaseStudyPage.objects.get()
    assert page.locale == site.english
    assert list(page.topics.all()) == [site.topics["Public health"]]
    assert page.main_topic == site.topics["Public health"]


def test_an_other_languages_topic_id_is_taken_as_its_translation_not_refused(client, site):
    """The English endpoint given a Welsh topic's id (a Word document read in Welsh, an older
    client) keeps the topic, in English; an id that is no topic at all is a 400 naming it."""
    english_form = SubmissionForm(
        data=as_form_data(valid_payload(councils=[factories.make_council()])),
        locale=site.english,
    )
    english_form.data["topics"] = [site.pynciau["Cyber"].pk, site.topics["Digital"].pk]
    assert english_form.is_valid(), english_form.errors
    assert english_form.cleaned_data["topics"] == [site.topics["Cyber"], site.topics["Digital"]]

    payload = valid_payload(councils=[factories.make_council()], topics=[])
    payload["topics"] = [site.topics["Cyber"].pk + 10_000]
    response = client.post(SUBMIT_URL, payload, content_type="application/json")
    assert response.status_code == 400
    assert "topics" in response.json()["errors"]


# --- The editor --------------------------------------------------------------------------------


def edit_page(admin_client, page) -> str:
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_editor_of_a_welsh_page_offers_only_welsh_topics_and_programmes(
    admin_client, site, django_assert_max_num_queries
):
    tai = site.pynciau["Housing and planning"]
    page = factories.make_case_study(
        site.welsh_index,
        "Caerdydd: tai gwag",
        topics=[tai],
        support_type=site.rhaglenni["One Public Estate"],
    )
    html = edit_page(admin_client, page)
    assert offered(html, "topics") == ids_by_name(site.pynciau.values())
    assert ticked(html, "topics") == {tai.pk}
    modal_url, chosen = chooser(html, "support_type")
    assert chosen == site.rhaglenni["One Public Estate"].pk
    # The programme's chooser opens on the Welsh programmes.
    listing = admin_client.get(modal_url)
    assert listing.status_code == 200
    text = (
        listing.json()["html"]
        if listing.headers["Content-Type"].startswith("application/json")
        else listing.content.decode()
    )
    assert "Ystad Gyhoeddus Un" in text and "Mewnwelediadau Ymddygiadol" in text
    assert "One Public Estate" not in text and "Behavioural Insights" not in text
    main_ids, main = selected(html, "main_topic")
    assert main_ids == ids_by_name(site.pynciau.values()) and main == tai.pk

    # A new page below the Welsh index: the parent's language.
    response = admin_client.get(
        f"/admin/pages/add/wagtail_casestudies/casestudypage/{site.welsh_index.pk}/"
    )
    assert offered(response.content.decode(), "topics") == ids_by_name(site.pynciau.values())
    english = admin_client.get(
        f"/admin/pages/add/wagtail_casestudies/casestudypage/{site.index.pk}/"
    ).content.decode()
    assert offered(english, "topics") == ids_by_name(site.topics.values())


def test_a_link_to_another_languages_topic_is_shown_and_kept_not_dropped(admin_client, site):
    """A Welsh page made before this release still links an English topic: the editor shows it
    ticked, named with its language, and saving keeps it."""
    digital = site.topics["Digital"]
    page = factories.make_case_study(site.welsh_index, "Caerdydd: digidol", topics=[digital])
    html = edit_page(admin_client, page)
    assert digital.pk in offered(html, "topics")
    assert ticked(html, "topics") == {digital.pk}
    assert "Digital (English)" in html
    assert len(offered(html, "topics")) == 13


# --- Translating a case study ------------------------------------------------------------------


def test_translate_in_the_admin_ticks_the_welsh_topics_and_programme(admin_client, site):
    health, cyber = site.topics["Public health"], site.topics["Cyber"]
    untranslated = factories.make_topic("Libraries")  # no Welsh name yet: kept as it is
    english = factories.make_case_study(
        site.index,
        "Cardiff: school streets",
        topics=[health, cyber, untranslated],
        support_type=site.programmes["Behavioural Insights"],
    )
    response = admin_client.post(
        f"/admin/translation/submit/page/{english.pk}/", {"locales": [site.welsh.pk]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    welsh = CaseStudyPage.objects.get(locale=site.welsh, translation_key=english.translation_key)
    assert response.url == f"/admin/pages/{welsh.pk}/edit/"

    expected = {site.pynciau["Public health"].pk, site.pynciau["Cyber"].pk, untranslated.pk}
    assert {topic.pk for topic in welsh.topics.all()} == expected
    assert welsh.main_topic == site.pynciau["Public health"]
    assert welsh.support_type == site.rhaglenni["Behavioural Insights"]
    # What the editor opens (the latest revision) ticks the same.
    html = edit_page(admin_client, welsh)
    assert ticked(html, "topics") == expected
    assert selected(html, "main_topic")[1] == site.pynciau["Public health"].pk
    assert chooser(html, "support_type")[1] == site.rhaglenni["Behavioural Insights"].pk
    # The English page is untouched.
    english.refresh_from_db()
    assert {topic.pk for topic in english.topics.all()} == {health.pk, cyber.pk, untranslated.pk}
    assert english.support_type == site.programmes["Behavioural Insights"]


# --- The schema's limits are the form's --------------------------------------------------------


def test_the_schemas_limits_are_the_form_fields_own(db):
    form = SubmissionForm()
    properties = submission_schema()["properties"]
    checked = 0
    for name, form_field in form.fields.items():
        if name not in properties:
            continue
        schema = properties[name]
        if getattr(form_field, "max_length", None) and not isinstance(form_field, LinesField):
            assert schema["maxLength"] == form_field.max_length, name
            checked += 1
        if hasattr(form_field, "max_num"):
            assert schema["maxItems"] == form_field.max_num, name
            checked += 1
    assert checked > 15
    partners = properties["partners"]
    item = partners["items"]["properties"]
    assert partners["maxItems"] == PartnersField.max_num == MAX_PARTNERS
    assert item["name"]["maxLength"] == PartnersField.name_max_length
    assert item["website"]["maxLength"] == PartnersField.website_max_length
    assert properties["council_names"]["items"]["maxLength"] == (
        form.fields["council_names"].max_line_length
    )
    # Declared once, the numbers are the ones the schema always published.
    assert (partners["maxItems"], item["name"]["maxLength"], item["website"]["maxLength"]) == (
        20,
        255,
        200,
    )
    assert properties["councils"]["maxItems"] == properties["topics"]["maxItems"] == MAX_CHOICES
    assert properties["council_names"]["maxItems"] == MAX_CHOICES == 50


# --- Queries ----------------------------------------------------------------------------------


def test_the_topic_choices_cost_one_query_whatever_their_number(site, django_assert_num_queries):
    form = SubmissionForm(locale=site.welsh)
    with django_assert_num_queries(1):
        html = str(form["topics"])
    assert offered(html, "topics") == ids_by_name(site.pynciau.values())


def test_translating_more_topics_costs_no_more_queries(site):
    council = factories.make_council()
    few = factories.make_case_study(
        site.index, "Few", councils=[council], topics=list(site.topics.values())[:2]
    )
    many = factories.make_case_study(
        site.index, "Many", councils=[council], topics=list(site.topics.values())
    )
    counts = []
    for page in (few, many):
        with CaptureQueriesContext(connection) as queries:
            welsh = page.copy_for_translation(site.welsh)
        counts.append(len(queries))
        assert {topic.locale_id for topic in welsh.topics.all()} == {site.welsh.pk}
    assert counts[0] == counts[1]
