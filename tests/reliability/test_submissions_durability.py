"""No lost submissions: concurrent writers, a crash between storing and notifying, a full disk
while storing, and oversized or malicious uploads.

The concurrency and crash-by-process-death tests need PostgreSQL: real concurrent transactions
and a database a second process can see. They are skipped, with that reason, on SQLite.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.reliability.conftest import SCALE
from tests.reliability.support import CRASH_STATUS
from tests.submissions_support import as_form_data, docx_bytes, pdf_file, png_bytes, valid_payload
from tests.word_hostile_support import png_from_chunks
from wagtail_casestudies.models import CaseStudySubmission
from wagtail_casestudies.submissions.models import SubmissionAttachment

SUBMIT_URL = "/casestudies/submit/"
EDITORS = ["editors@example.gov.uk"]
ROOT = Path(__file__).resolve().parents[2]

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: real concurrent transactions and a database another process sees",
)

# Real commits that other connections see, so transactional tests. serialized_rollback: each
# starts from the migrated database's data (content types, root page, site) and leaves it for
# the next to restore; a plain transactional test's flush would make content types afresh with
# new ids, and a later test restoring the originals (tests/test_card_cache.py's concurrency test,
# the migration tests) would fail on the duplicates.
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WRITERS = 8
SUBMISSIONS_PER_WRITER = 5 * SCALE  # RELIABILITY_EXAMPLES scales the load too


@pytest.fixture
def endpoint_settings(settings):
    settings.WAGTAIL_CASESTUDIES = {
        "SUBMISSION_RATE_LIMIT": 10**9,
        "SUBMISSION_NOTIFY_EMAILS": EDITORS,
    }
    return settings


@pytest.fixture
def council(db):
    return factories.make_council("Cornwall Council", short_name="Cornwall")


def run_writers(count, send):
    """Run ``send(writer)`` in ``count`` threads that start together; each thread has its own
    database connection, closed when it ends. Returns what each returned (or raised)."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def writer(index):
        try:
            barrier.wait()
            results[index] = send(index)
        except Exception as error:  # noqa: BLE001 - reported by the assertions below
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def post_json(client, payload, **headers):
    return client.post(
        SUBMIT_URL, data=json.dumps(payload), content_type="application/json", headers=headers
    )


# --- Concurrent writers ---------------------------------------------------------------------------


@needs_postgres
@committing
def test_concurrent_writers_each_store_every_submission_exactly_once(
    council, endpoint_settings, figures
):
    def send(writer):
        client = Client()
        answers = []
        for n in range(SUBMISSIONS_PER_WRITER):
            payload = valid_payload(councils=[council], title=f"Writer {writer}: case {n}")
            response = post_json(client, payload, **{"Idempotency-Key": f"w{writer}-n{n}"})
            answers.append((response.status_code, response.json().get("reference")))
        return answers

    results = run_writers(WRITERS, send)
    answers = [answer for result in results for answer in result]
    total = WRITERS * SUBMISSIONS_PER_WRITER
    assert [status for status, _ref in answers] == [201] * total, results
    references = {reference for _status, reference in answers}
    assert len(references) == total
    stored = CaseStudySubmission.objects.all()
    assert stored.count() == total
    assert set(stored.values_list("reference", flat=True)) == references
    assert sorted(stored.values_list("title", flat=True)) == sorted(
        f"Writer {w}: case {n}" for w in range(WRITERS) for n in range(SUBMISSIONS_PER_WRITER)
    )
    # Each was notified once, after its commit.
    assert len(mail.outbox) == total
    assert not stored.filter(notified_at__isnull=True).exists()
    figures.add("durability", "concurrent writers", WRITERS)
    figures.add("durability", "concurrent submissions stored", total)


