"""The "Submissions" inbox: listing, filters, search, inspect, export, status edits, and the
action that turns a submission into a draft case study."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin import RelatedOnlyFieldListFilter, display
from django.contrib.admin.utils import label_for_field
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import re_path, reverse
from django.utils.encoding import force_str
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView, InstanceSpecificView

from ...exports import SafeSpreadsheetExportMixin
from ...models import CaseStudyIndexPage
from ...submissions.forms import field_groups, template_fields
from ...submissions.models import CaseStudySubmission, SubmissionStatus
from ...submissions.sanitise import html_to_text
from ...submissions.services import AlreadyConverted, ConversionError, convert_submission


class SubmissionPermissionHelper(PermissionHelper):
    def user_can_create(self, user) -> bool:
        # Submissions come in through the form and the endpoint, never the admin.
        return False

    def user_can_convert_obj(self, user, obj) -> bool:
        # Without the sender's consent to publish there is nothing to convert yet.
        return (
            not obj.is_converted
            and obj.can_be_published
            and self.user_has_specific_permission(user, self.get_perm_codename("change"))
        )


class SubmissionButtonHelper(ButtonHelper):
    def convert_button(self, pk, classnames_add=None, classnames_exclude=None):
        return {
            "url": self.url_helper.get_action_url("convert", pk),
            "label": _("Convert to case study"),
            "classname": self.finalise_classname(
                ["button-secondary"] + (classnames_add or []), classnames_exclude or []
            ),
            "title": _("Make a draft case study from this submission"),
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if "convert" not in (exclude or []) and self.permission_helper.user_can_convert_obj(
            self.request.user, obj
        ):
            buttons.insert(1, self.convert_button(obj.pk, classnames_add, classnames_exclude))
        return buttons


class CouncilsFilter(RelatedOnlyFieldListFilter):
    """Councils in the submissions; the empty choice says what it finds instead of '-'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_value_display = _("None from the register")


class TopicsFilter(RelatedOnlyFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_value_display = _("No topic")


class SubmissionStatusForm(WagtailAdminModelForm):
    """Editors move a submission through review; only conversion marks it converted."""

    def clean_status(self):
        status = self.cleaned_data["status"]
        was_converted = self.instance.status == SubmissionStatus.CONVERTED
        if status == SubmissionStatus.CONVERTED and not was_converted:
            raise ValidationError(_("Use 'Convert to case study' to convert a submission."))
        if was_converted and status != SubmissionStatus.CONVERTED:
            raise ValidationError(_("A converted submission stays converted."))
        return status


class SubmissionIndexView(SafeSpreadsheetExportMixin, IndexView):
    def get_heading(self, queryset, field):
        # modeladmin title-cases headings ("The Challenge"); keep the template's own wording.
        return capfirst(
            force_str(label_for_field(field, model=self.model, model_admin=self.model_admin))
        )


class SubmissionInspectView(InspectView):
    def get_context_data(self, **kwargs):
        submission = self.instance
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "submission": submission,
                "sections": submission.section_values(),
                "attachments": submission.attachments.all(),
                "councils": submission.councils_in_order(),
                "partners": submission.partners_with_labels(),
                "topics": submission.topics.all(),
                "attachment_url_name": self.url_helper.get_action_url_name("attachment"),
                "can_convert": self.permission_helper.user_can_convert_obj(
                    self.request.user, submission
                ),
                "convert_url": self.url_helper.get_action_url("convert", submission.pk),
                # The footer is dark: its buttons take the admin's filled style (the outlined
                # "secondary" ones have a contrast of 2.87:1 there).
                "buttons": self.button_helper.get_buttons_for_obj(
                    submission, exclude=["inspect"], classnames_exclude=["button-secondary"]
                ),
            }
        )
        return context


class ConvertForm(forms.Form):
    parent = forms.ModelChoiceField(
        queryset=CaseStudyIndexPage.objects.none(),
        label=gettext_lazy("Case-study index"),
        help_text=gettext_lazy("The draft case study is created under this page."),
        empty_label=None,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [
            page.pk
            for page in CaseStudyIndexPage.objects.all()
            if page.permissions_for_user(user).can_add_subpage()
        ]
        self.fields["parent"].queryset = CaseStudyIndexPage.objects.filter(pk__in=allowed)


class ConvertView(InstanceSpecificView):
    page_title = gettext_lazy("Convert to case study")
    template_name = "wagtail_casestudies/submissions/admin/convert.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_has_specific_permission(
            user, self.permission_helper.get_perm_codename("change")
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ConvertForm(user=self.request.user))
        kwargs["submission"] = self.instance
        kwargs["inspect_url"] = self.url_helper.get_action_url("inspect", self.instance.pk)
        return super().get_context_data(**kwargs)

    def get(self, request, *args, **kwargs):
        if self.instance.is_converted:
            return self._refuse(request)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        form = ConvertForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            result = convert_submission(self.instance, form.cleaned_data["parent"], request.user)
        except AlreadyConverted:
            return self._refuse(request)
        except PermissionDenied:
            raise
        except (ConversionError, ValidationError) as error:
            form.add_error(None, "; ".join(getattr(error, "messages", [str(error)])))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        message = _("Draft case study '%(title)s' created from %(reference)s.") % {
            "title": result.page.title,
            "reference": self.instance.reference,
        }
        if result.submitted_to_workflow:
            message += " " + _("It has been submitted for moderation.")
        messages.success(request, message)
        if result.unlinked_council_names:
            messages.warning(
                request,
                _("These councils are not in the register, so they were not linked: %(names)s.")
                % {"names": ", ".join(result.unlinked_council_names)},
            )
        return redirect("wagtailadmin_pages:edit", result.page.pk)

    def _refuse(self, request):
        messages.error(
            request,
            _("Submission %(reference)s has already been converted.")
            % {"reference": self.instance.reference},
        )
        response = redirect(self.url_helper.get_action_url("inspect", self.instance.pk))
        response.status_code = 303
        return response


