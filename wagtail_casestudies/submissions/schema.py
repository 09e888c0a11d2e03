"""The submission template as JSON Schema (draft 2020-12), read from ``SubmissionForm``'s fields so
it cannot drift from what the endpoint accepts. The endpoint also uses ``field_schema`` to check
the JSON types of a payload before the form sees it.

Titles and descriptions come out in the active language; the structure (keys, types, groups) is
the same in every language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

from ..models import PartnerKind
from ..representation import absolute_url
from ..template import TEMPLATE_SECTIONS
from .forms import (
    HONEYPOT_FIELD,
    IDEMPOTENCY_FIELD,
    AttachmentsField,
    LinesField,
    LocaleChoicesField,
    OrderedCouncilsField,
    PartnersField,
    SubmissionForm,
    field_groups,
)

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Not in the JSON body: the honeypot is for HTML forms and the key also travels as a header.
NOT_IN_SCHEMA = frozenset({HONEYPOT_FIELD})


def field_schema(form_field: forms.Field) -> dict[str, Any]:
    """The JSON Schema of one submission field's value. Its limits (lengths, counts) are the
    field's own, declared once on the form's field classes."""
    if isinstance(form_field, AttachmentsField):
        return {
            "type": "array",
            "items": {"type": "string", "contentMediaType": "application/octet-stream"},
            "description": _(
                "multipart/form-data only: repeat the field once per file. Accepted: %(types)s."
            )
            % {"types": ", ".join(form_field.accepted_types)},
        }
    if isinstance(form_field, PartnersField):
        return {
            "type": "array",
            "maxItems": form_field.max_num,
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string", "maxLength": form_field.name_max_length},
                    "kind": {
                        "type": "string",
                        "enum": list(PartnerKind.values),
                        # What a form shows for each value, in the same order.
                        "x-enumNames": [force_str(label) for label in PartnerKind.labels],
                    },
                    "website": {
                        "type": "string",
                        "format": "uri",
                        "maxLength": form_field.website_max_length,
                    },
                },
                "required": ["name"],
                "additionalProperties": False,
            },
        }
    if isinstance(form_field, LinesField):
        return {
            "type": "array",
            "items": {"type": "string", "maxLength": form_field.max_line_length},
            "maxItems": form_field.max_num,
        }
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        schema = {
            "type": "array",
            "items": {"type": "integer"},
            "uniqueItems": True,
            "maxItems": form_field.max_num,
        }
        if isinstance(form_field, LocaleChoicesField):
            # The form's choices, in its language and order, once each; what a form shows
            # for each id in "x-enumNames", as for a partner's kind.
            choices = list(form_field.choices)
            schema["items"] = {"type": "integer", "enum": [value.value for value, _l in choices]}
            schema["x-enumNames"] = [force_str(label) for _value, label in choices]
        if isinstance(form_field, OrderedCouncilsField):
            schema["description"] = _(
                "Ids of any other councils that took part, in order: without a lead council, "
                "the first is the lead."
            )
        return schema
    if isinstance(form_field, forms.ModelChoiceField):
        return {"type": ["integer", "null"]}
    if isinstance(form_field, forms.BooleanField):
        return {"type": "boolean"}
    if isinstance(form_field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        schema: dict[str, Any] = {"type": ["number", "string", "null"]}
        if form_field.min_value is not None:
            schema["minimum"] = form_field.min_value
        return schema
    if isinstance(form_field, forms.CharField):
        schema = {"type": "string"}
        if isinstance(form_field, forms.EmailField):
            schema["format"] = "email"
        if form_field.max_length:
            schema["maxLength"] = form_field.max_length
        if form_field.required:
            schema["minLength"] = 1
        return schema
    return {}


def submission_schema(request=None) -> dict[str, Any]:
    form = SubmissionForm()
    section_of_field = {name: group.key for group in field_groups() for name in group.field_names}
    properties: dict[str, Any] = {}
    for name, form_field in form.fields.items():
        if name in NOT_IN_SCHEMA:
            continue
        schema = {"title": force_str(form_field.label or name), **field_schema(form_field)}
        description = form_field.help_text
        if description and "description" not in schema:
            schema["description"] = force_str(description)
        if name in section_of_field:
            schema["x-group"] = section_of_field[name]
        properties[name] = schema
    properties[IDEMPOTENCY_FIELD]["description"] = _(
        "Optional: a unique key for this submission (or send an Idempotency-Key header). "
        "Sending the same key again returns the first submission's reference."
    )
    # The Site's root URL (Wagtail's API rule, as every URL the API gives), not the Host
    # header: the document is cached publicly, and a forged Host must not become its $id.
    schema_id = None
    if request is not None:
        schema_id = absolute_url(reverse("wagtail_casestudies:template_schema"), request)
        if not schema_id.startswith(("http://", "https://")):
            schema_id = None  # no site serves this host: no $id rather than a relative one
    document: dict[str, Any] = {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": _("Case study submission"),
        "description": _(
            "A case study following the template: %(sections)s. POST it as JSON (or "
            "multipart/form-data with attachments) to the submission endpoint."
        )
        % {"sections": "; ".join(force_str(s.heading) for s in TEMPLATE_SECTIONS)},
        "type": "object",
        "properties": properties,
        "required": [
            name
            for name, form_field in form.fields.items()
            if form_field.required and name not in NOT_IN_SCHEMA
        ],
        "additionalProperties": False,
        "x-groups": [
            {
                "key": group.key,
                "title": force_str(group.heading),
                "description": force_str(group.guidance),
                "fields": list(group.field_names),
                "templateSection": group.section is not None,
            }
            for group in field_groups()
        ],
    }
    if schema_id:
        document = {"$id": schema_id, **document}
    return document
