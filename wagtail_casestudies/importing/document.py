"""What a reader finds in a case study, whatever it was written in.

A reader (:mod:`.word`, :mod:`.html`) turns its source into a stream of items in document order:
headings, HTML fragments, tables, images and template fields. :class:`Assembler` places them
under the template's sections with the rules councils' documents need (the title from the first
line, the summary from the first paragraph before the first section, the councils from a
"Council:" line, the contact from the contact section), and keeps, in order, whatever it cannot
place: nothing a council wrote is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..submissions.sanitise import clean_rich_text, clean_text, html_to_text
from ..template import BODY_SECTION_KEYS
from .headings import (
    ATTACHMENTS,
    CONSENT,
    COUNCILS,
    KEY_POINTS,
    LOCAL_CONTEXT,
    PARTNERS,
    TOPICS,
    heading_key,
    split_inline_heading,
)

UNPLACED = "unplaced"
# Body sections whose text is rich text on the page.
RICH_SECTIONS = frozenset(BODY_SECTION_KEYS) - {"contact"}
# Ticked and unticked boxes as people type them into the template ("☒ Digital", "[x] Digital").
TICKED = re.compile(r"^\s*(?:[☒☑✔✓✗✘xX]|\[\s*[xX✓✔]\s*\])\s+(.+)$")
UNTICKED = re.compile(r"^\s*(?:☐|\[\s*\])\s*(.*)$")
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+44\s?|\b0)(?:[\s()-]*\d){9,10}\b")
CONTACT_LABELS = {
    "name": "name",
    "contact": "name",
    "job title": "job_title",
    "role": "job_title",
    "position": "job_title",
    "title": "job_title",
    "email": "email",
    "e-mail": "email",
    "phone": "phone",
    "telephone": "phone",
    "tel": "phone",
    "mobile": "phone",
    "organisation": "organisation",
    "council": "organisation",
}


@dataclass
class DocumentImage:
    name: str
    content: bytes


@dataclass
class Table:
    rows: list[list[str]]


@dataclass
class Heading:
    text: str
    is_title: bool = False


@dataclass
class Fragment:
    """A paragraph or list as HTML (not yet sanitised) and its words."""

    html: str
    text: str


@dataclass
class TemplateField:
    """A value typed into one of the template's labelled table cells."""

    name: str
    value: str


@dataclass
class ImportedCaseStudy:
    """A case study as read: sanitised, and keyed like the submission form's fields."""

    title: str = ""
    summary: str = ""
    sections: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    council_names: list[str] = field(default_factory=list)
    topic_names: list[str] = field(default_factory=list)
    partners: list[dict] = field(default_factory=list)
    consents: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    local_context: str = ""
    # (section key, rows), in document order; the key is UNPLACED before any section.
    tables: list[tuple[str, list[list[str]]]] = field(default_factory=list)
    # What could not be placed, in order: ("paragraph", html) or ("table", rows).
    unplaced: list[tuple[str, object]] = field(default_factory=list)
    images: list[DocumentImage] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def has_unplaced(self) -> bool:
        return bool(self.unplaced)

    def extras(self) -> dict:
        """What a page holds beyond the form's fields, as JSON for a submission's ``data``."""
        return {
            "key_points": self.key_points,
            "local_context": self.local_context,
            "tables": [[key, rows] for key, rows in self.tables],
            "unplaced": [[kind, value] for kind, value in self.unplaced],
        }


