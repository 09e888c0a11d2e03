"""The site's own template, downloaded and filled in as officers fill it: answers typed on the
blank lines under each heading (or over the grey guidance, which then keeps its grey italics),
the labelled cells typed over their help text, boxes ticked by overtyping ☐ with ☒, partner
rows, and the Word mess that comes with it (text boxes, tracked changes, content controls,
Shift+Enter)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx import Document
from docx.shared import RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.word_corpus import ooxml
from tests.word_corpus.model import B, CorpusDocument, N, P, Q, Story, T
from tests.word_corpus.render import TRACKED_DELETION, Look, Writer, expected_of

GUIDANCE = RGBColor(0x50, 0x50, 0x50)

HEADINGS = {
    "en": {
        "challenge": "The challenge",
        "solution": "The solution",
        "impact": "The impact",
        "sustainability": "How is the new approach being sustained?",
        "lessons_learned": "Lessons learned",
    },
    "cy": {
        "challenge": "Yr her",
        "solution": "Yr ateb",
        "impact": "Yr effaith",
        "sustainability": "Sut mae'r dull newydd yn cael ei gynnal?",
        "lessons_learned": "Gwersi a ddysgwyd",
    },
}
CELLS = {
    "en": {
        "title": "Title (required)",
        "summary": "Summary (required)",
        "name": "Name (required)",
        "job_title": "Job title",
        "email": "Email (required)",
        "phone": "Phone",
        "organisation": "Organisation",
        "lead": "Lead council",
        "councils": "Councils (the lead council first)",
        "cost_saving": "Cost saving (£)",
    },
    "cy": {
        "title": "Teitl (gofynnol)",
        "summary": "Crynodeb (gofynnol)",
        "name": "Enw (gofynnol)",
        "job_title": "Teitl swydd",
        "email": "E-bost (gofynnol)",
        "phone": "Ffôn",
        "organisation": "Sefydliad",
        "lead": "Cyngor arweiniol",
        "councils": "Cynghorau (y cyngor arweiniol yn gyntaf)",
        "cost_saving": "Arbediad cost (£)",
    },
}
CONSENT = {"en": ("☐ I agree", "☐ Publish the contact"), "cy": ("☐ Rwy'n cytuno", "☐ Cyhoeddi")}


@dataclass
class Filling:
    """How one officer filled the template in."""

    lead_council: str = ""  # typed in the "Lead council" cell, over its help text
    other_councils: str = ""  # typed in the councils cell
    partners: list[tuple[str, str, str]] = field(default_factory=list)
    publish_contact: bool = False
    overtype: tuple[str, ...] = ()  # sections answered over the grey guidance
    lead_keeps_grey: bool = False  # the lead council typed into the grey help text's run
    text_box: str | None = None
    tracked: str | None = None
    content_control: str | None = None
    cost_saving: str = ""
    cell_controls: bool = False  # the title and summary cells hold content controls
    delete_guidance: bool = False  # the officer deleted the grey guidance lines first
    features: tuple[str, ...] = ()


def _is_guidance(paragraph) -> bool:
    runs = paragraph.runs
    return bool(runs) and all(r.italic and r.font.color.rgb == GUIDANCE for r in runs)


def _blocks(document):
    body = document.element.body
    for element in body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(element, document._body)
        elif tag == "tbl":
            yield Table(element, document._body)


def _type_over(cell, text: str, *, keep_formatting: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if keep_formatting and paragraph.runs:
        paragraph.runs[0].text = text
        for run in paragraph.runs[1:]:
            run.text = ""
    else:
        cell.text = text


def fill(template: bytes, story: Story, language: str, how: Filling, name: str) -> CorpusDocument:
    document = Document(io.BytesIO(template))
    headings = {text: key for key, text in HEADINGS[language].items()}
    labels = CELLS[language]
    contact = story.contact
    look = Look(
        style="template",
        text_box=how.text_box,
        tracked=how.tracked,
        content_control=how.content_control,
        features=how.features,
    )
    writer = Writer(document, look)
    absent: list[str] = []
    blocks = list(_blocks(document))
    template_tables = list(document.tables)  # not the tables the officer adds to an answer
    intro = blocks[1]
    absent.append(intro.text)

    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            continue
        if _is_guidance(block) and not any(
            isinstance(b, Paragraph) and b.text in headings and headings[b.text] in how.overtype
            for b in blocks[max(0, index - 1) : index]
        ):
            absent.append(block.text)
        if block.style.name != "Heading 1" or block.text not in headings:
            continue
        key = headings[block.text]
        answer = story.sections.get(key, [])
        guidance = blocks[index + 1]
        first_blank = blocks[index + 2]
        if how.delete_guidance and key not in how.overtype:
            guidance._p.getparent().remove(guidance._p)
        if key in how.overtype:
            # Typed over the guidance: the grey italics stay with the officer's words.
            _answer_over_guidance(document, writer, guidance, key, answer)
        else:
            _answer_on_blank_line(document, writer, first_blank, key, answer)

    for table in template_tables:
        if len(table.columns) == 3 and table.rows[0].cells[0].text in ("Organisation", "Sefydliad"):
            for row, partner in zip(table.rows[1:], how.partners, strict=False):
                for cell, text in zip(row.cells, partner, strict=True):
                    cell.text = text
            continue
        for row in table.rows:
            label, cell = row.cells[0].text, row.cells[1]
            values = {
                labels["title"]: story.title,
                labels["summary"]: story.summary,
                labels["name"]: contact.name,
                labels["job_title"]: contact.job_title,
                labels["email"]: contact.email,
                labels["phone"]: contact.phone,
                labels["councils"]: how.other_councils,
                labels["cost_saving"]: how.cost_saving,
            }
            if label == labels["lead"] and how.lead_council:
                _type_over(cell, how.lead_council, keep_formatting=how.lead_keeps_grey)
            elif label in values and values[label]:
                _type_over(cell, values[label])
                if how.cell_controls and label in (labels["title"], labels["summary"]):
                    ooxml.wrap_in_content_control([cell.paragraphs[0]], tag=label, alias=label)
            elif cell.text.strip():
                absent.append(cell.text)  # help text left as it was

    agree, publish = CONSENT[language]
    for paragraph in document.paragraphs:
        text = paragraph.text
        ticked = (
            any(text == f"☐ {topic}" for topic in story.topics)
            or text.startswith(agree)
            or (text.startswith(publish) and how.publish_contact)
        )
        if ticked:
            for run in paragraph.runs:
                run.text = run.text.replace("☐", "☒")
        if text.startswith("☐") and len(text) > 20:
            absent.append(text[2:])

    expected = expected_of(story, look, consent_contact=how.publish_contact, absent=absent)
    expected.partners = [partner[0] for partner in how.partners]
    if how.tracked:
        expected.absent.append(TRACKED_DELETION)
    return CorpusDocument(
        name=name,
        style="template",
        language=story.language,
        content=ooxml.to_bytes(document),
        expected=expected,
        features=how.features,
    )


def _write_block_after(document, writer, anchor, block, *, grey=False):
    """``block`` written after ``anchor`` (Enter pressed at the end of ``anchor``)."""
    if isinstance(block, T):
        table = document.add_table(rows=0, cols=len(block.rows[0]))
        table.style = "Table Grid"
        for row in block.rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        anchor._p.addnext(table._tbl)
        return Paragraph(table._tbl, anchor._parent)  # an anchor for what follows
    style = {B: "List Bullet", N: "List Number"}.get(type(block))
    paragraph = ooxml.insert_paragraph_after(anchor, style=style)
    _write_runs(paragraph, block, writer, grey=grey)
    return paragraph


def _write_runs(paragraph, block, writer, *, grey=False, first_of=None):
    if isinstance(block, P) and block.breaks:
        for index, part in enumerate(block.breaks):
            run = paragraph.add_run(part)
            if grey:
                ooxml.grey_italic(run)
            if index < len(block.breaks) - 1:
                run.add_break()
        return
    if first_of is not None and writer.look.tracked == first_of:
        words = block.text.split(" ")
        middle = len(words) // 2
        ooxml.tracked_paragraph(
            paragraph,
            [
                ("keep", " ".join(words[:middle]) + " "),
                ("del", TRACKED_DELETION),
                ("ins", " ".join(words[middle:])),
            ],
        )
        return
    run = paragraph.add_run(block.text)
    if isinstance(block, Q):
        run.italic = True
    if grey:
        ooxml.grey_italic(run)


def _answer_on_blank_line(document, writer, blank, key, answer):
    look = writer.look
    written = []
    if look.text_box == key:
        # The officer drew a text box on the blank line and typed the answer into it.
        texts = [b.text for b in answer if isinstance(b, P | B | N | Q)]
        ooxml.add_text_box(blank, texts)
        return
    first, rest = answer[0], answer[1:]
    if isinstance(first, B | N):
        blank.style = "List Bullet" if isinstance(first, B) else "List Number"
    _write_runs(blank, first, writer, first_of=key)
    written.append(blank)
    anchor = blank
    for block in rest:
        anchor = _write_block_after(document, writer, anchor, block)
        if anchor.__class__ is Paragraph and anchor._p.tag.endswith("}p"):
            written.append(anchor)
    if look.content_control == key:
        ooxml.wrap_in_content_control(written, tag=key, alias=key)


def _answer_over_guidance(document, writer, guidance, key, answer):
    first, rest = answer[0], answer[1:]
    for run in guidance.runs[1:]:
        run.text = ""
    if isinstance(first, P) and first.breaks:
        guidance.runs[0].text = ""
        _write_runs(guidance, first, writer, grey=True)
    else:
        guidance.runs[0].text = first.text
    anchor = guidance
    for block in rest:
        anchor = _write_block_after(document, writer, anchor, block, grey=True)
