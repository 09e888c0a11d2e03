"""The intake's two doors, the HTML form page and the JSON endpoint (each also taking a Word
document, read by ``importing``), and the template downloads.

Both doors run the same steps (``_process``): rate limit, ``SubmissionForm``, store, reference.
"""

from __future__ import annotations

import json
import re
import uuid
from contextlib import nullcontext
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings as django_settings
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site

from ..conf import settings as casestudy_settings
from ..importing.intake import read_submission
from ..importing.word_file import check_word_file, reading_errors
from .docx import DOCX_CONTENT_TYPE, build_template_document
from .files import DOCUMENT, FILE_TYPES, CheckedFile
from .forms import HONEYPOT_FIELD, IDEMPOTENCY_FIELD, SubmissionForm
from .models import CaseStudySubmissionPage, SubmissionSource, SubmissionStatus
from .sanitise import clean_text
from .schema import NOT_IN_SCHEMA, field_schema, submission_schema
from .services import (
    IdempotencyConflict,
    complete_submission,
    completion_token,
    notify_sender,
    rate_limit_exceeded,
    store_submission,
    submission_to_complete,
)

JSON_TYPES = {
    "string": str,
    "boolean": bool,
    "array": list,
    "object": dict,
    "null": type(None),
}
# Not kept in raw_data: Django's CSRF token and the honeypot.
NOT_KEPT = {"csrfmiddlewaretoken", HONEYPOT_FIELD}
# Where errors about a Word document itself (not its contents) are reported.
WORD_FIELD = "document"
# The form page's "send us your filled-in template instead" upload.
WORD_UPLOAD_FIELD = "word_document"
# The query parameter (and the form's hidden field) carrying the link's completion token.
COMPLETE_PARAMETER = "complete"


@dataclass
class Outcome:
    form: SubmissionForm
    submission: object = None
    created: bool = False
    conflict: object = None


def _with_idempotency_header(request, data):
    """The form's data with the ``Idempotency-Key`` header, when sent, as its idempotency field:
    the header then passes the field's checks (at most 255 characters) instead of being cut
    short, which let two different keys collide."""
    header = request.headers.get("Idempotency-Key")
    if not header:
        return data
    data = data.copy()  # request.POST is immutable
    data[IDEMPOTENCY_FIELD] = header
    return data


def _process(
    request,
    form: SubmissionForm,
    *,
    source: str,
    raw_data: dict,
    extra_data: dict | None = None,
    document_name: str = "",
) -> Outcome:
    """Validate and store. A Word document (``document_name``) is stored even when the form
    finds something missing, as an incomplete submission its sender can complete: a readable
    document is never lost."""
    valid = form.is_valid()
    if not valid and (not document_name or HONEYPOT_FIELD in form.errors):
        return Outcome(form)
    extra_data = dict(extra_data or {})
    source_document = extra_data.pop("source_document", None)
    try:
        result = store_submission(
            form,
            raw_data=raw_data,
            source=source,
            idempotency_key=form.cleaned_data.get(IDEMPOTENCY_FIELD) or None,
            extra_data=extra_data,
            incomplete=not valid,
            fallback_title=document_name,
            source_document=source_document,
        )
    except IdempotencyConflict as conflict:
        return Outcome(form, conflict=conflict.submission)
    return Outcome(form, submission=result.submission, created=result.created)


def _completion_url(request, submission, page=None) -> str:
    """The absolute address of the form page that completes ``submission`` ('' when the site
    has no live submission page)."""
    if page is None:
        site = Site.find_for_request(request)
        pages = CaseStudySubmissionPage.objects.live().public()
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        page = pages.order_by("path").first()
        if page is None:
            return ""
    url = page.get_full_url(request) or request.build_absolute_uri(page.get_url(request))
    return f"{url}?{urlencode({COMPLETE_PARAMETER: completion_token(submission)})}"


def _tell_sender(outcome: Outcome, complete_url: str) -> None:
    """Email the sender of a new incomplete submission the link that completes it."""
    submission = outcome.submission
    if outcome.created and submission.status == SubmissionStatus.INCOMPLETE and complete_url:
        transaction.on_commit(lambda: notify_sender(submission, complete_url))


def _raw_from_querydict(request) -> dict:
    raw = {
        key: values if len(values) > 1 else values[0]
        for key, values in request.POST.lists()
        if key not in NOT_KEPT
    }
    if request.FILES:
        raw["files"] = {
            key: [upload.name for upload in uploads] for key, uploads in request.FILES.lists()
        }
    return raw


# --- The JSON endpoint ---------------------------------------------------------------------------


