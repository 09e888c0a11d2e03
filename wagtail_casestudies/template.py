"""The case-study template: the sections a case study follows, in the order councils write them.

This is the one definition the content model, the admin help text, the rendered headings and the
submission intake all read, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


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
