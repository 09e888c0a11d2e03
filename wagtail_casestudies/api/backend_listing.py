"""A searched listing on a search backend that filters and counts by itself (Elasticsearch,
OpenSearch): for sites whose library outgrows one database.

The database backends search the database the listing reads, so the listing passes them its
selection and counts on the card table (``listing.py``). Elasticsearch holds its own copy: given
a queryset filtered by ids, Wagtail's backend sends every id as a ``terms`` list, which breaks
past Elasticsearch's limit of 65,536 terms and is slow long before. Here the visible set and the
listing's filters are written with the page's ``index.FilterField``s instead
(``models.pages.CaseStudyPage.search_fields``), so the backend filters itself; the total, the
page of results and the facets come back from it (``facet()``, one request per facet group),
and only the page's ids come back to the database, for their cards.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.models import Locale, Site
from wagtail.search.backends import get_search_backend

from ..compat import SEARCH_FILTERS_THROUGH_RELATIONS
from ..visibility import visible_cards_of, visible_case_studies_for_search_backend
from .facets import facets_from_counts
from .filters import CaseStudyFilter

# The index field each facet is counted on (``facet()`` takes a top-level FilterField).
FACET_FIELDS = {
    "topic": "facet_topics",
    "council_type": "facet_council_types",
    "region": "facet_regions",
    "year": "facet_year",
    "support_type": "support_type",
    "covid": "is_covid19",
}


def filters_itself(backend=None) -> bool:
    """Whether the search backend keeps its own index and can filter the listing there (not
    a database backend; on Wagtail 7, whose backends cannot filter through relations, the
    listing searches as on a database backend)."""
    backend = backend or get_search_backend()
    return SEARCH_FILTERS_THROUGH_RELATIONS and ".database." not in type(backend).__module__


def backend_queryset(
    selection: CaseStudyFilter,
    site: Site | None,
    below_path: str | None = None,
    *,
    locale: Locale | None = None,
    without: str | None = None,
) -> QuerySet:
    """The selection's case studies (of the listing's locale) written with the filter fields
    the search backend indexes (no id list); ``without`` leaves one filter out, for its facet."""
    pages = visible_case_studies_for_search_backend(site, locale)
    if below_path is not None:
        pages = pages.filter(path__startswith=below_path)
    for name, condition in page_conditions(selection).items():
        if name != without:
            pages = pages.filter(condition)
    return pages


def page_conditions(selection: CaseStudyFilter) -> dict[str, Q]:
    """The listing's filters as page lookups on filter fields: each filter's one resolution
    (``filters.RESOLVERS``) gives its condition on the card table and this one."""
    return {name: page() for name, page in selection.page_conditions.items() if page is not None}


def backend_listing(
    selection: CaseStudyFilter,
    site: Site | None,
    below_path: str | None = None,
    locale: Locale | None = None,
) -> tuple[int, dict[str, list[dict]] | None, list[tuple[int, dict, int]]]:
    """One page of a searched listing from the search backend: (total, facets, the page's
    cards as stored rows in order), as ``listing.Listing`` holds them."""
    query, backend = selection.query, get_search_backend()

    def search(without: str | None = None):
        pages = backend_queryset(selection, site, below_path, locale=locale, without=without)
        if not query.orders_by_relevance:
            pages = pages.order_by(*_ORDER[query.order])
        return backend.search(
            query.search,
            pages,
            operator=query.search_operator,
            order_by_relevance=query.orders_by_relevance,
        )

    results = search()
    total = results.count()
    page_ids = [page.pk for page in results[query.offset : query.offset + query.limit]]
    rows = []
    if page_ids:
        cards = visible_cards_of(site).filter(pk__in=page_ids)
        rows = list(cards.values_list("pk", "data", "format"))
    position = {pk: index for index, pk in enumerate(page_ids)}
    rows.sort(key=lambda row: position[row[0]])
    facets = None
    if query.facets:
        counts: dict[str, int] = {}
        for facet in query.facets:
            own_filter = facet if facet in page_conditions(selection) else None
            found = (search(own_filter) if own_filter else results).facet(FACET_FIELDS[facet])
            counts.update(_as_counts(facet, found))
        facets = facets_from_counts(selection, counts, query.facets)
    return total, facets, rows


# The listing's orders (``filters.CaseStudyFilter.ordered``) on fields the backend indexes.
_ORDER = {
    "date": ("publication_date", "pk"),
    "-date": ("-publication_date", "-pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
}


def _as_counts(facet: str, found: dict) -> dict[str, int]:
    """A backend's facet counts ``{value: count}`` as a site's stored counts are keyed
    (``facets.facets_from_counts``). The backend reports a false boolean as None."""
    counts = {}
    for value, count in found.items():
        if facet == "covid":
            counts[f"covid:{'true' if value else 'false'}"] = count
        elif value is not None:
            counts[f"{facet}:{value}"] = count
    return counts
