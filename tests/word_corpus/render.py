"""Render a story into Word the way councils type it, and derive what is expected of the result.

A ``Look`` says how one council's officer wrote: which words head the sections, how a heading is
made (a heading style, a bold line, a label run into the text, a numbered list item, a bigger
font, a two-column table), what lines sit under the title, how the contact is written, and what
Word mess came along (text boxes, tracked changes, content controls, Shift+Enter, pictures)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.word_corpus import ooxml
from tests.word_corpus.model import (
    B,
    Contact,
    CorpusDocument,
    Expected,
    H,
    Item,
    N,
    P,
    Q,
    Story,
    T,
)

ORDER = (
    "key_points",
    "local_context",
    "challenge",
    "solution",
    "impact",
    "sustainability",
    "lessons_learned",
)

TEMPLATE_WORDS = {
    "challenge": "The challenge",
    "solution": "The solution",
    "impact": "The impact (including cost savings/income generated if applicable)",
    "sustainability": "How is the new approach being sustained?",
    "lessons_learned": "Lessons learned",
    "contact": "Contact",
    "key_points": "Key points",
    "local_context": "Local context",
}
COUNCIL_WORDS = {
    "challenge": "The challenge and solutions",
    "solution": "What we did",
    "impact": "Impact",
    "sustainability": "Sustainability",
    "lessons_learned": "Lessons learnt",
    "contact": "Contact details",
    "key_points": "Key points",
    "local_context": "Background",
}
QUESTION_WORDS = {
    "challenge": "What was the problem?",
    "solution": "What did we do?",
    "impact": "What difference has it made?",
    "sustainability": "How will it be sustained?",
    "lessons_learned": "What have we learned?",
    "contact": "Who to contact",
    "key_points": "Key points",
    "local_context": "Local context",
}
LONG_WORDS = {
    "challenge": "The challenge",
    "solution": "The solution and how it was implemented",
    "impact": "Outcomes and impact",
    "sustainability": "How will it be sustained?",
    "lessons_learned": "Lessons",
    "contact": "Contact",
    "key_points": "Key points",
    "local_context": "Local context",
}
WELSH_WORDS = {
    "challenge": "Yr her",
    "solution": "Yr ateb",
    "impact": "Yr effaith",
    "sustainability": "Sut mae'r dull newydd yn cael ei gynnal?",
    "lessons_learned": "Gwersi a ddysgwyd",
    "contact": "Cyswllt",
    "key_points": "Pwyntiau allweddol",
    "local_context": "Cyd-destun lleol",
}
BILINGUAL_WORDS = {
    key: f"{WELSH_WORDS[key]} / {english}"
    for key, english in {
        "challenge": "The challenge",
        "solution": "The solution",
        "impact": "The impact",
        "sustainability": "How is the new approach being sustained?",
        "lessons_learned": "Lessons learned",
        "contact": "Contact",
        "key_points": "Key points",
        "local_context": "Local context",
    }.items()
}


# Struck out with Track Changes on, in the middle of a sentence that is kept.
TRACKED_DELETION = "(the provisional figure of 640 households from the autumn report) "


@dataclass
class Look:
    style: str
    words: dict[str, str] = field(default_factory=lambda: dict(TEMPLATE_WORDS))
    # heading1 heading2 bold bold_colon caps_bold runin runin_dash list_number numpr typed_number
    # font_size font_size_bold
    heading: str = "heading2"
    title: str = "title"  # title, heading1, bold, plain, big
    meta: list[str] = field(default_factory=list)
    summary_heading: str | None = None
    contact: str = "line"  # line, labelled, labelled_cy, lines
    features: tuple[str, ...] = ()
    # Key: the section whose first paragraph goes into a text box; tracked changes; etc.
    text_box: str | None = None
    tracked: str | None = None
    content_control: str | None = None
    picture_in: str | None = None
    link: tuple[str, str] | None = None  # (section, url): a link at the end of its first paragraph
    deleted: list[tuple[str, str]] = field(default_factory=list)  # (section, text) struck out
    consent_lines: list[str] = field(default_factory=list)
    # As Word saves it: runs cut and headings bookmarked; style ids of a Word in another
    # language; a blank line after each section; a protective marking in the page header.
    word_saved: bool = False
    localised: dict[str, str] | None = None
    spaced: bool = False
    header: str | None = None
    subheading: str = "heading3"  # or "bold": how a sub-heading inside a section is made
    # (section, comment): a reviewer's comment on the section's first paragraph
    comments: list[tuple[str, str]] = field(default_factory=list)
    summary_label: str | None = None  # "Summary": a bold label run into the summary paragraph


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (30, 110, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def contact_lines(contact: Contact, how: str) -> list[str]:
    if how == "line":
        parts = [contact.name, contact.job_title, contact.organisation, contact.email]
        line = ", ".join(p for p in parts if p)
        if contact.phone:
            line += f", {contact.phone}"
        return [line]
    if how == "sentence":
        line = f"For more information, please contact {contact.name}, {contact.job_title}, at "
        line += contact.email
        return [line + (f" or on {contact.phone}." if contact.phone else ".")]
    labels = {
        "labelled": ("Name", "Job title", "Organisation", "Email", "Telephone"),
        "labelled_cy": ("Enw", "Swydd", "Sefydliad", "E-bost", "Ffôn"),
        "tabbed": ("Name", "Position", "Organisation", "E-mail", "Tel"),
        "tabbed_cy": ("Enw", "Swydd", "Sefydliad", "E-bost", "Ffôn"),
    }.get(how)
    values = (contact.name, contact.job_title, contact.organisation, contact.email, contact.phone)
    if labels is None:  # "lines": as an email signature
        return [v for v in values if v]
    separator = ":\t" if how.startswith("tabbed") else ": "
    return [
        f"{label}{separator}{value}" for label, value in zip(labels, values, strict=True) if value
    ]


def contact_items(contact: Contact) -> list[Item]:
    fields = {
        "name": contact.name,
        "job_title": contact.job_title,
        "email": contact.email,
        "phone": contact.phone,
    }
    return [Item("contact", f"{key}={value}", "field") for key, value in fields.items() if value]


def block_items(key: str, block) -> list[Item]:
    if isinstance(block, T):
        return [Item(key, row[0], "table row") for row in block.rows[1:]]  # not the header
    if isinstance(block, P):
        return [Item(key, " ".join(block.parts))]
    kind = {B: "bullet", N: "numbered", Q: "quote", H: "sub-heading"}[type(block)]
    return [Item(key, block.text, kind)]


def expected_of(story: Story, look: Look, *, consent_contact=False, absent=()) -> Expected:
    items = [Item("title", story.title), Item("summary", story.summary)]
    for key in ORDER:
        for block in story.sections.get(key, ()):
            items += block_items(key, block)
    items += contact_items(story.contact)
    return Expected(
        title=story.title,
        summary=story.summary,
        items=items,
        contact=story.contact,
        councils=list(story.councils),
        topics=list(story.topics),
        partners=list(story.partners),
        consent_publish_contact=consent_contact,
        metadata=list(look.meta),
        absent=[
            *absent,
            *(text for _key, text in look.deleted),
            *([TRACKED_DELETION] if look.tracked else []),
        ],
    )


class Writer:
    """Writes blocks into a python-docx container (the document, or a table cell)."""

    def __init__(self, document, look: Look):
        self.document = document
        self.look = look

    def paragraph(self, container, block, *, first_of: str | None = None, label=None):
        look = self.look
        if isinstance(block, T):
            table = container.add_table(rows=0, cols=len(block.rows[0]))
            table.style = "Table Grid"
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            return None
        if isinstance(block, H):
            if look.subheading == "heading3" and container is self.document:
                return self.document.add_heading(block.text, level=3)
            paragraph = container.add_paragraph()
            paragraph.add_run(block.text).bold = True
            return paragraph
        style = {B: "List Bullet", N: "List Number"}.get(type(block))
        paragraph = container.add_paragraph(style=style)
        if label is not None:
            label(paragraph)
        if isinstance(block, Q):
            paragraph.add_run(block.text).italic = True
            return paragraph
        if isinstance(block, P) and block.breaks:
            for index, part in enumerate(block.breaks):
                run = paragraph.add_run(part)
                if index < len(block.breaks) - 1:
                    run.add_break()
            return paragraph
        if first_of is not None and look.tracked == first_of:
            # Half the sentence typed with Track Changes on, an older figure struck out.
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
            return paragraph
        paragraph.add_run(block.text)
        return paragraph

    def section(self, container, key: str, blocks: list, heading=None) -> None:
        look = self.look
        written = []
        for index, block in enumerate(blocks):
            label = heading if index == 0 else None
            first = key if index == 0 else None
            if index == 0 and look.text_box == key and isinstance(block, P):
                anchor = container.add_paragraph()
                if label is not None:
                    label(anchor)
                ooxml.add_text_box(anchor, [block.text])
                continue
            paragraph = self.paragraph(container, block, first_of=first, label=label)
            if paragraph is not None:
                written.append(paragraph)
            if index == 0 and paragraph is not None and paragraph.runs:
                for section_key, comment in look.comments:
                    if section_key == key:
                        self.document.add_comment(
                            paragraph.runs[-1], text=comment, author="J Bennett", initials="JB"
                        )
            if index == 0 and look.link and look.link[0] == key and paragraph is not None:
                paragraph.add_run(" More at ")
                ooxml.add_link(paragraph, "the council's website", look.link[1])
                paragraph.add_run(".")
        for section_key, text in look.deleted:
            if section_key == key:
                ooxml.deleted_paragraph(container, text)
        if look.content_control == key and written:
            ooxml.wrap_in_content_control(written, tag=key, alias=look.words.get(key, key))
        if look.picture_in == key:
            container.add_paragraph().add_run().add_picture(io.BytesIO(_png()), width=Pt(120))


def write_heading(document, look: Look, text: str):
    """A heading line as ``look.heading`` says; returns None, or for run-in headings a function
    that writes the label at the start of the section's first paragraph."""
    how = look.heading
    if how in ("heading1", "heading2"):
        document.add_heading(text, level=1 if how == "heading1" else 2)
    elif how == "bold":
        document.add_paragraph().add_run(text).bold = True
    elif how == "bold_colon":
        document.add_paragraph().add_run(text + ":").bold = True
    elif how == "caps_bold":
        document.add_paragraph().add_run(text.upper()).bold = True
    elif how == "list_number":
        document.add_paragraph(style="List Number").add_run(text).bold = True
    elif how == "numpr":
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = True
        ooxml.number_paragraph(document, paragraph)
    elif how == "font_size":
        ooxml.sized(document.add_paragraph().add_run(text), 14)
    elif how == "font_size_bold":
        ooxml.sized(document.add_paragraph().add_run(text), 13, bold=True)
    elif how == "banner":
        # A one-cell shaded table as a banner, as designed council templates have.
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        cell.paragraphs[0].add_run(text).bold = True
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), "1F4E79")
        cell._tc.get_or_add_tcPr().append(shading)
    elif how == "runin":

        def label(paragraph):
            paragraph.add_run(f"{text}:").bold = True
            paragraph.add_run(" ")

        return label
    elif how == "runin_dash":

        def label(paragraph):
            paragraph.add_run(f"{text} - ")

        return label
    else:
        raise ValueError(how)
    return None