def parse_contact(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Name, job title, organisation, email and phone from a contact section's lines, as
    ``contact_<child>`` fields, and the lines it could not read."""
    found: dict[str, str] = {}
    unlabelled: list[str] = []
    for line in lines:
        label, colon, rest = line.partition(":")
        child = CONTACT_LABELS.get(label.strip().lower()) if colon else None
        if child and rest.strip():
            found.setdefault(child, rest.strip())
            continue
        email = EMAIL.search(line)
        if email:
            found.setdefault("email", email.group())
            line = line.replace(email.group(), "")
        phone = PHONE.search(line)
        if phone:
            found.setdefault("phone", " ".join(phone.group().split()))
            line = line.replace(phone.group(), "")
        line = re.sub(r"\b(?:email|e-mail|tel|telephone|phone)\b\s*:?", "", line, flags=re.I)
        parts = [p.strip(" ,;-–") for p in re.split(r"[,;]|\s[-–]\s", line)]
        unlabelled.extend(p for p in parts if p)
    leftover = []
    for child, part in zip(("name", "job_title", "organisation"), unlabelled, strict=False):
        if child in found:
            leftover.append(part)
        else:
            found[child] = part
    leftover.extend(unlabelled[3:])
    return {f"contact_{child}": value[:255] for child, value in found.items()}, leftover


class Assembler:
    """Places a reader's items under the template's sections (see the module docstring)."""

    def __init__(self, *, title: str = "", summary: str = ""):
        # A title and summary given beside the body (an export's columns) are kept as given.
        self.result = ImportedCaseStudy(title=title, summary=summary)
        self.section: str | None = None
        self._html: dict[str, list[str]] = {}
        self._contact_lines: list[str] = []
        self._summary_open = not summary

    # Feeding

    def heading(self, text: str, *, is_title: bool = False) -> None:
        text = " ".join(text.split())
        if not text:
            return
        key = heading_key(text)
        if key is None and not self.result.title and (is_title or self.section is None):
            self.result.title = text
            return
        if key is None:
            # A sub-heading inside a section stays there; before any section it is unplaced.
            self.fragment(Fragment(f"<h3>{_escape(text)}</h3>", text))
            return
        self.result.headings.append((text, key))
        self.section = key
        self._summary_open = False

    def fragment(self, fragment: Fragment) -> None:
        text = " ".join(fragment.text.split())
        if not text:
            return
        if self.section in (TOPICS, CONSENT):
            self._boxes(fragment)
            return
        inline = split_inline_heading(text)
        if inline and inline[0] in (COUNCILS, "contact", "title", "summary"):
            key, rest = inline
            if key == COUNCILS:
                self.result.council_names.extend(_names(rest))
            elif key == "contact":
                self._contact_lines.append(rest)
            elif key == "title" and not self.result.title:
                self.result.title = rest
            elif key == "summary" and not self.result.summary:
                self.result.summary = rest
            return
        section = self.section
        if section is None:
            if not self.result.title:
                self.result.title = text
            elif not self.result.summary and self._summary_open:
                self.result.summary = text
                self._summary_open = False
            else:
                self.result.unplaced.append(("paragraph", fragment.html))
            return
        if section == "title":
            self.result.title = self.result.title or text
        elif section == "summary":
            self.result.summary = f"{self.result.summary} {text}".strip()
        elif section == "contact":
            self._contact_lines.extend(line for line in fragment.text.splitlines() if line)
        elif section == KEY_POINTS:
            self.result.key_points.extend(
                line.strip() for line in fragment.text.splitlines() if line.strip()
            )
        elif section == COUNCILS:
            for line in fragment.text.splitlines():
                self.result.council_names.extend(_names(line))
        elif section in (ATTACHMENTS, PARTNERS):
            # The template's own groups answer in ticked boxes and table cells; anything else
            # written under them is kept for the editor.
            self.result.unplaced.append(("paragraph", fragment.html))
        else:
            self._html.setdefault(section, []).append(fragment.html)

    def table(self, rows: list[list[str]]) -> None:
        rows = [[" ".join(cell.split()) for cell in row] for row in rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        if self.section is None or self.section in ("title", "summary", COUNCILS):
            self.result.unplaced.append(("table", rows))
        elif self.section == "contact":
            for row in rows:
                self._contact_lines.append(": ".join(cell for cell in row if cell))
        else:
            self.result.tables.append((self.section, rows))

    def template_field(self, name: str, value: str) -> None:
        value = value.strip()
        if not value:
            return
        if name == "title":
            self.result.title = value
        elif name == "summary":
            self.result.summary = value
        elif name == "council_names":
            for line in value.splitlines():
                self.result.council_names.extend(_names(line))
        else:
            self.result.fields[name] = value

    def partner(self, name: str, kind: str, website: str) -> None:
        if name.strip():
            self.result.partners.append(
                {"name": name.strip(), "kind": kind.strip(), "website": website.strip()}
            )

    def image(self, image: DocumentImage) -> None:
        self.result.images.append(image)

    def _boxes(self, fragment: Fragment) -> None:
        """Under "Topics" and "Consent", a ticked box chooses a topic or gives a consent and an
        unticked one is the template's own text; any other line is kept for the editor."""
        for line in fragment.text.splitlines():
            if not line.strip() or UNTICKED.match(line):
                continue
            ticked = TICKED.match(line)
            if ticked is None:
                self.result.unplaced.append(("paragraph", f"<p>{_escape(line.strip())}</p>"))
            elif self.section == TOPICS:
                self.result.topic_names.append(ticked.group(1).strip())
            else:
                self.result.consents.append(ticked.group(1).strip())

    # Finishing

    def finish(self) -> ImportedCaseStudy:
        result = self.result
        result.title = clean_text(result.title)[:255]
        result.summary = clean_text(result.summary)
        for key, fragments in self._html.items():
            html = clean_rich_text("".join(fragments))
            if not html:
                continue
            if key in RICH_SECTIONS:
                result.sections[key] = html
            elif key == LOCAL_CONTEXT:
                result.local_context = html
            else:
                result.unplaced.append(("paragraph", html))
        if self._contact_lines:
            contact, leftover = parse_contact([clean_text(line) for line in self._contact_lines])
            for name, value in contact.items():
                result.fields.setdefault(name, value)
            if leftover:
                result.unplaced.append(("paragraph", clean_rich_text("\n".join(leftover))))
        result.fields = {name: clean_text(value) for name, value in result.fields.items()}
        result.key_points = [clean_text(point)[:500] for point in result.key_points if point]
        result.council_names = list(dict.fromkeys(clean_text(n) for n in result.council_names))
        result.unplaced = [
            (kind, clean_rich_text(value) if kind == "paragraph" else value)
            for kind, value in result.unplaced
            if kind != "paragraph" or html_to_text(value)
        ]
        return result


def _names(text: str) -> list[str]:
    """Council names from one line: several may be separated by semicolons."""
    return [name.strip() for name in text.split(";") if name.strip()]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
