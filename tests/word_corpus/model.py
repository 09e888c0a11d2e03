"""What a corpus document is, what is expected of it, and how a result is scored against it.

A story is the content of one case study as a council officer means it; a style renders it into
Word the way councils type; the expectations are derived from the same story, so they are written
once, beside the content."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

SECTIONS = (
    "challenge",
    "solution",
    "impact",
    "sustainability",
    "lessons_learned",
    "key_points",
    "local_context",
)
# Everything a paragraph can land in, as the measurement sees a result.
PLACES = ("title", "summary", *SECTIONS, "contact", "unplaced")


# --- The content of a case study ---------------------------------------------------------------


@dataclass(frozen=True)
class P:
    """A paragraph. ``breaks`` splits it with Shift+Enter line breaks (the parts are its text)."""

    text: str
    breaks: tuple[str, ...] = ()

    @property
    def parts(self) -> tuple[str, ...]:
        return self.breaks or (self.text,)


@dataclass(frozen=True)
class B:
    """A bullet list item."""

    text: str


@dataclass(frozen=True)
class N:
    """A numbered list item."""

    text: str


@dataclass(frozen=True)
class Q:
    """A quote from a named officer, typed as its own paragraph."""

    text: str


@dataclass(frozen=True)
class H:
    """A sub-heading inside a section ("Phase one: listening"): it belongs to its section."""

    text: str


@dataclass(frozen=True)
class T:
    """A table of figures inside a section: rows of cells, the first row the header."""

    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Contact:
    name: str
    job_title: str = ""
    email: str = ""
    phone: str = ""
    organisation: str = ""


@dataclass
class Story:
    key: str
    language: str  # "en", "cy" or "bilingual"
    title: str
    summary: str
    sections: dict[str, list]
    contact: Contact
    councils: list[str] = field(default_factory=list)  # register names, the lead first
    topics: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)


# --- What is expected of a document -------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One paragraph, list item, table row or contact field, and the place it belongs.
    ``also`` names other places where it would be right too (a quote may become a quote block
    of the section it sits in, which the measurement already counts as that section)."""

    place: str
    text: str
    kind: str = "paragraph"


@dataclass
class Expected:
    title: str
    summary: str
    items: list[Item]
    contact: Contact
    councils: list[str]
    topics: list[str]
    partners: list[str] = field(default_factory=list)
    consent_publish_contact: bool = False
    # Lines under the title that are fields, not the summary ("Topic: Housing", a council name).
    metadata: list[str] = field(default_factory=list)
    # Text that must land nowhere: tracked deletions, the template's guidance and help text.
    absent: list[str] = field(default_factory=list)


@dataclass
class CorpusDocument:
    name: str
    style: str
    language: str
    content: bytes
    expected: Expected
    features: tuple[str, ...] = ()

    def __repr__(self) -> str:  # keeps pytest ids and failure output short
        return f"CorpusDocument({self.name!r}, {self.style!r}, {len(self.content)} bytes)"


# --- Scoring ------------------------------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


def normalise(text: str) -> str:
    """Whitespace collapsed, typographic quotes and dashes made plain, case folded."""
    text = unicodedata.normalize("NFC", text or "").translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().casefold()


def snippet(text: str, limit: int = 80) -> str:
    """The whole of a short text, or the first ``limit`` characters of a long one, cut at a word
    (at least 40 characters, so it names one paragraph only)."""
    text = normalise(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 40, limit)
    return text[: cut if cut > 0 else limit]


@dataclass
class Misplaced:
    text: str
    expected: str
    found_in: tuple[str, ...]

    def __str__(self) -> str:
        where = ", ".join(self.found_in) or "nowhere"
        return f"[{self.expected} -> {where}] {self.text[:70]}"


def placement(expected: Expected, found: dict[str, str]) -> tuple[int, int, list[Misplaced]]:
    """How many of the expected items are in their place and nowhere else.

    ``found`` maps each place (title, summary, a section key, contact, unplaced, …) to the text
    a path gave it; contact fields are scored by equality with ``found["contact_<field>"]``."""
    texts = {place: normalise(text) for place, text in found.items() if place in PLACES}
    right, misplaced = 0, []
    for item in expected.items:
        if item.kind == "field":
            value = normalise(found.get(f"contact_{item.text.split('=', 1)[0]}", ""))
            wanted = normalise(item.text.split("=", 1)[1])
            if value == wanted:
                right += 1
            else:
                misplaced.append(Misplaced(item.text, "contact", (f"got {value!r}",)))
            continue
        if item.place == "title":
            got = texts.get("title", "")
            if got == normalise(item.text):
                right += 1
            else:
                misplaced.append(Misplaced(item.text, "title", (f"got {got[:60]!r}",)))
            continue
        needle = snippet(item.text)
        where = tuple(place for place, text in texts.items() if needle in text)
        if where == (item.place,):
            right += 1
        else:
            misplaced.append(Misplaced(item.text, item.place, where))
    return right, len(expected.items), misplaced
