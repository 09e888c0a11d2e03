"""Word documents as councils really write them (issue 22): headings in their own styles and
wordings, lines under the title that describe the case study, Word's own markup (text boxes,
tracked changes, content controls), and the template's fields read the same on every path: the
intake's raw-body endpoint and ``casestudies_import``."""

from __future__ import annotations

import io
import time
from decimal import Decimal

import pytest
from django.core.management import call_command
from docx import Document

from tests import factories
from tests.word_support import (
    CELLS,
    STYLE_SUMMARY,
    STYLE_TEXT,
    STYLE_TITLE,
    STYLES,
    WORDINGS,
    fill_template,
    grey_italic,
    placement,
    post_word,
    styled_document,
    text_box_run,
    to_bytes,
    xml_element,
)
from wagtail_casestudies.importing.amounts import parse_amount
from wagtail_casestudies.importing.document import parse_contact
from wagtail_casestudies.importing.headings import heading_key
from wagtail_casestudies.importing.word import read_word
from wagtail_casestudies.models import CaseStudyPage, CaseStudySubmission
from wagtail_casestudies.submissions.sanitise import html_to_text

pytestmark = pytest.mark.usefixtures("fresh_cache")

SUBMIT_URL = "/casestudies/submit/"
TEMPLATE_URL = "/casestudies/template.docx"
LANGUAGES = [("en-gb", "English"), ("cy", "Welsh")]
CONSENT = (
    "☒ I agree that this case study may be edited and published, and that I have permission "
    "to share it and its attachments."
)


def with_consent(content: bytes) -> bytes:
    document = Document(io.BytesIO(content))
    document.add_paragraph("Consent", style="Heading 1")
    document.add_paragraph(CONSENT)
    return to_bytes(document)


def import_folder(tmp_path, index_page, *documents: bytes) -> list[CaseStudyPage]:
    """Each document through ``casestudies_import``, as a folder of .docx files."""
    folder = tmp_path / "import"
    folder.mkdir()
    for number, content in enumerate(documents):
        (folder / f"case-{number}.docx").write_bytes(content)
    call_command("casestudies_import", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    return list(CaseStudyPage.objects.order_by("pk"))


def section_texts(body) -> dict[str, str]:
    return {
        block.block_type: html_to_text(block.value["text"].source)
        for block in body
        if block.block_type in STYLE_TEXT
    }


# --- Headings in every style and wording --------------------------------------------------------


@pytest.mark.parametrize("wording", sorted(WORDINGS))
@pytest.mark.parametrize("style", STYLES)
def test_every_style_and_wording_places_every_paragraph(db, style, wording):
    parsed = read_word(styled_document(style, wording))
    assert placement(parsed) == 1.0, (parsed.sections, parsed.summary, parsed.unplaced)
    assert parsed.title == STYLE_TITLE
    assert parsed.unplaced == []


def test_a_welsh_document_is_known_to_be_welsh(db):
    assert read_word(styled_document("bold", "welsh")).language == "cy"
    assert read_word(styled_document("bold", "questions")).language == "en"


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("What was the problem?", "challenge"),
        ("What difference has it made?", "impact"),
        ("What have we learned?", "lessons_learned"),
        ("The solution and how it was implemented", "solution"),
        ("Outcomes and impact", "impact"),
        ("Lessons", "lessons_learned"),
        ("2.1 Our approach", "solution"),
        ("Section 3: Lessons learnt", "lessons_learned"),
        ("Beth oedd y broblem?", "challenge"),
        ("Pa wahaniaeth mae wedi’i wneud?", "impact"),
        ("Beth ydym wedi'i ddysgu?", "lessons_learned"),
        ("Gwersi a ddysgwyd", "lessons_learned"),
        ("Yr her", "challenge"),
        ("Yr ateb", "solution"),
        ("Yr effaith", "impact"),
        ("Cysylltu", "contact"),
        ("Cyswllt", "contact"),
    ],
)
def test_question_long_and_welsh_wordings(heading, key):
    assert heading_key(heading) == key


