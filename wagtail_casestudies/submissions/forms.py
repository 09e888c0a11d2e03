"""The one submission form: the HTML form page and the JSON endpoint both validate through it, and
the JSON Schema and the .docx template are read from it.

Its fields are built from ``template.TEMPLATE_SECTIONS`` and the section blocks of
``CaseStudyBodyBlock``: a section's text becomes a field named after the section ("challenge"), and
each further child of its block a field named ``<section>_<child>`` ("impact_cost_saving",
"contact_email"). Adding a section or a block child therefore changes the form, the endpoint, the
schema, the template document and the conversion to a page together.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from ..blocks import CaseStudyBodyBlock
from ..choices import ByNameIterator, in_locale, locale_for_language, translated
from ..conf import settings as casestudy_settings
from ..councils import match_council
from ..models import CaseStudyPage, Council, PartnerKind, Topic
from ..template import TEMPLATE_SECTIONS, TemplateSection
from ..validators import has_control_characters, validate_single_line, validate_web_url
from .files import DOCUMENT, FILE_TYPES, IMAGE, check_document, check_image
from .sanitise import clean_rich_text, clean_text, html_to_text

# Children of the contact block a submitter does not fill in: the contact's council is the lead
# council, and publishing the contact details is the consent choice below.
CONTACT_EXCLUDED_CHILDREN = frozenset({"council", "publish_contact_details"})
# Fields a submission needs although the block lets an editor leave them blank: editors must be
# able to reach whoever sent the case study in.
REQUIRED_FOR_SUBMISSION = frozenset({"contact_email"})

MAX_PARTNERS = 20
# Councils, typed council names and topics per submission: checked before anything is looked up
# (100,000 council ids took twelve seconds to refuse).
MAX_CHOICES = 50
PARTNER_KEYS = ("name", "kind", "website")
HONEYPOT_FIELD = "homepage"
IDEMPOTENCY_FIELD = "idempotency_key"


@functools.cache
def body_block() -> CaseStudyBodyBlock:
    return CaseStudyBodyBlock()


def section_block(key: str) -> blocks.StructBlock:
    return body_block().child_blocks[key]


def section_fields(section: TemplateSection) -> list[tuple[str, str | None]]:
    """(form field name, block child name) for a section; the child is None for page fields."""
    if section.page_field:
        return [(section.key, None)]
    names = []
    for child_name in section_block(section.key).child_blocks:
        if section.key == "contact" and child_name in CONTACT_EXCLUDED_CHILDREN:
            continue
        names.append(
            (section.key if child_name == "text" else f"{section.key}_{child_name}", child_name)
        )
    return names


# --- Fields -----------------------------------------------------------------------------------


class PlainTextField(forms.CharField):
    """Text with every tag stripped before it is checked, so '<b></b>' does not count as text.

    ``single_line`` fields (a title, a name) refuse line breaks and other control characters.
    """

    def __init__(self, *args, single_line: bool = False, **kwargs):
        self.single_line = single_line
        super().__init__(*args, **kwargs)
        if single_line:
            self.validators.append(validate_single_line)

    def to_python(self, value):
        return clean_text(super().to_python(value))


class RichTextInputField(forms.CharField):
    """Plain text or simple HTML, sanitised to the case-study rich text features."""

    widget = forms.Textarea

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", casestudy_settings.SUBMISSION_SECTION_MAX_LENGTH)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return clean_rich_text(super().to_python(value))


class LinesWidget(forms.Textarea):
    """One value a line in HTML; a list of strings (or repeated keys) from other clients."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        if values is None or isinstance(values, str):
            return values
        if isinstance(values, list | tuple):
            return "\n".join(str(v) for v in values if v is not None)
        return values

    def format_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return super().format_value(value)


class LinesField(forms.CharField):
    widget = LinesWidget
    # Lines at most (the JSON Schema's maxItems).
    max_num = MAX_CHOICES

    def __init__(self, *args, max_line_length: int = 255, **kwargs):
        self.max_line_length = max_line_length
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        lines = []
        for line in text.splitlines():
            line = " ".join(clean_text(line).split())
            if line and line not in lines:
                lines.append(line)
        return lines

    def validate(self, value):
        super().validate(value)
        if len(value) > self.max_num:
            raise ValidationError(
                _("Give at most %(max)d lines."), code="max_num", params={"max": self.max_num}
            )
        for line in value:
            validate_single_line(line)
            if len(line) > self.max_line_length:
                raise ValidationError(
                    _("'%(line)s…' is too long: keep each line to %(max)d characters."),
                    code="max_length",
                    params={"line": line[:40], "max": self.max_line_length},
                )

    def run_validators(self, value):
        # The CharField validators measure a string; lines are measured in validate().
        return None