def write_title(document, look: Look, title: str) -> None:
    if look.title == "title":
        document.add_heading(title, level=0)
    elif look.title == "heading1":
        document.add_heading(title, level=1)
    elif look.title == "bold":
        document.add_paragraph().add_run(title).bold = True
    elif look.title == "big":
        ooxml.sized(document.add_paragraph().add_run(title), 18, bold=True)
    else:
        document.add_paragraph(title)


def render_story(story: Story, look: Look, name: str) -> CorpusDocument:
    """The story as one council's Word document, and what is expected of it."""
    if look.heading == "table":
        return render_label_table(story, look, name)
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    write_title(document, look, story.title)
    for line in look.meta:
        document.add_paragraph(line)
    if look.summary_heading:
        write_heading(document, look, look.summary_heading)
    summary = document.add_paragraph()
    if look.summary_label:
        summary.add_run(f"{look.summary_label}:").bold = True
        summary.add_run(" ")
    summary.add_run(story.summary)
    writer = Writer(document, look)
    number = 0
    for key in ORDER:
        blocks = story.sections.get(key)
        if not blocks:
            continue
        words = look.words[key]
        if look.heading == "typed_number":
            number += 1
            document.add_paragraph().add_run(f"{number}. {words}").bold = True
            label = None
        else:
            label = write_heading(document, look, words)
        writer.section(document, key, blocks, heading=label)
        if look.spaced:
            document.add_paragraph()
    if look.heading == "typed_number":
        number += 1
        document.add_paragraph().add_run(f"{number}. {look.words['contact']}").bold = True
        label = None
    else:
        label = write_heading(document, look, look.words["contact"])
    lines = contact_lines(story.contact, look.contact)
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph()
        if index == 0 and label is not None:
            label(paragraph)
        paragraph.add_run(line)
    for line in look.consent_lines:
        document.add_paragraph(line)
    return CorpusDocument(
        name=name,
        style=look.style,
        language=story.language,
        content=ooxml.to_bytes(as_saved(document, look)),
        expected=expected_of(
            story,
            look,
            absent=[*([look.header] if look.header else []), *(c for _k, c in look.comments)],
        ),
        features=look.features,
    )


