"""The admin's "Import from Word" on a case-study index: upload .docx files, get drafts and a
report of what went where. A thin view over ``library.import_case_studies``."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..models import CaseStudyPage
from ..submissions.forms import MultipleFileInput
from .library import CREATED, import_case_studies, uploaded_sources

MAX_FILES = 50


class WordFilesField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not uploads:
            raise ValidationError(_("Choose at least one Word document (.docx)."), code="required")
        if len(uploads) > MAX_FILES:
            raise ValidationError(
                _("Import at most %(max)d documents at a time."),
                code="max_num",
                params={"max": MAX_FILES},
            )
        return [super(WordFilesField, self).clean(upload, initial) for upload in uploads]


class ImportFromWordForm(forms.Form):
    documents = WordFilesField(
        label=_("Word documents"),
        help_text=_(
            "One case study per document: the filled-in template, or any document with the "
            "template's headings. Up to 50 at a time."
        ),
        widget=MultipleFileInput(
            attrs={
                "accept": ".docx,application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document"
            }
        ),
    )


def can_import_under(user, page) -> bool:
    """Whether ``user`` may create case studies under ``page`` (and ``page`` takes them)."""
    return CaseStudyPage.can_create_at(page) and page.permissions_for_user(user).can_add_subpage()


def import_from_word(request, page_id: int):
    index = get_object_or_404(Page, pk=page_id).specific
    if not can_import_under(request.user, index):
        raise PermissionDenied
    context = {"index": index, "report": None}
    status = 200
    if request.method == "POST":
        form = ImportFromWordForm(request.POST, request.FILES)
        if form.is_valid():
            report = import_case_studies(
                uploaded_sources(form.cleaned_data["documents"]),
                parent=index,
                user=request.user,
            )
            context.update(report=report, created=report.count(CREATED))
            form = ImportFromWordForm()
        else:
            status = 400
    else:
        form = ImportFromWordForm()
    context["form"] = form
    return TemplateResponse(
        request, "wagtail_casestudies/importing/import_from_word.html", context, status=status
    )