def _export_section(field_name: str, label: str, is_html: bool):
    def export(self, obj):
        value = obj.data.get(field_name)
        if value is None:
            return ""
        return html_to_text(value) if is_html else value

    export.short_description = label
    return export


class CaseStudySubmissionAdmin(ModelAdmin):
    model = CaseStudySubmission
    menu_label = gettext_lazy("Submissions")
    menu_icon = "mail"
    menu_order = 260
    add_to_settings_menu = False
    permission_helper_class = SubmissionPermissionHelper
    button_helper_class = SubmissionButtonHelper
    index_view_class = SubmissionIndexView
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    inspect_template_name = "wagtail_casestudies/submissions/admin/inspect.html"
    index_template_name = "wagtail_casestudies/submissions/admin/index.html"
    index_view_extra_css = ["wagtail_casestudies/admin/submissions.css"]
    inspect_view_extra_css = ["wagtail_casestudies/admin/submissions.css"]
    list_display = ("reference", "title", "councils_list", "status", "created_at", "notified")
    list_filter = (
        "status",
        ("councils", CouncilsFilter),
        ("topics", TopicsFilter),
        "created_at",
    )
    search_fields = (
        "reference",
        "title",
        "summary",
        "contact_name",
        "contact_email",
        "councils__name",
    )
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    export_filename = "case-study-submissions"
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("editor_notes")], base_form_class=SubmissionStatusForm
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("councils")
            .annotate(attachment_count=Count("attachments", distinct=True))
        )

    @display(description=gettext_lazy("Councils"))
    def councils_list(self, obj) -> str:
        names = [council.name for council in obj.councils_in_order()]
        names += [f"{name} ?" for name in obj.unmatched_council_names or []]
        return ", ".join(names)

    @display(description=gettext_lazy("Editors notified"), boolean=True)
    def notified(self, obj) -> bool:
        return obj.notified_at is not None

    @display(description=gettext_lazy("Status"))
    def status_label(self, obj) -> str:
        return obj.get_status_display()

    @display(description=gettext_lazy("Received through"))
    def source_label(self, obj) -> str:
        return obj.get_source_display()

    @display(description=gettext_lazy("Topics"))
    def topics_list(self, obj) -> str:
        return ", ".join(topic.name for topic in obj.topics.all())

    @display(description=gettext_lazy("Partners"))
    def partners_list(self, obj) -> str:
        return "; ".join(f"{p['name']} ({p['kind_label']})" for p in obj.partners_with_labels())

    @display(description=gettext_lazy("Attachments"))
    def attachments_list(self, obj) -> str:
        return "; ".join(a.original_name for a in obj.attachments.all())

    @display(description=gettext_lazy("Case study"))
    def case_study_title(self, obj) -> str:
        return obj.case_study.title if obj.case_study_id else ""

    def get_list_export(self, request):
        return [
            "reference",
            "status_label",
            "created_at",
            "source_label",
            *(f"export_{name}" for name, _heading, _html in _template_field_columns()),
            "councils_list",
            "topics_list",
            "partners_list",
            "attachments_list",
            "consent_publish",
            "consent_publish_contact",
            "case_study_title",
            "editor_notes",
        ]

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        base = self.url_helper.base_url_path
        return urls + (
            re_path(
                self.url_helper.get_action_url_pattern("convert"),
                self.convert_view,
                name=self.url_helper.get_action_url_name("convert"),
            ),
            re_path(
                rf"^{base}/attachment/(?P<instance_pk>\d+)/(?P<attachment_pk>\d+)/$",
                self.attachment_view,
                name=self.url_helper.get_action_url_name("attachment"),
            ),
        )

    def convert_view(self, request, instance_pk):
        return ConvertView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def attachment_view(self, request, instance_pk, attachment_pk):
        """Stream an attachment to editors who may inspect its submission (the files are not
        served as public media)."""
        if not request.user.is_authenticated:
            return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
        submission = get_object_or_404(CaseStudySubmission, pk=instance_pk)
        if not self.permission_helper.user_can_inspect_obj(request.user, submission):
            raise PermissionDenied
        attachment = get_object_or_404(submission.attachments, pk=attachment_pk)
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )


def _template_field_columns() -> list[tuple[str, str, bool]]:
    """(form field name, export heading, is HTML) for every field of the template sections."""
    fields = template_fields()
    columns = []
    for group in field_groups():
        if group.section is None:
            continue
        for name in group.field_names:
            label = force_str(fields[name].label)
            heading = force_str(group.heading)
            is_text = name == group.key
            columns.append(
                (
                    name,
                    heading if is_text else f"{heading}: {label}",
                    is_text and not group.section.page_field,
                )
            )
    return columns


# One export column per template field, named after the form field ("export_challenge").
for _name, _heading, _is_html in _template_field_columns():
    setattr(CaseStudySubmissionAdmin, f"export_{_name}", _export_section(_name, _heading, _is_html))