@needs_postgres
@committing
@pytest.mark.parametrize("with_key", [True, False], ids=["same Idempotency-Key", "same payload"])
def test_the_same_submission_sent_by_every_writer_at_once_is_stored_once(
    council, endpoint_settings, figures, with_key
):
    payload = valid_payload(councils=[council])
    headers = {"Idempotency-Key": "one-key-for-all"} if with_key else {}

    def send(writer):
        response = post_json(Client(), payload, **headers)
        return response.status_code, response.json().get("reference")

    results = run_writers(WRITERS, send)
    statuses = sorted(status for status, _ref in results)
    assert statuses == [200] * (WRITERS - 1) + [201], results
    assert len({reference for _status, reference in results}) == 1
    assert CaseStudySubmission.objects.count() == 1
    assert len(mail.outbox) == 1
    figures.add("durability", "racing duplicate submissions", WRITERS)


# --- A crash between storing and notifying --------------------------------------------------------


def inbox_row(client, submission) -> str:
    html = client.get(
        reverse("wagtail_casestudies_casestudysubmission_modeladmin_index")
    ).content.decode()
    start = html.index(submission.reference)
    return html[start : html.index("</tr>", start)]


def assert_inbox_shows_not_notified(admin_client, submission):
    row = inbox_row(admin_client, submission)
    assert 'alt="False"' in row or "icon-cross" in row or "icon-no" in row, row


@pytest.mark.django_db
def test_mail_server_down_after_storing_loses_nothing_and_notifies_later(
    client, admin_client, council, endpoint_settings, figures, django_capture_on_commit_callbacks
):
    endpoint_settings.EMAIL_BACKEND = "tests.submissions_support.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(client, valid_payload(councils=[council]))
    assert response.status_code == 201
    submission = CaseStudySubmission.objects.get(reference=response.json()["reference"])
    assert submission.notified_at is None
    assert "ConnectionRefusedError" in submission.notification_error
    assert_inbox_shows_not_notified(admin_client, submission)

    endpoint_settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("casestudies_notify_pending", stdout=io.StringIO())
    submission.refresh_from_db()
    assert submission.notified_at is not None and submission.notification_error == ""
    assert [message.to for message in mail.outbox] == [EDITORS]
    assert submission.reference in mail.outbox[0].subject
    figures.add("durability", "notification failures recovered", 1)


