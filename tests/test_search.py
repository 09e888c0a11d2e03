"""Wagtail search finds a case study by any of its words, on SQLite and PostgreSQL alike."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from tests import factories
from wagtail_casestudies.api import search as search_module
from wagtail_casestudies.models import CaseStudyPage, Council, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(index_page):
    wigan = factories.make_council("Wigan Council", short_name="Wigan")
    cornwall = factories.make_council("Cornwall Council", short_name="Cornwall")
    cyber = factories.make_topic("Cyber security")
    pages = {
        "wigan": factories.make_case_study(
            index_page,
            "Digital front door",
            councils=[wigan],
            topics=[cyber],
            tags=["chatbot"],
            body=[("challenge", {"text": "<p>Residents queued for hours at the library.</p>"})],
        ),
        "cornwall": factories.make_case_study(
            index_page,
            "Doughnut economics",
            councils=[cornwall],
            summary="A decision wheel for cabinet.",
            body=[("solution", {"text": "<p>We embedded the wheel in procurement.</p>"})],
        ),
        "draft": factories.make_case_study(
            index_page, "Secret Wigan draft", councils=[wigan], publish=False
        ),
    }
    factories.add_partner(pages["cornwall"], "Exeter Chamber of Commerce")
    pages["cornwall"].save_revision().publish()
    return pages


def search(query):
    return {page.title for page in CaseStudyPage.objects.live().search(query)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Wigan", {"Digital front door"}),  # council name
        ("library", {"Digital front door"}),  # body text
        ("cyber", {"Digital front door"}),  # topic name
        ("chatbot", {"Digital front door"}),  # tag
        ("wheel", {"Doughnut economics"}),  # summary and body
        ("procurement", {"Doughnut economics"}),  # body only
        ("Chamber", {"Doughnut economics"}),  # partner organisation
    ],
)
def test_search_finds_case_studies_by_every_field(library, query, expected):
    assert search(query) == expected


def test_snippets_are_searchable(library):
    backend = get_search_backend()
    assert [c.name for c in backend.search("Cornwall", Council)] == ["Cornwall Council"]
    assert [t.name for t in backend.search("cyber", Topic)] == ["Cyber security"]


def test_a_failed_search_shortcut_leaves_the_request_transaction_usable(
    client, library, monkeypatch
):
    """The ranked-search shortcuts lean on the backends' internals; when one fails, the public
    search answers instead. On PostgreSQL a failed query aborts the transaction it ran in (the
    request's, under ATOMIC_REQUESTS, as a test's here), so the shortcut runs in a savepoint."""

    calls = []

    def broken(*args, **kwargs):
        calls.append(args)
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table_in_any_release")

    monkeypatch.setattr(search_module, "_sqlite_ranked_ids", broken)
    monkeypatch.setattr(search_module, "_postgres_ranked_ids", broken)
    response = client.get("/api/v2/case-studies/", {"search": "doughnut"})
    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["items"]] == [library["cornwall"].pk]
    assert calls, "the shortcut was not tried: the test would prove nothing"