class PartnersWidget(forms.Widget):
    """Rows of name, kind and website (``partners-0-name`` …), or a list of objects in JSON."""

    template_name = "wagtail_casestudies/submissions/widgets/partners.html"
    use_fieldset = True
    min_rows = 3

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            return value
        rows = []
        for index in range(MAX_PARTNERS):
            row = {key: data.get(f"{name}-{index}-{key}") for key in PARTNER_KEYS}
            if any(v is not None for v in row.values()):
                rows.append({key: v or "" for key, v in row.items()})
        return rows

    def value_omitted_from_data(self, data, files, name):
        return False

    def id_for_label(self, id_):
        # The legend names the whole group; each row's inputs have their own labels.
        return ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []
        count = min(max(len(rows) + 1, self.min_rows), MAX_PARTNERS)
        context["widget"]["rows"] = [
            {"index": i, "number": i + 1, "values": rows[i] if i < len(rows) else {}}
            for i in range(count)
        ]
        context["widget"]["kinds"] = PartnerKind.choices
        return context


class PartnersField(forms.Field):
    widget = PartnersWidget
    # The limits of a partner, declared once: the checks below and the JSON Schema read them.
    max_num = MAX_PARTNERS
    name_max_length = 255
    website_max_length = 200
    default_error_messages = {
        "invalid": _("Send partners as a list of objects with a name, kind and website."),
    }

    def to_python(self, value):
        if value in (None, "", []):
            return []
        if not isinstance(value, list | tuple):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if len(value) > self.max_num:
            raise ValidationError(
                _("Name at most %(max)d partners."), code="max_num", params={"max": self.max_num}
            )
        url_field = forms.URLField(
            required=False,
            max_length=self.website_max_length,
            assume_scheme="https",
            validators=[validate_web_url],
        )
        partners, errors = [], []

        def row_error(number, message, code):
            errors.append(
                ValidationError(
                    _("Partner %(number)d: %(message)s"),
                    code=code,
                    params={"number": number, "message": message},
                )
            )

        for number, row in enumerate(value, 1):
            if not isinstance(row, dict):
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            name = clean_text(str(row.get("name") or ""))
            kind = str(row.get("kind") or "").strip()
            website = str(row.get("website") or "").strip()
            if not (name or kind or website):
                continue
            if not name:
                row_error(number, _("give the organisation's name."), "required")
            elif len(name) > self.name_max_length:
                row_error(
                    number,
                    _("keep the name to %(max)d characters.") % {"max": self.name_max_length},
                    "max_length",
                )
            elif has_control_characters(name):
                row_error(number, _("keep the name to one line."), "control_characters")
            if kind and kind not in PartnerKind.values:
                row_error(number, _("choose a kind from the list."), "invalid_choice")
            try:
                website = url_field.clean(website)
            except ValidationError as error:
                row_error(number, error.messages[0], "invalid_url")
            partners.append({"name": name, "kind": kind or PartnerKind.OTHER, "website": website})
        if errors:
            raise ValidationError(errors)
        return partners


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files of one kind, each checked by its content; cleans to (file, CheckedFile)s."""

    widget = MultipleFileInput

    def __init__(self, *args, kind: str, **kwargs):
        self.kind = kind
        self.accepted: list = []
        super().__init__(*args, **kwargs)

    @property
    def checker(self):
        return check_document if self.kind == DOCUMENT else check_image

    @property
    def accepted_types(self) -> list[str]:
        keys = (
            casestudy_settings.SUBMISSION_DOCUMENT_TYPES
            if self.kind == DOCUMENT
            else casestudy_settings.SUBMISSION_IMAGE_TYPES
        )
        return [key for key in keys if key in FILE_TYPES]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(
            ext for key in self.accepted_types for ext in FILE_TYPES[key].extensions
        )
        return attrs

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not uploads and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        checked, errors = [], []
        for upload in uploads:
            try:
                upload = super().clean(upload, initial)
                checked.append((upload, self.checker(upload)))
            except ValidationError as error:
                errors.extend(error.error_list)
        # The files that passed, even when another did not (see SubmissionForm.attachments).
        self.accepted = checked
        if errors:
            raise ValidationError(errors)
        return checked


def _field_for_block(block: blocks.Block, *, label, help_text, required: bool) -> forms.Field:
    """A submission field for one child of a section block."""
    if isinstance(block, blocks.RichTextBlock):
        return RichTextInputField(label=label, help_text=help_text, required=required)
    if isinstance(block, blocks.EmailBlock):
        return forms.EmailField(label=label, help_text=help_text, required=required)
    if isinstance(block, blocks.TextBlock | blocks.CharBlock):
        is_text = isinstance(block, blocks.TextBlock)
        return PlainTextField(
            label=label,
            help_text=help_text,
            required=required,
            max_length=block.field.max_length or casestudy_settings.SUBMISSION_SECTION_MAX_LENGTH,
            widget=forms.Textarea if is_text else forms.TextInput,
            single_line=not is_text,
        )
    if isinstance(block, blocks.DecimalBlock | blocks.IntegerBlock | blocks.FloatBlock):
        form_field = copy.deepcopy(block.field)
        form_field.label, form_field.help_text, form_field.required = label, help_text, required
        return form_field
    raise ImproperlyConfigured(
        f"The submission form has no field for a {type(block).__name__} in a template section. "
        "Add one to wagtail_casestudies.submissions.forms._field_for_block."
    )


def _block_help_text(block: blocks.Block) -> str:
    # Field blocks keep their help text on the form field; struct blocks on their meta.
    form_field = getattr(block, "field", None)
    return getattr(form_field, "help_text", "") or getattr(block.meta, "help_text", "") or ""


def template_fields() -> dict[str, forms.Field]:
    """The form fields of every template section, in template order."""
    fields: dict[str, forms.Field] = {}
    for section in TEMPLATE_SECTIONS:
        if section.page_field:
            model_field = CaseStudyPage._meta.get_field(section.page_field)
            is_summary = section.page_field == "summary"
            fields[section.key] = PlainTextField(
                label=section.heading,
                help_text=section.guidance,
                required=section.required,
                max_length=casestudy_settings.SUMMARY_MAX_LENGTH
                if is_summary
                else model_field.max_length,
                widget=forms.Textarea(attrs={"rows": 3}) if is_summary else forms.TextInput,
                single_line=not is_summary,
            )
            continue
        block = section_block(section.key)
        for name, child_name in section_fields(section):
            child = block.child_blocks[child_name]
            is_text = child_name == "text"
            fields[name] = _field_for_block(
                child,
                label=section.heading if is_text else child.label,
                help_text=section.guidance if is_text else _block_help_text(child),
                required=(section.required if is_text else child.required)
                or name in REQUIRED_FOR_SUBMISSION,
            )
    return fields


# --- Groups: how the fields are laid out, in the form page and the template document ------------


@dataclass(frozen=True)
class FieldGroup:
    key: str
    heading: str | Promise
    guidance: str | Promise
    field_names: tuple[str, ...]
    section: TemplateSection | None = None
    bound_fields: list = field(default_factory=list, compare=False)


EXTRA_GROUPS = (
    FieldGroup(
        "councils",
        _("Councils"),
        _(
            "Which councils did the work? Choose the lead council, then any others that took "
            "part; type any you cannot find in the lists, one per line."
        ),
        ("lead_council", "councils", "council_names"),
    ),
    FieldGroup(
        "partners",
        _("Partner organisations"),
        _(
            "NHS bodies, charities, businesses, universities and others who worked with the "
            "council."
        ),
        ("partners",),
    ),
    FieldGroup("topics", _("Topics"), _("The policy areas the case study is about."), ("topics",)),
    FieldGroup(
        "attachments",
        _("Attachments"),
        _("Optional: reports, plans or photos that support the case study."),
        ("documents", "images"),
    ),
    FieldGroup(
        "consent",
        _("Consent"),
        _("How we may use what you send."),
        ("consent_publish", "consent_publish_contact"),
    ),
)


def field_groups() -> list[FieldGroup]:
    """Every group of fields in order: the template sections, then councils, partners, topics,
    attachments and consent."""
    groups = [
        FieldGroup(
            section.key,
            section.heading,
            section.guidance,
            tuple(name for name, _child in section_fields(section)),
            section=section,
        )
        for section in TEMPLATE_SECTIONS
    ]
    return groups + list(EXTRA_GROUPS)


# --- The form ---------------------------------------------------------------------------------


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses more than MAX_CHOICES values, and any value that is not a whole number the primary
    key's column can hold, before looking any of them up.

    Without the second check an id past 64 bits (``"9223372036854775808"``, ``1e20``) reaches
    the database driver, which raises OverflowError: a 500 instead of a 400 naming the field.
    """

    # Values at most (the JSON Schema's maxItems).
    max_num = MAX_CHOICES

    def clean(self, value):
        if isinstance(value, list | tuple) and len(value) > self.max_num:
            raise ValidationError(
                _("Choose at most %(max)d."), code="max_num", params={"max": self.max_num}
            )
        return super().clean(value)

    def _check_values(self, value):
        for pk in value:
            check_integer_id(self.queryset, pk, self.error_messages["invalid_pk_value"])
        return super()._check_values(value)


