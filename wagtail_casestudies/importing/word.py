"""Read a Word document (.docx) into an :class:`~.document.ImportedCaseStudy`.

It does not care where the document came from (the intake's endpoint or form page, the admin's
"Import from Word", ``casestudies_import``): it takes bytes that ``word_file.check_word_file``
accepted.

The package's own template, filled in, is read by its structure: the template's own guidance
(grey italics; text typed over it keeps that formatting and is read) and every line the template
itself contains are left out, labelled table cells are the form's fields, ticked boxes choose
topics and give consent. Any other document is read by its headings through the one heading
matcher, set out as councils set them out: Heading styles, bold lines, bigger type, numbered or
"List Number" lines, labels run into their text ("**The challenge:** …"), and the label | answer
table.

The document's XML is walked rather than python-docx's paragraph lists, so that text a reader of
the document sees is read wherever Word keeps it: in text boxes (read once, where anchored), in
tracked insertions (deletions are not read), and in content controls (not their placeholders). A
Shift+Enter line break starts a new paragraph: Wagtail's page editor does not open ``<br>``.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from django import forms
from django.utils import translation
from django.utils.encoding import force_str
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..submissions.docx import (
    COUNCILS_LABEL,
    GUIDANCE_COLOUR,
    PARTNER_HEADER,
    TEMPLATE_TITLE,
    build_template_document,
    required_label,
)
from ..submissions.forms import HONEYPOT_FIELD, IDEMPOTENCY_FIELD, SubmissionForm
from ..template import each_template_language
from .document import RUN_IN_SECTIONS, Assembler, DocumentImage, Fragment, ImportedCaseStudy
from .headings import MAX_HEADING_LENGTH, METADATA_KEYS, heading_key, match_heading
from .word_file import Deadline, open_word_document, reading_errors

# --- Reading -----------------------------------------------------------------------------------


def read_word(content: bytes, name: str = "") -> ImportedCaseStudy:
    """The case study in a .docx that passed :func:`check_word_file`. Raises ValidationError
    (never anything else) when it cannot be read after all."""
    with reading_errors(name):
        document = open_word_document(content)
        return _Reader(document, Deadline()).read()


def _normalise(text: str) -> str:
    return " ".join(str(text or "").split()).lower()


def _template_language(document) -> str | None:
    """The language of the package's template that ``document`` is a filled-in copy of (its title
    is the template's, in one of the template's languages), or None for any other document."""
    titles = {_normalise(document.core_properties.title)} | {
        _normalise(p.text) for p in document.paragraphs[:3]
    }
    for language in each_template_language():
        if _normalise(TEMPLATE_TITLE) in titles:
            return language
    return None


@functools.cache
def _field_labels_in(language: str) -> dict[str, str]:
    labels = {}
    with translation.override(language):
        for name, form_field in SubmissionForm().fields.items():
            if name in (HONEYPOT_FIELD, IDEMPOTENCY_FIELD) or isinstance(
                form_field, forms.BooleanField | forms.FileField
            ):
                continue
            label = force_str(form_field.label or name)
            labels[_normalise(label)] = name
            labels[_normalise(required_label(label))] = name
        labels[_normalise(COUNCILS_LABEL)] = "council_names"
    return labels


def _field_labels() -> dict[str, str]:
    """The template's table labels ("Name (required)") to the form fields they stand for, in
    every language of the template."""
    labels = {}
    for language in each_template_language():
        labels.update(_field_labels_in(language))
    return labels


def _partner_headers() -> set[tuple[str, ...]]:
    """The partners table's header row, in every language of the template."""
    return {
        tuple(_normalise(heading) for heading in PARTNER_HEADER)
        for _language in each_template_language()
    }


def _template_lines(language: str) -> set[str]:
    """Every line the template itself holds (intro, help, unticked boxes), to leave out."""
    with translation.override(language):
        template = Document(io.BytesIO(build_template_document()))
    lines = {_normalise(p.text) for p in template.paragraphs}
    for table in template.tables:
        for row in table.rows:
            lines.update(_normalise(cell.text) for cell in row.cells)
    lines.discard("")
    return lines


