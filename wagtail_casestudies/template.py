"""The case-study template: the sections a case study follows, in the order councils write them.

This is the one definition the content model, the admin help text, the rendered headings and the
submission intake all read, so they cannot drift apart.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_languages


@dataclass(frozen=True)
class TemplateSection:
    key: str
    heading: str | Promise
    guidance: str | Promise
    required: bool = True
    # Where the section lives on a CaseStudyPage: a page field, or a block in the body.
    page_field: str | None = None


TEMPLATE_SECTIONS: tuple[TemplateSection, ...] = (
    TemplateSection(
        "title",
        _("Title"),
        _("Usually '<Council>: <what they did>', e.g. 'Cornwall Council: the decision wheel'."),
        page_field="title",
    ),
    TemplateSection(
        "summary",
        _("Summary"),
        _(
            "One to three sentences on what the council did and what changed. It is also the "
            "teaser shown in listings."
        ),
        page_field="summary",
    ),
    TemplateSection(
        "challenge",
        _("The challenge"),
        _("What problem or opportunity did the council face, and why did it matter locally?"),
    ),
    TemplateSection(
        "solution",
        _("The solution"),
        _("What did the council do, and with whom? Name partners and the approach taken."),
    ),
    TemplateSection(
        "impact",
        _("The impact"),
        _(
            "What difference has it made? Give evidence, including any cost savings or income "
            "generated."
        ),
    ),
    TemplateSection(
        "sustainability",
        _("How is the new approach being sustained?"),
        _("How will the work carry on: funding, ownership, changes to how the council works."),
    ),
    TemplateSection(
        "lessons_learned",
        _("Lessons learned"),
        _("What would the council tell another council starting the same work?"),
    ),
    TemplateSection(
        "contact",
        _("Contact"),
        _("Who can other councils contact: name, job title, council, email and phone."),
    ),
)

SECTIONS_BY_KEY = {section.key: section for section in TEMPLATE_SECTIONS}
BODY_SECTION_KEYS = tuple(s.key for s in TEMPLATE_SECTIONS if s.page_field is None)


# --- The languages of the template ----------------------------------------------------------------

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@functools.cache
def _catalogue_languages() -> tuple[str, ...]:
    if not LOCALE_DIR.is_dir():
        return ()
    return tuple(sorted(path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/*.mo")))


def template_languages() -> tuple[str, ...]:
    """The languages a filled-in template may come back in: English (the source), every language
    the package ships a catalogue for, and the site's content languages (a site may add its own
    catalogue, see docs/translations.md). The Word importer accepts the template's headings and
    labels in each of them, whatever language the page that receives the document speaks."""
    codes = ["en", *_catalogue_languages(), *get_content_languages()]
    return tuple(dict.fromkeys(code.lower() for code in codes))


def each_template_language() -> Iterator[str]:
    """Activate each of :func:`template_languages` in turn (for reading the template's wording in
    every language); the active language is restored afterwards, even when the loop stops early."""
    for code in template_languages():
        with translation.override(code):
            yield code
