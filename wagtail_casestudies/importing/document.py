"""What a reader finds in a case study, whatever it was written in.

A reader (:mod:`.word`, :mod:`.html`) turns its source into a stream of items in document order:
headings, HTML fragments, tables, images and template fields. :class:`Assembler` places them
under the template's sections with the rules councils' documents need (the title from the first
line, the summary from the first paragraph before the first section, the councils from a
"Council:" line, the contact from the contact section), and keeps, in order, whatever it cannot
place: nothing a council wrote is dropped.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape

from django import forms
from django.utils.encoding import force_str

from ..councils import CouncilIndex
from ..submissions.forms import template_fields
from ..submissions.sanitise import clean_rich_text, clean_text, html_to_text
from ..template import BODY_SECTION_KEYS
from .amounts import parse_amount
from .headings import (
    ATTACHMENTS,
    CONSENT,
    COUNCILS,
    DATE,
    KEY_POINTS,
    LEAD_COUNCIL,
    LOCAL_CONTEXT,
    METADATA_KEYS,
    NOT_THE_CASE_STUDY,
    PARTNERS,
    TOPICS,
    match_heading,
    split_inline_heading,
)

UNPLACED = "unplaced"
# Body sections whose text is rich text on the page.
RICH_SECTIONS = frozenset(BODY_SECTION_KEYS) - {"contact"}
# Sections a run-in label ("The challenge: …") opens, as its heading would.
RUN_IN_SECTIONS = frozenset(BODY_SECTION_KEYS) | {KEY_POINTS, LOCAL_CONTEXT}
# Ticked and unticked boxes as people type them into the template ("☒ Digital", "[x] Digital").
TICKED = re.compile(r"^\s*(?:[☒☑✔✓✗✘xX]|\[\s*[xX✓✔]\s*\])\s+(.+)$")
UNTICKED = re.compile(r"^\s*(?:☐|\[\s*\])\s*(.*)$")
# Contact details are looked for word by word (an e-mail address has no spaces) and with bounded
# repeats, so a line of any length is read in time proportional to its length.
EMAIL = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
PHONE = re.compile(r"(?:\+44\s?|\b0)(?:[\s()-]{0,3}\d){9,10}\b")
CONTACT_WORDS = re.compile(
    r"\b(?:email|e-mail|e-bost|ebost|tel|telephone|phone|ffôn|ffon)\b\s{0,3}:?", re.IGNORECASE
)
# The contact written as a sentence: "For more information, please contact Jane Smith, Head of
# Digital, at jane@… or on 01234 …".
CONTACT_OPENING = re.compile(
    r"^\s{0,5}(?:(?:for (?:more|further) information|to find out more)\s{0,3},?\s{0,3})?"
    r"(?:please\s{1,3})?(?:contact|get in touch with|speak to|email|cysylltwch (?:â|a))\s{1,3}",
    re.IGNORECASE,
)
# Words left at either end of a part once the email and phone are taken out of such a sentence.
CONTACT_LINKS = frozenset({"at", "on", "or", "via", "by", "and", "ar", "neu", "a"})
CONTACT_LABELS = {
    "name": "name",
    "contact": "name",
    "contact name": "name",
    "enw": "name",
    "job title": "job_title",
    "role": "job_title",
    "position": "job_title",
    "title": "job_title",
    "swydd": "job_title",
    "teitl swydd": "job_title",
    "teitl y swydd": "job_title",
    "rôl": "job_title",
    "email": "email",
    "e-mail": "email",
    "email address": "email",
    "e-bost": "email",
    "ebost": "email",
    "cyfeiriad e-bost": "email",
    "phone": "phone",
    "phone number": "phone",
    "telephone": "phone",
    "tel": "phone",
    "mobile": "phone",
    "ffôn": "phone",
    "ffon": "phone",
    "rhif ffôn": "phone",
    "organisation": "organisation",
    "organization": "organisation",
    "council": "organisation",
    "sefydliad": "organisation",
    "cyngor": "organisation",
}
# A line under the title that is a short label rather than the summary, and the longest a council,
# topic or partner list on one line may be.
SHORT_LINE_WORDS = 12
# Lines above a case study that are not its title: a protective marking, a press release's
# banner, the headers and greeting of an email it was pasted from. Kept for the editor.
_PREAMBLE = re.compile(
    r"^(?:(?:official|official[- ]sensitive|not protectively marked|unclassified|swyddogol)"
    r"|(?:press|news|media) release|datganiad i'?r wasg|for immediate release\b.{0,60}"
    r"|embargoed\b.{0,80}|(?:from|sent|to|cc|bcc|subject|importance)\s*:.{0,200}"
    r"|(?:hi|hello|dear|good (?:morning|afternoon))\b.{0,40})$",
    re.IGNORECASE,
)
# A letter's or an email's sign-off: the lines after it are the sender's name, job and details.
_SIGN_OFF = re.compile(
    r"^(?:(?:kind|best|warm|many)?\s*regards|many thanks|thanks|best wishes|yours (?:sincerely|"
    r"faithfully)|cofion(?: gorau| cynnes)?|yn gywir|diolch)[,.!]?$",
    re.IGNORECASE,
)
MAX_LIST_LINE = 500
_SENTENCE_END = re.compile(r"[.!?…]['\"’”)]?$")
_LIST_SEPARATORS = re.compile(r"\s*[;,]\s*")
_AND = re.compile(r"\s+(?:and|&|a|ac)\s+|\s*&\s*", re.IGNORECASE)
_DESIGNATION = re.compile(
    r"(?:\b(?:council|councils|borough|authority|corporation|cc|dc|bc|mbc)$|^(?:cyngor)\b)",
    re.IGNORECASE,
)
_PLURAL = re.compile(r"\s+(?:councils|cynghorau)$", re.IGNORECASE)
_INVERTED_PART = re.compile(r"^(?:city|county) of$", re.IGNORECASE)


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
    # The language the document is written in ("en", "cy"), from its headings, when they say.
    language: str | None = None
    # A "Date:" line's text, as written.
    date: str = ""

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


def _emails(line: str) -> list[str]:
    """The e-mail addresses in ``line``, word by word (linear in the line's length)."""
    if "@" not in line:
        return []
    found = []
    for word in line.split():
        if "@" in word and len(word) <= 320:
            match = EMAIL.search(word.strip("<>()[],;:'\""))
            if match:
                found.append(match.group().rstrip(".-"))
    return found


def _without_links(part: str) -> str:
    words = part.split()
    while words and words[0].lower() in CONTACT_LINKS:
        words.pop(0)
    while words and words[-1].lower() in CONTACT_LINKS:
        words.pop()
    return " ".join(words).strip(" ,;-–.")


def parse_contact(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Name, job title, organisation, email and phone from a contact section's lines, as
    ``contact_<child>`` fields, and the lines it could not read. English and Welsh labels
    ("Name:", "Enw:", "E-bost:") are read. An unlabelled line is "name, job title, email" as
    councils write it: what comes between the name and the email is the job title, commas and
    all ("Service Manager, Home Plus"), unless its last part is a council; lines with one part
    each are the name, the job title and the organisation in turn."""
    found: dict[str, str] = {}
    groups: list[list[str]] = []
    for line in lines:
        label, colon, rest = line[:40].partition(":")
        child = CONTACT_LABELS.get(" ".join(label.split()).lower()) if colon else None
        if child:
            rest = line[len(label) + 1 :].strip()
            if rest:
                found.setdefault(child, rest)
                continue
        for email in _emails(line):
            found.setdefault("email", email)
            line = line.replace(email, "")
        phone = PHONE.search(line)
        if phone:
            found.setdefault("phone", " ".join(phone.group().split()))
            line = line.replace(phone.group(), "")
        line = CONTACT_WORDS.sub("", CONTACT_OPENING.sub("", line))
        parts = [p.strip(" ,;-–.") for p in re.split(r"[,;]|\s[-–]\s", line)]
        parts = [_without_links(p) for p in parts]
        parts = [p for p in parts if p]
        if parts:
            groups.append(parts)
    leftover: list[str] = []
    slots = [child for child in ("name", "job_title", "organisation") if child not in found]
    for parts in groups:
        if len(parts) > 1 and "name" in slots:
            found["name"] = parts[0]
            slots.remove("name")
            rest = parts[1:]
            if len(rest) > 1 and "organisation" in slots and _DESIGNATION.search(rest[-1]):
                found["organisation"] = rest.pop()
                slots.remove("organisation")
            if "job_title" in slots:
                found["job_title"] = ", ".join(rest)
                slots.remove("job_title")
            else:
                leftover.extend(rest)
            continue
        for part in parts:
            if slots:
                found[slots.pop(0)] = part
            else:
                leftover.append(part)
    return {f"contact_{child}": value[:255] for child, value in found.items()}, leftover


@functools.cache
def number_fields() -> dict[str, forms.Field]:
    """The template's number fields (the impact's cost saving and income generated), by name."""
    return {
        name: form_field
        for name, form_field in template_fields().items()
        if isinstance(form_field, forms.DecimalField | forms.IntegerField | forms.FloatField)
    }


def typed_amount(name: str, value: str):
    """``value`` read as the number field ``name`` wants (a Decimal, or an int for a whole-number
    field), or None when it is not an amount."""
    form_field = number_fields().get(name)
    if form_field is None:
        return None
    places = getattr(form_field, "decimal_places", None)
    amount = parse_amount(value, decimal_places=places if places is not None else 2)
    if amount is None:
        return None
    if isinstance(form_field, forms.IntegerField):
        return int(amount) if amount == amount.to_integral_value() else None
    return amount


def _looks_like_prose(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) or len(text.split()) > SHORT_LINE_WORDS


def _split_list(text: str, *, last_and: bool = True) -> list[str]:
    """Names from a list line: semicolons and commas separate; so does the last "and" of a list
    with commas in it ("NHS Kernow, Age UK and Cornwall College") unless ``last_and`` is False
    (topics: "Housing and planning" is one; ``intake.resolve`` splits it if there is none)."""
    parts = [part.strip(" .") for part in _LIST_SEPARATORS.split(text[:MAX_LIST_LINE])]
    parts = [part for part in parts if part]
    if len(parts) > 1 and last_and:
        *head, last = parts
        parts = head + [piece.strip(" .") for piece in _AND.split(last) if piece.strip(" .")]
    return parts


class Assembler:
    """Places a reader's items under the template's sections (see the module docstring)."""

    def __init__(
        self,
        *,
        title: str = "",
        summary: str = "",
        language: str | None = None,
        index: CouncilIndex | None = None,
    ):
        # A title and summary given beside the body (an export's columns) are kept as given.
        self.result = ImportedCaseStudy(title=title, summary=summary)
        self.section: str | None = None
        self._html: dict[str, list[str]] = {}
        self._contact_lines: list[str] = []
        self._summary_open = not summary
        # Short lines under the title ("A decision wheel for residents"), kept until it is clear
        # whether a real summary follows them.
        self._pending: list[Fragment] = []
        self._language = language
        self._languages: Counter = Counter()
        self._index = index
        self._lead_names: list[str] = []
        self._council_names: list[str] = []

    @property
    def index(self) -> CouncilIndex:
        """The council register, built once and only when a line may name councils."""
        if self._index is None:
            self._index = CouncilIndex.build()
        return self._index

    # Feeding

    def heading(
        self, text: str, *, is_title: bool = False, looks_like_heading: bool = True
    ) -> None:
        text = " ".join(text.split())
        if not text:
            return
        found = match_heading(text, looks_like_heading=looks_like_heading)
        if (
            found is None
            and self.section is None
            and not self.result.title
            and _PREAMBLE.match(text)
        ):
            self.result.unplaced.append(("paragraph", f"<p>{_escape(text)}</p>"))
            return
        if found is None and not self.result.title and (is_title or self.section is None):
            self.result.title = text
            return
        if found is None:
            # A sub-heading inside a section stays there; before any section it is unplaced.
            self.fragment(Fragment(f"<h3>{_escape(text)}</h3>", text))
            return
        self._settle_summary()
        self.result.headings.append((text, found.key))
        if found.language:
            self._languages[found.language] += 1
        self.section = found.key
        self._summary_open = False

    def fragment(self, fragment: Fragment) -> None:
        text = " ".join(fragment.text.split())
        if not text:
            return
        if self.section in (TOPICS, CONSENT) and self._boxes(fragment):
            return
        inline = split_inline_heading(text) if "\n" not in fragment.text.strip() else None
        if inline and self._inline(text.partition(":")[0], *inline):
            return
        section = self.section
        if section is None:
            self._opening(fragment, text)
            return
        if section in BODY_SECTION_KEYS and _SIGN_OFF.match(text):
            self.section = "contact"  # "Kind regards," then the sender's name and details
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
        elif section in (COUNCILS, LEAD_COUNCIL):
            for line in fragment.text.splitlines():
                self._councils(line, lead=section == LEAD_COUNCIL)
        elif section in (PARTNERS, TOPICS, DATE) and not _looks_like_prose(text):
            for line in fragment.text.splitlines():
                self._metadata(section, line)
        elif section in (ATTACHMENTS, PARTNERS, TOPICS, DATE, NOT_THE_CASE_STUDY):
            # The template's own groups answer in ticked boxes and table cells; anything else
            # written under them, and what follows the case study (notes to editors), is kept
            # for the editor.
            self.result.unplaced.append(("paragraph", fragment.html))
        else:
            self._html.setdefault(section, []).append(fragment.html)

    def _inline(self, label: str, key: str, rest: str) -> bool:
        """A "Label: value" line: a field of the case study, or a run-in heading and its text."""
        if key in METADATA_KEYS:
            if key in (COUNCILS, LEAD_COUNCIL):
                self._councils(rest, lead=key == LEAD_COUNCIL)
            else:
                self._metadata(key, rest)
            return True
        if key == "title":
            self.result.title = self.result.title or rest
            return True
        if key == "summary" and not self.result.summary:
            self.result.summary = rest
            self._summary_open = False
            return True
        if key in RUN_IN_SECTIONS:
            self.heading(label)
            self.fragment(Fragment(f"<p>{_escape(rest)}</p>", rest))
            return True
        return False

    def _opening(self, fragment: Fragment, text: str) -> None:
        """Before any section: the title, lines naming the councils, then the summary."""
        if not self.result.title and _PREAMBLE.match(text):
            self.result.unplaced.append(("paragraph", fragment.html))
        elif self._is_council_line(text):
            self._councils(text)
        elif not self.result.title:
            self.result.title = text
        elif self._summary_open and not self.result.summary:
            if _looks_like_prose(text):
                self.result.summary = text
                self._summary_open = False
                self.result.unplaced.extend(("paragraph", f.html) for f in self._pending)
                self._pending = []
            else:
                self._pending.append(fragment)
        else:
            self.result.unplaced.append(("paragraph", fragment.html))

    def _settle_summary(self) -> None:
        """No prose came before the first section: the first short line is the summary."""
        if self._pending:
            first, *rest = self._pending
            self._pending = []
            if self._summary_open and not self.result.summary:
                self.result.summary = " ".join(first.text.split())
            else:
                rest.insert(0, first)
            self.result.unplaced.extend(("paragraph", f.html) for f in rest)
        self._summary_open = False

    def _is_council_line(self, text: str) -> bool:
        """A line on its own under the title that only names councils ("Cornwall Council")."""
        if self.result.summary or len(text) > 120 or _SENTENCE_END.search(text) or ":" in text:
            return False
        if len(text.split()) > SHORT_LINE_WORDS:
            return False
        if _DESIGNATION.search(text.strip()) and self.result.title:
            return True
        return bool(self.index.match_all(text))

    def _councils(self, text: str, *, lead: bool = False) -> None:
        names = self.council_names(text)
        (self._lead_names if lead else self._council_names).extend(names)

    def council_names(self, text: str) -> list[str]:
        """Each council a line names, in order: "A, B and C", "A; B", "A and B councils" are
        split, but a name the register knows whole ("Brighton and Hove City Council") is kept
        whole, as is "X and Y" when the register knows neither and nothing says it is a list."""
        names: list[str] = []
        for part in re.split(r"\s*;\s*", text[:MAX_LIST_LINE]):
            part = part.strip(" .")
            if not part:
                continue
            if self.index.match(part) is not None:
                names.append(part)
                continue
            names.extend(self._split_councils(part))
        return names

    def _split_councils(self, part: str) -> list[str]:
        plural = bool(_PLURAL.search(part))
        commas = [piece for piece in re.split(r"\s*,\s*", part) if piece.strip()]
        # "Bristol, City of" is one council.
        merged: list[str] = []
        for piece in commas:
            if merged and _INVERTED_PART.match(piece.strip()):
                merged[-1] = f"{merged[-1]}, {piece.strip()}"
            else:
                merged.append(piece.strip())
        is_list = len(merged) > 1 or plural
        pieces: list[tuple[str, bool]] = []  # (piece, joined to the next by "and")
        for piece in merged:
            anded = [p.strip() for p in _AND.split(piece) if p.strip()]
            pieces.extend((p, i < len(anded) - 1) for i, p in enumerate(anded))
        names: list[str] = []
        start = 0
        while start < len(pieces):
            # The longest run of pieces the register knows as one council.
            for end in range(len(pieces), start, -1):
                candidate = " and ".join(p for p, _joined in pieces[start:end])
                if end - start > 1 and not all(j for _p, j in pieces[start : end - 1]):
                    continue
                if self.index.match(candidate) is not None:
                    names.append(candidate)
                    start = end
                    break
            else:
                piece, joined = pieces[start]
                if joined and not is_list and not _DESIGNATION.search(piece):
                    # "X and Y" that nothing says is a list: one name, as written.
                    end = start + 1
                    while end < len(pieces) and pieces[end - 1][1]:
                        end += 1
                    names.append(" and ".join(p for p, _joined in pieces[start:end]))
                    start = end
                else:
                    names.append(piece)
                    start += 1
        return [_PLURAL.sub("", name) if plural else name for name in names if name]

    def _metadata(self, key: str, value: str) -> None:
        value = " ".join(value.split())
        if not value:
            return
        if key == TOPICS:
            self.result.topic_names.extend(_split_list(value, last_and=False))
        elif key == PARTNERS:
            for name in _split_list(value):
                self.partner(name, "", "")
        elif key == DATE:
            self.result.date = self.result.date or value[:100]

    def table(self, rows: list[list[str]]) -> None:
        # Cells are plain text: whatever markup was typed into one comes out as text.
        rows = [[" ".join(clean_text(cell).split()) for cell in row] for row in rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        if self.section is None:
            self._settle_summary()
        if self.section is None or self.section in ("title", "summary", *METADATA_KEYS):
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
            self._summary_open = False
        elif name in ("council_names", "councils", LEAD_COUNCIL):
            for line in value.splitlines():
                self._councils(line, lead=name == LEAD_COUNCIL)
        else:
            self.result.fields[name] = value

    def partner(self, name: str, kind: str, website: str) -> None:
        name = " ".join(clean_text(name).split())
        if name:
            self.result.partners.append(
                {
                    "name": name[:255],
                    "kind": clean_text(kind).strip(),
                    "website": clean_text(website).strip(),
                }
            )

    def image(self, image: DocumentImage) -> None:
        self.result.images.append(image)

    def _boxes(self, fragment: Fragment) -> bool:
        """Under "Topics" and "Consent", a ticked box chooses a topic or gives a consent and an
        unticked one is the template's own text; a line without boxes under "Topics" names
        topics. Returns False for anything else, to be placed as other text is."""
        lines = [line for line in fragment.text.splitlines() if line.strip()]
        boxes = [line for line in lines if TICKED.match(line) or UNTICKED.match(line)]
        if not boxes:
            if self.section == TOPICS and not _looks_like_prose(" ".join(lines)):
                for line in lines:
                    self._metadata(TOPICS, line)
                return True
            if self.section == CONSENT:
                self.result.unplaced.append(("paragraph", fragment.html))
                return True
            return False
        for line in lines:
            if UNTICKED.match(line):
                continue
            ticked = TICKED.match(line)
            if ticked is None:
                self.result.unplaced.append(("paragraph", f"<p>{_escape(line.strip())}</p>"))
            elif self.section == TOPICS:
                self.result.topic_names.append(ticked.group(1).strip())
            else:
                self.result.consents.append(ticked.group(1).strip())
        return True

    # Finishing

    def finish(self) -> ImportedCaseStudy:
        self._settle_summary()
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
        self._amounts()
        result.key_points = [clean_text(point)[:500] for point in result.key_points if point]
        names = [clean_text(n) for n in [*self._lead_names, *self._council_names]]
        result.council_names = list(dict.fromkeys(n[:255] for n in names if n))
        result.topic_names = list(
            dict.fromkeys(t for t in (clean_text(n)[:255] for n in result.topic_names) if t)
        )
        result.date = clean_text(result.date)
        result.unplaced = [
            (kind, clean_rich_text(value) if kind == "paragraph" else value)
            for kind, value in result.unplaced
            if kind != "paragraph" or html_to_text(value)
        ]
        result.language = self._language or (
            self._languages.most_common(1)[0][0] if self._languages else None
        )
        return result

    def _amounts(self) -> None:
        """The number fields as numbers: "£12,500" is 12500. What is not an amount is kept for
        the editor, under the field's label, rather than refused."""
        fields = self.result.fields
        for name, form_field in number_fields().items():
            if name not in fields:
                continue
            value = fields.pop(name)
            amount = typed_amount(name, value)
            if amount is not None:
                fields[name] = str(amount)
            else:
                label = escape(force_str(form_field.label))
                self.result.unplaced.append(("paragraph", f"<p>{label}: {escape(value)}</p>"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
