"""The one heading matcher: which template section a heading, as councils write it, names.

Word documents (Heading styles or bold lines) and body HTML from other systems (``<h2>`` …) both
go through :func:`heading_key`, so "The impact (including cost savings/income generated if
applicable)" means the same section wherever it is written.
"""

from __future__ import annotations

import re

from django.utils.encoding import force_str

from ..template import TEMPLATE_SECTIONS, each_template_language

# Sections that are not template sections but have a home on a case study page.
KEY_POINTS = "key_points"
LOCAL_CONTEXT = "local_context"
# Headings of the template document's other groups (see ``submissions.forms.EXTRA_GROUPS``).
COUNCILS = "councils"
PARTNERS = "partners"
TOPICS = "topics"
ATTACHMENTS = "attachments"
CONSENT = "consent"

# Wordings seen in published case studies, normalised (see ``normalise_heading``), in English and
# in Welsh (Welsh councils publish in both). The template's own headings are added from
# ``TEMPLATE_SECTIONS`` below, in every language of the template (``template_languages``).
HEADING_VARIANTS: dict[str, tuple[str, ...]] = {
    "title": ("title", "teitl"),
    "summary": ("summary", "executive summary", "crynodeb", "crynodeb gweithredol"),
    # Older case studies open with these where newer ones say "The challenge".
    "challenge": (
        "challenge",
        "challenges",
        "challenge and solutions",
        "challenge and solution",
        "background",
        "overview",
        "introduction",
        "yr her",
        "her",
        "heriau",
        "cefndir",
        "trosolwg",
        "cyflwyniad",
    ),
    "solution": (
        "solution",
        "solutions",
        "what we did",
        "approach",
        "yr ateb",
        "ateb",
        "atebion",
        "beth wnaethom ni",
    ),
    "impact": (
        "impact",
        "impacts",
        "outcomes",
        "results",
        "impact and outcomes",
        "yr effaith",
        "effaith",
        "canlyniadau",
    ),
    "sustainability": (
        "how is the new approach being sustained",
        "how is the approach being sustained",
        "sustainability",
        "sustaining the approach",
        "next steps",
        "sut mae'r dull newydd yn cael ei gynnal",
        "cynaliadwyedd",
        "camau nesaf",
    ),
    "lessons_learned": (
        "lessons learned",
        "lessons learnt",
        "learning",
        "key lessons",
        "gwersi a ddysgwyd",
        "gwersi",
    ),
    "contact": (
        "contact",
        "contacts",
        "contact details",
        "contact information",
        "find out more",
        "cyswllt",
        "manylion cyswllt",
        "rhagor o wybodaeth",
    ),
    KEY_POINTS: ("key points", "key facts", "pwyntiau allweddol"),
    LOCAL_CONTEXT: ("local context", "context", "cyd-destun lleol", "cyd-destun"),
    COUNCILS: ("councils", "council", "cynghorau", "cyngor"),
    PARTNERS: ("partner organisations", "partners", "sefydliadau partner", "partneriaid"),
    TOPICS: ("topics", "pynciau"),
    ATTACHMENTS: ("attachments", "atodiadau"),
    CONSENT: ("consent", "caniatâd"),
}

# A heading is a short line; a longer bold sentence is emphasis, not a heading.
MAX_HEADING_LENGTH = 120

_NUMBERING = re.compile(r"^\s*(?:\d+[.)]?|[a-z][.)]|[ivx]+[.)])\s+", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise_heading(text: str) -> str:
    """Lower case, without numbering, bracketed asides, punctuation or a leading "the"."""
    text = _NUMBERING.sub("", str(text or ""))
    text = _BRACKETS.sub(" ", text).replace("&", " and ")
    text = " ".join(_PUNCTUATION.sub(" ", text.lower()).split())
    return text.removeprefix("the ")


def _known_headings() -> dict[str, str]:
    known = {
        normalise_heading(variant): key
        for key, variants in HEADING_VARIANTS.items()
        for variant in variants
    }
    for _language in each_template_language():
        for section in TEMPLATE_SECTIONS:
            known.setdefault(normalise_heading(force_str(section.heading)), section.key)
    return known


def heading_key(text: str) -> str | None:
    """The section key ``text`` names as a heading ("challenge", "key_points", …), or None."""
    if not text or len(text) > MAX_HEADING_LENGTH:
        return None
    return _known_headings().get(normalise_heading(text))


def split_inline_heading(text: str) -> tuple[str, str] | None:
    """("contact", "Jane Smith, …") for a line such as "Contact: Jane Smith, …", else None."""
    heading, colon, rest = (text or "").partition(":")
    if not colon or not rest.strip():
        return None
    key = heading_key(heading)
    return (key, rest.strip()) if key else None
