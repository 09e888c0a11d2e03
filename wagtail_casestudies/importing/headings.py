"""The one heading matcher: which template section a heading, as councils write it, names.

Word documents (Heading styles, bold lines, bigger type, numbered lists, run-in labels, label |
answer tables) and body HTML from other systems (``<h2>`` …) all go through :func:`match_heading`,
so "The impact (including cost savings/income generated if applicable)", "What difference has it
made?" and "Pa wahaniaeth mae wedi'i wneud?" mean the same section wherever they are written.

How a heading is matched, in order:

1. It is normalised (:func:`normalise_heading`): lower case; numbering ("3.", "2.1", "Section 4:"),
   bracketed asides, punctuation (question marks included) and the little words that vary from
   council to council ("the", "our", "yr", "y") are dropped; "learnt" is "learned".
2. The result is looked up among each section's phrasings (:data:`PHRASES`, English and Welsh,
   statements and questions) and the template's own headings in every language of the template.
3. Two phrasings joined by "and" ("Outcomes and impact", "The challenge and solutions") name the
   first one's section; so does a phrasing followed by "and how …" / "and what …" ("The solution
   and how it was implemented").
4. Only for a line that already looks like a heading (a Heading style, bold, bigger type, a
   numbered list item): a phrasing followed by a short tail that starts with a linking word
   ("Impact on residents", "Lessons for other councils", "The challenge we faced").
5. A heading in both languages ("Yr her / The challenge") names a section when both sides do.

A line that is a sentence ("The challenge was to answer calls faster") matches none of these.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.encoding import force_str

from ..template import TEMPLATE_SECTIONS, template_languages

# Sections that are not template sections but have a home on a case study page.
KEY_POINTS = "key_points"
LOCAL_CONTEXT = "local_context"
# Headings of the template document's other groups (see ``submissions.forms.EXTRA_GROUPS``).
COUNCILS = "councils"
PARTNERS = "partners"
TOPICS = "topics"
ATTACHMENTS = "attachments"
CONSENT = "consent"
# Labels of the lines councils put under the title ("Lead authority: …", "Date: …").
LEAD_COUNCIL = "lead_council"
DATE = "date"
# Headings of what follows a case study in a press release or a report ("Notes to editors",
# "ENDS", an appendix): not part of any section, kept for the editor.
NOT_THE_CASE_STUDY = "not_the_case_study"
# Labels that describe the case study rather than open a part of its text.
METADATA_KEYS = frozenset({COUNCILS, LEAD_COUNCIL, PARTNERS, TOPICS, DATE})

ENGLISH = "en"
WELSH = "cy"

# Each section's phrasings, normalised as by ``normalise_heading`` (so without "the", "our", "y",
# "yr", punctuation or question marks). Statements and the questions councils turn them into.
PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    ENGLISH: {
        "title": ("title",),
        "summary": ("summary", "executive summary", "in brief", "at a glance"),
        # Older case studies open with these where newer ones say "The challenge".
        "challenge": (
            "challenge",
            "challenges",
            "background",
            "overview",
            "introduction",
            "problem",
            "issue",
            "need",
            "what was problem",
            "what was challenge",
            "what was issue",
            "what were challenges",
            "what were problems",
            "what problem did we face",
            "what challenge did we face",
            "what challenges did we face",
            "what problem were we trying to solve",
            "what problem were we trying to address",
            "what were we trying to achieve",
            "why did we do it",
            "why was it needed",
        ),
        "solution": (
            "solution",
            "solutions",
            "approach",
            "response",
            "what we did",
            "what did we do",
            "what was solution",
            "what was done",
            "action taken",
            "actions taken",
            "implementation",
        ),
        "impact": (
            "impact",
            "impacts",
            "outcome",
            "outcomes",
            "result",
            "results",
            "benefits",
            "achievements",
            "difference it has made",
            "what difference it has made",
            "what difference it made",
            "what difference has it made",
            "what difference did it make",
            "what difference has it made so far",
            "what has been impact",
            "what was impact",
            "what were results",
            "what were outcomes",
            "what were benefits",
            "what has changed",
            "what did we achieve",
            "what have we achieved",
        ),
        "sustainability": (
            "how is new approach being sustained",
            "how is approach being sustained",
            "how is it being sustained",
            "how will it be sustained",
            "how will approach be sustained",
            "how will new approach be sustained",
            "sustainability",
            "sustaining approach",
            "next steps",
            "what next",
            "what happens next",
            "future",
            "future plans",
            "keeping it going",
            "how we will keep it going",
        ),
        "lessons_learned": (
            "lessons",
            "lessons learned",
            "learning",
            "key lessons",
            "key learning",
            "learning points",
            "what have we learned",
            "what did we learn",
            "what we learned",
            "what would we do differently",
            "what would we do differently next time",
            "advice for other councils",
            "advice to other councils",
            "top tips",
        ),
        "contact": (
            "contact",
            "contacts",
            "contact details",
            "contact information",
            "contact officer",
            "find out more",
            "further information",
            "more information",
            "for more information",
            "who to contact",
            "get in touch",
        ),
        KEY_POINTS: ("key points", "key facts", "key figures", "highlights"),
        LOCAL_CONTEXT: ("local context", "context"),
        COUNCILS: (
            "councils",
            "council",
            "councils involved",
            "council involved",
            "participating councils",
            "authorities involved",
            "local authorities",
            "local authority",
        ),
        LEAD_COUNCIL: (
            "lead council",
            "lead authority",
            "lead local authority",
            "lead organisation",
        ),
        PARTNERS: (
            "partners",
            "partner organisations",
            "partner organizations",
            "partners involved",
            "partnership",
        ),
        TOPICS: ("topics", "topic", "themes", "theme", "policy area", "policy areas"),
        ATTACHMENTS: ("attachments",),
        CONSENT: ("consent",),
        DATE: ("date", "date published", "publication date", "published"),
        NOT_THE_CASE_STUDY: (
            "ends",
            "notes to editors",
            "notes for editors",
            "note to editors",
            "editors notes",
            "appendix",
            "appendices",
            "annex",
        ),
    },
    WELSH: {
        "title": ("teitl",),
        "summary": ("crynodeb", "crynodeb gweithredol", "yn gryno"),
        "challenge": (
            "her",
            "heriau",
            "cefndir",
            "trosolwg",
            "cyflwyniad",
            "broblem",
            "problem",
            "beth oedd broblem",
            "beth oedd her",
            "beth oedd heriau",
            "beth oedd sefyllfa",
        ),
        "solution": (
            "ateb",
            "atebion",
            "dull",
            "dull gweithredu",
            "beth wnaethom ni",
            "beth wnaethon ni",
            "beth wnaethom",
            "sut gwnaethom ni hyn",
            "beth oedd ateb",
        ),
        "impact": (
            "effaith",
            "canlyniadau",
            "deilliannau",
            "manteision",
            "pa wahaniaeth mae wedi i wneud",
            "pa wahaniaeth y mae wedi i wneud",
            "pa wahaniaeth a wnaed",
            "pa wahaniaeth a wnaeth",
            "beth oedd effaith",
            "beth fu effaith",
        ),
        "sustainability": (
            "sut mae r dull newydd yn cael ei gynnal",
            "sut mae dull newydd yn cael ei gynnal",
            "cynaliadwyedd",
            "camau nesaf",
            "beth nesaf",
            "dyfodol",
        ),
        "lessons_learned": (
            "gwersi",
            "gwersi a ddysgwyd",
            "gwersi allweddol",
            "dysgu",
            "beth ydym wedi i ddysgu",
            "beth rydym wedi i ddysgu",
            "beth ddysgon ni",
            "beth ddysgom ni",
        ),
        "contact": (
            "cyswllt",
            "cysylltu",
            "manylion cyswllt",
            "rhagor o wybodaeth",
            "am ragor o wybodaeth",
            "cysylltwch â ni",
        ),
        KEY_POINTS: ("pwyntiau allweddol", "ffeithiau allweddol"),
        LOCAL_CONTEXT: ("cyd destun lleol", "cyd destun"),
        COUNCILS: ("cynghorau", "cyngor", "cynghorau dan sylw", "awdurdodau lleol"),
        LEAD_COUNCIL: ("cyngor arweiniol", "awdurdod arweiniol"),
        PARTNERS: ("partneriaid", "sefydliadau partner"),
        TOPICS: ("pynciau", "pwnc", "themâu", "thema"),
        ATTACHMENTS: ("atodiadau",),
        CONSENT: ("caniatâd",),
        DATE: ("dyddiad", "dyddiad cyhoeddi"),
        NOT_THE_CASE_STUDY: ("diwedd", "nodiadau i olygyddion", "atodiad"),
    },
}

# A heading is a short line; a longer bold sentence is emphasis, not a heading.
MAX_HEADING_LENGTH = 120
# Words after a phrasing that still leave a heading (rule 4), and how many words may follow.
LINKING_WORDS = frozenset(
    {"for", "on", "to", "from", "of", "in", "at", "with", "by", "we", "so", "and", "i", "ar", "o"}
)
MAX_TAIL_WORDS = 5
QUESTION_WORDS = frozenset({"how", "what", "why", "who", "where", "when", "sut", "beth", "pam"})
AND_WORDS = ("and", "a", "ac")

_NUMBERING = re.compile(
    r"^\s*(?:(?:section|part|step|stage|adran|rhan|cam)\s+)?"
    r"(?:\d{1,3}(?:\.\d{1,3})*[.):]?|[a-z][.)]|[ivx]{1,5}[.)])\s+",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\([^()]{0,200}\)|\[[^\[\]]{0,200}\]")
_PUNCTUATION = re.compile(r"[^\w\s]")
_BILINGUAL = re.compile(r"\s*[/|]\s*")
# Words that come and go between councils' wordings of one heading.
_FILLER = frozenset({"the", "our", "an", "your", "yr", "y", "ein", "eich"})
_SPELLINGS = {"learnt": "learned", "organizations": "organisations", "programme": "program"}


def normalise_heading(text: str) -> str:
    """Lower case, without numbering, bracketed asides, punctuation or the little words councils'
    wordings differ by ("the", "our", "yr", …)."""
    text = str(text or "")[: MAX_HEADING_LENGTH * 2]
    text = _NUMBERING.sub("", text)
    text = _BRACKETS.sub(" ", text).replace("&", " and ").replace("’", "'")
    words = _PUNCTUATION.sub(" ", text.lower()).split()
    words = [_SPELLINGS.get(word, word) for word in words if word not in _FILLER]
    if words and words[0] == "a" and len(words) > 1:
        words = words[1:]  # "A summary"; a Welsh "a" ("and") never opens a heading
    return " ".join(words)


@dataclass(frozen=True)
class HeadingMatch:
    key: str
    language: str | None  # "en", "cy", or None when the wording is the same in both


@functools.cache
def _phrases_by_language() -> dict[str, tuple[str, str]]:
    known: dict[str, tuple[str, str]] = {}
    for language, sections in PHRASES.items():
        for key, phrases in sections.items():
            for phrase in phrases:
                known.setdefault(normalise_heading(phrase), (key, language))
    return known


def _known_headings() -> dict[str, tuple[str, str | None]]:
    return _known_headings_in(tuple(template_languages()))


@functools.lru_cache(maxsize=8)
def _known_headings_in(languages: tuple[str, ...]) -> dict[str, tuple[str, str | None]]:
    """Built once per set of template languages (every heading of a document is matched)."""
    known: dict[str, tuple[str, str | None]] = dict(_phrases_by_language())
    for language in languages:
        with translation.override(language):
            for section in TEMPLATE_SECTIONS:
                heading = normalise_heading(force_str(section.heading))
                known.setdefault(heading, (section.key, language))
    return known


def _exact(normalised: str, known) -> HeadingMatch | None:
    found = known.get(normalised)
    return HeadingMatch(*found) if found else None


def _joined(words: list[str], known) -> HeadingMatch | None:
    """Rule 3: "Outcomes and impact", "The solution and how it was implemented"."""
    for index, word in enumerate(words):
        if word not in AND_WORDS or index == 0 or index == len(words) - 1:
            continue
        first = _exact(" ".join(words[:index]), known)
        if first is None:
            continue
        rest = words[index + 1 :]
        if _exact(" ".join(rest), known) or (
            rest[0] in QUESTION_WORDS and len(rest) <= MAX_TAIL_WORDS + 1
        ):
            return first
    return None


def _with_tail(words: list[str], known) -> HeadingMatch | None:
    """Rule 4: a phrasing, then a few words that start with a linking word."""
    for end in range(len(words) - 1, 0, -1):
        tail = words[end:]
        if len(tail) > MAX_TAIL_WORDS or tail[0] not in LINKING_WORDS:
            continue
        found = _exact(" ".join(words[:end]), known)
        if found is not None and found.key not in METADATA_KEYS:
            return found
    return None


def match_heading(text: str, *, looks_like_heading: bool = False) -> HeadingMatch | None:
    """The section ``text`` names as a heading, and the language of its wording, or None.

    ``looks_like_heading`` says the line is set out as a heading (a Heading style, bold, bigger
    type, a numbered list item), which lets a few more words follow the section's name."""
    if not text or len(text) > MAX_HEADING_LENGTH:
        return None
    bilingual = _bilingual(text, looks_like_heading)
    if bilingual is not None:
        return bilingual
    normalised = normalise_heading(text)
    if not normalised:
        return None
    known = _known_headings()
    found = _exact(normalised, known)
    if found is not None:
        return found
    words = normalised.split()
    found = _joined(words, known)
    if found is None and looks_like_heading:
        found = _with_tail(words, known)
    return found


