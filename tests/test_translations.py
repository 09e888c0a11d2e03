"""The package speaks Welsh: its catalogue is complete for the public strings and compiled, and the
pages, the submission form, its JSON Schema and the Word template come out in Welsh when the
request asks for it, while English output stays as it was. The Word importer reads a Welsh
template back, whatever language the page that receives it speaks."""

from __future__ import annotations

import ast
import gettext as gnu_gettext
import html
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext
from docx import Document

import wagtail_casestudies
from tests import factories
from tests.submissions_support import as_form_data, valid_payload
from tests.word_support import fill_template
from wagtail_casestudies.importing.headings import heading_key
from wagtail_casestudies.models import CaseStudySubmission
from wagtail_casestudies.submissions.docx import DOCX_CONTENT_TYPE, build_template_document
from wagtail_casestudies.submissions.sanitise import html_to_text
from wagtail_casestudies.submissions.schema import submission_schema

PACKAGE = Path(wagtail_casestudies.__file__).resolve().parent
PO_FILE = PACKAGE / "locale" / "cy" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")

# Where the strings a member of the public reads are written (paths relative to the package, as
# the catalogue's references give them). An entry referenced from any of these must be translated.
PUBLIC_SOURCES = (
    "template.py",
    "listing_page.py",
    "validators.py",
    "submissions/forms.py",
    "submissions/schema.py",
    "submissions/docx.py",
    "submissions/views.py",
    "submissions/files.py",
    "importing/word.py",
    "templates/wagtail_casestudies/base.html",
    "templates/wagtail_casestudies/case_study_index_page.html",
    "templates/wagtail_casestudies/case_study_page.html",
    "templates/wagtail_casestudies/covid_hub_page.html",
    "templates/wagtail_casestudies/submission_page.html",
    "templates/wagtail_casestudies/includes/",
    "templates/wagtail_casestudies/blocks/",
    "templates/wagtail_casestudies/submissions/thanks.html",
    "templates/wagtail_casestudies/submissions/word_upload.html",
    "templates/wagtail_casestudies/submissions/template_downloads.html",
    "templates/wagtail_casestudies/submissions/widgets/",
)

WELSH_HEADINGS = {
    "summary": "Crynodeb",
    "challenge": "Yr her",
    "solution": "Yr ateb",
    "impact": "Yr effaith",
    "sustainability": "Sut mae'r dull newydd yn cael ei gynnal?",
    "lessons_learned": "Gwersi a ddysgwyd",
    "contact": "Cyswllt",
}
ENGLISH_HEADINGS = {
    "summary": "Summary",
    "challenge": "The challenge",
    "solution": "The solution",
    "impact": "The impact",
    "sustainability": "How is the new approach being sustained?",
    "lessons_learned": "Lessons learned",
    "contact": "Contact",
}


# --- The catalogue ------------------------------------------------------------------------------


def read_po(path: Path) -> tuple[dict, list[dict]]:
    """(header, entries) of a .po file as makemessages writes it. Each entry has its references,
    flags, context, msgid, msgid_plural and msgstr (a list: one string, or one a plural form)."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"refs": [], "flags": set(), "msgctxt": None, "msgid_plural": None}
            entry["msgstr"] = []
        if line.startswith("#:"):
            entry["refs"] += [ref.rsplit(":", 1)[0] for ref in line[2:].split()]
        elif line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if field == "msgstr":
                entry["msgstr"][-1] += value
            else:
                entry[field] += value
        else:
            keyword, _space, quoted = line.partition(" ")
            value = ast.literal_eval(quoted)
            if keyword.startswith("msgstr"):
                field = "msgstr"
                entry["msgstr"].append(value)
            else:
                field = keyword
                entry[field] = value
    header = dict(
        line.split(": ", 1) for line in entries[0]["msgstr"][0].splitlines() if ": " in line
    )
    return header, entries[1:]


def test_the_welsh_catalogue_has_six_plural_forms_and_no_fuzzy_entries():
    header, entries = read_po(PO_FILE)
    assert header["Language"] == "cy"
    assert header["Plural-Forms"].startswith("nplurals=6;")
    fuzzy = [entry["msgid"] for entry in entries if "fuzzy" in entry["flags"]]
    assert fuzzy == [], "Fuzzy entries are left out of the .mo: translate them again"
    for entry in entries:
        if entry["msgid_plural"] is not None:
            assert len(entry["msgstr"]) == 6, entry["msgid"]


def test_every_public_string_has_a_welsh_translation():
    _header, entries = read_po(PO_FILE)
    untranslated = [
        entry["msgid"]
        for entry in entries
        if any(ref.startswith(PUBLIC_SOURCES) for ref in entry["refs"]) and not all(entry["msgstr"])
    ]
    assert untranslated == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
def test_the_compiled_catalogue_is_up_to_date(tmp_path):
    """The .mo that ships in the wheel says what the .po says (compared message by message, so a
    different gettext version's byte layout does not matter)."""
    fresh = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(fresh), str(PO_FILE)], check=True, capture_output=True
    )
    with fresh.open("rb") as new, MO_FILE.open("rb") as shipped:
        expected = gnu_gettext.GNUTranslations(new)._catalog
        assert gnu_gettext.GNUTranslations(shipped)._catalog == expected, (
            "Run `django-admin compilemessages` in wagtail_casestudies/ (docs/translations.md)"
        )