def as_saved(document, look: Look):
    if look.header:
        document.sections[0].header.paragraphs[0].text = look.header
    if look.word_saved:
        ooxml.split_runs(document)
    if look.localised:
        ooxml.localise_styles(document, look.localised)
    return document


LABELS = {
    "en": {
        "title": "Title",
        "summary": "Summary",
        "councils": "Council(s)",
        "topics": "Topic",
        "challenge": "The challenge",
        "solution": "The solution",
        "impact": "The impact",
        "sustainability": "How is the new approach being sustained?",
        "lessons_learned": "Lessons learned",
        "key_points": "Key points",
        "local_context": "Local context",
        "contact": "Contact",
    },
    "cy": {
        "title": "Teitl",
        "summary": "Crynodeb",
        "councils": "Cyngor",
        "topics": "Pwnc",
        "challenge": "Yr her",
        "solution": "Yr ateb",
        "impact": "Yr effaith",
        "sustainability": "Sut mae'r dull newydd yn cael ei gynnal?",
        "lessons_learned": "Gwersi a ddysgwyd",
        "key_points": "Pwyntiau allweddol",
        "local_context": "Cyd-destun lleol",
        "contact": "Cyswllt",
    },
}


def render_label_table(story: Story, look: Look, name: str) -> CorpusDocument:
    """The whole case study in a two-column table, labels on the left: a form some councils made
    of the template, or their committee-report house style."""
    labels = LABELS["cy" if story.language == "cy" else "en"]
    document = Document()
    for line in look.meta:  # e.g. a heading line above the table
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    writer = Writer(document, look)

    def row(label: str):
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        return cells[1]

    cell = row(labels["title"])
    cell.paragraphs[0].add_run(story.title)
    cell = row(labels["summary"])
    cell.paragraphs[0].add_run(story.summary)
    table_meta = []
    if story.councils:
        text = " and ".join(story.councils)
        row(labels["councils"]).paragraphs[0].add_run(text)
        table_meta.append(text)
    if story.topics:
        text = "; ".join(story.topics)
        row(labels["topics"]).paragraphs[0].add_run(text)
        table_meta.append(text)
    for key in ORDER:
        blocks = story.sections.get(key)
        if not blocks:
            continue
        cell = row(labels[key])
        first = cell.paragraphs[0]
        for index, block in enumerate(blocks):
            if index == 0 and isinstance(block, P):
                first.add_run(block.text)
                continue
            writer.paragraph(cell, block)
    cell = row(labels["contact"])
    lines = contact_lines(story.contact, look.contact)
    cell.paragraphs[0].add_run(lines[0])
    for line in lines[1:]:
        cell.add_paragraph(line)
    expected = expected_of(story, look, absent=[look.header] if look.header else [])
    expected.metadata = [*look.meta, *table_meta]
    return CorpusDocument(
        name=name,
        style=look.style,
        language=story.language,
        content=ooxml.to_bytes(as_saved(document, look)),
        expected=expected,
        features=look.features,
    )