def _error(message: str, code: str, status: int, field: str = "__all__", **kwargs) -> JsonResponse:
    return JsonResponse(
        {"errors": {field: [{"message": message, "code": code}]}}, status=status, **kwargs
    )


def _check_json_types(payload: dict, form: SubmissionForm) -> dict:
    """Errors for unknown keys and values of the wrong JSON type, from the schema's types."""
    errors: dict[str, list] = {}
    for key, value in payload.items():
        form_field = form.fields.get(key)
        if form_field is None or key in NOT_IN_SCHEMA:
            errors[key] = [
                {"message": _("This is not a field of the template."), "code": "unknown"}
            ]
            continue
        expected = field_schema(form_field).get("type")
        if expected is None or value is None:
            continue
        names = expected if isinstance(expected, list) else [expected]
        if any(_is_json_type(value, name) for name in names):
            continue
        errors[key] = [
            {
                "message": _("Expected %(types)s.") % {"types": _(" or ").join(names)},
                "code": "type",
            }
        ]
    return errors


def _is_json_type(value, name: str) -> bool:
    if name in ("number", "integer"):
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, JSON_TYPES[name])


def _success_body(submission, complete_url: str = "") -> dict:
    if submission.status != SubmissionStatus.INCOMPLETE:
        return {
            "reference": submission.reference,
            "status": "received",
            "received_at": submission.created_at.isoformat(),
        }
    return {
        "reference": submission.reference,
        "status": "incomplete",
        "received_at": submission.created_at.isoformat(),
        "missing": submission.missing,
        "complete_url": complete_url or None,
    }


@csrf_exempt  # No cookies or sessions are involved; headless front ends post from their servers.
@require_http_methods(["POST"])
def submit(request):
    """POST a case study as JSON (or multipart/form-data with attachments).

    201 with ``{"reference": …}`` when stored; 200 with the same body for a repeat (same
    Idempotency-Key, or the same payload again soon); 400 with field errors; 409 when an
    Idempotency-Key is reused for different content; 413, 415 and 429 as usual.
    """
    if rate_limit_exceeded(request):
        window = casestudy_settings.SUBMISSION_RATE_WINDOW
        return _error(
            _("Too many submissions from your address. Please try again later."),
            "rate_limited",
            429,
            headers={"Retry-After": str(window)},
        )
    if request.content_type == "application/json":
        try:
            payload = json.loads(request.body or b"{}")
            # "\ud800" is valid JSON but not text: refuse it here, not deep in the sanitiser.
            json.dumps(payload, ensure_ascii=False).encode()
        except RequestDataTooBig:
            return _error(_("The submission is too large."), "too_large", 413)
        except (ValueError, RecursionError):  # incl. UnicodeDecodeError, UnicodeEncodeError
            return _error(_("The body is not valid JSON."), "invalid_json", 400)
        if not isinstance(payload, dict):
            return _error(_("Send a JSON object."), "invalid_json", 400)
        form = SubmissionForm(
            _with_idempotency_header(request, {k: v for k, v in payload.items() if v is not None})
        )
        type_errors = _check_json_types(payload, form)
        if type_errors:
            return JsonResponse({"errors": type_errors}, status=400)
        raw_data = {k: v for k, v in payload.items() if k not in NOT_KEPT}
    elif request.content_type == DOCX_CONTENT_TYPE:
        return _submit_word(request)
    elif request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        try:
            form = SubmissionForm(_with_idempotency_header(request, request.POST), request.FILES)
        except RequestDataTooBig:
            return _error(_("The submission is too large."), "too_large", 413)
        except TooManyFieldsSent:
            return _error(_("The submission has too many fields."), "too_many_fields", 400)
        except TooManyFilesSent:
            return _error(_("The submission has too many files."), "too_many_files", 400)
        raw_data = _raw_from_querydict(request)
    else:
        return _error(
            _(
                "Send application/json, multipart/form-data with attachments, or the filled-in "
                "template as %(docx)s."
            )
            % {"docx": DOCX_CONTENT_TYPE},
            "unsupported_media_type",
            415,
        )

    return _answer(_process(request, form, source=SubmissionSource.API, raw_data=raw_data))


def _answer(outcome: Outcome, complete_url: str = "") -> JsonResponse:
    """The endpoint's answer for a processed submission, whichever way it was sent."""
    form = outcome.form
    if outcome.conflict is not None:
        return _error(
            _("This Idempotency-Key was already used for a different submission."),
            "idempotency_conflict",
            409,
            field=IDEMPOTENCY_FIELD,
        )
    if outcome.submission is None:
        return JsonResponse({"errors": form.json_errors()}, status=400)
    response = JsonResponse(
        _success_body(outcome.submission, complete_url), status=201 if outcome.created else 200
    )
    if not outcome.created:
        response["Idempotent-Replayed"] = "true"
    return response