def test_the_welsh_template_headings_are_the_agreed_ones():
    with translation.override("cy"):
        for key, heading in WELSH_HEADINGS.items():
            assert gettext(ENGLISH_HEADINGS[key]) == heading


# --- Pages, form, schema and template in Welsh --------------------------------------------------


@pytest.fixture
def bilingual(settings):
    """A site that serves English and Welsh, choosing by the request (LocaleMiddleware)."""
    settings.LANGUAGES = [("en", "English"), ("cy", "Welsh")]
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:1],
        "django.middleware.locale.LocaleMiddleware",
        *settings.MIDDLEWARE[1:],
    ]
    cache.clear()
    yield settings
    cache.clear()


WELSH = {"Accept-Language": "cy"}


@pytest.fixture
def cornwall(db):
    return factories.make_council("Cornwall Council", short_name="Cornwall")


def shows(text: str, page: str) -> bool:
    """Whether ``page`` shows ``text``: escaped where it came from a variable, as written where it
    came from a translate tag."""
    return text in page or html.escape(text) in page


def test_the_submission_form_speaks_welsh_and_its_errors_too(bilingual, client, submission_page):
    page = client.get(submission_page.url, headers=WELSH).content.decode()
    for text in [
        '<html lang="cy"',
        "Yr her",
        "Yr ateb",
        "Gwersi a ddysgwyd",
        "Sut mae'r dull newydd yn cael ei gynnal?",
        "Cyngor arweiniol",
        "Anfon yr astudiaeth achos",
        "Enw'r sefydliad",  # the partners' rows
        "Lawrlwytho'r templed astudiaeth achos (dogfen Word)",
    ]:
        assert shows(text, page), text
    assert "The challenge" not in page

    response = client.post(submission_page.url, data={}, headers=WELSH)
    errors = response.content.decode()
    assert response.status_code == 400
    assert shows("Mae problem gyda'ch astudiaeth achos", errors)
    assert shows("Dewiswch y cyngor arweiniol o'r rhestr, neu teipiwch ei enw.", errors)
    with translation.override("cy"):
        required = gettext("This field is required.")  # Django's own Welsh catalogue
    assert required != "This field is required."
    assert shows(required, errors)


def test_the_submission_form_still_speaks_english(bilingual, client, submission_page):
    page = client.get(submission_page.url).content.decode()
    assert "The challenge" in page
    assert "Send the case study" in page
    assert "Yr her" not in page


