"""Word documents for the importer's tests, built with python-docx the way people write them: the
site's template filled in, and documents that never saw the template."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_BREAK  # noqa: F401  (kept for documents with page breaks)
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from PIL import Image

TYPED = {
    "challenge": "Residents could not find the right service. Calls kept rising.",
    "solution": "We built a decision wheel with residents and a university.",
    "impact": "Calls fell by a third in the first year.",
    "sustainability": "It is in the service plan and the budget.",
    "lessons_learned": "Involve residents from the first day.",
}
HEADINGS = {
    "challenge": "The challenge",
    "solution": "The solution",
    "impact": "The impact",
    "sustainability": "How is the new approach being sustained?",
    "lessons_learned": "Lessons learned",
}
CELLS = {
    "Title (required)": "Cornwall Council: the decision wheel",
    "Summary (required)": "Cornwall built a decision wheel with residents. Calls fell by a third.",
    "Cost saving (£)": "120000",
    "Name (required)": "Alex Officer",
    "Job title": "Head of Customer Services",
    "Email (required)": "alex.officer@example.gov.uk",
    "Phone": "01234 567890",
    "Councils (the lead council first)": "Cornwall Council",
}


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def fill_template(
    template: bytes,
    *,
    typed=TYPED,
    cells=CELLS,
    ticks=("Digital", "I agree"),
    headings=HEADINGS,
):
    """The downloaded template with an answer typed under each section heading, into the labelled
    cells (over the grey help text), and boxes ticked by overtyping ☐ with ☒. ``headings`` and
    ``cells`` name the template's headings and labels in the template's language."""
    document = Document(io.BytesIO(template))
    wanted = {headings[key]: text for key, text in typed.items()}
    paragraphs = document.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if paragraph.style.name.startswith("Heading") and paragraph.text in wanted:
            # The first empty line under the heading (after the italic guidance).
            for below in paragraphs[index + 1 :]:
                if not below.text:
                    below.add_run(wanted.pop(paragraph.text))
                    break
        elif paragraph.text.startswith("☐") and any(t in paragraph.text for t in ticks):
            for run in paragraph.runs:
                run.text = run.text.replace("☐", "☒")
    for table in document.tables:
        for row in table.rows:
            label = row.cells[0].text
            if label in cells and len(row.cells) > 1:
                row.cells[1].text = cells[label]
    return to_bytes(document)


def png_bytes(colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_with_location(size=(40, 30)) -> bytes:
    """A photo as a phone takes it: with GPS coordinates in its EXIF."""
    image = Image.new("RGB", size, (10, 90, 200))
    exif = image.getexif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (50.0, 15.0, 30.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def add_link(paragraph, text: str, url: str) -> None:
    part = paragraph.part
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def council_document(*, bold_headings: bool = True, headings=None, image: bytes | None = None):
    """A case study as a council writes it without the template: the title as "<Council>: <what
    they did>", a summary paragraph, the sections under their own wording of the headings
    (bold lines, or Heading styles), a list, a table, a link and the contact line."""
    headings = headings or {
        "challenge": "The challenge",
        "solution": "The solution",
        "impact": "The impact (including cost savings/income generated if applicable)",
        "sustainability": "How is the new approach being sustained?",
        "lessons_learned": "Lessons learnt",
        "contact": "Contact",
    }
    document = Document()

    def heading(text):
        if bold_headings:
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_heading(text, level=2)

    document.add_paragraph("Cornwall Council: the decision wheel")
    document.add_paragraph("Cornwall built a decision wheel with residents.")
    heading(headings["challenge"])
    paragraph = document.add_paragraph("Calls kept ")
    paragraph.add_run("rising").bold = True
    paragraph.add_run(" and ")
    paragraph.add_run("waiting").italic = True
    paragraph.add_run(" grew; see ")
    add_link(paragraph, "the review", "https://example.org/review")
    paragraph.add_run(".")
    heading(headings["solution"])
    document.add_paragraph("We built a decision wheel.")
    heading(headings["impact"])
    document.add_paragraph("Calls fell by a third:")
    document.add_paragraph("£120,000 saved", style="List Bullet")
    document.add_paragraph("4,000 fewer calls", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Year", "Calls"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "2023", "12,000"
    if image is not None:
        document.add_paragraph().add_run().add_picture(io.BytesIO(image))
    heading(headings["sustainability"])
    document.add_paragraph("It is in the service plan.")
    heading(headings["lessons_learned"])
    document.add_paragraph("Start small.", style="List Number")
    document.add_paragraph("Involve residents.", style="List Number")
    heading(headings["contact"])
    document.add_paragraph("Jane Smith, Head of Digital, jane.smith@cornwall.gov.uk")
    return to_bytes(document)


def macro_document() -> bytes:
    """A .docm: a Word document with a VBA project inside."""
    import zipfile

    source = io.BytesIO(to_bytes(Document()))
    target = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as archive:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml",
                )
            archive.writestr(item, data)
        archive.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro")
    return target.getvalue()


# --- Councils' own styles -------------------------------------------------------------------------

STYLE_TEXT = {
    "challenge": ["Residents could not find the right service.", "Calls kept rising each month."],
    "solution": ["We built a decision wheel with residents.", "A university tested it with us."],
    "impact": ["Calls fell by a third in a year.", "Waiting times halved."],
    "sustainability": ["It is in the service plan.", "The budget pays for it."],
    "lessons_learned": ["Involve residents from the first day.", "Start small and test."],
}
STYLE_TITLE = "Cornwall Council: the decision wheel"
STYLE_SUMMARY = "Cornwall built a decision wheel with residents, and calls fell by a third."
STYLE_CONTACT = "Jane Smith, Head of Digital, jane.smith@cornwall.gov.uk"
WORDINGS = {
    "template": {
        "challenge": "The challenge",
        "solution": "The solution",
        "impact": "The impact",
        "sustainability": "How is the new approach being sustained?",
        "lessons_learned": "Lessons learned",
        "contact": "Contact",
    },
    "questions": {
        "challenge": "What was the problem?",
        "solution": "The solution and how it was implemented",
        "impact": "What difference has it made?",
        "sustainability": "How will it be sustained?",
        "lessons_learned": "What have we learned?",
        "contact": "Contact details",
    },
    "long": {
        "challenge": "The challenge",
        "solution": "What did we do?",
        "impact": "Outcomes and impact",
        "sustainability": "Next steps",
        "lessons_learned": "Lessons",
        "contact": "Find out more",
    },
    "welsh": {
        "challenge": "Beth oedd y broblem?",
        "solution": "Yr ateb",
        "impact": "Pa wahaniaeth mae wedi'i wneud?",
        "sustainability": "Sut mae'r dull newydd yn cael ei gynnal?",
        "lessons_learned": "Beth ydym wedi'i ddysgu?",
        "contact": "Cysylltu",
    },
}
STYLES = ("bold", "heading", "run_in", "list_number", "numbered", "font_size", "table")


def _numbered(paragraph) -> None:
    """Number a paragraph as Word's numbering button does (numPr), whatever its style."""
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), "0")
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), "1")
    num_pr.append(level)
    num_pr.append(number)
    p_pr.append(num_pr)