@pytest.mark.parametrize(
    "sentence",
    [
        "The challenge was to answer calls faster than before.",
        "Contact centre staff said the wheel helped",
        "Impact on residents was greater than we hoped for in the first year.",
        "What was the problem with the old system, and why did nobody fix it?",
        "Lessons from other councils helped us plan the work",
        "Outcomes improved for residents and staff.",
    ],
)
def test_sentences_are_not_headings(sentence):
    assert heading_key(sentence) is None


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Yr her / The challenge", "challenge"),
        (
            "Sut mae'r dull newydd yn cael ei gynnal? / How is the new approach being sustained?",
            "sustainability",
        ),
        ("Cyswllt / Contact", "contact"),
        ("Pwnc / Topic", "topics"),
        ("Yr her / The solution", None),
    ],
)
def test_headings_in_both_languages(heading, key):
    assert heading_key(heading) == key


def test_a_label_run_in_with_a_dash_opens_its_section(db):
    document = Document()
    document.add_paragraph(STYLE_TITLE)
    document.add_paragraph(STYLE_SUMMARY)
    for key, paragraphs in STYLE_TEXT.items():
        document.add_paragraph(f"{WORDINGS['template'][key]} - {paragraphs[0]}")
        for rest in paragraphs[1:]:
            document.add_paragraph(rest)
    document.add_paragraph("Contact – Hannah Okafor, Service Manager, Home Plus, h.o@leeds.gov.uk")
    parsed = read_word(to_bytes(document))
    assert placement(parsed) == 1.0
    assert parsed.fields["contact_job_title"] == "Service Manager, Home Plus"


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "Emma Birch, Assistant Director, Public Health, emma@example.gov.uk",
            {"name": "Emma Birch", "job_title": "Assistant Director, Public Health"},
        ),
        (
            "Jane Smith, Head of Digital, Cornwall Council, jane@example.gov.uk",
            {
                "name": "Jane Smith",
                "job_title": "Head of Digital",
                "organisation": "Cornwall Council",
            },
        ),
    ],
)
def test_a_contact_line_keeps_commas_in_the_job_title(line, fields):
    found, leftover = parse_contact([line])
    assert {k.removeprefix("contact_"): v for k, v in found.items() if "mail" not in k} == fields
    assert leftover == []


def test_a_heading_set_out_as_one_may_say_a_little_more():
    assert heading_key("Impact on residents") is None
    assert heading_key("Impact on residents", looks_like_heading=True) == "impact"
    assert heading_key("Lessons for other councils", looks_like_heading=True) == "lessons_learned"
    assert heading_key("Contact centre redesign", looks_like_heading=True) is None


def test_a_bold_word_opening_a_sentence_is_not_a_run_in_heading(db):
    document = Document(io.BytesIO(styled_document("bold")))
    paragraph = document.add_paragraph()
    paragraph.add_run("Contact").bold = True
    paragraph.add_run(" centre staff said the wheel helped.")
    parsed = read_word(to_bytes(document))
    assert "Contact centre staff said" in html_to_text(str(parsed.unplaced)) or (
        parsed.fields["contact_name"] == "Jane Smith"
    )
    assert "centre staff" not in parsed.fields.get("contact_name", "")


# --- Both paths read the styles the same ----------------------------------------------------------


@pytest.mark.parametrize("style", ["run_in", "list_number", "table"])
def test_the_intake_and_the_import_place_a_style_alike(
    client, cornwall, admin_user, index_page, tmp_path, style
):
    document = with_consent(styled_document(style, "questions"))
    response = post_word(client, document)
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    for key, paragraphs in STYLE_TEXT.items():
        assert html_to_text(submission.data[key]) == " ".join(paragraphs) or all(
            p in html_to_text(submission.data[key]) for p in paragraphs
        ), key
    assert submission.summary == STYLE_SUMMARY
    assert submission.contact_email == "jane.smith@cornwall.gov.uk"
    assert submission.councils_in_order() == [cornwall]
    assert submission.data["imported"]["unplaced"] == []

    [page] = import_folder(tmp_path, index_page, document)
    texts = section_texts(page.body)
    for key in STYLE_TEXT:
        assert texts[key] == html_to_text(submission.data[key]), key
    assert page.summary == STYLE_SUMMARY
    assert [link.council for link in page.council_links.all()] == [cornwall]
    assert "heading" not in [block.block_type for block in page.body]  # nothing unplaced


# --- Lines under the title ----------------------------------------------------------------------


UNDER_TITLE = (
    "Topic: Public health",
    "Councils involved: Cornwall Council, Brighton and Hove City Council and Little Snoring",
    "Lead authority: Wigan Council",
    "Partners: NHS Kernow, Age UK Cornwall and Falmouth University",
    "Date: March 2023",
)


