"""Read a Word document (.docx) into an :class:`~.document.ImportedCaseStudy`.

It does not care where the document came from (the intake's endpoint or form page, the admin's
"Import from Word", ``casestudies_import``): it takes bytes that ``word_file.check_word_file``
accepted.

The package's own template, filled in, is read by its structure: the guidance (grey italics) and
every line the template itself contains are left out, labelled table cells are the form's
fields, ticked boxes choose topics and give consent. Any other document is read by its headings
(Heading styles, or bold lines) through the one heading matcher.
"""

from __future__ import annotations

import functools
import io
from html import escape

from django import forms
from django.utils import translation
from django.utils.encoding import force_str
from docx import Document
from docx.table import Table as DocxTable
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

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
from .document import Assembler, DocumentImage, Fragment, ImportedCaseStudy
from .headings import MAX_HEADING_LENGTH, heading_key
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


def _is_bold(run, paragraph: Paragraph) -> bool:
    if run.bold:
        return True
    if run.bold is False:
        return False
    style = run.style
    if style is not None and (style.font.bold or style.name in ("Strong",)):
        return True
    return bool(paragraph.style is not None and paragraph.style.font.bold)


class _Reader:
    def __init__(self, document, deadline: Deadline):
        self.document = document
        self.deadline = deadline
        self.assembler = Assembler()
        self.template_language = _template_language(document)
        self.is_template = self.template_language is not None
        self.template_lines = _template_lines(self.template_language) if self.is_template else set()
        self._list: tuple[str, list[str], list[str]] | None = None
        self._image_names: set[str] = set()

    def read(self) -> ImportedCaseStudy:
        for item in self.document.iter_inner_content():
            if isinstance(item, Paragraph):
                self.paragraph(item)
            elif isinstance(item, DocxTable):
                self.flush_list()
                self.table(item)
        self.flush_list()
        return self.assembler.finish()

    # Paragraphs

    def paragraph(self, paragraph: Paragraph) -> None:
        self.images(paragraph)
        html, text = self.runs(paragraph)
        style = paragraph.style.name if paragraph.style is not None else ""
        plain = " ".join(text.split())
        if self.is_template and _normalise(plain) in self.template_lines:
            if style.startswith("Heading") and heading_key(plain):
                self.flush_list()
                self.assembler.heading(plain)
            return
        list_kind = self.list_kind(paragraph, style)
        if list_kind and plain:
            if self._list is not None and self._list[0] != list_kind:
                self.flush_list()
            if self._list is None:
                self._list = (list_kind, [], [])
            self._list[1].append(f"<li>{html}</li>")
            self._list[2].append(plain)
            return
        self.flush_list()
        if not plain:
            return
        if style == "Title":
            self.assembler.heading(plain, is_title=True)
        elif style.startswith("Heading"):
            self.assembler.heading(plain)
        elif len(plain) <= MAX_HEADING_LENGTH and heading_key(plain):
            # A line that is only a section's name is its heading, bold (as councils mostly
            # write them) or not; other bold lines stay bold text.
            self.assembler.heading(plain)
        else:
            self.assembler.fragment(Fragment(f"<p>{html}</p>", text))

    def list_kind(self, paragraph: Paragraph, style: str) -> str | None:
        if "List Number" in style:
            return "ol"
        if "List" in style and "Paragraph" not in style:
            return "ul"
        p_pr = paragraph._p.pPr
        if p_pr is not None and p_pr.numPr is not None:
            return "ul"
        return None

    def flush_list(self) -> None:
        if self._list is None:
            return
        kind, items, texts = self._list
        self._list = None
        self.assembler.fragment(Fragment(f"<{kind}>{''.join(items)}</{kind}>", "\n".join(texts)))

    def runs(self, paragraph: Paragraph) -> tuple[str, str]:
        """The paragraph as HTML (bold, italic, links) and as text."""
        html_parts, text_parts = [], []
        for item in paragraph.iter_inner_content():
            if isinstance(item, Hyperlink):
                inner = "".join(escape(run.text) for run in item.runs if not _is_guidance(run))
                address = item.address
                if inner.strip() and address:
                    url = address + (f"#{item.fragment}" if item.fragment else "")
                    html_parts.append(f'<a href="{escape(url)}">{inner}</a>')
                else:
                    html_parts.append(inner)
                text_parts.append("".join(run.text for run in item.runs))
                continue
            run = item
            if _is_guidance(run) or not run.text:
                continue
            piece = escape(run.text).replace("\n", "<br/>").replace("\t", " ")
            if run.italic:
                piece = f"<i>{piece}</i>"
            if _is_bold(run, paragraph):
                piece = f"<b>{piece}</b>"
            html_parts.append(piece)
            text_parts.append(run.text)
        return "".join(html_parts), "".join(text_parts)

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
        rows = [[self.cell_text(cell) for cell in _distinct_cells(row)] for row in table.rows]
        if not rows:
            return
        labels = _field_labels()
        first_cells = [_normalise(row[0]) for row in rows if row and row[0].strip()]
        if first_cells and all(cell in labels for cell in first_cells):
            for row in rows:
                if row and len(row) > 1 and _normalise(row[0]) in labels:
                    self.assembler.template_field(labels[_normalise(row[0])], row[1])
            return
        if tuple(_normalise(c) for c in rows[0][:3]) in _partner_headers():
            for row in rows[1:]:
                cells = (row + ["", "", ""])[:3]
                self.assembler.partner(*cells)
            return
        self.assembler.table(rows)

    def cell_text(self, cell) -> str:
        lines = []
        for paragraph in cell.paragraphs:
            self.images(paragraph)
            text = "".join(
                run.text
                for item in paragraph.iter_inner_content()
                for run in (item.runs if isinstance(item, Hyperlink) else [item])
                if not _is_guidance(run)
            )
            if text.strip():
                lines.append(text.strip())
        return "\n".join(lines)


def _distinct_cells(row) -> list:
    """A row's cells, a merged cell once (python-docx repeats it once per grid column)."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells
