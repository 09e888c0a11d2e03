"""A Word document sent to the intake becomes the input of the intake's one form.

The endpoint and the form page read the document with :mod:`.word`, then validate what they
found through ``SubmissionForm`` exactly as a JSON submission is validated: the same fields, the
same errors (named after the template's sections), the same storing. The document itself is kept
as the submission's first attachment and its pictures as image attachments.
"""

from __future__ import annotations

import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

from ..conf import settings as casestudy_settings
from ..councils import CouncilIndex
from ..models import PartnerKind, Topic
from ..submissions.docx import DOCX_CONTENT_TYPE
from ..submissions.forms import SubmissionForm
from ..template import each_template_language
from .document import ImportedCaseStudy
from .word import read_word

CONSENT_FIELDS = ("consent_publish", "consent_publish_contact")


def title_councils(title: str, index: CouncilIndex) -> list:
    """The councils the LGA title convention names: "<Council>: <what they did>"."""
    prefix, colon, rest = (title or "").partition(":")
    if not colon or not rest.strip():
        return []
    return index.match_all(prefix.strip())


def _topic_ids(names: list[str]) -> list[int]:
    if not names:
        return []
    wanted = {" ".join(name.split()).lower() for name in names}
    found = {topic.name.lower(): topic.pk for topic in Topic.objects.all()}
    return [found[name] for name in dict.fromkeys(wanted) if name in found]


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


def form_input(
    parsed: ImportedCaseStudy, *, document_name: str, document: bytes
) -> tuple[dict, MultiValueDict]:
    """``(data, files)`` for ``SubmissionForm``: what the document says, the document itself and
    its pictures (without location metadata) as attachments."""
    data: dict = {"title": parsed.title, "summary": parsed.summary, **parsed.sections}
    data.update(parsed.fields)
    data["council_names"] = list(parsed.council_names)
    if not parsed.council_names:
        index = CouncilIndex.build()
        data["councils"] = [council.pk for council in title_councils(parsed.title, index)]
    data["partners"] = [
        {**partner, "kind": _partner_kind(partner["kind"])} for partner in parsed.partners
    ]
    data["topics"] = _topic_ids(parsed.topic_names)
    data.update(_consents(parsed.consents))
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
    data, files = form_input(parsed, document_name=name, document=document)
    return SubmissionForm(data, files), extra_data(parsed, document)