def _document_name(request) -> str:
    """The file name the client gave (Content-Disposition), or a neutral one."""
    disposition = request.headers.get("Content-Disposition", "")
    match = re.search(r'filename="?([^";]+)"?', disposition)
    name = clean_text(match.group(1)) if match else ""
    name = name.replace("/", "_").replace("\\", "_")[:200]
    return name if name.lower().endswith(".docx") else "case-study.docx"


def _submit_word(request) -> JsonResponse:
    """The filled-in template (or any Word document written to its headings) as the body."""
    limit = casestudy_settings.SUBMISSION_MAX_DOCUMENT_SIZE
    # Read past Django's DATA_UPLOAD_MAX_MEMORY_SIZE (for form fields, not files), up to the
    # document limit and one byte more, so "too large" is told apart from "just fits".
    content = request.read(limit + 1)
    name = _document_name(request)
    try:
        form, extra_data = _read_word(content, name)
    except ValidationError as error:
        return _error(error.messages[0], error.code, 400, field=WORD_FIELD)
    # The Idempotency-Key header goes through the form's field, as for JSON.
    form.data = _with_idempotency_header(request, form.data)
    raw_data = {"document": name, "read": dict(form.data.items())}
    outcome = _process(
        request,
        form,
        source=SubmissionSource.WORD,
        raw_data=raw_data,
        extra_data=extra_data,
        document_name=name,
    )
    complete_url = ""
    if outcome.created and outcome.submission.status == SubmissionStatus.INCOMPLETE:
        # Only to whoever sent it: the same document sent again by anyone gets the reference,
        # never the link (which shows what the document holds and completes it).
        complete_url = _completion_url(request, outcome.submission)
        _tell_sender(outcome, complete_url)
    return _answer(outcome, complete_url)


def _read_word(content: bytes, name: str) -> tuple[SubmissionForm, dict]:
    """The bound form and extra data for a Word document; ValidationError (the document is
    refused, or cannot be read) and nothing else. The document itself is not one of the form's
    attachments: it is kept as it came (``source_document``), whatever they go through."""
    check_word_file(content, name)
    with reading_errors(name):
        form, extra_data = read_submission(content, name)
    source, *others = form.files.getlist("documents")
    form.files.setlist("documents", others)
    checked = CheckedFile(file_type=FILE_TYPES["docx"], size=len(content))
    extra_data["source_document"] = (DOCUMENT, source, checked)
    return form, extra_data


# --- The template downloads ----------------------------------------------------------------------


def _template_language(request):
    """The language a template download is built in: the one asked for with ``?locale=`` (a
    Welsh page links the Welsh template whatever the browser prefers), else the request's own.
    LookupError: an unsupported one."""
    code = request.GET.get("locale")
    if code is None:
        return nullcontext()
    return translation.override(translation.get_supported_language_variant(code))


def _unknown_locale(request) -> JsonResponse:
    codes = ", ".join(code for code, _name in django_settings.LANGUAGES)
    message = f"Unknown locale {request.GET.get('locale')!r}: use one of {codes}."
    return JsonResponse({"message": message, "parameter": "locale"}, status=400)


