"""A stored case-study submission, its attachments, and the page type that shows the intake form.

A submission keeps what was sent twice over: ``raw_data`` exactly as it arrived (less files and
the honeypot) and ``data``, the validated and sanitised values keyed by the form's field names.
The columns beside them (title, contact, councils, topics) exist for the inbox's listing, filters
and search.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings as django_settings
from django.db import models
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string

from ..blocks import RICH_TEXT_FEATURES
from ..layout import HostLayoutMixin
from ..models.pages import BasePage, PartnerKind, base_page_link, serve_in_page_language
from ..template import TEMPLATE_SECTIONS
from .storage import submission_storage

# Letters and digits that cannot be misread for one another when read out over the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"CS-{code[:4]}-{code[4:]}"


class SubmissionStatus(models.TextChoices):
    # A Word document read and kept that still lacks something only its sender can give (the
    # consent to publish, say): the sender is sent a link to complete it (``missing`` says what).
    INCOMPLETE = "incomplete", _("Incomplete")
    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    CONVERTED = "converted", _("Converted")


class SubmissionSource(models.TextChoices):
    FORM = "form", _("Web form")
    API = "api", _("JSON endpoint")
    WORD = "word", _("Word document")


class CaseStudySubmission(models.Model):
    reference = models.CharField(
        _("reference"), max_length=20, unique=True, editable=False, default=new_reference
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.NEW,
        db_index=True,
    )
    source = models.CharField(
        _("received through"), max_length=10, choices=SubmissionSource.choices, editable=False
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"))
    contact_name = models.CharField(_("contact name"), max_length=255)
    contact_email = models.EmailField(_("contact email"))
    councils = models.ManyToManyField(
        "wagtail_casestudies.Council",
        verbose_name=_("councils"),
        blank=True,
        related_name="submissions",
        help_text=_("Councils chosen from the register or matched from a typed name."),
    )
    unmatched_council_names = models.JSONField(
        _("council names not in the register"), default=list, blank=True
    )
    topics = models.ManyToManyField(
        "wagtail_casestudies.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    consent_publish = models.BooleanField(_("agreed to publication"), default=False)
    consent_publish_contact = models.BooleanField(
        _("agreed to publishing contact details"), default=False
    )

    data = models.JSONField(_("submitted values"), default=dict, editable=False)
    raw_data = models.JSONField(_("data as received"), default=dict, editable=False)
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=255, null=True, blank=True, unique=True, editable=False
    )
    payload_hash = models.CharField(max_length=64, db_index=True, editable=False)
    missing = models.JSONField(
        _("still missing"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("What an incomplete submission still needs, as the form's errors."),
    )

    notified_at = models.DateTimeField(_("editors notified"), null=True, blank=True, editable=False)
    notification_attempts = models.PositiveIntegerField(default=0, editable=False)
    notification_error = models.TextField(_("notification error"), blank=True, editable=False)

    editor_notes = models.TextField(
        _("editor notes"), blank=True, help_text=_("Only editors see these.")
    )
    case_study = models.ForeignKey(
        "wagtail_casestudies.CaseStudyPage",
        verbose_name=_("case study"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    converted_at = models.DateTimeField(_("converted"), null=True, blank=True, editable=False)
    converted_by = models.ForeignKey(
        django_settings.AUTH_USER_MODEL,
        verbose_name=_("converted by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("case study submission")
        verbose_name_plural = _("case study submissions")

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def is_incomplete(self) -> bool:
        return self.status == SubmissionStatus.INCOMPLETE

    @property
    def can_be_published(self) -> bool:
        """Nothing is published without the sender's consent to publish it, nor while the sender
        may still be completing it (an editor who will not wait sets its status by hand)."""
        return self.consent_publish and not self.is_incomplete

    @property
    def is_converted(self) -> bool:
        return self.case_study_id is not None or self.status == SubmissionStatus.CONVERTED

    def councils_in_order(self) -> list:
        """The matched councils in the order the submitter gave them, the lead first: chosen
        ones, then those matched from typed names (the relation itself keeps no order; it is
        read from ``self.councils.all()``, so a prefetch serves it)."""
        order = list(self.data.get("councils") or [])
        order += [
            item.get("council")
            for item in self.data.get("matched_council_names") or []
            if isinstance(item, dict)
        ]
        position = {pk: index for index, pk in enumerate(order) if pk is not None}
        return sorted(self.councils.all(), key=lambda c: (position.get(c.pk, len(position)), c.pk))

    def partners_with_labels(self) -> list[dict]:
        """The partner organisations as sent, each with its kind's label ("NHS body")."""
        labels = dict(PartnerKind.choices)
        return [
            {**partner, "kind_label": labels.get(partner.get("kind"), partner.get("kind") or "")}
            for partner in self.data.get("partners") or []
            if isinstance(partner, dict)
        ]

    def section_values(self) -> list[dict]:
        """Every template section in order, as ``{"section", "text", "fields"}``: ``text`` is the
        section's own text (sanitised HTML for body sections, plain text for the title and
        summary, None for the contact) and ``fields`` the (label, value) of its other fields."""
        from .forms import section_fields, template_fields

        form_fields = template_fields()
        values = []
        for section in TEMPLATE_SECTIONS:
            text = None
            fields = []
            for name, _child in section_fields(section):
                if name == section.key:
                    text = self.data.get(name) or ""
                else:
                    fields.append((form_fields[name].label, self.data.get(name)))
            values.append({"section": section, "text": text, "fields": fields})
        return values


