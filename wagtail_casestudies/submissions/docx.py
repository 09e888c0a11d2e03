"""The submission template as a Word document, written from ``SubmissionForm`` so its headings,
guidance and fields are the form's own, in the active language (the Word importer reads the
headings back in any language the package has a catalogue for, see ``importing.headings``)."""

from __future__ import annotations

import io

from django import forms
from django.conf import settings as django_settings
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.shared import Pt, RGBColor

from ..models import PartnerKind
from .forms import (
    HONEYPOT_FIELD,
    IDEMPOTENCY_FIELD,
    AttachmentsField,
    LinesField,
    PartnersField,
    RichTextInputField,
    SubmissionForm,
)

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
GUIDANCE_COLOUR = RGBColor(0x50, 0x50, 0x50)
# Wording the Word importer also reads back (importing/word.py), so it is written once here.
TEMPLATE_TITLE = gettext_lazy("Case study template")
COUNCILS_LABEL = gettext_lazy("Councils (the lead council first)")
PARTNER_HEADER = (gettext_lazy("Organisation"), gettext_lazy("Kind"), gettext_lazy("Website"))


def required_label(label) -> str:
    """A table label of a field the form requires: "Name (required)"."""
    return _("%(label)s (required)") % {"label": label}


def _guidance(document, text) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(force_str(text))
    run.italic = True
    run.font.color.rgb = GUIDANCE_COLOUR


def _answer_space(document, lines: int = 4) -> None:
    for _line in range(lines):
        document.add_paragraph("")


def build_template_document(locale=None) -> bytes:
    """The case-study template as .docx bytes, listing the topics of ``locale`` (default: the
    active language's)."""
    form = SubmissionForm(locale=locale)
    site_name = getattr(django_settings, "WAGTAIL_SITE_NAME", "") or ""
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = force_str(TEMPLATE_TITLE)
    document.add_heading(force_str(TEMPLATE_TITLE), level=0)
    if site_name:
        intro = _(
            "Please follow this template when you send in a case study to %(site_name)s. Write "
            "under each heading; the guidance in italics says what to cover. You can also send "
            "the case study through the online form."
        ) % {"site_name": site_name}
    else:
        intro = _(
            "Please follow this template when you send in a case study. Write under each "
            "heading; the guidance in italics says what to cover. You can also send the case "
            "study through the online form."
        )
    document.add_paragraph(intro)

    for group in form.groups():
        document.add_heading(force_str(group.heading), level=1)
        if group.guidance:
            _guidance(document, group.guidance)
        simple_fields = []
        for bound in group.bound_fields:
            if bound.name in (HONEYPOT_FIELD, IDEMPOTENCY_FIELD):
                continue
            form_field = bound.field
            if isinstance(form_field, RichTextInputField) and bound.name == group.key:
                _answer_space(document)
            elif isinstance(form_field, PartnersField):
                table = document.add_table(rows=4, cols=3)
                table.style = "Table Grid"
                for cell, heading in zip(table.rows[0].cells, PARTNER_HEADER, strict=True):
                    cell.text = force_str(heading)
                _guidance(
                    document,
                    _("Kinds: %(kinds)s")
                    % {"kinds": ", ".join(force_str(label) for _v, label in PartnerKind.choices)},
                )
            elif isinstance(form_field, forms.ModelMultipleChoiceField) and bound.name == "topics":
                # The form's choices: the topics of its language, once each, in its order.
                for _value, label in form_field.choices:
                    document.add_paragraph(f"☐ {label}", style="List Bullet")
            elif isinstance(form_field, forms.BooleanField):
                document.add_paragraph(f"☐ {force_str(form_field.label)}")
            elif isinstance(form_field, AttachmentsField):
                document.add_paragraph(
                    _("%(label)s: %(help_text)s Send them with the template.")
                    % {"label": form_field.label, "help_text": form_field.help_text}
                )
            elif isinstance(form_field, forms.ModelMultipleChoiceField | LinesField):
                if bound.name == "councils":
                    simple_fields.append((force_str(COUNCILS_LABEL), ""))
            else:
                label = force_str(form_field.label)
                if form_field.required:
                    label = required_label(label)
                help_text = force_str(form_field.help_text or "")
                simple_fields.append((label, help_text if bound.name != group.key else ""))
        if simple_fields:
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for label, help_text in simple_fields:
                cells = table.add_row().cells
                cells[0].text = label
                if help_text:
                    cells[1].text = ""
                    run = cells[1].paragraphs[0].add_run(help_text)
                    run.italic = True
                    run.font.color.rgb = GUIDANCE_COLOUR
            document.add_paragraph("")

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
