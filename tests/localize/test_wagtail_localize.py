"""wagtail-localize translates every kind of case study into Welsh, through its own admin views:
made in the page editor, converted from a form submission and from a Word submission, and
imported by each of ``casestudies_import``'s formats (Word, JSON Lines, CSV) and the admin's
"Import from Word". Each is translated, published in Welsh and served; a changed source is synced
into its translation; and an index is translated with all its case studies at once.

Runs under ``--ds tests.settings_localize`` (scripts/test's newest-localize run).
"""

from __future__ import annotations

import csv
import io
import json
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from tests import factories
from tests.form_data import full_body_form_data, inline_formset, nested_form_data
from tests.submissions_support import as_form_data, valid_payload
from tests.word_support import TYPED, council_document, fill_template, post_word
from wagtail_casestudies.models import CaseStudyPage, CaseStudySubmission

pytestmark = pytest.mark.django_db

EXPORT_BODY = (
    "<h2>The challenge</h2><p>Calls kept rising.</p>"
    "<h2>The solution</h2><p>We built a decision wheel.</p>"
    "<h2>The impact</h2><p>Calls fell by a third.</p>"
    "<h2>Lessons learned</h2><p>Start small.</p>"
    "<h2>Contact</h2><p>Jane Smith, Head of Digital, jane@example.gov.uk</p>"
)
INBOX = "wagtail_casestudies_casestudysubmission_modeladmin_"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def welsh(db):
    return Locale.objects.get_or_create(language_code="cy")[0]


@pytest.fixture
def library(db, welsh):
    """The index, the council and the topic every kind of case study below names."""
    return {
        "index": factories.make_index_page(),
        "council": factories.make_council("Cornwall Council", short_name="Cornwall"),
        "topic": factories.make_topic("Digital"),
    }


# --- Every way a case study is made -------------------------------------------------------------


