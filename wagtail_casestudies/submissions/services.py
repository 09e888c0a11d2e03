"""What happens to a submission: it is stored (before anything else), editors are told, and an
editor may turn it into a draft case study. Views and commands stay thin over these functions."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.core.signing import BadSignature, Signer
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from ..choices import translated
from ..conf import settings as casestudy_settings
from ..councils import match_council
from ..importing.body import leading_blocks, section_tables, unplaced_blocks
from ..models import CaseStudyCouncil, CaseStudyPage, CaseStudyPartner, Council
from ..template import TEMPLATE_SECTIONS
from .files import DOCUMENT, IMAGE, stored_copy
from .forms import section_block, section_fields
from .models import (
    AttachmentKind,
    CaseStudySubmission,
    SubmissionAttachment,
    SubmissionRateWindow,
    SubmissionStatus,
)
from .privacy import private_collection, unguessable_name
from .sanitise import clean_text, html_to_text

logger = logging.getLogger(__name__)

CHANGE_PERMISSION = "wagtail_casestudies.change_casestudysubmission"


# --- Abuse: the per-client rate limit -------------------------------------------------------------


# Headers a proxy adds with the client's address: when a request carries one and the site reads
# REMOTE_ADDR (the proxy's address), every client shares one rate-limit allowance.
PROXY_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_FORWARDED",
    "HTTP_X_REAL_IP",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
)
_warned_about_proxy = False


def client_ip(request) -> str:
    """The client's address, from the META key SUBMISSION_CLIENT_IP_HEADER names. For a
    forwarded-for list the last entry (the one the site's own proxy added) is used."""
    header = casestudy_settings.SUBMISSION_CLIENT_IP_HEADER
    if header == "REMOTE_ADDR":
        _warn_if_behind_a_proxy(request)
    value = request.META.get(header) or ""
    if not value:
        value = request.META.get("REMOTE_ADDR", "")
    return value.split(",")[-1].strip() or "unknown"


def _warn_if_behind_a_proxy(request) -> None:
    """Log once per process when a submission arrives through a proxy the setting ignores."""
    global _warned_about_proxy
    if _warned_about_proxy:
        return
    seen = [name for name in PROXY_HEADERS if name in request.META]
    if seen:
        _warned_about_proxy = True
        logger.warning(
            "A case study submission arrived with %s while WAGTAIL_CASESTUDIES"
            "['SUBMISSION_CLIENT_IP_HEADER'] is 'REMOTE_ADDR': behind a proxy every submitter "
            "shares one rate-limit allowance. Set it to the header your proxy sets "
            "(docs/submissions.md, 'Behind a proxy').",
            ", ".join(seen),
        )


def rate_limit_exceeded(request) -> bool:
    """Count this attempt against the client's allowance and say whether it is over.

    A fixed window per client address, in the database (``SubmissionRateWindow``) so that no
    cache eviction can reset it: the first attempt starts the window, and the row is locked
    while it is counted so concurrent attempts each count once. Ended windows are pruned when
    a new one starts.
    """
    now = timezone.now()
    window = datetime.timedelta(seconds=casestudy_settings.SUBMISSION_RATE_WINDOW)
    client = hashlib.sha256(client_ip(request).encode()).hexdigest()
    with transaction.atomic():
        counter, created = SubmissionRateWindow.objects.select_for_update().get_or_create(
            client=client, defaults={"window_start": now, "count": 1}
        )
        if created:
            SubmissionRateWindow.objects.filter(window_start__lte=now - window).delete()
        elif counter.window_start <= now - window:
            counter.window_start, counter.count = now, 1
            counter.save(update_fields=["window_start", "count"])
        else:
            SubmissionRateWindow.objects.filter(pk=counter.pk).update(count=F("count") + 1)
            counter.count += 1  # exact: the row is locked until this transaction ends
    return counter.count > casestudy_settings.SUBMISSION_RATE_LIMIT


# --- Storing a submission -------------------------------------------------------------------------


class IdempotencyConflict(Exception):
    """The idempotency key was used before for a different submission."""

    def __init__(self, submission: CaseStudySubmission):
        self.submission = submission
        super().__init__(submission.reference)


@dataclass
class StoreResult:
    submission: CaseStudySubmission
    created: bool


def payload_hash(data: dict, attachments: list) -> str:
    """A fingerprint of what was submitted, to spot the same submission sent twice."""
    canonical = json.dumps(
        {"data": data, "files": sorted(_sha256(upload) for _k, upload, _c in attachments)},
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _existing(idempotency_key: str | None, fingerprint: str) -> CaseStudySubmission | None:
    if idempotency_key:
        found = CaseStudySubmission.objects.filter(idempotency_key=idempotency_key).first()
        if found is not None:
            if found.payload_hash != fingerprint:
                raise IdempotencyConflict(found)
            return found
    since = timezone.now() - datetime.timedelta(
        seconds=casestudy_settings.SUBMISSION_DUPLICATE_WINDOW
    )
    return (
        CaseStudySubmission.objects.filter(payload_hash=fingerprint, created_at__gte=since)
        .order_by("created_at")
        .first()
    )


def store_submission(
    form,
    *,
    raw_data: dict,
    source: str,
    idempotency_key: str | None = None,
    extra_data: dict | None = None,
    incomplete: bool = False,
    fallback_title: str = "",
    source_document: tuple | None = None,
):
    """Store a valid submission and its attachments in one transaction, then ask for editors to be
    notified once it is committed. A repeat (same idempotency key, or the same payload within
    SUBMISSION_DUPLICATE_WINDOW) returns the first submission instead of storing another.
    ``extra_data`` is kept in ``data`` beside the form's values (what a Word document held
    beyond the form's fields, see ``importing.intake``).

    With ``incomplete`` the form did not validate and is stored all the same, as an incomplete
    submission whose ``missing`` lists the form's errors (a Word document lacking the consent
    to publish, say): whatever the form could keep is kept (``SubmissionForm.kept_values``),
    nothing is published from it, and its sender may complete it (``completion_token``).
    ``fallback_title`` names it in the inbox when it has no title of its own.
    ``source_document`` is ``(kind, upload, checked)`` of the Word document a submission was
    read from: stored as it came, whatever its attachments' checks say, as it is never
    published (the case study is read from it), so it cannot be lost.

    Editors are told of a submission once it is complete.
    """
    missing: list[dict] = []
    if incomplete:
        # Values that failed a check stay in ``raw_data`` (and the document); the sender
        # corrects them when completing it.
        data, missing = form.kept_values()
    else:
        data = form.to_data()
    data = {**data, **(extra_data or {})}
    attachments = form.attachments(accepted_only=incomplete)
    if source_document is not None:
        attachments.insert(0, _kept_whatever(*source_document))
    fingerprint = payload_hash(data, attachments)
    idempotency_key = (idempotency_key or "").strip() or None

    existing = _existing(idempotency_key, fingerprint)
    if existing is not None:
        return StoreResult(existing, created=False)

    cd = form.cleaned_data
    stored_files: list = []
    try:
        with transaction.atomic():
            if _wait_for_the_same_payload(fingerprint):
                # Another request with this payload may have committed while this one waited.
                existing = _existing(idempotency_key, fingerprint)
                if existing is not None:
                    return StoreResult(existing, created=False)
            submission = CaseStudySubmission.objects.create(
                source=source,
                status=SubmissionStatus.INCOMPLETE if incomplete else SubmissionStatus.NEW,
                title=(data.get("title") or fallback_title)[:255],
                summary=data.get("summary") or "",
                contact_name=(data.get("contact_name") or "")[:255],
                contact_email=_valid_email(data.get("contact_email")),
                unmatched_council_names=cd.get("unmatched_council_names") or [],
                consent_publish=data["consent_publish"],
                consent_publish_contact=data["consent_publish_contact"],
                data=data,
                raw_data=without_nul(raw_data),
                idempotency_key=idempotency_key,
                payload_hash=fingerprint,
                missing=missing,
            )
            submission.councils.set(cd.get("all_councils") or [])
            submission.topics.set(cd.get("topics") or [])
            _store_attachments(submission, attachments, stored_files)
    except IntegrityError:
        _delete_files(stored_files)
        if idempotency_key:
            # Two requests with one key raced; the other one stored it.
            existing = _existing(idempotency_key, fingerprint)
            if existing is not None:
                return StoreResult(existing, created=False)
        raise
    except BaseException:
        _delete_files(stored_files)
        raise

    if not incomplete:
        transaction.on_commit(lambda: notify_editors(submission))
    return StoreResult(submission, created=True)


def _kept_whatever(kind, upload, checked) -> tuple:
    """An attachment that must be stored whatever its checks say (the document a submission was
    read from): cleaned of personal metadata where it can be, else as it came, in the private
    submission storage; it is never published."""
    try:
        cleaned = stored_copy(kind, upload, checked)
    except ValidationError:
        cleaned = upload
    return kind, upload, dataclasses.replace(checked, cleaned=cleaned)


def _store_attachments(submission, attachments, stored_files: list) -> None:
    """Store each checked upload as an attachment of ``submission``, adding each file to
    ``stored_files`` as soon as it is written (for the caller to delete if its transaction
    fails, however far this got)."""
    for kind, upload, checked in attachments:
        attachment = SubmissionAttachment(
            submission=submission,
            kind=AttachmentKind.DOCUMENT if kind == DOCUMENT else AttachmentKind.IMAGE,
            original_name=upload.name[:255],
            file_type=checked.file_type.key,
            content_type=checked.file_type.content_type,
            size=checked.size,
            sha256=_sha256(upload),
        )
        upload.seek(0)
        stored = stored_copy(kind, upload, checked)
        attachment.file.save(upload.name, stored, save=False)
        stored_files.append(attachment.file)
        attachment.save()


def without_nul(value):
    """``value`` without NUL characters, which PostgreSQL cannot store in text or JSON; the raw
    data keeps what was sent, and the cleaned fields drop them anyway."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {without_nul(key): without_nul(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [without_nul(item) for item in value]
    return value


def _valid_email(value) -> str:
    try:
        validate_email(value or "")
    except ValidationError:
        return ""
    return value


# --- Completing an incomplete submission ----------------------------------------------------------

COMPLETION_SALT = "wagtail_casestudies.submissions.complete"


def completion_token(submission: CaseStudySubmission) -> str:
    """The secret that lets whoever sent an incomplete submission complete it: the reference,
    signed with the site's secret key (so nothing is stored, and the same link comes back for
    the same submission)."""
    return Signer(salt=COMPLETION_SALT).sign(submission.reference)


def submission_to_complete(token: str) -> CaseStudySubmission | None:
    """The incomplete submission ``token`` is for, if it is still incomplete and recent enough
    (SUBMISSION_COMPLETION_DAYS); else None."""
    try:
        reference = Signer(salt=COMPLETION_SALT).unsign(str(token or "")[:200])
    except BadSignature:
        return None
    since = timezone.now() - datetime.timedelta(days=casestudy_settings.SUBMISSION_COMPLETION_DAYS)
    return CaseStudySubmission.objects.filter(
        reference=reference, status=SubmissionStatus.INCOMPLETE, created_at__gte=since
    ).first()


def complete_submission(submission: CaseStudySubmission, form) -> CaseStudySubmission:
    """Complete an incomplete submission with a valid form its sender filled in: its values
    replace the stored ones (what the document held beyond the form stays), new attachments are
    added, and editors are told. A section the sender left as it was shown keeps its stored
    formatting (the form shows rich text as plain text)."""
    data = form.to_data()
    stored = submission.data or {}
    for name, value in list(data.items()):
        before = stored.get(name)
        if isinstance(before, str) and isinstance(value, str) and _same_words(before, value):
            data[name] = before
    if "imported" in stored:
        data["imported"] = stored["imported"]
    cd = form.cleaned_data
    stored_files: list = []
    try:
        with transaction.atomic():
            locked = CaseStudySubmission.objects.select_for_update().get(pk=submission.pk)
            if locked.status != SubmissionStatus.INCOMPLETE:
                return locked
            locked.status = SubmissionStatus.NEW
            locked.missing = []
            locked.title = data["title"]
            locked.summary = data["summary"]
            locked.contact_name = data.get("contact_name") or ""
            locked.contact_email = data.get("contact_email") or ""
            locked.unmatched_council_names = cd.get("unmatched_council_names") or []
            locked.consent_publish = data["consent_publish"]
            locked.consent_publish_contact = data["consent_publish_contact"]
            locked.data = data
            locked.save()
            locked.councils.set(cd.get("all_councils") or [])
            locked.topics.set(cd.get("topics") or [])
            _store_attachments(locked, form.attachments(), stored_files)
    except BaseException:
        _delete_files(stored_files)
        raise
    transaction.on_commit(lambda: notify_editors(locked))
    return locked


def _same_words(html: str, text: str) -> bool:
    return " ".join(html_to_text(html).split()) == " ".join(html_to_text(text).split())


def notify_sender(submission: CaseStudySubmission, complete_url: str) -> bool:
    """Email the contact a submission names the link to complete it. Never raises: a failure
    is logged (the sender also got the link on the page or in the API's answer)."""
    if not submission.contact_email or not complete_url:
        return False
    context = {"submission": submission, "complete_url": complete_url}
    try:
        subject = " ".join(
            render_to_string(
                "wagtail_casestudies/submissions/email/complete_subject.txt", context
            ).split()
        )
        body = render_to_string("wagtail_casestudies/submissions/email/complete_body.txt", context)
        EmailMessage(subject=subject, body=body, to=[submission.contact_email]).send()
    except Exception:
        logger.exception("Could not email the sender of submission %s", submission)
        return False
    return True


def _wait_for_the_same_payload(fingerprint: str) -> bool:
    """Make transactions storing the same payload take turns (on PostgreSQL, with a transaction
    advisory lock on its fingerprint), so the duplicate check inside the transaction sees a
    submission another request committed meanwhile. Without it, the same case study sent
    several times at once was stored several times. Returns whether it locked.

    SQLite serialises writers itself and has no such lock; other databases skip this.
    """
    connection = transaction.get_connection()
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(fingerprint[:15], 16)])
    return True


