"""The lead council survives every way a case study is sent in (the form page without
JavaScript, the JSON endpoint) and the inbox shows the councils in the submitter's order."""

from __future__ import annotations

import json
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests import factories
from tests.submissions_support import as_form_data, valid_payload
from wagtail_casestudies.models import CaseStudySubmission

SUBMIT_URL = "/casestudies/submit/"
INBOX = "wagtail_casestudies_casestudysubmission_modeladmin_"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def councils(db):
    # Named so that the lead comes last in the alphabet: a list order would lose it.
    return {
        "lead": factories.make_council("Wigan Council"),
        "other": factories.make_council("Bolton Council"),
        "third": factories.make_council("Agecroft Parish Council"),
    }


def payload_with_lead(councils) -> dict:
    payload = valid_payload()
    payload["lead_council"] = councils["lead"].pk
    payload["councils"] = [councils["other"].pk, councils["third"].pk]
    payload["partners"] = [{"name": "NHS Wigan", "kind": "nhs", "website": ""}]
    return payload


def test_form_page_asks_for_the_lead_council_on_its_own(client, submission_page, councils):
    html = client.get(submission_page.url).content.decode()
    assert re.search(r'<select name="lead_council"[^>]*id="id_lead_council"', html)
    assert '<label for="id_lead_council"' in html
    assert "Hold Ctrl" not in html
    assert "Other councils in the register" in html


def test_the_lead_council_survives_the_form_without_javascript(
    client, submission_page, councils, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submission_page.url, data=as_form_data(payload_with_lead(councils)))
    assert response.status_code in (200, 302, 303), response.content[:500]
    submission = CaseStudySubmission.objects.get()
    assert submission.data["councils"] == [
        councils["lead"].pk,
        councils["other"].pk,
        councils["third"].pk,
    ]
    assert submission.councils_in_order()[0] == councils["lead"]


def test_the_lead_council_survives_the_json_endpoint(client, councils):
    response = client.post(
        SUBMIT_URL, data=json.dumps(payload_with_lead(councils)), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    assert [c.name for c in submission.councils_in_order()] == [
        "Wigan Council",
        "Bolton Council",
        "Agecroft Parish Council",
    ]


def test_json_clients_without_a_lead_field_keep_list_order(client, councils):
    payload = valid_payload(councils=[councils["lead"], councils["other"]])
    response = client.post(SUBMIT_URL, data=json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    assert submission.data["councils"] == [councils["lead"].pk, councils["other"].pk]


def test_the_lead_council_is_also_the_first_when_repeated_in_councils(client, councils):
    payload = payload_with_lead(councils)
    payload["councils"] = [councils["other"].pk, councils["lead"].pk]
    response = client.post(SUBMIT_URL, data=json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    assert CaseStudySubmission.objects.get().data["councils"] == [
        councils["lead"].pk,
        councils["other"].pk,
    ]


def test_the_schema_describes_the_lead_council(client):
    schema = client.get(reverse("wagtail_casestudies:template_schema")).json()
    assert schema["properties"]["lead_council"]["type"] == ["integer", "null"]
    group = next(g for g in schema["x-groups"] if g["key"] == "councils")
    assert group["fields"][0] == "lead_council"


def test_the_inbox_shows_councils_lead_first_and_partner_kinds_by_label(
    admin_client, client, councils
):
    client.post(
        SUBMIT_URL, data=json.dumps(payload_with_lead(councils)), content_type="application/json"
    )
    submission = CaseStudySubmission.objects.get()

    listing = admin_client.get(reverse(INBOX + "index")).content.decode()
    assert "Wigan Council, Bolton Council, Agecroft Parish Council" in listing
    # The empty filter choices say what they find, not a bare "-".
    assert not re.search(r">\s*-\s*</a>", listing)
    assert "None from the register" in listing

    inspect = admin_client.get(reverse(INBOX + "inspect", args=(submission.pk,))).content.decode()
    names = re.findall(r"<li>(Wigan Council|Bolton Council|Agecroft Parish Council)", inspect)
    assert names == ["Wigan Council", "Bolton Council", "Agecroft Parish Council"]
    assert "NHS Wigan (NHS body)" in inspect
    assert "(nhs)" not in inspect
    # The footer buttons sit on a dark bar: the filled style, not the outlined one.
    footer = inspect[inspect.index('<footer class="footer">') :]
    assert "Edit" in footer
    assert "button-secondary" not in footer


def test_the_form_page_error_summary_does_not_double_punctuation(client, submission_page, councils):
    data = as_form_data(payload_with_lead(councils))
    data.pop("sustainability")
    response = client.post(submission_page.url, data=data)
    html = response.content.decode().replace("&#x27;", "'")
    assert "How is the new approach being sustained? This field is required." in html
    assert "sustained?:" not in html