def made_in_the_admin(client, library) -> CaseStudyPage:
    """Every block type, posted to the page editor as an editor fills it in."""
    council, topic = library["council"], library["topic"]
    image, document = factories.make_image(), factories.make_document()
    data = nested_form_data(
        {
            "title": "Cornwall Council: bin rounds",
            "slug": "cornwall-bin-rounds",
            "summary": "Cornwall rerouted its bin rounds and missed collections fell.",
            "body": full_body_form_data(council.pk, image.pk, document.pk),
            "council_links": inline_formset([{"council": str(council.pk)}], min=1),
            "partners": inline_formset([]),
            "related_links": inline_formset([]),
            "main_topic": str(topic.pk),
            "support_type": "",
            "series": "",
            "tags": "",
            "is_covid19": "",
            "publication_date": "",
            "hero_image": "",
            "hero_image_alt": "",
            "action-publish": "action-publish",
        }
    )
    data["topics"] = [str(topic.pk)]
    url = reverse(
        "wagtailadmin_pages:add",
        args=("wagtail_casestudies", "casestudypage", library["index"].pk),
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return CaseStudyPage.objects.get(slug="cornwall-bin-rounds")


def convert(client, submission, library) -> CaseStudyPage:
    """The inbox's convert view, then published as an editor would."""
    response = client.post(
        reverse(INBOX + "convert", args=[submission.pk]), {"parent": library["index"].pk}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    submission.refresh_from_db()
    return publish_draft(submission.case_study)


def converted_from_a_form(client, library, django_capture_on_commit_callbacks):
    """A submission sent through the form's JSON endpoint without the optional impact figures."""
    payload = valid_payload(councils=[library["council"]], topics=[library["topic"]])
    for name in ("impact_cost_saving", "impact_income_generated", "impact_figures_note"):
        payload.pop(name)
    payload["title"] = "Cornwall Council: a form submission"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtail_casestudies:submit"), as_form_data(payload))
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get(reference=response.json()["reference"])
    return convert(client, submission, library)


def converted_from_word(client, library, django_capture_on_commit_callbacks):
    """The site's Word template, filled in and sent to the intake, then converted."""
    template = client.get("/casestudies/template.docx").content
    filled = fill_template(template, typed={**TYPED, "solution": "A Word submission."})
    with django_capture_on_commit_callbacks(execute=True):
        response = post_word(client, filled, "cornwall.docx")
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get(reference=response.json()["reference"])
    return convert(client, submission, library)


def imported_by_the_command(tmp_path, name: str, content: bytes | str) -> CaseStudyPage:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    before = set(CaseStudyPage.objects.values_list("pk", flat=True))
    call_command("casestudies_import", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    [page] = CaseStudyPage.objects.exclude(pk__in=before)
    return publish_draft(page)


def export_row(title: str) -> dict:
    return {
        "title": title,
        "summary": "An export from the old site.",
        "body": EXPORT_BODY,
        "councils": "Cornwall Council",
        "topics": "Digital",
        "date": "2021-03-04",
        "url": f"https://old.example.org/{title.lower().replace(' ', '-')}",
    }


def imported_from_json_lines(tmp_path):
    row = export_row("Cornwall Council JSON export")
    return imported_by_the_command(tmp_path, "library.jsonl", json.dumps(row) + "\n")


def imported_from_csv(tmp_path):
    buffer = io.StringIO()
    row = export_row("Cornwall Council CSV export")
    writer = csv.DictWriter(buffer, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    return imported_by_the_command(tmp_path, "library.csv", buffer.getvalue())


def imported_from_word(tmp_path):
    return imported_by_the_command(tmp_path, "cornwall.docx", council_document())


def imported_in_the_admin(client, library):
    """The index's "Import from Word" admin view."""
    before = set(CaseStudyPage.objects.values_list("pk", flat=True))
    upload = SimpleUploadedFile(
        "headings.docx", council_document(bold_headings=False), "application/octet-stream"
    )
    response = client.post(
        reverse("wagtail_casestudies_import_from_word", args=[library["index"].pk]),
        {"documents": [upload]},
    )
    assert response.status_code == 200
    [page] = CaseStudyPage.objects.exclude(pk__in=before)
    return publish_draft(page)


def publish_draft(page) -> CaseStudyPage:
    page.get_latest_revision().publish()
    return CaseStudyPage.objects.get(pk=page.pk)


@pytest.fixture
def every_kind(admin_client, library, tmp_path, django_capture_on_commit_callbacks):
    """One case study of each kind, published under the index, by name."""
    return {
        "admin": made_in_the_admin(admin_client, library),
        "form submission": converted_from_a_form(
            admin_client, library, django_capture_on_commit_callbacks
        ),
        "Word submission": converted_from_word(
            admin_client, library, django_capture_on_commit_callbacks
        ),
        "casestudies_import .docx": imported_from_word(tmp_path),
        "casestudies_import .jsonl": imported_from_json_lines(tmp_path),
        "casestudies_import .csv": imported_from_csv(tmp_path),
        "Import from Word": imported_in_the_admin(admin_client, library),
    }


# --- wagtail-localize's views -------------------------------------------------------------------


# wagtail-localize publishes a translated page's revision on commit: the tests run the callbacks
# (``on_commit``, the django_capture_on_commit_callbacks fixture) as a committed request would.


def submit_translation(client, on_commit, page, locale, *, include_subtree: bool = False):
    """wagtail-localize's "Translate this page" form, posted for one locale."""
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert client.get(url).status_code == 200
    data = {"locales": [locale.pk]}
    if include_subtree:
        data["include_subtree"] = "on"
    with on_commit(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return page.get_translation(locale).specific


def publish_in_the_editor(client, on_commit, welsh_page):
    """The translation editor's Publish button (the page's edit view, action=publish)."""
    edit = reverse("wagtailadmin_pages:edit", args=[welsh_page.pk])
    assert client.get(edit).status_code == 200
    with on_commit(execute=True):
        response = client.post(edit, {"action": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return CaseStudyPage.objects.get(pk=welsh_page.pk)


def assert_served_in_welsh(client, welsh_page, english_page):
    assert welsh_page.locale.language_code == "cy"
    assert welsh_page.live
    url = welsh_page.get_url()
    assert url.startswith("/cy/")
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.context["page"].pk == welsh_page.pk
    # Nothing is translated yet: the Welsh page says what the English one says, block by block.
    assert [b.block_type for b in welsh_page.body] == [b.block_type for b in english_page.body]


# --- Tests --------------------------------------------------------------------------------------


def test_an_index_is_translated_with_one_case_study_of_each_kind(
    admin_client, client, library, every_kind, welsh, django_capture_on_commit_callbacks
):
    """ "Translate this page" on the index, with its subtree: one transaction translates the index
    and every case study under it, so a case study wagtail-localize could not read would undo
    them all. Each Welsh page then opens in the translation editor, is published and served."""
    on_commit = django_capture_on_commit_callbacks
    welsh_index = submit_translation(
        admin_client, on_commit, library["index"], welsh, include_subtree=True
    )

    translated = {kind: page.get_translation_or_none(welsh) for kind, page in every_kind.items()}
    assert [kind for kind, page in translated.items() if page is None] == []
    assert {page.get_parent().pk for page in translated.values()} == {welsh_index.pk}
    # wagtail-localize publishes the Welsh index on commit from the instance it copied before the
    # subtree was added under it, writing back its child count as 0; the package repairs the
    # count when one of its index or hub pages is published (no `manage.py fixtree` needed).
    assert Page.objects.get(pk=welsh_index.pk).numchild == len(translated)
    assert client.get(welsh_index.get_url()).status_code == 200
    for kind, page in every_kind.items():
        welsh_page = publish_in_the_editor(admin_client, on_commit, translated[kind].specific)
        assert_served_in_welsh(client, welsh_page, page)


def test_a_changed_source_is_synced_into_its_welsh_translation(
    admin_client, client, library, tmp_path, welsh, django_capture_on_commit_callbacks
):
    on_commit = django_capture_on_commit_callbacks
    page = imported_from_word(tmp_path)
    welsh_page = submit_translation(admin_client, on_commit, page, welsh)
    welsh_page = publish_in_the_editor(admin_client, on_commit, welsh_page)

    # The editor changes the English page: a new summary and a figures note.
    edited = page.get_latest_revision_as_object()
    edited.summary = "Cornwall's decision wheel, now in every library."
    for block in edited.body:
        if block.block_type == "impact":
            block.value["figures_note"] = "a year, 2023/24 outturn"
    edited.save_revision().publish()

    # "Sync translated pages": the source is read again and the Welsh page saved and published.
    source = TranslationSource.objects.get_for_instance(page)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert admin_client.get(url).status_code == 200
    with on_commit(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]

    welsh_page = CaseStudyPage.objects.get(pk=welsh_page.pk)
    assert welsh_page.summary == "Cornwall's decision wheel, now in every library."
    impact = next(block for block in welsh_page.body if block.block_type == "impact")
    assert impact.value["figures_note"] == "a year, 2023/24 outturn"
    assert Translation.objects.get(source=source, target_locale=welsh).enabled
    assert_served_in_welsh(client, welsh_page, page)


def test_stored_nulls_are_repaired_by_migration_0014_and_then_translate(
    admin_client, client, library, welsh, django_capture_on_commit_callbacks
):
    """A body stored before the blocks shaped their values (an impact block with
    ``figures_note: null``, a contact without its other children, a null heading), in the page
    and its revision, as imports and conversions wrote them; the migration gives them the editor's
    shape, keeping every text."""
    page = factories.make_case_study(library["index"], "Cornwall Council: stored before")
    stored = [
        {
            "type": "impact",
            "value": {"text": "<p>Calls fell.</p>", "figures_note": None},
            "id": "a",
        },
        {"type": "contact", "value": {"name": "Jane Smith", "email": None}, "id": "b"},
        {"type": "heading", "value": None, "id": "c"},
    ]
    field = CaseStudyPage._meta.get_field("body")
    CaseStudyPage.objects.filter(pk=page.pk).update(
        body=StreamValue(field.stream_block, stored, is_lazy=True)
    )
    revision = page.get_latest_revision()
    revision.content["body"] = json.dumps(stored)
    revision.save(update_fields=["content"])
    assert list(CaseStudyPage.objects.get(pk=page.pk).body.raw_data)[0]["value"] == {
        "text": "<p>Calls fell.</p>",
        "figures_note": None,
    }

    migration = import_module("wagtail_casestudies.migrations.0014_admin_shaped_block_values")
    migration.forwards(django_apps, None)

    repaired = list(CaseStudyPage.objects.get(pk=page.pk).body.raw_data)
    assert repaired[0]["value"] == {
        "text": "<p>Calls fell.</p>",
        "cost_saving": None,
        "income_generated": None,
        "figures_note": "",
    }
    assert repaired[1]["value"] == {
        "name": "Jane Smith",
        "job_title": "",
        "council": None,
        "organisation": "",
        "email": "",
        "phone": "",
        "publish_contact_details": False,
    }
    assert repaired[2]["value"] == ""
    revision.refresh_from_db()
    assert json.loads(revision.content["body"]) == repaired

    welsh_page = submit_translation(admin_client, django_capture_on_commit_callbacks, page, welsh)
    welsh_page = publish_in_the_editor(admin_client, django_capture_on_commit_callbacks, welsh_page)
    assert_served_in_welsh(client, welsh_page, CaseStudyPage.objects.get(pk=page.pk))