def check_integer_id(queryset, pk, message, code: str = "invalid_pk_value") -> None:
    """Raise ValidationError unless ``pk`` is a whole number the primary key's column can hold
    (for a model with an integer key): a float (``48.9``), ``1e999`` or an id past 64 bits must
    be refused before the database driver sees it."""
    pk_field = queryset.model._meta.pk
    if not isinstance(pk_field, models.IntegerField):
        return
    invalid = ValidationError(message, code=code, params={"pk": pk})
    text = str(pk).strip() if isinstance(pk, str | int) and not isinstance(pk, bool) else ""
    if not text.lstrip("+-").isascii() or not text.lstrip("+-").isdigit():
        raise invalid  # a float, 1e20, '٣', a list, …
    try:
        pk_field.run_validators(int(text))  # the column's range, from the database backend
    except ValidationError:
        raise invalid from None


class LocaleChoicesField(BoundedModelMultipleChoiceField):
    """Topics (or any translatable snippet) of the form's locale, offered once each in
    ``choices.by_name`` order. An id of another locale's row (a Word document read in Welsh and
    sent to the English endpoint, an older client) is still accepted, as its translation in the
    form's locale where there is one, so a chosen topic is never refused for its language.

    Cleans to a list in the order the values were sent, once each."""

    iterator = ByNameIterator

    def __init__(self, *, locale: Locale | None, **kwargs):
        self.locale = locale
        super().__init__(**kwargs)

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        try:
            value = list(dict.fromkeys(value))  # once each, in the order sent
        except TypeError:  # an unhashable value (a list, an object) in the list
            raise ValidationError(
                self.error_messages["invalid_list"], code="invalid_list"
            ) from None
        for pk in value:
            check_integer_id(self.queryset, pk, self.error_messages["invalid_pk_value"])
        everywhere = self.queryset.model._default_manager.filter(**{f"{key}__in": value})
        found = {str(getattr(obj, key)): obj for obj in everywhere}
        for pk in value:
            if str(pk) not in found:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        chosen = [found[str(pk)] for pk in value]
        return translated(chosen, self.locale.pk) if self.locale is not None else chosen


