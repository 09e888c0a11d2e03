"""The intake through its real doors: the form page (a Wagtail page served at its URL) and the
JSON endpoint (``wagtail_casestudies:submit``)."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from tests import factories
from tests.submissions_support import (
    as_form_data,
    docx_file,
    pdf_file,
    png_bytes,
    png_file,
    valid_payload,
    zip_file,
)
from wagtail_casestudies.models import CaseStudySubmission
from wagtail_casestudies.submissions.models import SubmissionStatus
from wagtail_casestudies.submissions.storage import private_storage

SUBMIT_URL = "/casestudies/submit/"  # reverse("wagtail_casestudies:submit") in tests/urls.py
DELETE = object()


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def council(db):
    return factories.make_council("Cornwall Council", short_name="Cornwall")


@pytest.fixture
def topic(db):
    return factories.make_topic("Digital")


@pytest.fixture
def editor(admin_user):
    # The superuser may change submissions, so is told about new ones.
    return admin_user


@pytest.fixture
def post_json(client, django_capture_on_commit_callbacks):
    def post(payload, headers=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                SUBMIT_URL,
                data=json.dumps(payload),
                content_type="application/json",
                headers=headers or {},
                **kwargs,
            )

    return post


@pytest.fixture
def post_form(client, submission_page, django_capture_on_commit_callbacks):
    def post(data, files=None, client_=None):
        with django_capture_on_commit_callbacks(execute=True):
            return (client_ or client).post(submission_page.url, data={**data, **(files or {})})

    return post


def stored_files() -> set[str]:
    """Every attachment file in storage (which outlives each test's database rollback)."""
    if not private_storage.exists("casestudy_submissions"):
        return set()
    folders, _files = private_storage.listdir("casestudy_submissions")
    return {
        f"{folder}/{name}"
        for folder in folders
        for name in private_storage.listdir(f"casestudy_submissions/{folder}")[1]
    }


# --- A full valid submission ----------------------------------------------------------------------


def test_form_page_shows_every_template_section_labelled(client, submission_page, council):
    response = client.get(submission_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    from wagtail_casestudies.template import TEMPLATE_SECTIONS

    for section in TEMPLATE_SECTIONS:
        assert f"<h2>{section.heading}</h2>" in html.replace("&#x27;", "'")
    assert 'name="csrfmiddlewaretoken"' in html
    assert re.search(r'name="idempotency_key" value="[0-9a-f]{32}"', html)
    assert '<label for="id_challenge"' in html
    assert 'aria-describedby="id_challenge_helptext"' in html
    assert "Cornwall Council" in html
    assert "no-store" in response["Cache-Control"]


def test_full_submission_through_the_form_is_stored_and_editors_notified(
    post_form, editor, council, topic
):
    payload = valid_payload(councils=[council], topics=[topic], consent_publish_contact=True)
    files_before = stored_files()
    response = post_form(
        as_form_data(payload),
        {"documents": [pdf_file(), docx_file()], "images": [png_file()]},
    )

    assert response.status_code == 200
    submission = CaseStudySubmission.objects.get()
    assert submission.reference in response.content.decode()
    assert submission.status == SubmissionStatus.NEW
    assert submission.source == "form"
    assert submission.title == payload["title"]
    assert submission.data["challenge"] == (
        "<p>Residents could not find the right service.</p><p>Calls kept rising.</p>"
    )
    assert submission.data["impact_cost_saving"] == "120000.00"
    assert submission.data["partners"][0] == {
        "name": "University of Somewhere",
        "kind": "university",
        "website": "https://uni.example.ac.uk",
    }
    assert list(submission.councils.all()) == [council]
    assert list(submission.topics.all()) == [topic]
    assert submission.consent_publish_contact is True
    assert submission.raw_data["title"] == payload["title"]
    assert "csrfmiddlewaretoken" not in submission.raw_data
    assert submission.raw_data["files"]["documents"] == ["cabinet-report.pdf", "consultation.docx"]
    assert sorted(a.file_type for a in submission.attachments.all()) == ["docx", "pdf", "png"]
    assert len(stored_files() - files_before) == 3

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["admin@example.com"]
    assert submission.reference in message.subject
    assert "Cornwall Council" in message.body
    submission.refresh_from_db()
    assert submission.notified_at is not None
    assert submission.notification_error == ""


def test_full_submission_through_the_endpoint_returns_201_and_a_reference(
    post_json, editor, council, topic, settings
):
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_NOTIFY_EMAILS": ["casestudies@example.org"]}
    response = post_json(valid_payload(councils=[council], topics=[topic]))

    assert response.status_code == 201, response.content
    body = response.json()
    submission = CaseStudySubmission.objects.get()
    assert body == {
        "reference": submission.reference,
        "status": "received",
        "received_at": submission.created_at.isoformat(),
    }
    assert re.fullmatch(r"CS-[A-Z2-9]{4}-[A-Z2-9]{4}", submission.reference)
    assert submission.source == "api"
    assert submission.data["solution"] == (
        "<p>We built a <b>decision wheel</b> with residents and "
        '<a href="https://example.org/wheel">a university</a>.</p>'
    )
    assert [m.to for m in mail.outbox] == [["casestudies@example.org"]]


def test_endpoint_takes_multipart_with_attachments(
    client, council, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SUBMIT_URL,
            data={**as_form_data(valid_payload(councils=[council])), "images": [png_file()]},
        )
    assert response.status_code == 201, response.content
    assert CaseStudySubmission.objects.get().attachments.get().kind == "image"


def test_typed_council_names_are_matched_to_the_register_and_the_rest_kept(post_json, council):
    other = factories.make_council("Devon County Council")
    response = post_json(
        valid_payload(councils=[other], council_names=["cornwall", "Little Snoring Parish Council"])
    )
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    assert set(submission.councils.all()) == {other, council}
    assert submission.unmatched_council_names == ["Little Snoring Parish Council"]
    assert submission.data["councils"] == [other.pk]
    assert submission.data["matched_council_names"] == [
        {"name": "cornwall", "council": council.pk},
        {"name": "Little Snoring Parish Council", "council": None},
    ]


def test_html_from_the_submitter_is_sanitised(post_json, council):
    response = post_json(
        valid_payload(
            councils=[council],
            title="<i>Cornwall</i>: <script>alert('x')</script>the wheel",
            challenge='<p onclick="steal()">Hard <img src=x onerror=alert(1)>'
            '<a href="javascript:alert(1)">work</a></p><iframe src="https://evil.example"></iframe>',
        )
    )
    assert response.status_code == 201
    data = CaseStudySubmission.objects.get().data
    assert data["title"] == "Cornwall: the wheel"
    assert data["challenge"] == "<p>Hard <a>work</a></p>"


# --- Invalid submissions --------------------------------------------------------------------------

LONG = "x" * 300

INVALID_CASES = [
    ("no title", {"title": DELETE}, "title", "required"),
    ("blank title", {"title": "  "}, "title", "required"),
    ("title too long", {"title": LONG}, "title", "max_length"),
    ("summary too long", {"summary": "word " * 120}, "summary", "max_length"),
    (
        "challenge only markup",
        {"challenge": "<p><script>x()</script></p>"},
        "challenge",
        "required",
    ),
    ("no solution", {"solution": DELETE}, "solution", "required"),
    ("no impact", {"impact": ""}, "impact", "required"),
    ("no sustainability", {"sustainability": DELETE}, "sustainability", "required"),
    ("no lessons", {"lessons_learned": DELETE}, "lessons_learned", "required"),
    ("no contact name", {"contact_name": DELETE}, "contact_name", "required"),
    ("no contact email", {"contact_email": ""}, "contact_email", "required"),
    ("bad contact email", {"contact_email": "alex at council"}, "contact_email", "invalid"),
    ("negative saving", {"impact_cost_saving": "-5"}, "impact_cost_saving", "min_value"),
    ("saving not a number", {"impact_cost_saving": "lots"}, "impact_cost_saving", "invalid"),
    ("no council at all", {"councils": [], "council_names": []}, "councils", "required"),
    ("unknown council", {"councils": [987654]}, "councils", "invalid_choice"),
    ("council not an id", {"councils": ["cornwall"]}, "councils", "invalid_pk_value"),
    ("unknown topic", {"topics": [987654]}, "topics", "invalid_choice"),
    ("partner without name", {"partners": [{"kind": "charity"}]}, "partners", "required"),
    (
        "partner of unknown kind",
        {"partners": [{"name": "X", "kind": "pirates"}]},
        "partners",
        "invalid_choice",
    ),
    (
        "partner website not a URL",
        {"partners": [{"name": "X", "website": "not a url"}]},
        "partners",
        "invalid_url",
    ),
    ("partner not an object", {"partners": ["NHS Kernow"]}, "partners", "invalid"),
    (
        "too many partners",
        {"partners": [{"name": f"P{i}"} for i in range(21)]},
        "partners",
        "max_num",
    ),
    ("no consent", {"consent_publish": False}, "consent_publish", "required"),
    ("title not a string", {"title": 42}, "title", "type"),
    ("partners not a list", {"partners": "NHS Kernow"}, "partners", "type"),
    ("council names not a list", {"council_names": "Cornwall"}, "council_names", "type"),
    ("consent not a boolean", {"consent_publish": "yes"}, "consent_publish", "type"),
    ("misspelt section", {"challange": "Typo"}, "challange", "unknown"),
    ("honeypot sent to the endpoint", {"homepage": "https://spam.example"}, "homepage", "unknown"),
]


def _apply(payload: dict, overrides: dict) -> dict:
    payload = dict(payload)
    for key, value in overrides.items():
        if value is DELETE:
            payload.pop(key, None)
        else:
            payload[key] = value
    return payload


@pytest.mark.parametrize(
    "overrides, field, code",
    [case[1:] for case in INVALID_CASES],
    ids=[case[0] for case in INVALID_CASES],
)
def test_endpoint_answers_each_invalid_case_with_its_field_error(
    post_json, council, overrides, field, code
):
    response = post_json(_apply(valid_payload(councils=[council]), overrides))

    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert list(errors) == [field], errors
    assert code in [error["code"] for error in errors[field]]
    assert all(error["message"] for error in errors[field])
    assert not CaseStudySubmission.objects.exists()
    assert mail.outbox == []


def test_partner_errors_name_the_row(post_json, council):
    response = post_json(
        valid_payload(councils=[council], partners=[{"name": "Fine"}, {"website": "x"}])
    )
    messages = [e["message"] for e in response.json()["errors"]["partners"]]
    assert messages == [
        "Partner 2: give the organisation's name.",
        "Partner 2: Enter a valid URL.",
    ]


@pytest.mark.parametrize(
    "body, content_type, status, code",
    [
        ("{not json", "application/json", 400, "invalid_json"),
        ("[1, 2]", "application/json", 400, "invalid_json"),
        ("title=x", "text/plain", 415, "unsupported_media_type"),
    ],
    ids=["malformed JSON", "JSON not an object", "unsupported content type"],
)
def test_endpoint_refuses_bodies_it_cannot_read(client, db, body, content_type, status, code):
    response = client.post(SUBMIT_URL, data=body, content_type=content_type)
    assert response.status_code == status
    assert response.json()["errors"]["__all__"][0]["code"] == code


def test_endpoint_only_takes_post(client):
    assert client.get(SUBMIT_URL).status_code == 405


def test_form_shows_errors_beside_their_fields_and_keeps_what_was_typed(post_form, council):
    payload = valid_payload(councils=[council], challenge="", contact_email="nope")
    response = post_form(as_form_data(payload))

    assert response.status_code == 400
    html = response.content.decode()
    for name, message in (
        ("challenge", "This field is required."),
        ("contact_email", "Enter a valid email address."),
    ):
        start = html.index(f'id="section-{name}"')
        end = html.index('id="section-', start + 1)
        beside = html[start:end]
        assert message in beside
        assert f'id="id_{name}_error"' in beside
        assert 'aria-invalid="true"' in beside
        assert f'aria-describedby="id_{name}_helptext id_{name}_error"' in beside or (
            f'aria-describedby="id_{name}_error"' in beside
        )
    assert "There is a problem with your case study" in html
    # Nothing typed is lost.
    assert "We built a" in html and "decision wheel" in html
    assert 'value="University of Somewhere"' in html
    assert 'value="Head of Customer Services"' in html
    assert not CaseStudySubmission.objects.exists()


# --- Attachments are checked by content -----------------------------------------------------------


@pytest.mark.parametrize(
    "field, upload, code",
    [
        ("documents", lambda: png_file("report.pdf"), "file_type"),
        ("documents", lambda: zip_file("notes.docx"), "file_type"),
        ("documents", lambda: pdf_file("report.docx"), "file_type_mismatch"),
        ("documents", lambda: docx_file("report.exe"), "file_type_mismatch"),
        ("images", lambda: pdf_file("photo.png"), "file_type"),
        (
            "images",
            lambda: type(png_file())("photo.jpg", png_bytes(), "image/jpeg"),
            "file_type_mismatch",
        ),
        (
            "images",
            lambda: type(png_file())("drawing.svg", b"<svg onload='x()'/>", "image/svg+xml"),
            "file_type",
        ),
    ],
    ids=[
        "png called pdf",
        "zip called docx",
        "pdf called docx",
        "docx called exe",
        "pdf called png",
        "png called jpg",
        "svg",
    ],
)
def test_files_that_lie_about_their_type_are_refused_and_not_kept(
    client, council, field, upload, code
):
    files_before = stored_files()
    response = client.post(
        SUBMIT_URL, data={**as_form_data(valid_payload(councils=[council])), field: [upload()]}
    )
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert [e["code"] for e in errors[field]] == [code]
    assert not CaseStudySubmission.objects.exists()
    assert stored_files() == files_before


def test_attachment_size_and_count_limits(client, council, settings):
    settings.WAGTAIL_CASESTUDIES = {
        "SUBMISSION_MAX_IMAGE_SIZE": 100,
        "SUBMISSION_MAX_ATTACHMENTS": 2,
    }
    data = as_form_data(valid_payload(councils=[council]))
    files_before = stored_files()
    response = client.post(SUBMIT_URL, data={**data, "images": [png_file()]})
    assert [e["code"] for e in response.json()["errors"]["images"]] == ["file_too_large"]

    response = client.post(SUBMIT_URL, data={**data, "documents": [pdf_file() for _ in range(3)]})
    assert [e["code"] for e in response.json()["errors"]["documents"]] == ["max_num"]
    assert stored_files() == files_before


# --- Duplicates -----------------------------------------------------------------------------------


def test_repeated_idempotency_key_returns_the_first_reference(post_json, council):
    payload = valid_payload(councils=[council])
    first = post_json(payload, headers={"Idempotency-Key": "k-123"})
    again = post_json(payload, headers={"Idempotency-Key": "k-123"})

    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert CaseStudySubmission.objects.count() == 1
    assert len(mail.outbox) <= 1


def test_idempotency_key_reused_for_other_content_is_a_conflict(post_json, council):
    post_json(valid_payload(councils=[council]), headers={"Idempotency-Key": "k-9"})
    response = post_json(
        valid_payload(councils=[council], title="Something else"),
        headers={"Idempotency-Key": "k-9"},
    )
    assert response.status_code == 409
    assert response.json()["errors"]["idempotency_key"][0]["code"] == "idempotency_conflict"
    assert CaseStudySubmission.objects.count() == 1


def test_identical_payload_sent_twice_soon_is_stored_once(post_json, council):
    first = post_json(valid_payload(councils=[council]))
    second = post_json(valid_payload(councils=[council]))
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["reference"] == first.json()["reference"]
    assert CaseStudySubmission.objects.count() == 1


def test_double_submitted_form_is_stored_once(post_form, client, submission_page, council):
    key = re.search(
        r'name="idempotency_key" value="([0-9a-f]+)"',
        client.get(submission_page.url).content.decode(),
    ).group(1)
    data = {**as_form_data(valid_payload(councils=[council])), "idempotency_key": key}
    first = post_form(data)
    second = post_form(data)
    reference = CaseStudySubmission.objects.get().reference
    assert reference in first.content.decode()
    assert reference in second.content.decode()


# --- Abuse ----------------------------------------------------------------------------------------


def test_rate_limit_per_client_address(post_json, council, settings):
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_RATE_LIMIT": 2, "SUBMISSION_RATE_WINDOW": 60}
    for title in ("One", "Two"):
        assert post_json(valid_payload(councils=[council], title=title)).status_code == 201
    response = post_json(valid_payload(councils=[council], title="Three"))
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response.json()["errors"]["__all__"][0]["code"] == "rate_limited"
    # Another address still gets through.
    other = post_json(valid_payload(councils=[council], title="Four"), REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 201
    assert CaseStudySubmission.objects.count() == 3


def test_rate_limited_form_keeps_what_was_typed(post_form, council, settings):
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_RATE_LIMIT": 1}
    post_form(as_form_data(valid_payload(councils=[council])))
    response = post_form(as_form_data(valid_payload(councils=[council], title="Another one")))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many submissions" in html
    assert 'value="Another one"' in html
    assert CaseStudySubmission.objects.count() == 1


def test_honeypot_refuses_the_form_without_storing(post_form, council):
    data = {**as_form_data(valid_payload(councils=[council])), "homepage": "https://spam.example"}
    response = post_form(data)
    assert response.status_code == 400
    assert "This field must be left empty" in response.content.decode()
    assert not CaseStudySubmission.objects.exists()
    assert mail.outbox == []


def test_form_needs_a_csrf_token_but_the_endpoint_does_not(submission_page, council):
    client = Client(enforce_csrf_checks=True)
    data = as_form_data(valid_payload(councils=[council]))
    assert client.post(submission_page.url, data=data).status_code == 403
    response = client.post(
        SUBMIT_URL,
        data=json.dumps(valid_payload(councils=[council])),
        content_type="application/json",
    )
    assert response.status_code == 201


# --- Nothing is lost when email fails -------------------------------------------------------------


def test_failing_email_backend_loses_nothing_and_can_be_retried(
    post_json, editor, council, settings
):
    settings.EMAIL_BACKEND = "tests.submissions_support.FailingEmailBackend"
    response = post_json(valid_payload(councils=[council]))

    assert response.status_code == 201
    submission = CaseStudySubmission.objects.get()
    assert submission.reference == response.json()["reference"]
    assert submission.notified_at is None
    assert "ConnectionRefusedError" in submission.notification_error
    assert submission.notification_attempts == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("casestudies_notify_pending", stdout=io.StringIO())
    submission.refresh_from_db()
    assert submission.notified_at is not None
    assert submission.notification_error == ""
    assert submission.notification_attempts == 2
    assert len(mail.outbox) == 1


def test_no_one_to_notify_is_recorded_not_raised(post_json, council):
    response = post_json(valid_payload(councils=[council]))
    assert response.status_code == 201
    submission = CaseStudySubmission.objects.get()
    assert submission.notified_at is None
    assert "No one to notify" in submission.notification_error