def attachment_upload_to(instance: SubmissionAttachment, filename: str) -> str:
    # An unguessable folder per file, in the private submission storage (storage.py).
    return f"casestudy_submissions/{uuid.uuid4().hex}/{get_valid_filename(filename)[-100:]}"


class AttachmentKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    IMAGE = "image", _("Image")


class SubmissionAttachment(models.Model):
    submission = models.ForeignKey(
        CaseStudySubmission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    file = models.FileField(
        _("file"), upload_to=attachment_upload_to, storage=submission_storage, max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=10)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("Wagtail document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("Wagtail image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("submission attachment")
        verbose_name_plural = _("submission attachments")

    def __str__(self) -> str:
        return self.original_name


@receiver(post_delete, sender=SubmissionAttachment)
def delete_attachment_file(sender, instance: SubmissionAttachment, **kwargs) -> None:
    """A deleted attachment (or submission) takes its stored file with it."""
    if instance.file:
        instance.file.storage.delete(instance.file.name)


class SubmissionRateWindow(models.Model):
    """How many submission attempts one client address made in its current rate-limit window.

    Kept in the database, not in Django's cache: the default cache is per process and shared
    with API responses, and a few hundred distinct API requests evicted the counts, which lifted
    the limit. ``client`` is a hash of the address, not the address. Rows whose window has ended
    are deleted as new windows start.
    """

    client = models.CharField(max_length=64, unique=True)
    window_start = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("submission rate-limit window")
        verbose_name_plural = _("submission rate-limit windows")

    def __str__(self) -> str:
        return f"{self.client[:8]}…: {self.count} since {self.window_start:%Y-%m-%d %H:%M:%S}"


# --- The page that shows the intake form ---------------------------------------------------------


class CaseStudySubmissionPageMixin(HostLayoutMixin, models.Model):
    """A page with the case-study submission form; place it under the case-study index."""

    introduction = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the form: who may submit and what happens next."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown with the submission's reference once it is received."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("thank_you_text"),
    ]

    template = "wagtail_casestudies/submission_page.html"
    landing_page_template = "wagtail_casestudies/submissions/thanks.html"

    class Meta:
        abstract = True

    def get_landing_page_template(self, request, *args, **kwargs) -> str:
        return self.landing_page_template

    def serve(self, request, *args, **kwargs):
        from .views import serve_submission_page

        # A Welsh form page speaks Welsh (labels, help, errors), whatever the browser asks for.
        def serve(request, *args, **kwargs):
            return serve_submission_page(self, request, *args, **kwargs)

        return serve_in_page_language(self, serve, request, *args, **kwargs)


class CaseStudySubmissionPage(CaseStudySubmissionPageMixin, BasePage):
    page_ptr = base_page_link()
    subpage_types: list[str] = []
    # Wagtail names a page's template after its class unless the class itself sets one.
    template = CaseStudySubmissionPageMixin.template

    class Meta:
        verbose_name = _("case study submission page")
        verbose_name_plural = _("case study submission pages")

    def __str__(self) -> str:
        return self.title