def _delete_files(files) -> None:
    for stored in files:
        try:
            stored.storage.delete(stored.name)
        except Exception:  # pragma: no cover - best effort; the row is gone either way
            logger.exception("Could not delete the orphaned attachment %s", stored.name)


# --- Telling editors ------------------------------------------------------------------------------


def notification_recipients() -> list[str]:
    configured = list(casestudy_settings.SUBMISSION_NOTIFY_EMAILS or [])
    if configured:
        return configured
    users = get_user_model().objects.with_perm(CHANGE_PERMISSION, include_superusers=True)
    emails = users.filter(is_active=True).exclude(email="").values_list("email", flat=True)
    return sorted(set(emails))


def notify_editors(submission: CaseStudySubmission) -> bool:
    """Email the editors about a submission. Never raises: a failure is logged and kept on the
    submission (``notified_at`` stays empty) so ``casestudies_notify_pending`` can try again."""
    error = ""
    try:
        recipients = notification_recipients()
        if not recipients:
            raise RuntimeError(
                "No one to notify: set WAGTAIL_CASESTUDIES['SUBMISSION_NOTIFY_EMAILS'] or give "
                "an editor with an email address the 'change case study submission' permission."
            )
        context = {"submission": submission, "admin_url": admin_url(submission)}
        # The email is for the site's editors, not the submitter: it is written in the site's
        # language, whichever language the case study was sent in.
        with translation.override(django_settings.LANGUAGE_CODE):
            subject = " ".join(
                render_to_string(
                    "wagtail_casestudies/submissions/email/notification_subject.txt", context
                ).split()
            )
            body = render_to_string(
                "wagtail_casestudies/submissions/email/notification_body.txt", context
            )
        EmailMessage(subject=subject, body=body, to=recipients).send(fail_silently=False)
    except Exception as exc:
        logger.exception("Could not notify editors of case study submission %s", submission)
        error = f"{type(exc).__name__}: {exc}"[:2000]
    updates = {"notification_error": error, "notification_attempts": F("notification_attempts") + 1}
    if not error:
        updates["notified_at"] = timezone.now()
    CaseStudySubmission.objects.filter(pk=submission.pk).update(**updates)
    submission.refresh_from_db(
        fields=["notified_at", "notification_error", "notification_attempts"]
    )
    return not error


