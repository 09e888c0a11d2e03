"""How complete a case study is against the template: which sections are there, how long each is,
and a score. Cheap enough for listings: it reads the page's raw body JSON, never the database.

    from wagtail_casestudies.completeness import completeness
    report = completeness(page)
    report.score            # 0-100: the share of required sections present
    report.missing_required # ["impact", ...]
    report.as_dict()        # JSON-ready, for the API
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from .conf import settings as casestudy_settings
from .template import TEMPLATE_SECTIONS, TemplateSection

# The contact block's children that say who to contact (the rest are settings).
CONTACT_TEXT_CHILDREN = ("name", "job_title", "organisation", "email", "phone")
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")


def word_count(value: Any) -> int:
    """Words in plain text or an HTML fragment."""
    if not value:
        return 0
    text = _ENTITY.sub(" ", _TAG.sub(" ", force_str(value)))
    return len(re.findall(r"\w[\w'’-]*", text))


@dataclass(frozen=True)
class SectionCompleteness:
    key: str
    heading: str
    required: bool
    present: bool
    words: int


@dataclass(frozen=True)
class Completeness:
    sections: tuple[SectionCompleteness, ...]

    @property
    def present(self) -> list[str]:
        return [s.key for s in self.sections if s.present]

    @property
    def missing(self) -> list[str]:
        return [s.key for s in self.sections if not s.present]

    @property
    def missing_required(self) -> list[str]:
        return [s.key for s in self.sections if s.required and not s.present]

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sections)

    @property
    def score(self) -> int:
        """The percentage of required sections present (100 when none are required)."""
        required = [s for s in self.sections if s.required]
        if not required:
            return 100
        return round(100 * sum(s.present for s in required) / len(required))

    @property
    def is_complete(self) -> bool:
        return not self.missing_required

    def headings(self, keys: Iterable[str]) -> list[str]:
        by_key = {s.key: s.heading for s in self.sections}
        return [by_key[k] for k in keys]

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "is_complete": self.is_complete,
            "words": self.words,
            "present": self.present,
            "missing": self.missing,
            "missing_required": self.missing_required,
            "sections": [
                {
                    "key": s.key,
                    "heading": s.heading,
                    "required": s.required,
                    "present": s.present,
                    "words": s.words,
                }
                for s in self.sections
            ],
        }


def _raw_body(body: Any) -> list[Mapping]:
    """The body as a list of {"type", "value"} dicts, without building block values."""
    if body is None:
        return []
    raw = getattr(body, "raw_data", body)
    items = []
    for item in raw:
        if isinstance(item, Mapping):
            items.append(item)
        elif isinstance(item, tuple | list) and len(item) == 2:  # (type, value) pairs
            items.append({"type": item[0], "value": item[1]})
    return items


def _section_words(section: TemplateSection, values: list[Any]) -> int:
    total = 0
    for value in values:
        if section.key == "contact" and isinstance(value, Mapping):
            total += sum(
                word_count(value.get(child)) for child in CONTACT_TEXT_CHILDREN if child != "email"
            ) + (1 if value.get("email") else 0)
        elif isinstance(value, Mapping):
            total += word_count(value.get("text"))
        else:
            total += word_count(getattr(value, "source", value))
    return total


def _contact_present(values: list[Any]) -> bool:
    return any(isinstance(v, Mapping) and str(v.get("name") or "").strip() for v in values)


def completeness_of(title: Any, summary: Any, body: Any) -> Completeness:
    """Completeness from a title, a summary and a body (a StreamValue, raw JSON or pairs)."""
    by_type: dict[str, list[Any]] = {}
    for item in _raw_body(body):
        by_type.setdefault(item.get("type"), []).append(item.get("value"))
    page_values = {"title": title, "summary": summary}
    sections = []
    for section in TEMPLATE_SECTIONS:
        if section.page_field:
            words = word_count(page_values.get(section.page_field))
            present = words > 0
        else:
            values = by_type.get(section.key, [])
            words = _section_words(section, values)
            present = _contact_present(values) if section.key == "contact" else words > 0
        sections.append(
            SectionCompleteness(
                key=section.key,
                heading=force_str(section.heading),
                required=section.required,
                present=present,
                words=words,
            )
        )
    return Completeness(tuple(sections))


def completeness(page) -> Completeness:
    """The completeness of a case study page (any object with title, summary and body)."""
    return completeness_of(page.title, page.summary, page.body)


def publish_errors(title: Any, summary: Any, body: Any) -> dict[str, str]:
    """Form errors that stop publishing a case study with required sections missing, when
    REQUIRE_COMPLETE_TO_PUBLISH is on; {} otherwise. Keyed by the form field to show them on."""
    if not casestudy_settings.REQUIRE_COMPLETE_TO_PUBLISH:
        return {}
    report = completeness_of(title, summary, body)
    if report.is_complete:
        return {}
    missing = report.missing_required
    field = "body"
    if set(missing) & {"title", "summary"} and not set(missing) - {"title", "summary"}:
        field = missing[0]
    return {
        field: _("Add every required template section before publishing. Missing: %(sections)s.")
        % {"sections": ", ".join(report.headings(missing))}
    }


def completeness_label(page) -> str:
    """'100%', or '75% – missing: The impact, Lessons learned', for admin listings."""
    report = completeness(page)
    if report.is_complete:
        return f"{report.score}%"
    return _("%(score)d%% – missing: %(sections)s") % {
        "score": report.score,
        "sections": ", ".join(report.headings(report.missing_required)),
    }
