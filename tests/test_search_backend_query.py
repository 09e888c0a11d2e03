"""The listing's search on Elasticsearch and OpenSearch (``api/backend_listing.py``): the query
Wagtail's Elasticsearch backend would send, built by its own query compiler without a server.

No Elasticsearch or OpenSearch server runs here: what is tested is the request body, not the
answers (docs/api.md says what was not run)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests import factories
from wagtail_casestudies.api.backend_listing import (
    FACET_FIELDS,
    backend_queryset,
    filters_itself,
)
from wagtail_casestudies.api.filters import CaseStudyFilter
from wagtail_casestudies.api.parameters import parse_case_study_query
from wagtail_casestudies.compat import SEARCH_FILTERS_THROUGH_RELATIONS
from wagtail_casestudies.models import CaseStudyPage
from wagtail_casestudies.visibility import visible_cards_of, visible_case_studies_of

pytestmark = pytest.mark.django_db

# Wagtail 7 and 8 both have it; its compiler is the one every Elasticsearch (7, 8, 9) and
# OpenSearch (2, 3) backend uses. Importing it needs the client package (the testing extra).
elasticsearch8 = pytest.importorskip("wagtail.search.backends.elasticsearch8")


@pytest.fixture
def backend():
    # Making the backend makes a client object; nothing connects until a search is run.
    return elasticsearch8.Elasticsearch8SearchBackend({"URLS": ["http://127.0.0.1:9"]})


@pytest.fixture
def library():
    index_page = factories.make_index_page()
    housing = factories.make_topic("Housing")
    kent = factories.make_council(name="Kent County Council", region="south_east")
    pages = [
        factories.make_case_study(index_page, f"Housing {n}", councils=[kent], topics=[housing])
        for n in range(3)
    ]
    members = factories.make_index_page(title="Members only")
    factories.make_private(members)
    factories.make_case_study(members, "Private housing", topics=[housing])
    return pages


def selection_for(query_string: str) -> CaseStudyFilter:
    from django.http import QueryDict

    site = Site.objects.get(is_default_site=True)
    query = parse_case_study_query(QueryDict(query_string), ["title"])
    return CaseStudyFilter(query, visible_cards_of(site))


def compiled(backend, pages) -> dict:
    results = backend.search("housing", pages, operator=None, order_by_relevance=True)
    with CaptureQueriesContext(connection) as queries:
        body = results._get_es_body()
    # Building the body reads nothing from the database: it cannot hold a list of the
    # library's ids, however many there are (100,000 or more).
    assert not queries.captured_queries, [q["sql"] for q in queries.captured_queries]
    return body


def no_id_list(body: dict, ids) -> None:
    text = json.dumps(body, default=str)
    assert '"pk"' not in text and '"id_filter"' not in text
    for value in ("terms",):
        for clause in _find(body, value):
            for column, values in clause.items():
                assert not column.startswith(("pk", "id")), clause
                assert not set(values) & set(ids), clause


def _find(node, key):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            else:
                yield from _find(v, key)
    elif isinstance(node, list):
        for item in node:
            yield from _find(item, key)


@pytest.mark.skipif(
    not SEARCH_FILTERS_THROUGH_RELATIONS, reason="Wagtail 7's backends cannot filter relations"
)
def test_elasticsearch_filters_the_visible_set_and_the_filters_itself(backend, library):
    site = Site.objects.get(is_default_site=True)
    assert filters_itself(backend) and not filters_itself()  # the tests run a database backend
    selection = selection_for(
        "search=housing&topic=housing&region=south_east&council_type=county&covid=false"
        "&date_from=2000-01-01&year=2020,2021"
    )
    ids = list(CaseStudyPage.objects.values_list("pk", flat=True))
    body = compiled(backend, backend_queryset(selection, site))
    no_id_list(body, ids)
    text = json.dumps(body, default=str)
    # The visibility rule: live, below the site's root, not below a view restriction.
    assert '"live_filter": true' in text
    assert site.root_page.path in text
    assert '"must_not"' in text
    # Every filter on a filter field, through nested fields for the related ones.
    for field in (
        "topics.slug_filter",
        "council_links.council.region_filter",
        "council_links.council.council_type_filter",
        "is_covid19_filter",
        "publication_date_filter",
    ):
        assert field in text, field
    # Each facet leaves out its own filter, and counts on a field the backend indexes.
    without_topic = json.dumps(
        compiled(backend, backend_queryset(selection, site, without="topic")), default=str
    )
    assert "topics.slug_filter" not in without_topic
    filterable = {f.field_name for f in CaseStudyPage.get_filterable_search_fields()}
    assert set(FACET_FIELDS.values()) <= filterable


def test_the_backend_finds_the_same_visible_case_studies(library):
    """The filter-field form of the visibility rule selects what the rule itself selects."""
    from wagtail_casestudies.visibility import visible_case_studies_for_search_backend

    site = Site.objects.get(is_default_site=True)
    assert set(visible_case_studies_for_search_backend(site).values_list("pk", flat=True)) == set(
        visible_case_studies_of(site).values_list("pk", flat=True)
    )
    selection = selection_for("search=housing&topic=housing&region=south_east")
    assert set(backend_queryset(selection, site).values_list("pk", flat=True)) == set(
        selection.queryset().values_list("pk", flat=True)
    )


def test_the_id_list_it_replaces(backend, library):
    """What the listing sent before, a queryset filtered by the allowed ids: Wagtail 7's
    compiler sends them as one ``terms`` list (65,536 at most on Elasticsearch); Wagtail 8's
    (django-modelsearch) leaves the id filter out of the query altogether, so the backend
    counts and pages the whole library, and the database drops the hits outside it later."""
    ids = sorted(CaseStudyPage.objects.live().values_list("pk", flat=True))
    pages = CaseStudyPage.objects.filter(pk__in=ids)
    results = backend.search("housing", pages, operator=None, order_by_relevance=True)
    text = json.dumps(results._get_es_body(), default=str)
    sent_as_terms = json.dumps([str(pk) for pk in ids]) in text or json.dumps(ids) in text
    only_the_type = body_filters(results) in (
        [{"match": {"_django_content_type": STOCK_TYPE}}],  # Wagtail 8
        [{"match": {"content_type": STOCK_TYPE}}],  # Wagtail 7
    )
    assert sent_as_terms or only_the_type, text


STOCK_TYPE = "wagtail_casestudies.CaseStudyPage"


def body_filters(results) -> list:
    filters = results._get_es_body()["query"]["bool"]["filter"]
    return filters if isinstance(filters, list) else [filters]