def notify_pending() -> tuple[int, int]:
    """Retry the notification of every submission editors have not yet been told about.
    Returns (sent, failed)."""
    sent = failed = 0
    for submission in CaseStudySubmission.objects.filter(notified_at__isnull=True).order_by("pk"):
        if notify_editors(submission):
            sent += 1
        else:
            failed += 1
    return sent, failed


def admin_url(submission: CaseStudySubmission) -> str:
    """The inbox's inspect view of a submission, when the inbox app is installed; else ''."""
    from django.apps import apps
    from django.urls import NoReverseMatch, reverse

    if not apps.is_installed("wagtail_casestudies.contrib.modeladmin"):
        return ""
    try:
        path = reverse(
            "wagtail_casestudies_casestudysubmission_modeladmin_inspect",
            args=[submission.pk],
        )
    except NoReverseMatch:
        return ""
    base = getattr(django_settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + path


# --- Turning a submission into a draft case study -------------------------------------------------


class ConversionError(Exception):
    pass


class AlreadyConverted(ConversionError):
    pass


@dataclass
class ConversionResult:
    page: CaseStudyPage
    submitted_to_workflow: bool
    unlinked_council_names: list[str] = field(default_factory=list)


def build_body(
    submission: CaseStudySubmission,
    lead_council: Council | None,
    attachments,
    *,
    flag_unplaced: bool = True,
) -> list:
    """The case-study body: one block per template section, then the attachments. A submission
    read from a document also gets its key points and local context first, each section's
    tables after it, and what could not be placed before the attachments."""
    data = submission.data
    imported = data.get("imported") or {}
    body = leading_blocks(imported)
    for section in TEMPLATE_SECTIONS:
        if section.page_field:
            continue
        block = section_block(section.key)
        value = {}
        for name, child_name in section_fields(section):
            raw = data.get(name)
            if child_name == "text":
                value[child_name] = RichText(raw or "")
            else:
                value[child_name] = block.child_blocks[child_name].to_python(raw)
        if section.key == "contact":
            if value.get("name"):
                value["council"] = lead_council
                value["publish_contact_details"] = submission.consent_publish_contact
                body.append((section.key, value))
        elif data.get(section.key):
            body.append((section.key, value))
        body.extend(section_tables(imported, section.key))
    body.extend(unplaced_blocks(imported, flagged=flag_unplaced))
    for attachment in attachments:
        if attachment.sha256 and attachment.sha256 == imported.get("document_sha256"):
            continue  # The Word document the case study was read from stays with the submission.
        if attachment.image_id:
            body.append(
                ("image", {"image": attachment.image, "alt_text": "", "caption": "", "credit": ""})
            )
        elif attachment.document_id:
            body.append(
                (
                    "document",
                    {"document": attachment.document, "title": "", "description": ""},
                )
            )
    return body


def _import_attachment(attachment: SubmissionAttachment, user) -> None:
    attachment.file.open("rb")
    try:
        content = ContentFile(attachment.file.read(), name=attachment.original_name)
    finally:
        attachment.file.close()
    # The file name is the submitter's text: it becomes the title (and default alt text).
    name = clean_text(attachment.original_name)
    title = name.rsplit(".", 1)[0][:255] or name[:255] or _("Attachment")
    # Private until the case study is published (privacy.py).
    content.name = unguessable_name(attachment.original_name)
    owner = {"uploaded_by_user": user, "collection": private_collection()}
    if attachment.kind == IMAGE:
        image = get_image_model()(title=title, file=content, **owner)
        image.save()
        attachment.image = image
    else:
        document = get_document_model()(title=title, file=content, **owner)
        document.save()
        attachment.document = document
    attachment.save(update_fields=["image", "document"])


def can_convert(user, parent) -> bool:
    return user.has_perm(CHANGE_PERMISSION) and parent.permissions_for_user(user).can_add_subpage()


def convert_submission(submission: CaseStudySubmission, parent, user) -> ConversionResult:
    """Create a draft ``CaseStudyPage`` under ``parent`` from the submission, link it, and submit
    it to the parent's moderation workflow if there is one. Converting twice is refused."""
    if not can_convert(user, parent):
        raise PermissionDenied
    if not CaseStudyPage.can_create_at(parent):
        raise ConversionError(_("A case study cannot be added under %(page)s.") % {"page": parent})
    with transaction.atomic():
        submission = CaseStudySubmission.objects.select_for_update().get(pk=submission.pk)
        if not submission.can_be_published:
            raise ConversionError(
                _(
                    "Submission %(reference)s cannot become a case study yet: its sender has "
                    "not agreed to its publication."
                )
                % {"reference": submission.reference}
            )
        if submission.is_converted:
            raise AlreadyConverted(
                _("Submission %(reference)s has already been converted.")
                % {"reference": submission.reference}
            )
        data = submission.data
        chosen = {c.pk: c for c in Council.objects.filter(pk__in=data.get("councils") or [])}
        councils = [chosen[pk] for pk in data.get("councils") or [] if pk in chosen]
        unlinked = []
        for name in data.get("council_names") or []:
            council = match_council(name)  # The register may have grown since it was sent.
            if council is None:
                unlinked.append(name)
            elif council not in councils:
                councils.append(council)

        attachments = list(submission.attachments.all())
        source_document = (data.get("imported") or {}).get("document_sha256")
        for attachment in attachments:
            if attachment.sha256 == source_document:
                continue  # Read into the page; not published as a download.
            if not (attachment.image_id or attachment.document_id):
                _import_attachment(attachment, user)

        page = CaseStudyPage(
            title=data["title"],
            slug=find_available_slug(parent, slugify(data["title"])[:200] or "case-study"),
            summary=data["summary"],
            body=build_body(submission, councils[0] if councils else None, attachments),
            live=False,
            owner=user,
        )
        for order, council in enumerate(councils):
            page.council_links.add(CaseStudyCouncil(council=council, sort_order=order))
        for order, partner in enumerate(data.get("partners") or []):
            page.partners.add(CaseStudyPartner(sort_order=order, **partner))
        topics = list(submission.topics.all())
        topic_order = {pk: i for i, pk in enumerate(data.get("topics") or [])}
        topics.sort(key=lambda t: topic_order.get(t.pk, len(topic_order)))
        # The page is in its parent's language: a Welsh submission under an English index
        # links the English topics, and the other way round, where the translations exist.
        topics = translated(topics, parent.locale_id)
        page.topics = topics
        page.main_topic = topics[0] if topics else None
        parent.add_child(instance=page)
        page.save_revision(user=user, log_action=True)

        submission.case_study = page
        submission.status = SubmissionStatus.CONVERTED
        submission.converted_at = timezone.now()
        submission.converted_by = user
        submission.save(
            update_fields=["case_study", "status", "converted_at", "converted_by", "updated_at"]
        )

        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    return ConversionResult(page, workflow is not None, unlinked)
