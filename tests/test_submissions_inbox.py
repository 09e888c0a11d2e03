"""The Submissions inbox through the real admin (wagtail-modeladmin views) and the conversion of a
submission into a draft case study."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, WorkflowState

from tests import factories
from tests.submissions_support import as_form_data, pdf_file, png_file, valid_payload
from wagtail_casestudies.contrib.modeladmin.checks import check_modeladmin_installed
from wagtail_casestudies.models import CaseStudyPage, CaseStudySubmission
from wagtail_casestudies.submissions.models import SubmissionStatus

INBOX = "wagtail_casestudies_casestudysubmission_modeladmin_"


def inbox_url(action: str, *args) -> str:
    return reverse(INBOX + action, args=args)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def council(db):
    return factories.make_council("Cornwall Council", short_name="Cornwall")


@pytest.fixture
def partner_council(db):
    return factories.make_council("Devon County Council")


@pytest.fixture
def topics(db):
    return [factories.make_topic("Digital"), factories.make_topic("Customer services")]


@pytest.fixture
def submission(client, council, partner_council, topics, django_capture_on_commit_callbacks):
    """A full submission sent through the real endpoint, with two attachments."""
    payload = valid_payload(
        councils=[council, partner_council],
        topics=topics,
        council_names=["Little Snoring Parish Council"],
        consent_publish_contact=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_casestudies:submit"),
            data={**as_form_data(payload), "documents": [pdf_file()], "images": [png_file()]},
        )
    assert response.status_code == 201, response.content
    return CaseStudySubmission.objects.get(reference=response.json()["reference"])


def make_user(username: str, *codenames: str, admin_access: bool = True):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    permissions = list(codenames) + (["access_admin"] if admin_access else [])
    user.user_permissions.set(Permission.objects.filter(codename__in=permissions))
    return user


# --- The inbox ---------------------------------------------------------------------------------


def test_editors_email_links_to_the_inbox(admin_user, submission):
    from django.core import mail

    assert inbox_url("inspect", submission.pk) in mail.outbox[0].body


def test_inbox_lists_filters_and_searches(admin_client, submission, council, topics):
    other = CaseStudySubmission.objects.create(
        source="api",
        title="Another council's idea",
        summary="Short.",
        contact_name="Sam",
        contact_email="sam@example.org",
        status=SubmissionStatus.REJECTED,
        payload_hash="x",
    )
    url = inbox_url("index")
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert submission.reference in html and other.reference in html
    assert "Cornwall Council, Devon County Council, Little Snoring Parish Council ?" in html

    def listed(query: str) -> set[int]:
        response = admin_client.get(f"{url}?{query}")
        assert response.status_code == 200, query
        return {obj.pk for obj in response.context["object_list"]}

    assert listed("status=new") == {submission.pk}
    assert listed("status=rejected") == {other.pk}
    assert listed(f"councils__id__exact={council.pk}") == {submission.pk}
    assert listed(f"topics__id__exact={topics[0].pk}") == {submission.pk}
    since = submission.created_at.replace(hour=0, minute=0, second=0, microsecond=0)
    assert listed("created_at__gte=" + quote(str(since))) == {submission.pk, other.pk}
    assert listed("created_at__lt=" + quote(str(since))) == set()
    assert listed("q=decision+wheel") == {submission.pk}
    assert listed(f"q={submission.reference}") == {submission.pk}
    assert listed("q=Devon") == {submission.pk}


def test_inspect_shows_every_section_and_attachment(admin_client, submission):
    response = admin_client.get(inbox_url("inspect", submission.pk))
    assert response.status_code == 200
    html = response.content.decode()
    for item in submission.section_values():
        assert str(item["section"].heading).replace("'", "&#x27;") in html
    assert "<p>Residents could not find the right service.</p>" in html
    assert "120000.00" in html
    assert "alex.officer@example.gov.uk" in html
    assert "University of Somewhere" in html
    assert "Little Snoring Parish Council" in html
    for attachment in submission.attachments.all():
        link = inbox_url("attachment", submission.pk, attachment.pk)
        assert link in html
        download = admin_client.get(link)
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == attachment.file.open("rb").read()


def test_export_csv_and_xlsx_carry_every_section(admin_client, submission):
    response = admin_client.get(inbox_url("index") + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["Reference"] == submission.reference
    assert row["Status"] == "New"
    assert row["The challenge"] == "Residents could not find the right service.\nCalls kept rising."
    assert row["The impact: Cost saving (£)"] == "120000.00"
    assert row["Contact: Email"] == "alex.officer@example.gov.uk"
    assert row["Councils"].startswith("Cornwall Council, Devon County Council")

    response = admin_client.get(inbox_url("index") + "?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    assert "Lessons learned" in headings
    values = dict(zip(headings, [cell.value for cell in sheet[2]], strict=True))
    assert values["Lessons learned"] == "Involve residents from the first day."


def test_editor_moves_a_submission_through_review_but_not_to_converted(admin_client, submission):
    url = inbox_url("edit", submission.pk)
    response = admin_client.post(url, {"status": "in_review", "editor_notes": "Call Alex."})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.status, submission.editor_notes) == ("in_review", "Call Alex.")

    response = admin_client.post(url, {"status": "converted", "editor_notes": ""})
    assert response.status_code == 200
    assert "Convert to case study" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == "in_review"


def test_submissions_cannot_be_added_in_the_admin(admin_client):
    assert admin_client.get(inbox_url("create")).status_code in (302, 403)


# --- Permissions -------------------------------------------------------------------------------


def test_users_without_submission_permissions_see_nothing(client, submission):
    client.force_login(make_user("writer"))
    for url in (
        inbox_url("index"),
        inbox_url("inspect", submission.pk),
        inbox_url("edit", submission.pk),
        inbox_url("convert", submission.pk),
        inbox_url("attachment", submission.pk, submission.attachments.first().pk),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert submission.title.encode() not in response.content
    assert "Submissions" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_view_permission_reads_but_does_not_change(client, submission, index_page):
    client.force_login(make_user("reader", "view_casestudysubmission"))
    assert client.get(inbox_url("index")).status_code == 200
    assert client.get(inbox_url("inspect", submission.pk)).status_code == 200
    assert "Submissions" in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(inbox_url("edit", submission.pk)).status_code in (302, 403)
    response = client.post(inbox_url("convert", submission.pk), {"parent": index_page.pk})
    assert response.status_code in (302, 403)
    assert not CaseStudyPage.objects.exists()


def test_converting_needs_permission_to_add_under_the_index(client, submission, index_page):
    client.force_login(
        make_user("changer", "view_casestudysubmission", "change_casestudysubmission")
    )
    response = client.post(inbox_url("convert", submission.pk), {"parent": index_page.pk})
    assert response.status_code == 400
    assert not CaseStudyPage.objects.exists()

    group = Group.objects.create(name="Case study editors")
    GroupPagePermission.objects.create(
        group=group, page=index_page, permission=Permission.objects.get(codename="add_page")
    )
    user = get_user_model().objects.get(username="changer")
    user.groups.add(group)
    response = client.post(inbox_url("convert", submission.pk), {"parent": index_page.pk})
    assert response.status_code == 302
    assert CaseStudyPage.objects.get().owner == user


# --- Conversion --------------------------------------------------------------------------------


def test_conversion_makes_a_draft_whose_body_matches_the_submission(
    admin_client, admin_user, submission, index_page, council, partner_council, topics
):
    documents_before = get_document_model().objects.count()
    images_before = get_image_model().objects.count()
    url = inbox_url("convert", submission.pk)
    assert index_page.title in admin_client.get(url).content.decode()

    response = admin_client.post(url, {"parent": index_page.pk}, follow=False)

    page = CaseStudyPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().pk == index_page.pk
    data = submission.data
    assert (page.title, page.summary) == (data["title"], data["summary"])

    body = page.get_latest_revision_as_object().body
    assert [block.block_type for block in body] == [
        "challenge",
        "solution",
        "impact",
        "sustainability",
        "lessons_learned",
        "contact",
        "document",
        "image",
    ]
    by_type = {block.block_type: block.value for block in body}
    for key in ("challenge", "solution", "impact", "sustainability", "lessons_learned"):
        assert by_type[key]["text"].source == data[key], key
    assert str(by_type["impact"]["cost_saving"]) == "120000.00"
    assert by_type["impact"]["income_generated"] is None
    assert by_type["impact"]["figures_note"] == data["impact_figures_note"]
    contact = by_type["contact"]
    assert (contact["name"], contact["job_title"], contact["email"], contact["phone"]) == (
        data["contact_name"],
        data["contact_job_title"],
        data["contact_email"],
        data["contact_phone"],
    )
    assert contact["council"] == council
    assert contact["publish_contact_details"] is True

    revision_page = page.get_latest_revision_as_object()
    assert [link.council for link in revision_page.council_links.all()] == [
        council,
        partner_council,
    ]
    assert [(p.name, p.kind) for p in revision_page.partners.all()] == [
        ("University of Somewhere", "university"),
        ("Kernow Carers", "charity"),
    ]
    assert set(revision_page.topics.all()) == set(topics)
    assert revision_page.main_topic == topics[0]

    assert get_document_model().objects.count() == documents_before + 1
    assert get_image_model().objects.count() == images_before + 1
    assert by_type["image"]["image"] == submission.attachments.get(kind="image").image
    assert by_type["document"]["document"].title == "cabinet-report"

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.CONVERTED
    assert submission.case_study_id == page.pk
    assert submission.converted_by == admin_user
    # The site's default "Moderators approval" workflow is on the root page.
    assert WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("submitted for moderation" in m for m in messages)
    assert any("Little Snoring Parish Council" in m for m in messages)

    # The draft passes the page editor's own validation as it stands.
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert edit.status_code == 200


def test_converting_twice_is_refused(admin_client, submission, index_page):
    url = inbox_url("convert", submission.pk)
    assert admin_client.post(url, {"parent": index_page.pk}).status_code == 302
    again = admin_client.post(url, {"parent": index_page.pk})
    assert again.status_code == 303
    assert again["Location"] == inbox_url("inspect", submission.pk)
    assert CaseStudyPage.objects.count() == 1
    assert admin_client.get(url).status_code == 303
    listing = admin_client.get(inbox_url("index")).content.decode()
    assert url not in listing


# --- The system check --------------------------------------------------------------------------


def test_system_check_names_wagtail_modeladmin_when_it_is_missing():
    assert check_modeladmin_installed() == []
    # A separate process: removing an app from a running registry is not something Django
    # (or Wagtail 8's API router) supports.
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.submissions_settings_no_modeladmin",
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "wagtail_casestudies.E020" in result.stderr
    assert "add 'wagtail_modeladmin' to INSTALLED_APPS" in result.stderr


def test_schema_and_template_download_come_from_the_same_form(client, topics):
    from docx import Document

    from wagtail_casestudies.submissions.forms import SubmissionForm
    from wagtail_casestudies.template import TEMPLATE_SECTIONS

    schema = client.get(reverse("wagtail_casestudies:template_schema"))
    assert schema.status_code == 200
    assert schema["Content-Type"] == "application/schema+json"
    document = json.loads(schema.content)
    form = SubmissionForm()
    assert set(document["properties"]) == set(form.fields) - {"homepage"}
    assert document["required"] == [n for n, f in form.fields.items() if f.required]
    assert document["properties"]["challenge"]["description"] == str(TEMPLATE_SECTIONS[2].guidance)

    download = client.get(reverse("wagtail_casestudies:template_docx"))
    assert download.status_code == 200
    assert "case-study-template.docx" in download["Content-Disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(download.content)).paragraphs)
    for section in TEMPLATE_SECTIONS:
        assert str(section.heading) in text
        assert str(section.guidance) in text
    assert "☐ Digital" in text


def test_system_check_explains_bad_submission_settings(settings):
    from wagtail_casestudies.checks import check_submission_settings

    assert check_submission_settings() == []
    settings.WAGTAIL_CASESTUDIES = {
        "SUBMISSION_RATE_LIMIT": 0,
        "SUBMISSION_IMAGE_TYPES": ["png", "svg"],
        "SUBMISSION_NOTIFY_EMAILS": "editors@example.org",
    }
    errors = check_submission_settings()
    assert [e.id for e in errors] == ["wagtail_casestudies.E022"] * 3
    assert "SUBMISSION_RATE_LIMIT" in errors[0].msg
    assert "svg" in errors[1].msg
    assert "SUBMISSION_NOTIFY_EMAILS" in errors[2].msg