@require_GET
def template_schema(request):
    try:
        language = _template_language(request)
    except LookupError:
        return _unknown_locale(request)
    with language:
        schema = submission_schema(request)
        content_language = translation.get_language()
    response = JsonResponse(schema, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Type"] = "application/schema+json"
    # The language it is written in (LocaleMiddleware would say the request's, even for ?locale=).
    response["Content-Language"] = content_language
    patch_cache_control(response, public=True, max_age=300)
    return response


@require_GET
def template_docx(request):
    try:
        language = _template_language(request)
    except LookupError:
        return _unknown_locale(request)
    with language:
        document = build_template_document()
        content_language = translation.get_language()
    response = HttpResponse(document, content_type=DOCX_CONTENT_TYPE)
    response["Content-Language"] = content_language
    response["Content-Disposition"] = 'attachment; filename="case-study-template.docx"'
    patch_cache_control(response, public=True, max_age=300)
    return response


# --- The form page -------------------------------------------------------------------------------


def _word_from_page(request, upload) -> tuple[SubmissionForm | None, dict | None, str]:
    """``(form, extra_data, "")`` for a Word document uploaded on the form page, the consent
    boxes ticked on the page counting as ticked in the document; ``(None, None, why)`` when the
    document is refused."""
    limit = casestudy_settings.SUBMISSION_MAX_DOCUMENT_SIZE
    content = upload.read(limit + 1)
    try:
        form, extra_data = _read_word(content, upload.name)
    except ValidationError as error:
        return None, None, error.messages[0]
    for name in ("consent_publish", "consent_publish_contact"):
        if request.POST.get(name):
            form.data[name] = True
    form.data[IDEMPOTENCY_FIELD] = request.POST.get(IDEMPOTENCY_FIELD, "")
    form.data[HONEYPOT_FIELD] = request.POST.get(HONEYPOT_FIELD, "")
    return form, extra_data, ""


def _render(request, template, context, status=200) -> TemplateResponse:
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _completion_page(request, template, context, submission, form=None, status=200):
    """The form, bound to what an incomplete submission holds (rich text as plain text), with
    what it still needs shown as errors beside their fields; sending it completes the
    submission."""
    if form is None:
        form = SubmissionForm(data=SubmissionForm.data_from_submission(submission))
        form.is_valid()  # to show what is still missing beside its field
    context.update(form=form, completing=submission, completion_token=completion_token(submission))
    return _render(request, template, context, status)


def _serve_completion(page, request, context, template, token: str):
    submission = submission_to_complete(token)
    if submission is None:
        context.update(
            completion_expired=True,
            form=SubmissionForm(initial={IDEMPOTENCY_FIELD: uuid.uuid4().hex}),
        )
        return _render(request, template, context, 404)
    if request.method != "POST":
        return _completion_page(request, template, context, submission)
    form = SubmissionForm(request.POST, request.FILES)
    if rate_limit_exceeded(request):
        form.full_clean()
        form.add_error(None, _("Too many submissions from your address. Please try again later."))
        return _completion_page(request, template, context, submission, form, 429)
    if not form.is_valid():
        context["files_need_choosing_again"] = bool(request.FILES)
        return _completion_page(request, template, context, submission, form, 400)
    submission = complete_submission(submission, form)
    context.update(submission=submission, created=True)
    return _render(request, page.get_landing_page_template(request), context)


def serve_submission_page(page, request, *args, **kwargs):
    """GET shows the form; POST validates it with the same steps as the endpoint and shows the
    reference, or the form again with every error beside its field (and nothing typed lost).

    A Word document uploaded here is stored even when something is missing; the page then
    shows what was read, with what is missing, for its sender to complete (``?complete=``, the
    link also emailed to the contact the document names)."""
    context = page.get_context(request, *args, **kwargs)
    template = page.get_template(request, *args, **kwargs)
    status = 200
    context["word_idempotency_key"] = uuid.uuid4().hex
    token = (request.POST if request.method == "POST" else request.GET).get(COMPLETE_PARAMETER)
    if token:
        return _serve_completion(page, request, context, template, token)
    if request.method == "POST":
        form = SubmissionForm(_with_idempotency_header(request, request.POST), request.FILES)
        word_upload = request.FILES.get(WORD_UPLOAD_FIELD)
        if rate_limit_exceeded(request):
            form.full_clean()
            form.add_error(
                None, _("Too many submissions from your address. Please try again later.")
            )
            status = 429
        else:
            extra_data, source, raw_data = None, SubmissionSource.FORM, None
            if word_upload is not None:
                form, extra_data, word_error = _word_from_page(request, word_upload)
                source, raw_data = SubmissionSource.WORD, {"document": word_upload.name}
            if word_upload is not None and form is None:
                # Refused: say why beside the upload, and show the form empty.
                context["word_error"] = word_error
                form = SubmissionForm(initial={IDEMPOTENCY_FIELD: uuid.uuid4().hex})
                outcome = Outcome(form)
            else:
                outcome = _process(
                    request,
                    form,
                    source=source,
                    raw_data=raw_data or _raw_from_querydict(request),
                    extra_data=extra_data,
                    document_name=word_upload.name if word_upload is not None else "",
                )
            submission = outcome.submission
            if outcome.conflict is not None:
                form.add_error(
                    None,
                    _(
                        "This form was already sent with different answers. Reload the page to "
                        "send a new case study."
                    ),
                )
            elif outcome.created and submission.status == SubmissionStatus.INCOMPLETE:
                _tell_sender(outcome, _completion_url(request, submission, page))
                return _completion_page(request, template, context, submission)
            elif submission is not None:
                context.update({"submission": submission, "created": outcome.created})
                return _render(request, page.get_landing_page_template(request), context)
            else:
                status = 400
        context["files_need_choosing_again"] = bool(request.FILES) and word_upload is None
    else:
        form = SubmissionForm(initial={IDEMPOTENCY_FIELD: uuid.uuid4().hex})
    context["form"] = form
    return _render(request, template, context, status)
