"""The benchmark's generator (bench/generate.py) in a small smoke run, so it cannot rot: it makes
a valid page tree, a search index and card cache that the API serves, equal to the floor view."""

import json

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Page, Site

from bench.floor import floor_listing
from bench.generate import generate
from tests import factories
from tests.urls import api_router
from wagtail_casestudies.models import CaseStudyCard, CaseStudyPage, live_case_studies


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    with factories.rolled_back(django_db_blocker):
        report = generate(200, seed=7, batch_size=80, image_pool=3)
        yield report


@pytest.fixture(autouse=True)
def clear_cache(db):
    cache.clear()


def test_generator_makes_a_valid_page_tree(generated):
    assert generated.n == 200
    assert CaseStudyPage.objects.count() == 200
    # treebeard's own consistency check: paths, depths and child counts all agree.
    problems = Page.find_problems()
    assert all(not problem for problem in problems), problems
    site = Site.objects.get(is_default_site=True)
    visible = live_case_studies(site)
    assert 150 < visible.count() < 200  # drafts, a members-only section and another site
    assert generated.counts["council_links"] >= 200
    page = visible.first()
    assert [block.block_type for block in page.body][:5] == [
        "challenge",
        "solution",
        "impact",
        "sustainability",
        "lessons_learned",
    ]
    assert page.url.endswith(f"/{page.slug}/")


def test_generated_pages_are_searchable_and_carded(client, generated):
    results = CaseStudyPage.objects.live().search("council")
    assert len(results) > 0
    assert set(CaseStudyCard.objects.values_list("pk", flat=True)) == set(
        CaseStudyPage.objects.live().public().values_list("pk", flat=True)
    )
    data = client.get("/api/v2/case-studies/", {"search": "council", "limit": 5}).json()
    assert data["meta"]["total_count"] > 0


def test_the_floor_view_returns_the_listing_json(client, generated):
    for limit in (20, 100):
        ours = client.get("/api/v2/case-studies/", {"limit": limit}).json()
        request = RequestFactory().get("/", {"limit": limit})
        request.wagtailapi_router = api_router
        floor = json.loads(floor_listing(request).content)
        assert floor == ours
