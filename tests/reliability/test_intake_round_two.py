"""The second security round's holes in the submission intake and the admin exports (issue 15):
ids past 64 bits, forged lines in single-line fields, markup in URLs, an over-long Idempotency-Key
header, and spreadsheet formulas in CSV exports.

Each test here failed before its fix.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from tests.submissions_support import as_form_data, valid_payload
from wagtail_casestudies.models import CaseStudyPartner, CaseStudySubmission, Council

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/casestudies/submit/"
INBOX_INDEX = "wagtail_casestudies_casestudysubmission_modeladmin_index"


@pytest.fixture(autouse=True)
def open_endpoint(settings):
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_RATE_LIMIT": 10**9}


@pytest.fixture
def register(db):
    return factories.make_council("Cornwall Council"), factories.make_topic("Digital")


def post_json(client, payload, **headers):
    return client.post(
        SUBMIT_URL, data=json.dumps(payload), content_type="application/json", headers=headers
    )


def error_codes(response, field: str) -> list[str]:
    assert response.status_code == 400, response.content[:300]
    errors = response.json()["errors"]
    assert field in errors, errors
    return [error["code"] for error in errors[field]]


# --- 2. Ids past 64 bits, floats and negatives --------------------------------------------------

HOSTILE_IDS = [
    "9223372036854775808",  # 2**63: one past the largest bigint
    2**63,
    -(2**63) - 1,
    "-9223372036854775809",
    10**40,
    1e20,
    "1e20",
    1.5,
    -1,
    0,
]


@pytest.mark.parametrize("field", ["councils", "topics"])
@pytest.mark.parametrize("value", HOSTILE_IDS, ids=repr)
def test_hostile_ids_are_refused_naming_the_field_in_json(client, register, field, value):
    council, topic = register
    payload = valid_payload(councils=[council], topics=[topic])
    payload[field] = [value]
    response = post_json(client, payload)
    assert error_codes(response, field), response.content
    assert not CaseStudySubmission.objects.exists()


@pytest.mark.parametrize("field", ["councils", "topics"])
@pytest.mark.parametrize("value", ["9223372036854775808", "-9223372036854775809", "1e20", "9" * 40])
def test_hostile_ids_are_refused_naming_the_field_in_the_form(client, register, field, value):
    council, topic = register
    data = as_form_data(valid_payload(councils=[council], topics=[topic]))
    data[field] = [value]
    response = client.post(SUBMIT_URL, data=data)
    assert error_codes(response, field)


# --- 9. Control characters in single-line fields ------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", "Cornwall Council: a wheel\nBcc: everyone@example.org"),
        ("title", "Cornwall Council: a wheel\rSubject: urgent"),
        ("contact_name", "Alex\r\nSubject: urgent"),
        ("contact_job_title", "Head\u2028of services"),
        ("contact_phone", "01234\x0b567890"),
    ],
)
def test_single_line_fields_refuse_line_breaks_and_control_characters(
    client, register, field, value
):
    council, topic = register
    response = post_json(
        client, valid_payload(councils=[council], topics=[topic], **{field: value})
    )
    assert error_codes(response, field) == ["control_characters"]


def test_a_partner_name_with_a_line_break_is_refused(client, register):
    council, topic = register
    partners = [{"name": "Kernow\nCarers", "kind": "charity", "website": ""}]
    response = post_json(
        client, valid_payload(councils=[council], topics=[topic], partners=partners)
    )
    assert error_codes(response, "partners") == ["control_characters"]


def test_council_names_are_lines_so_a_line_break_only_separates_them(client, register):
    council, topic = register
    payload = valid_payload(
        councils=[council], topics=[topic], council_names=["Little Snoring\nParish Council"]
    )
    response = post_json(client, payload)
    assert response.status_code == 201
    submission = CaseStudySubmission.objects.get()
    assert submission.data["council_names"] == ["Little Snoring", "Parish Council"]


def test_multi_line_sections_keep_their_line_breaks(client, register):
    council, topic = register
    response = post_json(client, valid_payload(councils=[council], topics=[topic]))
    assert response.status_code == 201


# --- 6. URLs are http or https URLs, with no markup ---------------------------------------------

BAD_WEBSITES = [
    'https://example.org/"><script>alert(1)</script>',
    "https://example.org/<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "ftp://example.org/file",
    "data:text/html,<script>alert(1)</script>",
    "https://example.org/a'b",
]


@pytest.mark.parametrize("website", BAD_WEBSITES)
def test_a_partner_website_must_be_a_plain_http_url_at_intake(client, register, website):
    council, topic = register
    partners = [{"name": "Kernow Carers", "kind": "charity", "website": website}]
    response = post_json(
        client, valid_payload(councils=[council], topics=[topic], partners=partners)
    )
    assert "invalid_url" in error_codes(response, "partners")


def test_a_good_partner_website_is_kept(client, register):
    council, topic = register
    partners = [
        {"name": "Kernow Carers", "kind": "charity", "website": "kernowcarers.org.uk/about?x=1"}
    ]
    response = post_json(
        client, valid_payload(councils=[council], topics=[topic], partners=partners)
    )
    assert response.status_code == 201
    stored = CaseStudySubmission.objects.get().data["partners"][0]["website"]
    assert stored == "https://kernowcarers.org.uk/about?x=1"


@pytest.mark.parametrize("website", BAD_WEBSITES)
def test_a_website_with_markup_is_refused_by_the_models_that_hold_one(website):
    """The admin's forms validate through the model fields, so this is what an editor meets."""
    partner = CaseStudyPartner(name="Kernow Carers", kind="charity", website=website)
    with pytest.raises(ValidationError) as raised:
        partner.full_clean(exclude=["page"])
    assert "website" in raised.value.message_dict
    council = Council(name="Cornwall Council", slug="cornwall", website=website)
    with pytest.raises(ValidationError) as raised:
        council.full_clean()
    assert "website" in raised.value.message_dict