def test_the_editors_email_is_in_the_sites_language(
    bilingual, client, submission_page, cornwall, admin_user, django_capture_on_commit_callbacks
):
    data = as_form_data(valid_payload(councils=[cornwall]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submission_page.url, data=data, headers=WELSH)
    assert response.status_code == 200, response.content.decode()[:2000]
    assert "Diolch: mae eich astudiaeth achos wedi dod i law" in response.content.decode()
    [email] = mail.outbox
    assert email.subject.startswith("New case study submission ")
    assert "A case study has been submitted." in email.body


def _without_words(schema):
    """The schema with every title and description (and option label) blanked: its structure."""
    if isinstance(schema, dict):
        return {
            key: None if key in ("title", "description", "x-enumNames") else _without_words(value)
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_without_words(item) for item in schema]
    return schema


def test_the_json_schema_comes_out_in_welsh_with_the_same_structure(db):
    with translation.override("en"):
        english = submission_schema()
    with translation.override("cy"):
        welsh = submission_schema()
    assert english["title"] == "Case study submission"
    assert welsh["title"] == "Cyflwyniad astudiaeth achos"
    assert welsh["properties"]["challenge"]["title"] == "Yr her"
    assert welsh["properties"]["lead_council"]["title"] == "Cyngor arweiniol"
    assert "Yr her; Yr ateb; Yr effaith" in welsh["description"]
    assert [group["title"] for group in welsh["x-groups"]][:3] == ["Teitl", "Crynodeb", "Yr her"]
    assert _without_words(welsh) == _without_words(english)


def test_the_json_schema_url_answers_in_the_requested_language(bilingual, client, db):
    welsh = json.loads(client.get("/casestudies/template.schema.json", headers=WELSH).content)
    english = json.loads(client.get("/casestudies/template.schema.json").content)
    assert welsh["title"] == "Cyflwyniad astudiaeth achos"
    assert english["title"] == "Case study submission"


def _headings(content: bytes) -> list[str]:
    """The document's title and headings."""
    return [
        p.text
        for p in Document(io.BytesIO(content)).paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]


def test_the_word_template_comes_out_in_welsh(db):
    with translation.override("cy"):
        welsh = build_template_document()
    headings = _headings(welsh)
    assert headings[0] == "Templed astudiaeth achos"
    for heading in WELSH_HEADINGS.values():
        assert heading in headings
    assert "The challenge" not in headings
    assert Document(io.BytesIO(welsh)).core_properties.title == "Templed astudiaeth achos"

    with translation.override("en"):
        english = _headings(build_template_document())
    assert english[0] == "Case study template"
    for heading in ENGLISH_HEADINGS.values():
        assert heading in english


def test_the_word_template_url_answers_in_the_requested_language(bilingual, client, db):
    response = client.get("/casestudies/template.docx", headers=WELSH)
    assert "Yr her" in _headings(response.content)
    assert "The challenge" in _headings(client.get("/casestudies/template.docx").content)


def test_the_index_page_speaks_welsh_with_plural_counts(bilingual, client, index_page):
    for _number in range(3):
        factories.make_case_study(index_page)
    welsh = client.get(index_page.url, headers=WELSH).content.decode()
    for text in [
        "Cafwyd 3 canlyniad i'ch chwiliad",
        "Chwilio yn ôl allweddair",
        "Trefnu yn ôl",
        "Y diweddaraf yn gyntaf",
        "Cyflwyno astudiaeth achos",
        "Math o gyngor",  # a facet's heading
    ]:
        assert shows(text, welsh), text
    english = client.get(index_page.url).content.decode()
    assert "Your search returned 3 results" in english
    assert "Search by keyword" in english


def test_the_case_study_page_speaks_welsh(bilingual, client, index_page):
    council = factories.make_council("Cyngor Sir Ddinbych")
    page = factories.make_case_study(
        index_page,
        "Sir Ddinbych: rounds",
        councils=[council],
        body=factories.full_body(council),
    )
    welsh = client.get(page.url, headers=WELSH).content.decode()
    for text in ["<h2>Yr her</h2>", "<h2>Yr effaith</h2>", "<h2>Cyswllt</h2>", "Arbediad cost"]:
        assert text in welsh, text
    english = client.get(page.url).content.decode()
    assert "<h2>The challenge</h2>" in english
    assert "<h2>Contact</h2>" in english


# --- The Word importer reads both languages -----------------------------------------------------


WELSH_CELLS = {
    "Teitl (gofynnol)": "Cyngor Cernyw: yr olwyn benderfynu",
    "Crynodeb (gofynnol)": "Adeiladodd Cernyw olwyn benderfynu gyda thrigolion.",
    "Enw (gofynnol)": "Alex Swyddog",
    "E-bost (gofynnol)": "alex.swyddog@example.gov.uk",
    "Cynghorau (y cyngor arweiniol yn gyntaf)": "Cornwall Council",
}
WELSH_TYPED = {
    "challenge": "Nid oedd trigolion yn gallu dod o hyd i'r gwasanaeth iawn.",
    "solution": "Fe wnaethom adeiladu olwyn benderfynu.",
    "impact": "Gostyngodd galwadau draean.",
    "sustainability": "Mae yn y cynllun gwasanaeth.",
    "lessons_learned": "Cynnwys trigolion o'r diwrnod cyntaf.",
}


def test_a_welsh_template_filled_in_imports_on_an_english_endpoint(client, cornwall):
    with translation.override("cy"):
        template = build_template_document()
    filled = fill_template(
        template,
        typed=WELSH_TYPED,
        cells=WELSH_CELLS,
        ticks=("Rwy'n cytuno",),
        headings=WELSH_HEADINGS,
    )
    response = client.post(
        "/casestudies/submit/",
        data=filled,
        content_type=DOCX_CONTENT_TYPE,
        headers={"Content-Disposition": 'attachment; filename="cernyw.docx"'},
    )
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get(reference=response.json()["reference"])
    assert submission.title == WELSH_CELLS["Teitl (gofynnol)"]
    for key, typed in WELSH_TYPED.items():
        assert html_to_text(submission.data[key]) == typed, key
    assert submission.contact_name == "Alex Swyddog"
    assert list(submission.councils.all()) == [cornwall]
    assert submission.consent_publish is True
    assert submission.data["imported"]["unplaced"] == []


def test_headings_are_recognised_in_english_and_welsh_whatever_the_language():
    for language in ("en", "cy"):
        with translation.override(language):
            for key in WELSH_HEADINGS:
                assert heading_key(WELSH_HEADINGS[key]) == key, (language, key)
                assert heading_key(ENGLISH_HEADINGS[key]) == key, (language, key)
            assert heading_key("Sefydliadau partner") == "partners"
            assert heading_key("Cyd-destun lleol") == "local_context"