def _is_guidance(run) -> bool:
    try:
        return bool(run.italic) and run.font.color.rgb == GUIDANCE_COLOUR
    except (AttributeError, ValueError):
        return False


def _is_bold(run, run_style, paragraph_style) -> bool:
    if run.bold:
        return True
    if run.bold is False:
        return False
    if run_style is not None and (run_style.font.bold or run_style.name in ("Strong",)):
        return True
    return bool(paragraph_style is not None and paragraph_style.font.bold)


class _Styles:
    """The document's styles, each looked up once. python-docx finds a style by id, and the
    default style of a paragraph that names none, by walking every style of the document on
    each lookup: once per run and paragraph, that was 54 of the 60 seconds a 60-page report
    took to read."""

    def __init__(self, document):
        self.part = document.part
        self._found: dict = {}
        self._sizes: dict = {}

    def of_paragraph(self, paragraph: Paragraph):
        return self._get(paragraph._p.style, WD_STYLE_TYPE.PARAGRAPH)

    def of_run(self, run):
        return self._get(run._r.style, WD_STYLE_TYPE.CHARACTER)

    def _get(self, style_id, style_type):
        key = (style_id, style_type)
        if key not in self._found:
            self._found[key] = self.part.get_style(style_id, style_type)
        return self._found[key]

    def size(self, style) -> float | None:
        """The type size a style gives (its own or its base's), in points."""
        if style is None:
            return None
        if style.element not in self._sizes:
            self._sizes[style.element] = _style_size(style)
        return self._sizes[style.element]


@functools.cache
def _guidance_lines_in(language: str) -> frozenset[str]:
    """The template's own guidance (its grey italic text) in ``language``."""
    with translation.override(language):
        template = Document(io.BytesIO(build_template_document()))
    paragraphs = list(template.paragraphs)
    for table in template.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    lines = {
        _normalise("".join(run.text for run in paragraph.runs if _is_guidance(run)))
        for paragraph in paragraphs
    }
    lines.discard("")
    return frozenset(lines)


def _guidance_lines() -> frozenset[str]:
    lines: set[str] = set()
    for language in each_template_language():
        lines |= _guidance_lines_in(language)
    return frozenset(lines)


@dataclass
class _Piece:
    """A stretch of a paragraph's text with its formatting: ``wrap`` turns the escaped text into
    HTML (bold, italic, a link), so a paragraph can be cut at a line break or after a label."""

    text: str
    wrap: Callable[[str], str]
    bold: bool = False
    size: float | None = None

    def html(self, text: str | None = None) -> str:
        text = self.text if text is None else text
        return self.wrap(escape(text).replace("\t", " ")) if text else ""


def _plain(pieces: list[_Piece]) -> str:
    return " ".join("".join(piece.text for piece in pieces).split())


def _html(pieces: list[_Piece]) -> str:
    return "".join(piece.html() for piece in pieces)


def _lines(pieces: list[_Piece]) -> list[list[_Piece]]:
    """The paragraph cut at its line breaks (Shift+Enter): each line a paragraph of its own, as
    the page editor keeps them."""
    lines: list[list[_Piece]] = [[]]
    for piece in pieces:
        parts = piece.text.split("\n")
        for number, part in enumerate(parts):
            if number:
                lines.append([])
            if part:
                lines[-1].append(_Piece(part, piece.wrap, piece.bold, piece.size))
    return lines


def _after(pieces: list[_Piece], offset: int) -> list[_Piece]:
    """The pieces after the first ``offset`` characters, without the punctuation and spaces that
    separate a label from its text."""
    rest: list[_Piece] = []
    for piece in pieces:
        if offset >= len(piece.text):
            offset -= len(piece.text)
            continue
        rest.append(_Piece(piece.text[offset:], piece.wrap, piece.bold, piece.size))
        offset = 0
    while rest:
        stripped = rest[0].text.lstrip(" \t:–—-.")
        if stripped:
            rest[0] = _Piece(stripped, rest[0].wrap, rest[0].bold, rest[0].size)
            break
        rest.pop(0)
    return rest


def _wrapper(*, bold: bool, italic: bool) -> Callable[[str], str]:
    def wrap(text: str) -> str:
        if italic:
            text = f"<i>{text}</i>"
        return f"<b>{text}</b>" if bold else text

    return wrap