def styled_document(
    style: str,
    wording: str = "template",
    *,
    under_title=(),
    title: str = STYLE_TITLE,
    summary: str = STYLE_SUMMARY,
    contact: str = STYLE_CONTACT,
    text=STYLE_TEXT,
):
    """A case study in one of councils' styles (see ``STYLES``): headings as bold lines, Heading
    styles, run-in bold labels, "List Number" items, numbered Normal paragraphs, bigger type, or
    the label | answer table; ``under_title`` lines go between the title and the summary."""
    headings = WORDINGS[wording]
    document = Document()
    document.add_paragraph(title)
    for line in under_title:
        document.add_paragraph(line)
    if style == "table":
        document.add_paragraph(summary)
        table = document.add_table(rows=0, cols=2)
        for key, paragraphs in text.items():
            cells = table.add_row().cells
            cells[0].text = headings[key]
            cells[1].text = paragraphs[0]
            for paragraph in paragraphs[1:]:
                cells[1].add_paragraph(paragraph)
        cells = table.add_row().cells
        cells[0].text, cells[1].text = headings["contact"], contact
        return to_bytes(document)
    document.add_paragraph(summary)
    for key, paragraphs in [*text.items(), ("contact", [contact])]:
        heading = headings[key]
        if style == "run_in":
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{heading.rstrip('?')}:").bold = True
            paragraph.add_run(f" {paragraphs[0]}")
            for rest in paragraphs[1:]:
                document.add_paragraph(rest)
            continue
        if style == "bold":
            document.add_paragraph().add_run(heading).bold = True
        elif style == "heading":
            document.add_heading(heading, level=2)
        elif style == "list_number":
            document.add_paragraph(heading, style="List Number")
        elif style == "numbered":
            _numbered(document.add_paragraph(heading))
        elif style == "font_size":
            document.add_paragraph().add_run(heading).font.size = Pt(16)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    return to_bytes(document)


def placement(parsed, text=STYLE_TEXT, summary: str = STYLE_SUMMARY) -> float:
    """The share of a styled document's paragraphs the reader put in the right place: each
    section's paragraphs in its section, the summary, and the contact's email."""
    expected = [(key, paragraph) for key, paragraphs in text.items() for paragraph in paragraphs]
    right = sum(1 for key, paragraph in expected if paragraph in parsed.sections.get(key, ""))
    right += parsed.summary == summary
    right += bool(parsed.fields.get("contact_email"))
    return right / (len(expected) + 2)


# --- Word's own markup that python-docx does not read ---------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def xml_element(markup: str):
    """An element from WordprocessingML markup (the ``w:`` namespace is declared for it)."""
    from docx.oxml import parse_xml

    namespaces = (
        f'xmlns:w="{W_NS}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    )
    name_ends = min(i for i in (markup.find(" "), markup.find(">"), markup.find("/>")) if i > 0)
    return parse_xml(f"{markup[:name_ends]} {namespaces}{markup[name_ends:]}")


def text_box_run(text: str):
    """A run holding a text box as Word 2010+ saves it: the shape (mc:Choice) and the VML
    fallback (mc:Fallback), each with the same text."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return xml_element(
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        f'wordprocessingShape"><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData>'
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r>"
    )


def grey_italic(paragraph, text: str):
    """Text typed over the template's guidance: it keeps the guidance's grey italics."""
    run = paragraph.add_run(text)
    run.italic = True
    run.font.color.rgb = RGBColor(0x50, 0x50, 0x50)
    return run


def post_word(client, content: bytes, name: str = "case-study.docx", **headers):
    """POST a Word document to the intake as the raw body, as a council's system would."""
    return client.post(
        "/casestudies/submit/",
        data=content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={"Content-Disposition": f'attachment; filename="{name}"', **headers},
    )