def _bilingual(text: str, looks_like_heading: bool) -> HeadingMatch | None:
    """Rule 5: a heading in both languages, "Yr her / The challenge": every side names the same
    section."""
    sides = [side for side in _BILINGUAL.split(_BRACKETS.sub(" ", text)) if side.strip()]
    if len(sides) < 2:
        return None
    found = [match_heading(side, looks_like_heading=looks_like_heading) for side in sides]
    if any(match is None for match in found) or len({match.key for match in found}) > 1:
        return None
    languages = {match.language for match in found}
    return HeadingMatch(found[0].key, languages.pop() if len(languages) == 1 else None)


def heading_key(text: str, *, looks_like_heading: bool = False) -> str | None:
    """The section key ``text`` names as a heading ("challenge", "key_points", …), or None."""
    found = match_heading(text, looks_like_heading=looks_like_heading)
    return found.key if found else None


def split_inline_heading(text: str) -> tuple[str, str] | None:
    """("contact", "Jane Smith, …") for a line such as "Contact: Jane Smith, …", else None: a
    run-in heading, or a label such as "Topics:" or "Lead authority:" and its value."""
    heading, colon, rest = (text or "")[: MAX_HEADING_LENGTH + 1].partition(":")
    if not colon:
        return None
    rest = text[len(heading) + 1 :].strip()
    if not rest:
        return None
    key = heading_key(heading)
    return (key, rest) if key else None
