"""Word documents for the importer's tests, built with python-docx the way people write them: the
site's template filled in, and documents that never saw the template."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_BREAK  # noqa: F401  (kept for documents with page breaks)
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
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


def jpeg_with_location() -> bytes:
    """A photo as a phone takes it: with GPS coordinates in its EXIF."""
    image = Image.new("RGB", (40, 30), (10, 90, 200))
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