@pytest.fixture
def register(cornwall):
    return {
        "cornwall": cornwall,
        "wigan": factories.make_council("Wigan Council", short_name="Wigan"),
        "brighton": factories.make_council("Brighton and Hove City Council"),
        "banes": factories.make_council("Bath and North East Somerset Council"),
    }


def test_lines_under_the_title_are_fields_not_the_summary(register):
    parsed = read_word(styled_document("bold", under_title=UNDER_TITLE))
    assert parsed.summary == STYLE_SUMMARY
    assert parsed.unplaced == []
    assert parsed.topic_names == ["Public health"]
    # The lead first, then the others in the order written; a name the register knows whole
    # ("Brighton and Hove") is not split at its "and".
    assert parsed.council_names == [
        "Wigan Council",
        "Cornwall Council",
        "Brighton and Hove City Council",
        "Little Snoring",
    ]
    assert [p["name"] for p in parsed.partners] == [
        "NHS Kernow",
        "Age UK Cornwall",
        "Falmouth University",
    ]
    assert parsed.date == "March 2023"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Councils: A Council, B Council and C Council", ["A Council", "B Council", "C Council"]),
        ("Councils: Adur and Worthing councils", ["Adur", "Worthing"]),
        ("Council: Bath and North East Somerset Council", ["Bath and North East Somerset Council"]),
        (
            "Councils: Wigan; Bath and North East Somerset Council",
            ["Wigan", "Bath and North East Somerset Council"],
        ),
        ("Council: Windsor and Maidenhead", ["Windsor and Maidenhead"]),
        ("Cyngor: Cornwall Council", ["Cornwall Council"]),
    ],
)
def test_council_lists_split_as_written(register, line, names):
    parsed = read_word(styled_document("bold", under_title=(line,)))
    assert parsed.council_names == names
    assert parsed.summary == STYLE_SUMMARY


def test_a_bare_council_name_under_the_title_is_the_council(register):
    parsed = read_word(styled_document("bold", title="The decision wheel", under_title=("Wigan",)))
    assert parsed.council_names == ["Wigan"]
    assert parsed.summary == STYLE_SUMMARY


def test_a_subtitle_under_the_title_does_not_take_the_summary(db):
    parsed = read_word(styled_document("bold", under_title=("A wheel for every resident",)))
    assert parsed.summary == STYLE_SUMMARY
    assert [html_to_text(v) for _k, v in parsed.unplaced] == ["A wheel for every resident"]


def test_the_intake_and_the_import_read_lines_under_the_title_alike(
    client, register, admin_user, index_page, tmp_path
):
    factories.make_topic("Public health")
    document = with_consent(styled_document("heading", under_title=UNDER_TITLE))
    response = post_word(client, document)
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    expected = [register["wigan"], register["cornwall"], register["brighton"]]
    assert submission.councils_in_order() == expected
    assert submission.data["council_names"] == ["Little Snoring"]
    assert [t.name for t in submission.topics.all()] == ["Public health"]
    assert [p["name"] for p in submission.data["partners"]] == [
        "NHS Kernow",
        "Age UK Cornwall",
        "Falmouth University",
    ]

    [page] = import_folder(tmp_path, index_page, document)
    assert [link.council for link in page.council_links.all()] == expected
    assert [t.name for t in page.topics.all()] == ["Public health"]
    assert page.main_topic.name == "Public health"
    assert [p.name for p in page.partners.all()] == [
        "NHS Kernow",
        "Age UK Cornwall",
        "Falmouth University",
    ]


def test_topics_are_matched_in_any_language_and_taken_in_the_documents(db, settings):
    from wagtail.models import Locale

    from wagtail_casestudies.importing.intake import resolve

    settings.WAGTAIL_I18N_ENABLED = True
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES = LANGUAGES
    welsh = Locale.objects.create(language_code="cy")
    health = factories.make_topic("Public health")
    iechyd = health.copy_for_translation(welsh)
    iechyd.name = "Iechyd y cyhoedd"
    iechyd.save()
    housing = factories.make_topic("Housing and planning")
    english = read_word(styled_document("bold", under_title=("Topics: Iechyd y cyhoedd",)))
    assert resolve(english).topics == [health]
    cymraeg = read_word(
        styled_document(
            "bold", "welsh", under_title=("Pynciau: Public health; Housing and planning",)
        )
    )
    assert cymraeg.topic_names == ["Public health", "Housing and planning"]
    assert resolve(cymraeg).topics == [iechyd, housing]


