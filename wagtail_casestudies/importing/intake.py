"""A Word document sent to the intake becomes the input of the intake's one form.

The endpoint and the form page read the document with :mod:`.word`, then validate what they
found through ``SubmissionForm`` exactly as a JSON submission is validated: the same fields, the
same errors (named after the template's sections), the same storing. The document itself is kept
as the submission's first attachment and its pictures as image attachments.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..conf import settings as casestudy_settings
from ..councils import CouncilIndex
from ..models import Council, PartnerKind, Topic
from ..submissions.docx import DOCX_CONTENT_TYPE
from ..submissions.forms import SubmissionForm
from ..template import each_template_language
from ..validators import validate_web_url
from .document import ImportedCaseStudy, typed_amount
from .word import read_word

CONSENT_FIELDS = ("consent_publish", "consent_publish_contact")


def title_councils(title: str, index: CouncilIndex) -> list:
    """The councils the LGA title convention names: "<Council>: <what they did>"."""
    prefix, colon, rest = (title or "").partition(":")
    if not colon or not rest.strip():
        return []
    return index.match_all(prefix.strip())


def _topic_key(name: str) -> str:
    return " ".join(name.replace("&", " and ").split()).casefold()


_TOPIC_AND = re.compile(r"\s+(?:and|a|ac)\s+|\s*&\s*", re.IGNORECASE)


def _language(code: str | None) -> str:
    return (code or "").split("-")[0].lower()


def _topics(names: list[str], language: str | None, catalogue=None) -> list[Topic]:
    """The topics ``names`` name, in order. A name is looked for in every locale ("Iechyd y
    cyhoedd" as well as "Public health"), then the topic in the document's language is taken
    when the topic has a translation in it. "Housing and planning" is one topic when there is
    one of that name, else each of "Housing" and "Planning" that there is."""
    if not names:
        return []
    topics = list(catalogue) if catalogue is not None else list(Topic.objects.all())
    by_name: dict[str, list[Topic]] = {}
    for topic in topics:
        by_name.setdefault(_topic_key(topic.name), []).append(topic)
    locales = {}
    if topics:
        locales = {locale.pk: _language(locale.language_code) for locale in Locale.objects.all()}
    wanted = _language(language)
    chosen: list[Topic] = []
    for name in names:
        found = by_name.get(_topic_key(name))
        groups = [found] if found else []
        if not found:
            pieces = [by_name.get(_topic_key(piece)) for piece in _TOPIC_AND.split(name)]
            if len(pieces) > 1 and all(pieces):
                groups = pieces
        for group in groups:
            keys = {topic.translation_key for topic in group}
            family = [topic for topic in topics if topic.translation_key in keys]
            in_language = [t for t in family if locales.get(t.locale_id) == wanted]
            topic = (in_language or group)[0]
            if topic not in chosen:
                chosen.append(topic)
    return chosen


def _consents(ticked: list[str]) -> dict[str, bool]:
    """The consent boxes ticked, by their labels in any language of the template."""
    fields = SubmissionForm().fields
    labels = [
        (name, " ".join(force_str(fields[name].label).split()).lower())
        for _language in each_template_language()
        for name in CONSENT_FIELDS
    ]
    chosen = dict.fromkeys(CONSENT_FIELDS, False)
    for line in ticked:
        line = " ".join(line.split()).lower()
        for name, label in labels:
            if line and (line == label or label.startswith(line[:40])):
                chosen[name] = True
    return chosen


def _partner_kind(kind: str) -> str:
    """A partner's kind, written as its value or its label in any language of the template."""
    kind = kind.strip().lower()
    for _language in each_template_language():
        for value, label in PartnerKind.choices:
            if kind in (value, force_str(label).lower()):
                return value
    return PartnerKind.OTHER if kind else ""


def _website(text: str) -> str:
    """A partner's website as the page stores it, or "" when it is not a web address."""
    try:
        return forms.URLField(
            required=False, max_length=200, assume_scheme="https", validators=[validate_web_url]
        ).clean(text)
    except ValidationError:
        return ""


@dataclass
class Resolved:
    """What a read case study names, resolved against the register and the site's topics: the
    same for the intake (``form_input``) and the import (``library._import_one``)."""

    councils: list[Council] = field(default_factory=list)  # in order, the lead first
    matched: list[str] = field(default_factory=list)  # the names that found councils
    unmatched: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)  # in order, the main topic first
    partners: list[dict] = field(default_factory=list)
    consents: dict[str, bool] = field(default_factory=dict)
    amounts: dict[str, Decimal | int] = field(default_factory=dict)

    @property
    def unlinked_names(self) -> list[str]:
        """Council names the register could not settle, for the editor."""
        return [*self.unmatched, *self.ambiguous]