def council_label(council: Council) -> str:
    """A council as the form lists it: ``str(council)`` (with the year an abolished council
    ended) in the reader's language, its Welsh name on a Welsh page, as the API names it."""
    label = str(council)
    return council.name_in_active_language + label[len(council.name) :]


class OrderedCouncilsField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj: Council) -> str:
        return council_label(obj)


class CouncilChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Council) -> str:
        return council_label(obj)

    def to_python(self, value):
        if value not in self.empty_values:
            check_integer_id(
                self.queryset, value, self.error_messages["invalid_choice"], "invalid_choice"
            )
        return super().to_python(value)


class SubmissionForm(forms.Form):
    """A case study sent in by a council. See the module docstring for how fields are named."""

    required_css_class = "cs-field--required"
    error_css_class = "cs-field--error"

    field_template_name = "wagtail_casestudies/submissions/field.html"

    def __init__(self, *args, locale: Locale | None = None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # The language whose topics the form offers: the active one (a form page is served in
        # its own language), else the default.
        self.locale = locale or locale_for_language()
        fields = template_fields()
        fields.update(
            {
                # The lead council has a field of its own: a multiple select sends its values
                # in list order, not in the order they were chosen, so the lead would be lost.
                "lead_council": CouncilChoiceField(
                    queryset=Council.objects.all(),
                    required=False,
                    label=_("Lead council"),
                    help_text=_("The council that led the work."),
                    empty_label=_("Choose the lead council"),
                ),
                "councils": OrderedCouncilsField(
                    queryset=Council.objects.all(),
                    required=False,
                    label=_("Other councils in the register"),
                    help_text=_("Any other councils that took part."),
                    widget=forms.SelectMultiple(attrs={"size": 8}),
                ),
                "council_names": LinesField(
                    required=False,
                    label=_("Councils not in the lists"),
                    help_text=_(
                        "One name per line. With no lead council chosen, the first is the lead."
                    ),
                    widget=LinesWidget(attrs={"rows": 3}),
                ),
                "partners": PartnersField(required=False, label=_("Partner organisations")),
                "topics": LocaleChoicesField(
                    locale=self.locale,
                    queryset=in_locale(Topic, self.locale),
                    required=False,
                    label=_("Topics"),
                    widget=forms.CheckboxSelectMultiple,
                ),
                "documents": AttachmentsField(
                    kind=DOCUMENT,
                    required=False,
                    label=_("Documents"),
                    help_text=_("PDF, Word, Excel, PowerPoint or OpenDocument files."),
                ),
                "images": AttachmentsField(
                    kind=IMAGE,
                    required=False,
                    label=_("Images"),
                    help_text=_("JPEG, PNG, GIF or WebP pictures you have the right to share."),
                ),
                "consent_publish": forms.BooleanField(
                    required=True,
                    label=_(
                        "I agree that this case study may be edited and published, and that "
                        "I have permission to share it and its attachments."
                    ),
                ),
                "consent_publish_contact": forms.BooleanField(
                    required=False,
                    label=_("Publish the contact's email and phone with the case study."),
                ),
                IDEMPOTENCY_FIELD: forms.CharField(
                    required=False, max_length=255, widget=forms.HiddenInput
                ),
                HONEYPOT_FIELD: forms.CharField(
                    required=False,
                    label=_("Leave this field empty"),
                    widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
                ),
            }
        )
        for form_field in fields.values():
            form_field.template_name = self.field_template_name
        self.fields = fields

    # Cleaning

    def clean_homepage(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise ValidationError(
                _("This field must be left empty: it is there to catch automated spam."),
                code="honeypot",
            )
        return ""

    def _in_submitted_order(self, name: str) -> list:
        # A ModelMultipleChoiceField cleans to a queryset in the model's order; the submitter's
        # order matters (the first council is the lead, the first topic the main topic).
        objects = list(self.cleaned_data.get(name) or [])
        submitted = (
            self.fields[name].widget.value_from_datadict(
                self.data, self.files, self.add_prefix(name)
            )
            or []
        )
        order = {str(value): index for index, value in enumerate(submitted)}
        return sorted(objects, key=lambda obj: order.get(str(obj.pk), len(order)))

    def clean_councils(self):
        return self._in_submitted_order("councils")

    def clean_topics(self):
        # LocaleChoicesField keeps the submitted order itself.
        return list(self.cleaned_data.get("topics") or [])

    def clean(self):
        cleaned_data = super().clean()
        lead = cleaned_data.get("lead_council")
        others = [c for c in cleaned_data.get("councils") or [] if c != lead]
        chosen = ([lead] if lead else []) + others
        if "councils" in cleaned_data:
            # From here on ``councils`` is every chosen council, the lead first.
            cleaned_data["councils"] = chosen
        names = cleaned_data.get("council_names") or []
        council_fields = ("lead_council", "councils", "council_names")
        if all(name in cleaned_data for name in council_fields) and not chosen and not names:
            # On ``councils``, where JSON clients have always found it.
            self.add_error(
                "councils",
                ValidationError(
                    _("Choose the lead council from the list, or type its name."),
                    code="required",
                ),
            )
        matched = [(name, match_council(name)) for name in names]
        cleaned_data["matched_council_names"] = matched
        all_councils = list(chosen)
        for _name, council in matched:
            if council is not None and council not in all_councils:
                all_councils.append(council)
        cleaned_data["all_councils"] = all_councils
        cleaned_data["unmatched_council_names"] = [n for n, c in matched if c is None]

        attachments = len(cleaned_data.get("documents") or []) + len(
            cleaned_data.get("images") or []
        )
        limit = casestudy_settings.SUBMISSION_MAX_ATTACHMENTS
        if attachments > limit:
            self.add_error(
                "documents",
                ValidationError(
                    _("Attach at most %(limit)d files in all (you sent %(count)d)."),
                    code="max_num",
                    params={"limit": limit, "count": attachments},
                ),
            )
        return cleaned_data

    # Reading

    @property
    def template_field_names(self) -> list[str]:
        return [name for section in TEMPLATE_SECTIONS for name, _child in section_fields(section)]

    def groups(self) -> list[FieldGroup]:
        """The field groups with their bound fields, for templates."""
        return [
            FieldGroup(
                group.key,
                group.heading,
                group.guidance,
                group.field_names,
                group.section,
                bound_fields=[self[name] for name in group.field_names],
            )
            for group in field_groups()
        ]

    def attachments(self, *, accepted_only: bool = False) -> list[tuple]:
        """(kind, upload, CheckedFile) for every valid attachment. With ``accepted_only`` (a
        form kept although it did not validate), also the files a field accepted when another
        of its files was refused."""
        found = []
        for kind, name in ((DOCUMENT, "documents"), (IMAGE, "images")):
            checked_files = self.cleaned_data.get(name)
            if checked_files is None and accepted_only:
                checked_files = self.fields[name].accepted
            found.extend((kind, upload, checked) for upload, checked in checked_files or [])
        return found

    def to_data(self) -> dict:
        """The cleaned values as JSON: what a submission stores in ``data``."""
        cd = self.cleaned_data
        data = {}
        for name in self.template_field_names:
            value = cd.get(name)
            data[name] = str(value) if value is not None and not isinstance(value, str) else value
        data.update(
            {
                "councils": [council.pk for council in cd.get("councils") or []],
                "council_names": list(cd.get("council_names") or []),
                "matched_council_names": [
                    {"name": name, "council": council.pk if council else None}
                    for name, council in cd.get("matched_council_names") or []
                ],
                "partners": list(cd.get("partners") or []),
                "topics": [topic.pk for topic in cd.get("topics") or []],
                "consent_publish": bool(cd.get("consent_publish")),
                "consent_publish_contact": bool(cd.get("consent_publish_contact")),
            }
        )
        return data

    def kept_values(self) -> tuple[dict, list[dict]]:
        """For a form that did not validate, what can still be kept: ``(data, missing)``.
        ``data`` has ``to_data``'s shape, with the text of a field that failed a check (too
        long, say) kept sanitised rather than dropped; ``missing`` lists every error as
        ``{"field", "label", "message", "code"}``.

        A Word document that lacks something only its sender can give is stored like this, so
        nothing it holds is lost while the sender completes it."""
        data = self.to_data()
        missing = []
        for name, errors in self.errors.get_json_data().items():
            form_field = self.fields.get(name)
            label = str(form_field.label or name) if form_field is not None else ""
            for error in errors:
                missing.append({"field": name, "label": label, **error})
            if form_field is None or isinstance(form_field, forms.FileField):
                continue
            widget = form_field.widget
            raw = widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if isinstance(form_field, RichTextInputField):
                data[name] = clean_rich_text(raw if isinstance(raw, str) else "")
            elif isinstance(form_field, PlainTextField):
                data[name] = clean_text(raw if isinstance(raw, str) else "")
        return data, missing

    @classmethod
    def data_from_submission(cls, submission) -> dict:
        """What a stored submission holds, as the data this form is bound with to complete it:
        rich text as plain text (a blank line between paragraphs), councils and topics by id."""
        data = dict(submission.data or {})
        values: dict = {}
        for name, form_field in template_fields().items():
            value = data.get(name)
            if value in (None, ""):
                continue
            if isinstance(form_field, RichTextInputField):
                value = "\n\n".join(
                    line for line in html_to_text(value).split("\n") if line.strip()
                )
            values[name] = value
        councils = list(data.get("councils") or [])
        if councils:
            values["lead_council"] = councils[0]
            values["councils"] = councils[1:]
        values["council_names"] = list(submission.unmatched_council_names or [])
        values["partners"] = list(data.get("partners") or [])
        values["topics"] = list(data.get("topics") or [])
        for name in ("consent_publish", "consent_publish_contact"):
            if data.get(name):
                values[name] = True
        return values

    def json_errors(self) -> dict:
        """Field errors as ``{field: [{"message": …, "code": …}]}``, non-field ones as
        ``__all__``."""
        return self.errors.get_json_data()