# --- The site's template, read the same on every path -------------------------------------------


def template_with_everything(template: bytes) -> bytes:
    """The template filled in with the lead council typed by name, partner rows, the contact
    consent ticked and a cost saving written as councils write amounts."""
    cells = {**CELLS, "Lead council": "Wigan Council", "Cost saving (£)": "£12,500"}
    cells["Councils (the lead council first)"] = "Cornwall Council"
    document = Document(io.BytesIO(fill_template(template, cells=cells)))
    partners = next(t for t in document.tables if t.rows[0].cells[0].text == "Organisation")
    rows = [("NHS Kernow", "NHS body", "nhskernow.nhs.uk"), ("Age UK", "charity", "")]
    for row, values in zip(partners.rows[1:], rows, strict=False):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("☐ Publish the contact"):
            for run in paragraph.runs:
                run.text = run.text.replace("☐", "☒")
    return to_bytes(document)


def test_the_template_reads_the_same_through_the_intake_and_the_import(
    client, register, admin_user, index_page, tmp_path
):
    factories.make_topic("Digital")
    document = template_with_everything(client.get(TEMPLATE_URL).content)
    response = post_word(client, document)
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    assert submission.councils_in_order() == [register["wigan"], register["cornwall"]]
    assert submission.consent_publish_contact is True
    assert submission.data["impact_cost_saving"] == "12500"
    assert [(p["name"], p["kind"]) for p in submission.data["partners"]] == [
        ("NHS Kernow", "nhs"),
        ("Age UK", "charity"),
    ]

    [page] = import_folder(tmp_path, index_page, document)
    assert [link.council for link in page.council_links.all()] == [
        register["wigan"],
        register["cornwall"],
    ]
    assert [(p.name, p.kind, p.website) for p in page.partners.all()] == [
        ("NHS Kernow", "nhs", "https://nhskernow.nhs.uk"),
        ("Age UK", "charity", ""),
    ]
    blocks = {block.block_type: block.value for block in page.body}
    assert blocks["contact"]["publish_contact_details"] is True
    assert blocks["contact"]["council"] == register["wigan"]
    assert blocks["impact"]["cost_saving"] == Decimal("12500")
    assert [t.name for t in page.topics.all()] == ["Digital"]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("£12,500", Decimal("12500")),
        ("£1.2m", Decimal("1200000")),
        ("12k", Decimal("12000")),
        ("£3 million", Decimal("3000000")),
        ("GBP 4,000.50", Decimal("4000.50")),
        ("120000", Decimal("120000")),
        ("about half", None),
        ("£12,50", None),
        ("see the report", None),
    ],
)
def test_amounts(text, amount):
    assert parse_amount(text) == amount


def test_an_amount_that_is_not_one_is_kept_for_the_editor_on_both_paths(
    client, cornwall, admin_user, index_page, tmp_path
):
    template = client.get(TEMPLATE_URL).content
    cells = {**CELLS, "Cost saving (£)": "about half the budget"}
    document = fill_template(template, cells=cells)
    parsed = read_word(document)
    assert "impact_cost_saving" not in parsed.fields
    assert "about half the budget" in html_to_text(str(parsed.unplaced))
    response = post_word(client, document)
    assert response.status_code == 201, response.content
    [page] = import_folder(tmp_path, index_page, document)
    assert "about half the budget" in " ".join(
        block.value.source for block in page.body if block.block_type == "paragraph"
    )


def test_welsh_contact_labels_and_topic_line(db):
    document = Document(io.BytesIO(styled_document("bold", "welsh", contact="Enw: Siân Jones")))
    for line in ("Swydd: Pennaeth Digidol", "E-bost: sian@example.gov.uk", "Ffôn: 01234 567890"):
        document.add_paragraph(line)
    document.add_paragraph("Pwnc: Iechyd y cyhoedd")
    parsed = read_word(to_bytes(document))
    assert parsed.fields == {
        "contact_name": "Siân Jones",
        "contact_job_title": "Pennaeth Digidol",
        "contact_email": "sian@example.gov.uk",
        "contact_phone": "01234 567890",
    }
    assert parsed.topic_names == ["Iechyd y cyhoedd"]