def test_the_council_editor_refuses_a_website_with_markup(admin_client, db):
    council = factories.make_council("Cornwall Council")
    url = reverse("wagtailsnippets_wagtail_casestudies_council:edit", args=[council.pk])
    form = admin_client.get(url).context["form"]
    data = {
        name: form[name].value() if form[name].value() is not None else "" for name in form.fields
    }
    data["website"] = BAD_WEBSITES[0]
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "website" in response.context["form"].errors
    council.refresh_from_db()
    assert council.website == ""


# --- 12. The Idempotency-Key header is checked like the form field ------------------------------


def test_an_idempotency_key_header_over_255_characters_is_refused(client, register):
    council, topic = register
    payload = valid_payload(councils=[council], topics=[topic])
    response = post_json(client, payload, **{"Idempotency-Key": "k" * 256})
    assert error_codes(response, "idempotency_key") == ["max_length"]
    assert not CaseStudySubmission.objects.exists()
    # Two long keys differing only past the 255th character never collide.
    assert post_json(client, payload, **{"Idempotency-Key": "k" * 255}).status_code == 201


# --- 3. Spreadsheet formulas in CSV exports ------------------------------------------------------

FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(content)))


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_submissions_csv_neutralises_formulas(admin_client, register, formula):
    council, topic = register
    payload = valid_payload(
        councils=[council],
        topics=[topic],
        summary=formula + " summary",
        lessons_learned=formula,
        partners=[{"name": formula + " partner", "kind": "charity", "website": ""}],
    )
    assert post_json(client := admin_client, payload).status_code == 201, "stored"
    CaseStudySubmission.objects.update(editor_notes=formula)
    (row,) = csv_rows(client.get(reverse(INBOX_INDEX) + "?export=csv"))
    for value in row.values():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert row["Editor notes"] == "'" + formula
    # XLSX keeps every such cell a string, never a formula.
    response = client.get(reverse(INBOX_INDEX) + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    for cell in sheet[2]:
        assert cell.data_type != "f", (cell.coordinate, cell.value)


def test_the_council_export_neutralises_formulas(admin_client, db):
    factories.make_council("=cmd|' /C calc'!A0", website="https://example.org/")
    url = reverse("wagtailsnippets_wagtail_casestudies_council:list")
    (row,) = csv_rows(admin_client.get(url + "?export=csv"))
    assert row["Name"] == "'=cmd|' /C calc'!A0"


def test_the_topic_export_neutralises_formulas(admin_client, db):
    factories.make_topic("@Digital", description="-1+2")
    url = reverse("wagtailsnippets_wagtail_casestudies_topic:list")
    (row,) = csv_rows(admin_client.get(url + "?export=csv"))
    assert (row["Name"], row["Description"]) == ("'@Digital", "'-1+2")


def test_the_support_programme_export_neutralises_formulas(admin_client, db):
    factories.make_support_type("+Peer challenge", description="=1+1")
    url = reverse("wagtailsnippets_wagtail_casestudies_supporttype:list")
    (row,) = csv_rows(admin_client.get(url + "?export=csv"))
    assert (row["Name"], row["Description"]) == ("'+Peer challenge", "'=1+1")


# --- 13. Behind a proxy, the client address setting must follow -------------------------------


@pytest.fixture
def proxy_warnings(monkeypatch):
    """The intake's proxy warnings, from a fresh process's point of view. A handler of its own
    (not pytest's caplog), so the tests run with pytest's logging plugin off too."""
    import logging

    from wagtail_casestudies.submissions import services

    monkeypatch.setattr(services, "_warned_about_proxy", False)
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    services.logger.addHandler(handler)
    yield lambda: [r for r in records if "SUBMISSION_CLIENT_IP_HEADER" in r.getMessage()]
    services.logger.removeHandler(handler)


def test_a_submission_through_a_proxy_logs_a_warning_once(client, register, proxy_warnings):
    council, topic = register
    payload = valid_payload(councils=[council], topics=[topic])
    for _ in range(2):
        post_json(client, payload, **{"X-Forwarded-For": "203.0.113.7"})
    warnings = proxy_warnings()
    assert len(warnings) == 1
    assert "HTTP_X_FORWARDED_FOR" in warnings[0].getMessage()


def test_no_proxy_warning_when_the_setting_names_the_header(
    client, register, settings, proxy_warnings
):
    council, topic = register
    settings.WAGTAIL_CASESTUDIES = {
        "SUBMISSION_RATE_LIMIT": 10**9,
        "SUBMISSION_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
    }
    payload = valid_payload(councils=[council], topics=[topic])
    post_json(client, payload, **{"X-Forwarded-For": "203.0.113.7"})
    assert proxy_warnings() == []


def test_the_deploy_check_warns_behind_a_proxy_with_remote_addr(settings):
    from django.core import checks

    def proxy_warnings():
        return [
            m.id
            for m in checks.run_checks(include_deployment_checks=True, tags=["security"])
            if m.id == "wagtail_casestudies.W020"
        ]

    assert proxy_warnings() == []
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert proxy_warnings() == ["wagtail_casestudies.W020"]
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR"}
    assert proxy_warnings() == []
