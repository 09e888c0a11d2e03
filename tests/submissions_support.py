"""Builders for submission tests: a complete valid submission, real files of each type, and an
email backend that always fails (configured with override_settings(EMAIL_BACKEND=...))."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.base import BaseEmailBackend
from docx import Document
from PIL import Image


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("The mail server refused the connection")


def valid_payload(councils=(), topics=(), **overrides) -> dict:
    """A complete submission as the JSON endpoint takes it."""
    payload = {
        "title": "Cornwall Council: the decision wheel",
        "summary": "Cornwall built a decision wheel with residents. Calls fell by a third.",
        "challenge": "Residents could not find the right service.\n\nCalls kept rising.",
        "solution": "<p>We built a <b>decision wheel</b> with residents and "
        '<a href="https://example.org/wheel">a university</a>.</p>',
        "impact": "<p>Calls fell by a third.</p><ul><li>£120,000 saved</li></ul>",
        "impact_cost_saving": "120000.00",
        "impact_income_generated": None,
        "impact_figures_note": "a year, 2022/23 outturn",
        "sustainability": "It is in the service plan and the budget.",
        "lessons_learned": "Involve residents from the first day.",
        "contact_name": "Alex Officer",
        "contact_job_title": "Head of Customer Services",
        "contact_organisation": "",
        "contact_email": "alex.officer@example.gov.uk",
        "contact_phone": "01234 567890",
        "councils": [council.pk for council in councils],
        "council_names": [],
        "partners": [
            {
                "name": "University of Somewhere",
                "kind": "university",
                "website": "https://uni.example.ac.uk",
            },
            {"name": "Kernow Carers", "kind": "charity", "website": ""},
        ],
        "topics": [topic.pk for topic in topics],
        "consent_publish": True,
        "consent_publish_contact": False,
    }
    payload.update(overrides)
    return payload


def as_form_data(payload: dict) -> dict:
    """The same submission as the HTML form posts it (lists repeat, partners are rows)."""
    data = {}
    for key, value in payload.items():
        if value is None or value is False:
            continue
        if key == "partners":
            for index, row in enumerate(value):
                for part, part_value in row.items():
                    data[f"partners-{index}-{part}"] = part_value
        elif key == "council_names":
            data[key] = "\n".join(value)
        elif value is True:
            data[key] = "on"
        else:
            data[key] = value
    return data


def pdf_file(name: str = "cabinet-report.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf"
    )


def docx_bytes() -> bytes:
    document = Document()
    document.add_paragraph("Consultation statement")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_file(name: str = "consultation.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, docx_bytes(), "application/octet-stream")


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def png_file(name: str = "wheel.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), "image/png")


def zip_file(name: str = "notes.docx") -> SimpleUploadedFile:
    """A plain zip archive: a .docx is a zip, but not every zip is a .docx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a word document")
    return SimpleUploadedFile(name, buffer.getvalue(), "application/zip")
