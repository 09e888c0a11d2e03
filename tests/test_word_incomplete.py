"""A readable Word document is never lost: stored when something is missing, completed by its
sender through a signed link, never published without consent; imports go on past a bad file
and a dry run reports what the real run does; pictures stay private until publication."""

from __future__ import annotations

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from docx import Document
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.submissions_support import valid_payload
from tests.word_support import (
    TYPED,
    council_document,
    fill_template,
    png_bytes,
    post_word,
    to_bytes,
)
from wagtail_casestudies.models import CaseStudyPage, CaseStudySubmission
from wagtail_casestudies.submissions.privacy import PRIVATE_COLLECTION_NAME
from wagtail_casestudies.submissions.sanitise import html_to_text
from wagtail_casestudies.submissions.services import ConversionError, convert_submission

pytestmark = pytest.mark.usefixtures("fresh_cache")

SUBMIT_URL = "/casestudies/submit/"
TEMPLATE_URL = "/casestudies/template.docx"


def without_consent_with_bold() -> bytes:
    """A council's own document, with formatting in a section, that gives no consent."""
    document = Document(io.BytesIO(council_document()))
    return to_bytes(document)


# --- Stored, then completed by its sender --------------------------------------------------------


def test_a_document_without_consent_is_stored_and_its_sender_completes_it(
    client, cornwall, submission_page, admin_user, index_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_word(client, without_consent_with_bold(), "cornwall.docx")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "incomplete"
    assert [item["field"] for item in body["missing"]] == ["consent_publish"]
    assert body["complete_url"].startswith("http://localhost/")
    submission = CaseStudySubmission.objects.get(reference=body["reference"])
    assert submission.status == "incomplete" and not submission.consent_publish
    challenge_html = submission.data["challenge"]
    assert "<b>rising</b>" in challenge_html

    # The contact the document names is sent the same link.
    assert len(mail.outbox) >= 1
    to_sender = [m for m in mail.outbox if m.to == ["jane.smith@cornwall.gov.uk"]]
    assert len(to_sender) == 1
    assert body["complete_url"] in to_sender[0].body
    assert submission.reference in to_sender[0].subject

    # The link shows the form with what was read, as plain text, and what is missing.
    page = client.get(body["complete_url"])
    assert page.status_code == 200
    html = page.content.decode()
    assert submission.reference in html
    assert 'href="#section-consent_publish"' in html
    assert "Calls kept rising and waiting grew" in html
    assert "&lt;b&gt;" not in html and "&lt;p&gt;" not in html
    token = re.search(r'name="complete" value="([^"]+)"', html).group(1)

    # Sent back as shown, with the consent ticked: the stored formatting is kept.
    form_data = {
        "complete": token,
        "title": submission.data["title"],
        "summary": submission.data["summary"] or "Cornwall built a decision wheel.",
        "lead_council": str(cornwall.pk),
        "consent_publish": "on",
        "contact_name": submission.data["contact_name"],
        "contact_email": submission.data["contact_email"],
    }
    for key in TYPED:
        form_data[key] = html_to_text(submission.data[key])
    done = client.post(submission_page.url, form_data)
    assert done.status_code == 200, done.content.decode()[:3000]
    assert "Thank you" in done.content.decode()
    submission.refresh_from_db()
    assert submission.status == "new"
    assert submission.missing == []
    assert submission.consent_publish
    assert submission.data["challenge"] == challenge_html  # bold and link kept
    assert list(submission.councils.all()) == [cornwall]
    assert submission.attachments.filter(original_name="cornwall.docx").exists()

    # The link works once; the case study can now be converted.
    again = client.get(body["complete_url"])
    assert again.status_code == 404
    assert "This link has expired" in again.content.decode()
    result = convert_submission(submission, index_page, admin_user)
    assert result.page.title == submission.title


def test_a_tampered_link_completes_nothing(client, cornwall, submission_page):
    response = post_word(client, without_consent_with_bold())
    url = response.json()["complete_url"]
    reference = response.json()["reference"]
    tampered = url[:-3] + ("abc" if not url.endswith("abc") else "xyz")
    assert client.get(tampered).status_code == 404
    assert client.post(submission_page.url, {"complete": tampered[-40:]}).status_code == 404
    assert CaseStudySubmission.objects.get(reference=reference).status == "incomplete"


def test_without_a_submission_page_the_answer_still_lists_what_is_missing(client, cornwall):
    response = post_word(client, without_consent_with_bold())
    assert response.status_code == 201
    assert response.json()["complete_url"] is None
    assert response.json()["missing"][0]["field"] == "consent_publish"


def test_the_same_incomplete_document_twice_is_stored_once(client, cornwall, submission_page):
    document = without_consent_with_bold()
    first = post_word(client, document)
    second = post_word(client, document)
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["reference"] == second.json()["reference"]
    # Whoever sends the same bytes again learns the reference, never the link that shows and
    # completes what the first sender wrote.
    assert first.json()["complete_url"]
    assert second.json()["complete_url"] is None
    assert CaseStudySubmission.objects.count() == 1


def test_a_template_with_only_a_title_is_stored_under_it(client, cornwall):
    template = client.get(TEMPLATE_URL).content
    document = fill_template(
        template, typed={}, cells={"Title (required)": "Cornwall Council: a start"}, ticks=()
    )
    response = post_word(client, document, "start.docx")
    assert response.status_code == 201
    submission = CaseStudySubmission.objects.get()
    assert submission.title == "Cornwall Council: a start"
    assert {"summary", "challenge", "consent_publish"} <= {m["field"] for m in submission.missing}


def test_a_document_with_no_title_is_stored_under_its_file_name(client, db):
    document = Document()
    document.add_paragraph("")
    response = post_word(client, to_bytes(document), "notes.docx")
    assert response.status_code == 201, response.content
    assert CaseStudySubmission.objects.get().title == "notes.docx"


def test_the_inbox_lists_an_incomplete_submission_as_such(admin_client, client, cornwall):
    post_word(client, without_consent_with_bold())
    listing = admin_client.get("/admin/wagtail_casestudies/casestudysubmission/?status=incomplete")
    assert listing.status_code == 200
    assert "Incomplete" in listing.content.decode()
    submission = CaseStudySubmission.objects.get()
    assert submission.title in listing.content.decode()
    assert "Convert to case study" not in listing.content.decode()
    inspect = admin_client.get(
        f"/admin/wagtail_casestudies/casestudysubmission/inspect/{submission.pk}/"
    )
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "Still missing" in html
    assert "Convert to case study" not in html


# --- The JSON endpoint's other edges -------------------------------------------------------------


@pytest.mark.parametrize("value", [1e300, "1e999", "Infinity", 48.9, "48.9", "-1", [1]])
def test_a_lead_council_that_is_not_an_id_is_a_400_naming_it(client, cornwall, value):
    payload = {"title": "x", "lead_council": value}
    response = client.post(SUBMIT_URL, payload, content_type="application/json")
    if isinstance(value, list):
        assert response.status_code == 400
        return
    assert response.status_code == 400, response.content
    assert "lead_council" in response.json()["errors"]


def test_a_lead_council_of_infinity_in_raw_json_is_a_400(client, cornwall):
    for raw in (b'{"lead_council": 1e999}', b'{"lead_council": Infinity}'):
        response = client.post(SUBMIT_URL, raw, content_type="application/json")
        assert response.status_code == 400, response.content
        assert "lead_council" in response.json()["errors"]


def test_nul_characters_are_stored_without_a_500(client, cornwall):
    payload = valid_payload(councils=[cornwall])
    payload["title"] = "Cornwall\x00 Council: a wheel"
    payload["challenge"] = "Calls\x00 kept rising."
    response = client.post(SUBMIT_URL, payload, content_type="application/json")
    assert response.status_code == 201, response.content
    stored = CaseStudySubmission.objects.get()
    assert "\x00" not in stored.raw_data["title"]
    assert "\x00" not in stored.title


def test_too_many_fields_or_files_answer_json(client, db, settings):
    fields = {f"field{number}": "x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post(SUBMIT_URL, fields)
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"][0]["code"] == "too_many_fields"
    files = {
        f"images{number}": SimpleUploadedFile(f"{number}.png", b"x")
        for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    }
    response = client.post(SUBMIT_URL, files)
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"][0]["code"] == "too_many_files"


# --- casestudies_import: every file reported, nothing stopped, pictures private ------------------


def write(folder, name, content: bytes):
    (folder / name).write_bytes(content)


def test_an_import_goes_on_past_a_bad_file_and_a_dry_run_says_the_same(
    tmp_path, index_page, cornwall, capsys
):
    write(tmp_path, "1-good.docx", council_document())
    write(tmp_path, "2-broken.docx", b"PK\x03\x04 this is not a zip")
    write(tmp_path, "3-not-xml.docx", _with_part(council_document(), "word/document.xml", b"<"))
    write(tmp_path, "4-good.docx", council_document(image=png_bytes()))
    other = Document(io.BytesIO(council_document()))
    other.paragraphs[0].text = "Cornwall Council: a second wheel"
    write(tmp_path, "5-good.docx", to_bytes(other))

    call_command("casestudies_import", str(tmp_path), "--dry-run")
    dry = capsys.readouterr()
    call_command("casestudies_import", str(tmp_path))
    real = capsys.readouterr()
    dry_line = re.search(
        r"Would create (\d+) draft case studies; (\d+) already imported; (\d+) failed", dry.out
    )
    real_line = re.search(
        r"Created (\d+) draft case studies; (\d+) already imported; (\d+) failed", real.out
    )
    assert dry_line.groups() == real_line.groups()
    created, _already, failed = map(int, real_line.groups())
    assert failed == 2
    assert created == 3
    assert "2-broken.docx" in real.err and "3-not-xml.docx" in real.err
    assert CaseStudyPage.objects.count() == 3
    assert (
        not get_image_model().objects.exclude(pk__in=_images_used_by_pages()).exists()
    )  # the dry run left no image behind


def test_pictures_brought_in_by_an_import_are_private_until_publication(
    tmp_path, index_page, cornwall, admin_user
):
    write(tmp_path, "picture.docx", council_document(image=png_bytes()))
    call_command("casestudies_import", str(tmp_path))
    image = get_image_model().objects.get()
    private = Collection.objects.get(name=str(PRIVATE_COLLECTION_NAME))
    assert image.collection == private
    assert private.view_restrictions.exists()
    assert re.search(r"-[0-9a-f]{16}\.png$", image.file.name)

    page = CaseStudyPage.objects.get()
    page.get_latest_revision().publish(user=admin_user)
    image.refresh_from_db()
    assert image.collection.is_root()


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 120, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


def _images_used_by_pages() -> list[int]:
    used = []
    for page in CaseStudyPage.objects.all():
        revision = page.get_latest_revision_as_object()
        used += [block.value["image"].pk for block in revision.body if block.block_type == "image"]
    return used


def _with_part(docx: bytes, name: str, content: bytes) -> bytes:
    import zipfile

    source, target = io.BytesIO(docx), io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as archive:
        for item in original.infolist():
            archive.writestr(item, content if item.filename == name else original.read(item))
    return target.getvalue()


def test_a_line_break_sent_in_json_opens_in_the_editor(
    client, cornwall, admin_client, admin_user, index_page
):
    payload = valid_payload(councils=[cornwall])
    payload["challenge"] = "<p>Calls kept rising<br>and waiting grew.</p>"
    response = client.post(SUBMIT_URL, payload, content_type="application/json")
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    assert "<br/>" in submission.data["challenge"]
    page = convert_submission(submission, index_page, admin_user).page
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_a_date_under_the_title_becomes_the_publication_date(tmp_path, index_page, cornwall):
    document = Document(io.BytesIO(council_document()))
    document.paragraphs[0].insert_paragraph_before("Cornwall Council: the decision wheel")
    document.paragraphs[1].text = "Date: March 2023"
    write(tmp_path, "dated.docx", to_bytes(document))
    call_command("casestudies_import", str(tmp_path))
    page = CaseStudyPage.objects.get()
    assert str(page.publication_date) == "2023-03-01"


def test_a_word_document_with_the_honeypot_filled_is_refused(client, cornwall, submission_page):
    response = client.post(
        submission_page.url,
        {
            "word_document": SimpleUploadedFile("bot.docx", without_consent_with_bold()),
            "homepage": "http://spam.example",
        },
    )
    assert response.status_code == 400
    assert not CaseStudySubmission.objects.exists()


def test_editors_hear_of_an_incomplete_submission_once_it_is_completed(
    client, cornwall, django_capture_on_commit_callbacks, settings
):
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_NOTIFY_EMAILS": ["editors@example.org"]}
    with django_capture_on_commit_callbacks(execute=True):
        post_word(client, without_consent_with_bold())
    assert not [m for m in mail.outbox if m.to == ["editors@example.org"]]
    sender_mail = [m for m in mail.outbox if m.to == ["jane.smith@cornwall.gov.uk"]]
    assert all("Cornwall Council: the decision wheel" not in m.body for m in sender_mail)


def test_an_incomplete_submission_waits_for_its_sender_even_with_consent(
    client, cornwall, submission_page, admin_user, index_page
):
    document = Document()
    document.add_paragraph("Cornwall Council: the decision wheel")
    document.add_paragraph("The solution").runs[0].bold = True
    document.add_paragraph("We built a decision wheel.")
    client.post(
        submission_page.url,
        {
            "word_document": SimpleUploadedFile("short.docx", to_bytes(document)),
            "consent_publish": "on",
        },
    )
    submission = CaseStudySubmission.objects.get()
    assert submission.consent_publish and submission.status == "incomplete"
    with pytest.raises(ConversionError):
        convert_submission(submission, index_page, admin_user)


def test_the_document_is_kept_when_a_picture_in_it_is_refused(client, cornwall, settings):
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_MAX_IMAGE_PIXELS": 100}
    document = Document(io.BytesIO(council_document(image=png_bytes())))
    document.add_paragraph().add_run().add_picture(io.BytesIO(_png(5, 5)))
    response = post_word(client, to_bytes(document), "pictures.docx")
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    names = [attachment.original_name for attachment in submission.attachments.all()]
    assert "pictures.docx" in names  # the document itself, whatever its pictures
    assert any(name.endswith(".png") for name in names)  # the small picture passed


def test_publishing_an_import_keeps_a_document_with_unplaced_text_as_a_draft(
    tmp_path, index_page, cornwall, capsys
):
    document = Document(io.BytesIO(council_document()))
    document.paragraphs[0].insert_paragraph_before("From: Jane Smith <jane.smith@cornwall.gov.uk>")
    write(tmp_path, "emailed.docx", to_bytes(document))
    clean = Document(io.BytesIO(council_document()))
    clean.paragraphs[0].text = "Cornwall Council: a second wheel"
    write(tmp_path, "clean.docx", to_bytes(clean))
    call_command("casestudies_import", str(tmp_path), "--publish")
    out = capsys.readouterr().out
    assert "Kept 1 as drafts" in out and "emailed.docx" in out
    assert not CaseStudyPage.objects.get(title="Cornwall Council: the decision wheel").live
    assert CaseStudyPage.objects.get(title="Cornwall Council: a second wheel").live