@needs_postgres
@committing
def test_process_killed_after_storing_loses_nothing_and_notifies_later(
    admin_client, council, endpoint_settings, figures
):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    if db.get("PASSWORD"):
        url = url.replace("@", f":{db['PASSWORD']}@", 1)
    payload = valid_payload(councils=[council], title="Sent as the server died")
    result = subprocess.run(
        [sys.executable, "-m", "tests.reliability.crash_submit", json.dumps(payload)],
        env={**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == CRASH_STATUS, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""  # the client never got an answer

    # The submission was committed before the process died: nothing is lost.
    submission = CaseStudySubmission.objects.get(title="Sent as the server died")
    assert submission.notified_at is None and submission.notification_attempts == 0
    assert_inbox_shows_not_notified(admin_client, submission)

    call_command("casestudies_notify_pending", stdout=io.StringIO())
    submission.refresh_from_db()
    assert submission.notified_at is not None
    assert [message.to for message in mail.outbox] == [EDITORS]
    figures.add("durability", "crashed processes recovered", 1)


@pytest.mark.django_db
def test_disk_full_while_storing_keeps_no_row_and_no_file(council, endpoint_settings):
    endpoint_settings.STORAGES = {
        **endpoint_settings.STORAGES,
        "wagtail_casestudies_submissions": {"BACKEND": "tests.reliability.support.FullDiskStorage"},
    }
    client = Client(raise_request_exception=False)
    data = {
        **as_form_data(valid_payload(councils=[council])),
        "documents": [pdf_file()],
        "images": [SimpleUploadedFile("wheel.png", png_bytes(), "image/png")],
    }
    response = client.post(SUBMIT_URL, data=data)
    assert response.status_code == 500  # an honest server error; the client may retry
    assert not CaseStudySubmission.objects.exists()
    assert not SubmissionAttachment.objects.exists()
    from wagtail_casestudies.submissions.storage import private_storage

    assert private_storage.listdir("") == ([], []) or not any(
        private_storage.listdir(f"casestudy_submissions/{folder}")[1]
        for folder in private_storage.listdir("casestudy_submissions")[0]
    )


# --- Oversized and malicious uploads ------------------------------------------------------------


def png_bomb(width=200_000, height=200_000) -> bytes:
    """A few hundred bytes that claim to be a 40-gigapixel PNG."""
    return png_from_chunks(width, height, zlib.compress(b"\x00" * 1000))


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_with(extra: dict[str, bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    return zip_bytes({**entries, **extra})


MALICIOUS = {
    "decompression bomb PNG": ("images", "huge.png", png_bomb),
    "zip bomb named .docx": (
        "documents",
        "bomb.docx",
        lambda: docx_with({"word/media/filler.bin": b"\x00" * (40 * 1024 * 1024)}),
    ),
    "macro-enabled Word file named .docx": (
        "documents",
        "invoice.docx",
        lambda: docx_with({"word/vbaProject.bin": b'Attribute VB_Name = "x"\n' * 10}),
    ),
    "HTML named .pdf": ("documents", "report.pdf", lambda: b"<html><script>alert(1)</script>"),
    "SVG named .png": (
        "images",
        "logo.png",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ),
    "Windows program named .pdf": ("documents", "report.pdf", lambda: b"MZ\x90\x00" + b"\x00" * 60),
    "PNG named .pdf": ("documents", "report.pdf", png_bytes),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(MALICIOUS), ids=list(MALICIOUS))
def test_malicious_uploads_are_refused_leaving_no_file(
    client, council, endpoint_settings, tmp_path, case, figures
):
    endpoint_settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    endpoint_settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # stream anything larger to disk
    field, name, content = MALICIOUS[case]
    data = {
        **as_form_data(valid_payload(councils=[council])),
        field: [SimpleUploadedFile(name, content())],
    }
    response = client.post(SUBMIT_URL, data=data)
    assert response.status_code == 400, (case, response.status_code, response.content[:300])
    assert response.json()["errors"][field][0]["code"] in ("file_type", "image_too_many_pixels")
    assert not CaseStudySubmission.objects.exists()
    assert not SubmissionAttachment.objects.exists()
    assert not list(tmp_path.iterdir()), "a temporary upload file was left behind"
    figures.add("durability", "malicious uploads refused", 1)


@pytest.mark.django_db
def test_oversized_uploads_are_refused_leaving_no_file(
    client, council, endpoint_settings, tmp_path, figures
):
    endpoint_settings.WAGTAIL_CASESTUDIES = {
        **endpoint_settings.WAGTAIL_CASESTUDIES,
        "SUBMISSION_MAX_DOCUMENT_SIZE": 64 * 1024,
    }
    endpoint_settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    endpoint_settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    big = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024)
    data = {
        **as_form_data(valid_payload(councils=[council])),
        "documents": [SimpleUploadedFile("big.pdf", big)],
    }
    response = client.post(SUBMIT_URL, data=data)
    assert response.status_code == 400
    assert response.json()["errors"]["documents"][0]["code"] == "file_too_large"
    assert not CaseStudySubmission.objects.exists()
    assert not list(tmp_path.iterdir()), "a temporary upload file was left behind"
    figures.add("durability", "oversized uploads refused", 1)


@pytest.mark.django_db
def test_a_hostile_file_name_is_stored_inside_the_submissions_folder(
    client, council, endpoint_settings
):
    data = {
        **as_form_data(valid_payload(councils=[council])),
        "documents": [SimpleUploadedFile("../../../etc/<b>passwd</b>.pdf", pdf_file().read())],
    }
    response = client.post(SUBMIT_URL, data=data)
    assert response.status_code == 201, response.content
    attachment = SubmissionAttachment.objects.get()
    assert attachment.file.name.startswith("casestudy_submissions/")
    assert ".." not in attachment.file.name.split("/")
    assert "<" not in attachment.file.name