# --- Word's own markup ----------------------------------------------------------------------------


def test_text_boxes_are_read_once_where_they_are_anchored(db):
    document = Document(io.BytesIO(styled_document("heading")))
    anchor = next(p for p in document.paragraphs if p.text == STYLE_TEXT["impact"][0])
    anchor._p.append(text_box_run("Nine in ten residents found their service first time."))
    parsed = read_word(to_bytes(document))
    impact = html_to_text(parsed.sections["impact"])
    assert impact.count("Nine in ten residents") == 1
    assert impact.index("Calls fell") < impact.index("Nine in ten") < impact.index("Waiting")


def test_tracked_insertions_are_read_and_deletions_are_not(db):
    document = Document(io.BytesIO(styled_document("heading")))
    paragraph = next(p for p in document.paragraphs if p.text == STYLE_TEXT["solution"][0])
    paragraph._p.append(
        xml_element(
            '<w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve"> Then a '
            "second wheel.</w:t></w:r></w:ins>"
        )
    )
    paragraph._p.append(
        xml_element(
            '<w:del w:id="2" w:author="A"><w:r><w:delText>Withdrawn words.'
            "</w:delText></w:r></w:del>"
        )
    )
    parsed = read_word(to_bytes(document))
    solution = html_to_text(parsed.sections["solution"])
    assert "residents. Then a second wheel." in solution
    assert "Withdrawn" not in solution


