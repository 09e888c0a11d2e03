"""The listing's own full-text ranking (api/search.py) finds and orders what the search backend
finds, for a whole site and for a filtered selection."""

import datetime

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from tests import factories
from wagtail_casestudies.api import search as search_module
from wagtail_casestudies.api.search import matching_ids, ranked_search_ids
from wagtail_casestudies.models import CaseStudyPage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def library(django_db_setup, django_db_blocker):
    """Built once for the module (the tests only read it), rolled back at the end."""
    with factories.rolled_back(django_db_blocker):
        index_page = factories.make_index_page()
        waste, housing = factories.make_topic("Waste"), factories.make_topic("Housing")
        words = ["bins recycling", "housing repairs", "bins housing", "recycling rounds", "bins"]
        for number in range(15):
            factories.make_case_study(
                index_page,
                f"Case {number}: {words[number % 5]}",
                summary=f"About {words[number % 5]} and {words[(number + 2) % 5]}.",
                topics=[waste if number % 2 else housing],
                publication_date=datetime.date(2020, 1, 1 + number),
            )
        yield


@pytest.mark.parametrize(
    "search", ["bins", "bins recycling", "housing", '"recycling rounds"', "case-bins", "nothing"]
)
@pytest.mark.parametrize("operator", [None, "or"])
@pytest.mark.parametrize("narrow", [False, True])
@pytest.mark.parametrize("few_allowed", [True, False], ids=["few-allowed", "many-allowed"])
def test_ranking_matches_the_backend(library, monkeypatch, search, operator, narrow, few_allowed):
    if not few_allowed:
        # As when the selection is thousands of case studies: rank every match, then keep
        # the allowed ones.
        monkeypatch.setattr(search_module, "POSTGRES_NARROW_SELECTION", 0)
        monkeypatch.setattr(search_module, "SQLITE_NARROW_SELECTION", 0)
    queryset = CaseStudyPage.objects.live()
    if narrow:
        queryset = queryset.filter(topics__name="Waste")
    ours = ranked_search_ids(search, queryset, operator)
    searchable = CaseStudyPage.objects.filter(pk__in=queryset.values("pk"))
    backend = get_search_backend()
    # The listing searches plain text: a double quote is not syntax to it (SQLite's backend
    # took a balanced pair as FTS5 syntax and found nothing, and failed on an odd one).
    plain = search.replace('"', " ")
    theirs = [
        page.pk
        for page in backend.search(plain, searchable, operator=operator, order_by_relevance=True)
    ]
    assert set(ours) == set(theirs)
    # The matches found without ranking (what the total and the facets count) are the same.
    assert sorted(matching_ids(search, queryset, operator)) == sorted(theirs)
    if connection.vendor == "postgresql":  # SQLite's backend breaks ties differently
        assert ours == theirs


@pytest.mark.parametrize("allowed", [2000, 0])
def test_the_fast_paths_are_taken(library, monkeypatch, allowed):
    """They lean on the search backends' internals and fall back quietly when those change:
    make sure they still run on the database under test, for few and for many allowed."""
    monkeypatch.setattr(search_module, "POSTGRES_NARROW_SELECTION", allowed)
    monkeypatch.setattr(search_module, "SQLITE_NARROW_SELECTION", allowed)
    from wagtail_casestudies.api.search import _postgres_ranked_ids, _sqlite_ranked_ids

    backend = get_search_backend()
    searchable = CaseStudyPage.objects.filter(pk__in=CaseStudyPage.objects.live().values("pk"))
    fast_path = {"postgresql": _postgres_ranked_ids, "sqlite": _sqlite_ranked_ids}.get(
        connection.vendor
    )
    if fast_path is None:
        pytest.skip(f"no fast path on {connection.vendor}")
    assert fast_path(backend, "bins", searchable, None)
    assert fast_path(backend, "bins recycling", searchable, None, rank=False)