def resolve(
    parsed: ImportedCaseStudy,
    *,
    index: CouncilIndex | None = None,
    council_names: list[str] | None = None,
    topic_names: list[str] | None = None,
    topics=None,
    language: str | None = None,
) -> Resolved:
    """Councils (lead first, by name: a typed name, a "Councils:" line, the template's "Lead
    council" cell, or the title's "<Council>: …"), topics, partners, consents and amounts of a
    read case study. ``council_names`` and ``topic_names`` (an export's columns) stand in for
    what the document says; ``topics`` is the topics to choose from (default: all)."""
    index = index or CouncilIndex.build()
    resolved = Resolved()
    names = council_names or parsed.council_names
    if names:
        for name in names:
            found = index.match_all(name)
            if found:
                resolved.matched.append(name)
                resolved.councils.extend(c for c in found if c not in resolved.councils)
            elif len(index.candidates(name)) > 1:
                resolved.ambiguous.append(name)
            else:
                resolved.unmatched.append(name)
    else:
        resolved.councils = title_councils(parsed.title, index)
        resolved.matched = [council.name for council in resolved.councils]
    resolved.topics = _topics(
        topic_names or parsed.topic_names, language or parsed.language, catalogue=topics
    )
    resolved.partners = [
        {
            "name": partner["name"],
            "kind": _partner_kind(partner["kind"]) or PartnerKind.OTHER,
            "website": partner["website"],
        }
        for partner in parsed.partners
        if partner.get("name")
    ]
    resolved.consents = _consents(parsed.consents)
    for name, value in parsed.fields.items():
        amount = typed_amount(name, value)
        if amount is not None:
            resolved.amounts[name] = amount
    return resolved


def page_partners(resolved: Resolved) -> list[dict]:
    """The partners as the page stores them: a website that is not a web address is left out
    (the intake's form names it as an error instead)."""
    return [{**partner, "website": _website(partner["website"])} for partner in resolved.partners]


def form_input(
    parsed: ImportedCaseStudy,
    *,
    document_name: str,
    document: bytes,
    resolved: Resolved | None = None,
) -> tuple[dict, MultiValueDict]:
    """``(data, files)`` for ``SubmissionForm``: what the document says, the document itself and
    its pictures (without location metadata) as attachments. Councils are resolved by name here
    (as the import resolves them), so the form gets the register's councils, lead first, and
    only the names the register does not know as typed names."""
    resolved = resolved or resolve(parsed)
    data: dict = {"title": parsed.title, "summary": parsed.summary, **parsed.sections}
    data.update(parsed.fields)
    data.update({name: str(amount) for name, amount in resolved.amounts.items()})
    councils = resolved.councils
    data["lead_council"] = councils[0].pk if councils else ""
    data["councils"] = [council.pk for council in councils[1:]]
    data["council_names"] = resolved.unlinked_names
    data["partners"] = [dict(partner) for partner in resolved.partners]
    data["topics"] = [topic.pk for topic in resolved.topics]
    data.update(resolved.consents)
    document_upload = SimpleUploadedFile(document_name, document, DOCX_CONTENT_TYPE)
    # The document counts as one attachment; pictures beyond the limit stay in the document.
    room = max(casestudy_settings.SUBMISSION_MAX_ATTACHMENTS - 1, 0)
    images = [
        # Stored through the intake, which drops their metadata (location included).
        SimpleUploadedFile(image.name, image.content)
        for image in parsed.images[:room]
    ]
    return data, MultiValueDict({"documents": [document_upload], "images": images})


def extra_data(parsed: ImportedCaseStudy, document: bytes) -> dict:
    """What the submission keeps beyond the form's fields, so nothing read is lost on the way to
    the page: key points, local context, tables, what could not be placed, and which attachment
    is the document itself (it is not shown on the page)."""
    extras = parsed.extras()
    extras["document_sha256"] = hashlib.sha256(document).hexdigest()
    left = len(parsed.images) - max(casestudy_settings.SUBMISSION_MAX_ATTACHMENTS - 1, 0)
    if left > 0:
        extras["unplaced"].append(
            [
                "paragraph",
                "<p>"
                + _("%(count)d more pictures are in the Word document attached to the submission.")
                % {"count": left}
                + "</p>",
            ]
        )
    return {"imported": extras}


def read_submission(document: bytes, name: str) -> tuple[SubmissionForm, dict]:
    """The bound form for a Word document that passed ``check_word_file``, and the extra data
    to store with it."""
    parsed = read_word(document)
    data, files = form_input(
        parsed, document_name=name, document=document, resolved=resolve(parsed)
    )
    return SubmissionForm(data, files), extra_data(parsed, document)
