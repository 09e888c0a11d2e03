"""From Word to a draft case study: the intake takes a filled-in template (or any document
written to its headings), the admin imports Word files, and the readers place each part."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from PIL import Image

from tests import factories
from tests.word_support import (
    CELLS,
    TYPED,
    council_document,
    fill_template,
    jpeg_with_location,
    macro_document,
    png_bytes,
    post_word,
    to_bytes,
)
from wagtail_casestudies.importing.headings import heading_key
from wagtail_casestudies.importing.html import read_html
from wagtail_casestudies.importing.word import read_word
from wagtail_casestudies.models import CaseStudyPage, CaseStudySubmission
from wagtail_casestudies.submissions.sanitise import html_to_text
from wagtail_casestudies.submissions.services import ConversionError, convert_submission

pytestmark = pytest.mark.usefixtures("fresh_cache")

SUBMIT_URL = "/casestudies/submit/"
TEMPLATE_URL = "/casestudies/template.docx"


def body_blocks(page) -> dict:
    return {block.block_type: block.value for block in page.body}


# --- The template, downloaded, filled in and sent back ------------------------------------------


def test_filled_in_template_becomes_a_submission_and_a_draft(
    client, cornwall, admin_user, index_page
):
    factories.make_topic("Digital")
    template = client.get(TEMPLATE_URL).content
    response = post_word(client, fill_template(template), "cornwall.docx")
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get(reference=response.json()["reference"])

    assert submission.source == "word"
    assert submission.title == CELLS["Title (required)"]
    assert submission.summary == CELLS["Summary (required)"]
    for key, typed in TYPED.items():
        assert html_to_text(submission.data[key]) == typed, key
    assert submission.data["impact_cost_saving"] == "120000"
    assert submission.contact_name == "Alex Officer"
    assert submission.contact_email == "alex.officer@example.gov.uk"
    assert submission.data["contact_job_title"] == "Head of Customer Services"
    assert list(submission.councils.all()) == [cornwall]
    assert [t.name for t in submission.topics.all()] == ["Digital"]
    assert submission.consent_publish is True
    assert submission.consent_publish_contact is False
    # The document itself is kept as the submission's attachment.
    [attachment] = submission.attachments.all()
    assert attachment.original_name == "cornwall.docx"
    assert attachment.file_type == "docx"
    # Nothing of the template's own text was taken for an answer.
    assert submission.data["imported"]["unplaced"] == []

    result = convert_submission(submission, index_page, admin_user)
    blocks = body_blocks(result.page)
    for key, typed in TYPED.items():
        assert html_to_text(blocks[key]["text"].source) == typed, key
    assert blocks["contact"]["name"] == "Alex Officer"
    assert blocks["contact"]["council"] == cornwall
    # The Word file is not published as a download of the case study.
    assert "document" not in blocks
    assert result.page.live is False


def test_sending_the_same_document_twice_is_one_submission(client, cornwall):
    template = client.get(TEMPLATE_URL).content
    document = fill_template(template)
    first = post_word(client, document)
    again = post_word(client, document)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["reference"] == first.json()["reference"]
    assert again["Idempotent-Replayed"] == "true"
    assert CaseStudySubmission.objects.count() == 1


def test_an_idempotency_key_works_for_word_documents_as_for_json(client, cornwall):
    template = client.get(TEMPLATE_URL).content
    document = fill_template(template)
    first = post_word(client, document, **{"Idempotency-Key": "word-key-1"})
    assert first.status_code == 201, first.content
    again = post_word(client, document, **{"Idempotency-Key": "word-key-1"})
    assert again.status_code == 200
    assert again.json()["reference"] == first.json()["reference"]
    other = fill_template(template, typed={**TYPED, "solution": "Another solution."})
    conflict = post_word(client, other, **{"Idempotency-Key": "word-key-1"})
    assert conflict.status_code == 409
    assert CaseStudySubmission.objects.count() == 1


def test_a_template_with_sections_left_empty_is_kept_as_incomplete_naming_them(client, cornwall):
    template = client.get(TEMPLATE_URL).content
    document = fill_template(template, typed={"solution": "We built a wheel."})
    response = post_word(client, document)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "incomplete"
    missing = {item["field"] for item in body["missing"]}
    assert {"challenge", "impact", "sustainability", "lessons_learned"} <= missing
    assert "solution" not in missing
    submission = CaseStudySubmission.objects.get(reference=body["reference"])
    assert submission.status == "incomplete"
    assert html_to_text(submission.data["solution"]) == "We built a wheel."
    assert submission.attachments.filter(original_name="case-study.docx").exists()


def test_a_document_without_consent_is_kept_but_cannot_become_a_case_study(
    client, cornwall, admin_user, index_page
):
    template = client.get(TEMPLATE_URL).content
    response = post_word(client, fill_template(template, ticks=()))
    assert response.status_code == 201, response.content
    assert "consent_publish" in {item["field"] for item in response.json()["missing"]}
    submission = CaseStudySubmission.objects.get(reference=response.json()["reference"])
    assert not submission.consent_publish
    with pytest.raises(ConversionError, match="not agreed"):
        convert_submission(submission, index_page, admin_user)
    assert not CaseStudyPage.objects.exists()


# --- A document that never saw the template ------------------------------------------------------


@pytest.mark.parametrize("bold_headings", [True, False], ids=["bold lines", "heading styles"])
def test_a_council_document_gives_sections_title_summary_and_contact(db, cornwall, bold_headings):
    parsed = read_word(council_document(bold_headings=bold_headings))
    assert parsed.title == "Cornwall Council: the decision wheel"
    assert parsed.summary == "Cornwall built a decision wheel with residents."
    assert set(parsed.sections) == {
        "challenge",
        "solution",
        "impact",
        "sustainability",
        "lessons_learned",
    }
    assert parsed.sections["challenge"] == (
        "<p>Calls kept <b>rising</b> and <i>waiting</i> grew; see "
        '<a href="https://example.org/review">the review</a>.</p>'
    )
    assert parsed.sections["impact"] == (
        "<p>Calls fell by a third:</p><ul><li>£120,000 saved</li><li>4,000 fewer calls</li></ul>"
    )
    assert (
        parsed.sections["lessons_learned"]
        == "<ol><li>Start small.</li><li>Involve residents.</li></ol>"
    )
    assert parsed.tables == [("impact", [["Year", "Calls"], ["2023", "12,000"]])]
    assert parsed.fields == {
        "contact_name": "Jane Smith",
        "contact_job_title": "Head of Digital",
        "contact_email": "jane.smith@cornwall.gov.uk",
    }
    assert parsed.unplaced == []


def test_a_council_document_posted_to_the_intake_names_its_lead_council_from_the_title(
    client, cornwall, admin_user, index_page
):
    document = council_document()
    # Consent is a field of the form: a document that does not give it is kept, and asked for it.
    response = post_word(client, document)
    assert response.status_code == 201
    assert {item["field"] for item in response.json()["missing"]} == {"consent_publish"}
    CaseStudySubmission.objects.all().delete()

    with_consent = Document(io.BytesIO(document))
    with_consent.add_paragraph("Consent", style="Heading 1")
    with_consent.add_paragraph(
        "☒ I agree that this case study may be edited and published, and that I have "
        "permission to share it and its attachments."
    )
    response = post_word(client, to_bytes(with_consent))
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    assert list(submission.councils.all()) == [cornwall]
    page = convert_submission(submission, index_page, admin_user).page
    blocks = list(page.body)
    assert [b.block_type for b in blocks] == [
        "challenge",
        "solution",
        "impact",
        "table",
        "sustainability",
        "lessons_learned",
        "contact",
    ]
    table = blocks[3].value
    assert [list(row) for row in table["rows"]] == [["Year", "Calls"], ["2023", "12,000"]]
    assert blocks[6].value["email"] == "jane.smith@cornwall.gov.uk"
    # The table renders with its header row as column headings.
    html = blocks[3].render()
    assert '<th scope="col">Year</th>' in html and "<td>12,000</td>" in html


def test_a_council_line_names_the_councils_in_order(client, cornwall):
    """A "Councils:" line, not the title, names the councils: lead first, in the order written."""
    wigan = factories.make_council("Wigan Council", short_name="Wigan")
    document = Document(io.BytesIO(council_document()))
    document.paragraphs[0].text = "A decision wheel for residents"
    document.paragraphs[1].insert_paragraph_before("Councils: Wigan Council; Cornwall Council")
    parsed = read_word(to_bytes(document))
    assert parsed.title == "A decision wheel for residents"
    assert parsed.summary == "Cornwall built a decision wheel with residents."
    assert parsed.council_names == ["Wigan Council", "Cornwall Council"]
    assert parsed.unplaced == []

    document.add_paragraph("Consent", style="Heading 1")
    document.add_paragraph("☒ I agree that this case study may be edited and published")
    response = post_word(client, to_bytes(document))
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    assert submission.councils_in_order() == [wigan, cornwall]


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("The challenge", "challenge"),
        ("The challenge and solutions", "challenge"),
        ("The solution", "solution"),
        ("The impact", "impact"),
        ("The impact (including cost savings/income generated if applicable)", "impact"),
        ("How is the new approach being sustained?", "sustainability"),
        ("Lessons learned", "lessons_learned"),
        ("Lessons learnt:", "lessons_learned"),
        ("Contact", "contact"),
        ("Background", "challenge"),
        ("Overview", "challenge"),
        ("Introduction", "challenge"),
        ("Key points", "key_points"),
        ("Local context", "local_context"),
        ("3. THE SOLUTION", "solution"),
        ("Summary", "summary"),
    ],
)
def test_heading_variants(heading, key):
    assert heading_key(heading) == key


def test_sentences_that_mention_a_section_are_not_headings():
    assert heading_key("The challenge was to answer calls faster than before.") is None
    assert heading_key("Contact centre staff said the wheel helped") is None


VARIANT_HEADINGS = {
    "challenge": "Background",
    "solution": "What we did",
    "impact": "The impact (including cost savings/income generated if applicable)",
    "sustainability": "How is the new approach being sustained?",
    "lessons_learned": "Lessons learnt",
    "contact": "Contact details",
}


@pytest.mark.parametrize("bold_headings", [True, False], ids=["bold lines", "heading styles"])
def test_a_document_headed_in_other_words_gives_the_same_sections(db, bold_headings):
    standard = read_word(council_document())
    variant = read_word(council_document(bold_headings=bold_headings, headings=VARIANT_HEADINGS))
    assert variant.sections == standard.sections
    assert variant.fields == standard.fields
    assert variant.tables == standard.tables


def test_key_points_and_local_context_get_their_blocks(db):
    document = Document()
    document.add_paragraph("Wigan Council: community hubs", style="Title")
    document.add_paragraph("Hubs in every ward.")
    document.add_heading("Key points", level=2)
    document.add_paragraph("Eight hubs opened", style="List Bullet")
    document.add_paragraph("Footfall doubled", style="List Bullet")
    document.add_heading("Local context", level=2)
    document.add_paragraph("Wigan has 330,000 residents.")
    document.add_heading("Background", level=2)
    document.add_paragraph("Services were scattered.")
    document.add_heading("How we did it", level=3)  # a sub-heading stays in its section
    document.add_paragraph("Ward by ward.")
    parsed = read_word(to_bytes(document))
    assert parsed.title == "Wigan Council: community hubs"
    assert parsed.summary == "Hubs in every ward."
    assert parsed.key_points == ["Eight hubs opened", "Footfall doubled"]
    assert parsed.local_context == "<p>Wigan has 330,000 residents.</p>"
    assert parsed.sections["challenge"] == (
        "<p>Services were scattered.</p><h3>How we did it</h3><p>Ward by ward.</p>"
    )


def test_a_document_with_no_recognisable_heading_keeps_everything_unplaced(db):
    document = Document()
    lines = [
        "Parking permits go digital",
        "The council moved permits online.",
        "Residents apply on their phones.",
        "Paper forms ended in March.",
    ]
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Permits", "9,000"
    parsed = read_word(to_bytes(document))
    assert parsed.title == lines[0]
    assert parsed.summary == lines[1]
    assert parsed.sections == {}
    assert parsed.unplaced == [
        ("paragraph", f"<p>{lines[2]}</p>"),
        ("paragraph", f"<p>{lines[3]}</p>"),
        ("table", [["Permits", "9,000"]]),
    ]


def test_unplaced_text_reaches_the_draft_under_a_heading_that_says_so(
    client, cornwall, admin_user, index_page
):
    document = Document(io.BytesIO(council_document()))
    # An extra paragraph between the summary and the first section cannot be placed.
    assert document.paragraphs[2].text == "The challenge"
    document.paragraphs[2].insert_paragraph_before("Published in the spring newsletter.")
    document.add_paragraph("Consent", style="Heading 1")
    document.add_paragraph("☒ I agree that this case study may be edited and published")
    response = post_word(client, to_bytes(document))
    assert response.status_code == 201, response.content
    page = convert_submission(CaseStudySubmission.objects.get(), index_page, admin_user).page
    types = [b.block_type for b in page.body]
    heading_at = types.index("heading")
    assert page.body[heading_at].value.startswith("Not placed by the import")
    assert "spring newsletter" in page.body[heading_at + 1].value.source


def test_html_and_word_with_the_same_headings_give_the_same_sections(db):
    body = (
        "<p>Cornwall built a decision wheel with residents.</p>"
        "<h2>The challenge</h2><p>Calls kept <strong>rising</strong> and "
        '<em>waiting</em> grew; see <a href="https://example.org/review">the review</a>.</p>'
        "<h2>The solution</h2><p>We built a decision wheel.</p>"
        "<p><strong>The impact (including cost savings/income generated if applicable)</strong></p>"
        "<p>Calls fell by a third:</p><ul><li>£120,000 saved</li><li>4,000 fewer calls</li></ul>"
        "<table><tr><th>Year</th><th>Calls</th></tr><tr><td>2023</td><td>12,000</td></tr></table>"
        "<h3>How is the new approach being sustained?</h3><p>It is in the service plan.</p>"
        "<h3>Lessons learnt</h3><ol><li>Start small.</li><li>Involve residents.</li></ol>"
        "<h3>Contact</h3><p>Jane Smith, Head of Digital, jane.smith@cornwall.gov.uk</p>"
    )
    from_html = read_html(body, title="Cornwall Council: the decision wheel")
    from_word = read_word(council_document())
    assert from_html.title == from_word.title
    assert from_html.summary == from_word.summary
    assert from_html.sections == from_word.sections
    assert from_html.tables == from_word.tables
    assert from_html.fields == from_word.fields


def test_html_from_elsewhere_is_sanitised(db):
    parsed = read_html(
        '<h2>The solution</h2><p onclick="x()">A <script>alert(1)</script>'
        '<a href="javascript:alert(1)">link</a> <img src=x onerror=alert(1)></p>',
        title="T",
        summary="S",
    )
    assert parsed.sections["solution"] == "<p>A <a>link</a> </p>"


# --- Pictures ------------------------------------------------------------------------------------


def test_pictures_become_image_attachments_without_their_location(client, cornwall):
    document = Document(io.BytesIO(client.get(TEMPLATE_URL).content))
    document.add_paragraph().add_run().add_picture(io.BytesIO(jpeg_with_location()))
    document.add_paragraph().add_run().add_picture(io.BytesIO(png_bytes()))
    response = post_word(client, fill_template(to_bytes(document)))
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    kinds = sorted((a.kind, a.file_type) for a in submission.attachments.all())
    assert kinds == [("document", "docx"), ("image", "jpeg"), ("image", "png")]
    jpeg = submission.attachments.get(file_type="jpeg")
    with jpeg.file.open("rb") as stored, Image.open(stored) as image:
        exif = image.getexif()
        assert 0x8825 not in exif  # no GPS
        assert 0x010F not in exif  # nor the rest of the personal metadata (the camera's maker)


def test_the_original_photo_did_have_a_location():
    with Image.open(io.BytesIO(jpeg_with_location())) as image:
        assert image.getexif().get_ifd(0x8825)


# --- Refusals ------------------------------------------------------------------------------------


def test_a_macro_enabled_document_is_refused(client, db):
    response = post_word(client, macro_document(), "wheel.docm")
    assert response.status_code == 400
    [error] = response.json()["errors"]["document"]
    assert error["code"] == "macro_enabled"
    assert "macros" in error["message"]
    assert CaseStudySubmission.objects.count() == 0


def test_an_encrypted_document_is_refused(client, db):
    # Word saves a password-protected .docx as an OLE compound file with an EncryptionInfo stream.
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
    response = post_word(client, ole + b"\0" * 1024)
    assert response.status_code == 400
    assert response.json()["errors"]["document"][0]["code"] == "encrypted"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.4\n%%EOF\n", "not_word"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old_word_format"),
        (b"just some text", "not_word"),
    ],
    ids=["pdf", "word 97-2003", "text"],
)
def test_what_is_not_a_word_document_is_refused(client, db, content, code):
    response = post_word(client, content)
    assert response.status_code == 400
    assert response.json()["errors"]["document"][0]["code"] == code


def test_a_plain_zip_named_docx_is_refused(client, db):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    response = post_word(client, buffer.getvalue())
    assert response.json()["errors"]["document"][0]["code"] == "not_word"


def test_a_document_over_the_limit_is_refused(client, db, settings):
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_MAX_DOCUMENT_SIZE": 10_000}
    response = post_word(client, council_document(image=png_bytes()) + b"\0" * 10_000)
    assert response.status_code == 400
    [error] = response.json()["errors"]["document"]
    assert error["code"] == "too_large"
    assert "at most" in error["message"]


# --- The form page's "send us your filled-in template instead" ----------------------------------


def test_the_form_page_offers_the_word_upload(client, submission_page):
    html = client.get(submission_page.url).content.decode()
    assert "Send us your filled-in template instead" in html
    assert 'name="word_document"' in html
    assert '<label for="cs-word-document">' in html


def test_a_word_document_uploaded_on_the_form_page_is_received(client, submission_page, cornwall):
    document = council_document()
    response = client.post(
        submission_page.url,
        {
            "word_document": SimpleUploadedFile("cornwall.docx", document),
            "consent_publish": "on",
            "idempotency_key": "page-key-1",
        },
    )
    assert response.status_code == 200
    submission = CaseStudySubmission.objects.get()
    assert submission.reference in response.content.decode()
    assert submission.source == "word"
    assert submission.idempotency_key == "page-key-1"
    assert submission.consent_publish is True
    assert list(submission.councils.all()) == [cornwall]
    assert html_to_text(submission.data["solution"]) == "We built a decision wheel."


def test_a_word_document_missing_sections_is_kept_and_comes_back_as_the_form_with_what_was_read(
    client, submission_page, cornwall
):
    document = Document()
    document.add_paragraph("Cornwall Council: the decision wheel")
    document.add_paragraph("A wheel.")
    document.add_paragraph("The solution").runs[0].bold = True
    document.add_paragraph("We built a decision wheel.")
    response = client.post(
        submission_page.url,
        {"word_document": SimpleUploadedFile("short.docx", to_bytes(document))},
    )
    assert response.status_code == 200
    submission = CaseStudySubmission.objects.get()
    assert submission.status == "incomplete"
    html = response.content.decode()
    assert submission.reference in html
    assert "There is a problem with your case study" in html
    assert 'href="#section-challenge"' in html
    assert 'value="Cornwall Council: the decision wheel"' in html  # what was read is shown
    assert "We built a decision wheel." in html
    assert "&lt;p&gt;" not in html  # as plain text, not markup


def test_a_refused_word_document_is_explained_beside_the_upload(client, submission_page):
    response = client.post(
        submission_page.url,
        {"word_document": SimpleUploadedFile("wheel.docm", macro_document())},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="cs-word-document-error" role="alert"' in html
    assert "contains macros" in html
    assert not CaseStudySubmission.objects.exists()


def test_several_ticked_topics_are_all_chosen(client, cornwall):
    for name in ("Digital", "Housing", "Transport"):
        factories.make_topic(name)
    template = client.get(TEMPLATE_URL).content
    response = post_word(client, fill_template(template, ticks=("Digital", "Transport", "I agree")))
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    assert sorted(t.name for t in submission.topics.all()) == ["Digital", "Transport"]


def test_checkbox_lines_outside_the_template_groups_are_kept(db):
    document = Document()
    document.add_paragraph("A title")
    document.add_paragraph("A summary.")
    document.add_heading("The solution", level=2)
    document.add_paragraph("☐ Not started yet", style="List Bullet")
    document.add_paragraph("☒ Done", style="List Bullet")
    parsed = read_word(to_bytes(document))
    assert parsed.sections["solution"] == "<ul><li>☐ Not started yet</li><li>☒ Done</li></ul>"