def _link(url: str, inner: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: f'<a href="{escape(url)}">{inner(text)}</a>'


# What a paragraph's inner content holds, and which of it is text a reader sees: inserted text is
# read as accepted, deleted text is not read, and content controls, smart tags, fields and
# custom XML are read through.
_SEE_THROUGH = {
    qn("w:ins"),
    qn("w:moveTo"),
    qn("w:smartTag"),
    qn("w:customXml"),
    qn("w:fldSimple"),
    qn("w:dir"),
    qn("w:bdo"),
}
_NOT_READ = {qn("w:del"), qn("w:moveFrom")}
MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
MC_CHOICE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT_BOX = qn("w:txbxContent")
# A label run into its text: "The challenge: …", "Challenge - …", "Yr her – …".
_LABEL = re.compile(r"^[^:\n]{1,120}?(?::|\s[-–—]\s)")
# Bigger type than the body's, by this much, makes a line a heading.
HEADING_SIZE_RATIO = 1.2


def _sdt_content(sdt):
    """A content control's content, unless it only shows its placeholder ("Click or tap here to
    enter text")."""
    properties = sdt.find(qn("w:sdtPr"))
    if properties is not None and properties.find(qn("w:showingPlcHdr")) is not None:
        return None
    return sdt.find(qn("w:sdtContent"))


def _alternate(element):
    """The one version of alternate content to read: Word's own (the choice), else the fallback
    (both hold the same text box, so reading both would read it twice)."""
    chosen = element.find(MC_CHOICE)
    return chosen if chosen is not None else element.find(MC_FALLBACK)


def _text_boxes(element) -> list:
    """The text boxes in a run, outermost only (a text box's own boxes are read with it)."""
    found = []
    for child in element:
        if child.tag == TEXT_BOX:
            found.append(child)
        elif child.tag == MC_ALTERNATE:
            chosen = _alternate(child)
            if chosen is not None:
                found.extend(_text_boxes(chosen))
        else:
            found.extend(_text_boxes(child))
    return found


class _Reader:
    def __init__(self, document, deadline: Deadline):
        self.document = document
        self.deadline = deadline
        self.template_language = _template_language(document)
        self.assembler = Assembler(language=self.template_language)
        self.is_template = self.template_language is not None
        self.template_lines = _template_lines(self.template_language) if self.is_template else set()
        self._list: tuple[str, list[str], list[str]] | None = None
        self._image_names: set[str] = set()
        self._guidance: frozenset[str] | None = None
        self.body_size = _body_size(document)
        self.styles = _Styles(document)

    def read(self) -> ImportedCaseStudy:
        self.blocks(self.document.element.body, self.document._body)
        self.flush_list()
        return self.assembler.finish()

    def blocks(self, element, parent) -> None:
        """Paragraphs and tables in document order, through content controls and text boxes."""
        for child in element:
            tag = child.tag
            if tag == qn("w:p"):
                self.paragraph(Paragraph(child, parent))
            elif tag == qn("w:tbl"):
                self.flush_list()
                self.table(DocxTable(child, parent))
            elif tag == qn("w:sdt"):
                content = _sdt_content(child)
                if content is not None:
                    self.blocks(content, parent)
            elif tag in _SEE_THROUGH:
                self.blocks(child, parent)
            elif tag == MC_ALTERNATE:
                chosen = _alternate(child)
                if chosen is not None:
                    self.blocks(chosen, parent)

    # Paragraphs

    def paragraph(self, paragraph: Paragraph) -> None:
        self.deadline.check()
        self.images(paragraph)
        boxes: list = []
        pieces = self.pieces(paragraph, paragraph._p, boxes)
        paragraph_style = self.styles.of_paragraph(paragraph)
        style = paragraph_style.name if paragraph_style is not None else ""
        list_kind = self.list_kind(paragraph, style)
        for line in _lines(pieces):
            self.line(line, style, list_kind)
        for box in boxes:
            # A text box is read where it is anchored, after the paragraph that holds it.
            self.flush_list()
            self.blocks(box, paragraph._parent)

    def line(self, pieces: list[_Piece], style: str, list_kind: str | None) -> None:
        plain = _plain(pieces)
        if self.is_template and _normalise(plain) in self.template_lines:
            if style.startswith("Heading") and heading_key(plain):
                self.flush_list()
                self.assembler.heading(plain)
            return
        short = 0 < len(plain) <= MAX_HEADING_LENGTH
        is_heading_style = style == "Title" or style.startswith("Heading")
        big = short and self.is_big(pieces)
        looks = is_heading_style or big or (short and _all_bold(pieces)) or bool(list_kind)
        if list_kind and plain:
            # A numbered or bulleted line that is only a section's name is its heading.
            if short and heading_key(plain, looks_like_heading=True):
                self.flush_list()
                self.assembler.heading(plain)
                return
            if self.run_in(pieces, plain):
                return
            if self._list is not None and self._list[0] != list_kind:
                self.flush_list()
            if self._list is None:
                self._list = (list_kind, [], [])
            self._list[1].append(f"<li>{_html(pieces)}</li>")
            self._list[2].append(plain)
            return
        self.flush_list()
        if not plain:
            return
        if style == "Title":
            self.assembler.heading(plain, is_title=True)
        elif is_heading_style:
            self.assembler.heading(plain)
        elif short and heading_key(plain, looks_like_heading=looks):
            # A line that is only a section's name is its heading, bold (as councils mostly
            # write them), bigger, or not; other bold lines stay bold text.
            self.assembler.heading(plain, looks_like_heading=looks)
        elif self.run_in(pieces, plain):
            return
        elif big:
            self.assembler.heading(plain)  # a sub-heading set in bigger type
        else:
            self.assembler.fragment(Fragment(f"<p>{_html(pieces)}</p>", plain))

    def run_in(self, pieces: list[_Piece], plain: str) -> bool:
        """A run-in heading: "**The challenge:** Residents could not…" (a bold label, or a label
        and a colon) opens its section and the rest of the line is its first paragraph. A label
        that describes the case study ("Topics: …", "Lead authority: …") is passed on whole."""
        label = ""
        bold = ""
        for piece in pieces:
            if not piece.bold:
                break
            bold += piece.text
        text = "".join(piece.text for piece in pieces)
        candidates = []
        stripped = bold.strip()
        if stripped and len(bold) < len(text.rstrip()):
            rest = text[len(bold) :].lstrip()
            ends = stripped[-1] in ":.–—-"
            if ends or rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in ":–—-":
                candidates.append(bold)
        found_label = _LABEL.match(text[: MAX_HEADING_LENGTH + 3])
        if found_label:
            candidates.append(found_label.group())
        for label in candidates:
            found = match_heading(label.strip().rstrip(":.–—- "), looks_like_heading=label == bold)
            if found is None:
                continue
            rest_pieces = _after(pieces, len(label))
            rest = _plain(rest_pieces)
            if not rest:
                return False
            if found.key in RUN_IN_SECTIONS:
                self.flush_list()
                self.assembler.heading(label.strip().rstrip(":.–—- "))
                self.assembler.fragment(Fragment(f"<p>{_html(rest_pieces)}</p>", rest))
            else:
                self.flush_list()
                name = label.strip().rstrip(":.–—- ")
                self.assembler.fragment(Fragment(f"<p>{escape(plain)}</p>", f"{name}: {rest}"))
            return True
        return False

    def is_big(self, pieces: list[_Piece]) -> bool:
        sizes = [piece.size for piece in pieces if piece.text.strip()]
        if not sizes or self.body_size is None:
            return False
        return all(
            size is not None and size >= self.body_size * HEADING_SIZE_RATIO for size in sizes
        )

    def list_kind(self, paragraph: Paragraph, style: str) -> str | None:
        if "List Number" in style:
            return "ol"
        if "List" in style and "Paragraph" not in style:
            return "ul"
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return "ul"
        if "List Paragraph" in style and _style_numbered(self.styles.of_paragraph(paragraph)):
            return "ul"
        return None

    def flush_list(self) -> None:
        if self._list is None:
            return
        kind, items, texts = self._list
        self._list = None
        self.assembler.fragment(Fragment(f"<{kind}>{''.join(items)}</{kind}>", "\n".join(texts)))

    def run_size(self, run, run_style, paragraph_style) -> float | None:
        if run.font.size is not None:
            return run.font.size.pt
        # A run's style is a character style (python-docx gives the default one for a style id
        # of another type).
        size = self.styles.size(run_style)
        if size is None:
            size = self.styles.size(paragraph_style)
        return size

    def pieces(self, paragraph: Paragraph, element, boxes: list, wrap=None) -> list[_Piece]:
        """The paragraph's text as it reads: runs, links, accepted insertions and content
        controls, without deletions or the template's own guidance. Text boxes anchored in it
        are collected in ``boxes``."""
        found: list[_Piece] = []
        for child in element:
            tag = child.tag
            if tag == qn("w:r"):
                boxes.extend(_text_boxes(child))
                run = Run(child, paragraph)
                if not run.text or self.is_guidance(run):
                    continue
                run_style = self.styles.of_run(run)
                paragraph_style = self.styles.of_paragraph(paragraph)
                bold = _is_bold(run, run_style, paragraph_style)
                inner = _wrapper(bold=bold, italic=bool(run.italic))
                found.append(
                    _Piece(
                        run.text,
                        (lambda text, w=wrap, i=inner: w(i(text))) if wrap else inner,
                        bold,
                        self.run_size(run, run_style, paragraph_style),
                    )
                )
            elif tag == qn("w:hyperlink"):
                link = Hyperlink(child, paragraph)
                url = link.address + (f"#{link.fragment}" if link.fragment else "")
                found.extend(
                    self.pieces(paragraph, child, boxes, _link(url, wrap or str) if url else wrap)
                )
            elif tag == qn("w:sdt"):
                content = _sdt_content(child)
                if content is not None:
                    found.extend(self.pieces(paragraph, content, boxes, wrap))
            elif tag in _SEE_THROUGH:
                found.extend(self.pieces(paragraph, child, boxes, wrap))
            elif tag == MC_ALTERNATE:
                chosen = _alternate(child)
                if chosen is not None:
                    found.extend(self.pieces(paragraph, chosen, boxes, wrap))
        return found

    def is_guidance(self, run) -> bool:
        """The template's own guidance, in its grey italics. Text typed over the guidance keeps
        its formatting, so grey italic text is left out only when the template holds it."""
        if not _is_guidance(run):
            return False
        text = _normalise(run.text)
        if not text:
            return True
        if self._guidance is None:
            self._guidance = _guidance_lines()
        return any(text in line for line in self._guidance)

    def images(self, paragraph: Paragraph) -> None:
        part = paragraph.part
        for rel_id in paragraph._p.xpath(".//a:blip/@r:embed"):
            image_part = part.related_parts.get(rel_id)
            if image_part is None or image_part.partname in self._image_names:
                continue
            self._image_names.add(image_part.partname)
            name = str(image_part.partname).rsplit("/", 1)[-1]
            self.assembler.image(DocumentImage(name=name, content=image_part.blob))

    # Tables

    def table(self, table: DocxTable) -> None:
        rows = [_row_cells(tr, table) for tr in _table_rows(table._tbl)]
        rows = [row for row in rows if row]
        if not rows:
            return
        if len(rows) == 1 and len(rows[0]) == 1:
            # A one-cell table is a box around text (a banner heading, a shaded panel), not data:
            # its paragraphs are read as if they stood outside it.
            self.blocks(rows[0][0]._tc, rows[0][0])
            self.flush_list()
            return
        texts = [[self.cell_text(cell) for cell in row] for row in rows]
        labels = _field_labels()
        first_cells = [_normalise(row[0]) for row in texts if row and row[0].strip()]
        if first_cells and all(cell in labels for cell in first_cells):
            for row in texts:
                if row and len(row) > 1 and _normalise(row[0]) in labels:
                    self.assembler.template_field(labels[_normalise(row[0])], row[1])
            return
        if tuple(_normalise(c) for c in texts[0][:3]) in _partner_headers():
            for row in texts[1:]:
                cells = (row + ["", "", ""])[:3]
                self.assembler.partner(*cells)
            return
        if self.labelled_table(rows, texts, labels):
            return
        self.assembler.table(texts)

    def labelled_table(self, rows, texts, labels) -> bool:
        """The label | answer form: "The challenge" in the first column, the answer beside it
        (and "Title", "Summary", "Council", "Contact" …). Each answer is read as if it were
        written under its label as a heading."""
        labelled = [
            row
            for row in texts
            if len(row) >= 2
            and (
                _normalise(row[0]) in labels or heading_key(row[0].strip(), looks_like_heading=True)
            )
        ]
        filled = [row for row in texts if row and row[0].strip()]
        if len(labelled) < 2 or len(labelled) * 2 < len(filled):
            return False
        for cells, row in zip(rows, texts, strict=True):
            label = " ".join(row[0].split()).rstrip(":")
            answers = cells[1:]
            answer = "\n".join(text for text in row[1:] if text.strip())
            field = labels.get(_normalise(row[0]))
            key = heading_key(label, looks_like_heading=True)
            if len(row) < 2:
                if label:
                    self.assembler.heading(label)
            elif field is not None and key not in RUN_IN_SECTIONS:
                self.assembler.template_field(field, answer)
            elif key in ("title", "summary"):
                self.assembler.template_field(key, answer)
            elif key in METADATA_KEYS:
                for line in answer.splitlines():
                    self.assembler.fragment(Fragment("", f"{label}: {line}"))
            elif key is not None:
                self.assembler.heading(label)
                for cell in answers:
                    self.blocks(cell._tc, cell)
                self.flush_list()
            elif answer.strip():
                self.assembler.fragment(
                    Fragment(f"<p><b>{escape(label)}</b>: {escape(answer)}</p>", answer)
                )
        return True

    def cell_text(self, cell) -> str:
        """A cell's words, a line per paragraph (tables are plain text)."""
        self.deadline.check()
        lines: list[str] = []
        self._cell_lines(cell._tc, cell, lines)
        return "\n".join(lines)

    def _cell_lines(self, element, cell, lines: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == qn("w:p"):
                paragraph = Paragraph(child, cell)
                self.images(paragraph)
                boxes: list = []
                text = "".join(p.text for p in self.pieces(paragraph, child, boxes))
                lines.extend(line.strip() for line in text.split("\n") if line.strip())
                for box in boxes:
                    self._cell_lines(box, cell, lines)
            elif tag == qn("w:tbl"):
                for tr in _table_rows(child):
                    for tc in _row_tcs(tr):
                        self._cell_lines(tc, cell, lines)
            elif tag == qn("w:sdt"):
                content = _sdt_content(child)
                if content is not None:
                    self._cell_lines(content, cell, lines)
            elif tag in _SEE_THROUGH:
                self._cell_lines(child, cell, lines)


def _through_controls(element, tag: str) -> list:
    """The children of ``element`` with ``tag`` (a table's rows, a row's cells), each once (a
    merged cell is one ``w:tc``), looking through content controls and other wrappers."""
    found = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag == qn("w:sdt"):
            content = _sdt_content(child)
            if content is not None:
                found.extend(_through_controls(content, tag))
        elif child.tag in _SEE_THROUGH:
            found.extend(_through_controls(child, tag))
    return found


def _table_rows(tbl) -> list:
    return _through_controls(tbl, qn("w:tr"))


def _row_tcs(tr) -> list:
    return _through_controls(tr, qn("w:tc"))


def _row_cells(tr, table) -> list:
    return [_Cell(tc, table) for tc in _row_tcs(tr)]


def _all_bold(pieces: list[_Piece]) -> bool:
    texts = [piece for piece in pieces if piece.text.strip()]
    return bool(texts) and all(piece.bold for piece in texts)


def _style_size(style) -> float | None:
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return None


def _style_numbered(style) -> bool:
    while style is not None:
        p_pr = style.element.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return True
        style = style.base_style
    return False


def _body_size(document) -> float | None:
    """The body text's size in points: the Normal style's, else the document's default."""
    try:
        size = _style_size(document.styles["Normal"])
    except KeyError:
        size = None
    if size is None:
        values = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val")
        size = int(values[0]) / 2 if values and str(values[0]).isdigit() else 10.0
    return size