def test_content_controls_are_read_but_not_their_placeholders(db):
    document = Document(io.BytesIO(styled_document("heading")))
    paragraph = next(p for p in document.paragraphs if p.text == STYLE_TEXT["challenge"][0])
    block = xml_element(
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Typed in a block content control.</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    paragraph._p.addnext(block)
    paragraph._p.append(
        xml_element(
            '<w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> And a run control.</w:t>'
            "</w:r></w:sdtContent></w:sdt>"
        )
    )
    paragraph._p.append(
        xml_element(
            "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Click or tap "
            "here to enter text.</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )
    parsed = read_word(to_bytes(document))
    challenge = html_to_text(parsed.sections["challenge"])
    assert "service. And a run control." in challenge
    assert "Typed in a block content control." in challenge
    assert "Click or tap" not in challenge


def test_text_typed_over_the_guidance_is_read_and_the_guidance_is_not(client, cornwall):
    template = Document(io.BytesIO(client.get(TEMPLATE_URL).content))
    paragraphs = template.paragraphs
    heading = next(i for i, p in enumerate(paragraphs) if p.text == "The challenge")
    guidance = paragraphs[heading + 1]
    assert guidance.runs[0].italic  # the template's own grey guidance, left in place
    typed_over = paragraphs[heading + 2]
    grey_italic(typed_over, "Residents typed over the guidance and kept its grey.")
    parsed = read_word(fill_template(to_bytes(template), typed={}))
    assert parsed.sections["challenge"] == (
        "<p><i>Residents typed over the guidance and kept its grey.</i></p>"
    )


# --- What the page editor and the API get -------------------------------------------------------


def test_line_breaks_become_paragraphs_the_page_editor_opens(
    client, cornwall, admin_user, index_page, tmp_path
):
    document = Document(io.BytesIO(styled_document("bold")))
    paragraph = next(p for p in document.paragraphs if p.text == STYLE_TEXT["solution"][0])
    run = paragraph.add_run()
    run.add_break()
    paragraph.add_run("A second line after Shift+Enter.")
    bold = document.add_paragraph()
    bold.add_run("The challenge").bold = True
    bold.add_run().add_break()
    bold.add_run("Typed under a heading after Shift+Enter.")
    content = to_bytes(document)
    parsed = read_word(content)
    assert "<br" not in parsed.sections["solution"]
    assert "<p>A second line after Shift+Enter.</p>" in parsed.sections["solution"]
    assert "Typed under a heading after Shift+Enter." in parsed.sections["challenge"]

    [page] = import_folder(tmp_path, index_page, content)
    client.force_login(admin_user)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_markup_typed_into_a_table_cell_comes_out_as_plain_text(db):
    document = Document(io.BytesIO(styled_document("heading")))
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "<img src=x onerror=alert(1)>Year"
    table.rows[0].cells[1].text = "<b>Calls</b> &lt;script&gt;"
    impact = next(p for p in document.paragraphs if p.text == STYLE_TEXT["impact"][0])
    impact._p.addnext(table._tbl)
    parsed = read_word(to_bytes(document))
    [(_key, rows)] = parsed.tables
    assert rows == [["Year", "Calls"]]
    assert "<" not in str(rows) and "&" not in str(rows)


def test_an_80000_character_contact_line_is_read_in_under_a_second(client, cornwall):
    document = Document(io.BytesIO(styled_document("bold", contact="Jane Smith")))
    document.add_paragraph("a" * 40_000 + "@" + "b." * 20_000)
    document.add_paragraph(("x0 " * 26_667)[:80_000])
    content = with_consent(to_bytes(document))
    started = time.perf_counter()
    parsed = read_word(content)
    reading = time.perf_counter() - started
    assert parsed.fields["contact_name"] == "Jane Smith"
    started = time.perf_counter()
    response = post_word(client, content)
    posting = time.perf_counter() - started
    assert response.status_code in (201, 400), response.content
    assert reading < 1.0, reading
    assert posting < 2.0, posting


def test_a_contact_written_as_a_sentence():
    found, leftover = parse_contact(
        [
            "For more information, please contact Imran Siddiqui, Revenues and Benefits "
            "Manager, at imran.siddiqui@bolton.gov.uk or on 01204 333333."
        ]
    )
    assert found == {
        "contact_name": "Imran Siddiqui",
        "contact_job_title": "Revenues and Benefits Manager",
        "contact_email": "imran.siddiqui@bolton.gov.uk",
        "contact_phone": "01204 333333",
    }
    assert leftover == []


def test_a_one_cell_table_is_a_box_around_its_text(db):
    document = Document(io.BytesIO(styled_document("bold")))
    banner = document.add_table(rows=1, cols=1)
    banner.rows[0].cells[0].text = "Key points"
    document.add_paragraph("Eight hubs opened", style="List Bullet")
    parsed = read_word(to_bytes(document))
    assert parsed.key_points == ["Eight hubs opened"]
    assert parsed.tables == []


# --- What surrounds a case study: markings, press-release banners, emails ------------------------


def _paragraphs(*lines, bold=()) -> bytes:
    document = Document()
    for line in lines:
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = line in bold
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_markings_banners_and_email_headers_above_a_case_study_are_not_its_title():
    parsed = read_word(
        _paragraphs(
            "OFFICIAL",
            "PRESS RELEASE",
            "For immediate release: 3 March 2024",
            "From: Okafor, Dan",
            "Subject: case study",
            "Hi all,",
            "Leeds City Council: warm homes for every ward",
            "Leeds insulated 4,000 homes in two winters.",
            "The challenge",
            "Fuel poverty was rising in every ward.",
            bold=("The challenge",),
        )
    )
    assert parsed.title == "Leeds City Council: warm homes for every ward"
    assert parsed.summary == "Leeds insulated 4,000 homes in two winters."
    kept = " ".join(html_to_text(value) for kind, value in parsed.unplaced if kind == "paragraph")
    for line in ("OFFICIAL", "PRESS RELEASE", "From: Okafor, Dan", "Hi all,"):
        assert line in kept


@pytest.mark.django_db
def test_an_email_sign_off_opens_the_contact_and_notes_to_editors_stay_out_of_the_sections():
    parsed = read_word(
        _paragraphs(
            "Leeds City Council: warm homes for every ward",
            "Leeds insulated 4,000 homes in two winters.",
            "Lessons learned",
            "Start with the coldest streets.",
            "Kind regards,",
            "Sarah Holt",
            "Warm Homes Programme Manager",
            "sarah.holt@leeds.gov.uk",
            "ENDS",
            "Notes to editors",
            "Leeds City Council is the second largest local authority in England.",
            bold=("Lessons learned", "Notes to editors"),
        )
    )
    assert html_to_text(parsed.sections["lessons_learned"]) == "Start with the coldest streets."
    assert parsed.fields["contact_name"] == "Sarah Holt"
    assert parsed.fields["contact_job_title"] == "Warm Homes Programme Manager"
    assert parsed.fields["contact_email"] == "sarah.holt@leeds.gov.uk"
    kept = " ".join(html_to_text(value) for kind, value in parsed.unplaced if kind == "paragraph")
    assert "second largest local authority" in kept
