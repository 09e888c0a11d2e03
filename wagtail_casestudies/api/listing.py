"""The case-study listing, as one pipeline read top to bottom.

parameters (``parameters.py``) → visible set (``visibility.py``) → filters (``filters.py``) →
search (``search.py``) → counts and facets (``facets.py``, or a site's stored counts) → the
page of results → cards (``cards/serve.py``).

Everything but the search and the cards reads the card table alone: it holds exactly the
visible case studies, with the columns the filters test. v2, v3 and the server-rendered index
page all list through ``run_listing``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import translation
from wagtail.models import Locale, Page, Site

from ..cards.counts import site_counts
from ..models import CaseStudyPage
from ..visibility import default_locale_of, site_root_paths, visible_cards_of
from .backend_listing import backend_listing, filters_itself
from .cache import get_or_compute, versioned_key
from .facets import count_facets, facets_from_counts
from .filters import CaseStudyFilter, pk_in, resolve_locale
from .parameters import CaseStudyQuery
from .search import matching_ids, ranked_search_ids


@dataclass
class Listing:
    """One page of a listing: the total, the facets asked for, and the page's cards as stored
    rows ``(id, card, format)`` in order."""

    total: int
    facets: dict[str, list[dict]] | None
    rows: list[tuple[int, dict, int]]

    @property
    def ids(self) -> list[int]:
        return [row[0] for row in self.rows]


def listing_locale(query: CaseStudyQuery, site: Site | None, below: Page | None) -> Locale | None:
    """The locale a listing lists: the one asked for; with ``translation_of`` alone, every
    locale (None); else the index page's, or the site's default (its root page's)."""
    if query.locale is not None:
        return resolve_locale("locale", query.locale)
    if "translation_of" in query.filters:
        return None
    if below is not None:
        return below.locale
    return default_locale_of(site) if site is not None else None


def run_listing(query: CaseStudyQuery, site: Site | None, below: Page | None = None) -> Listing:
    """The listing of ``site``'s visible case studies in one locale (only those below the page
    ``below``, for an index page that is not the site's root). Labels come out in the locale's
    language."""
    locale = listing_locale(query, site, below)
    language = locale or (default_locale_of(site) if site else None) or Locale.get_default()
    with translation.override(language.language_code):
        return _run_listing(query, site, below, locale)


def _run_listing(query, site, below, locale) -> Listing:
    roots = site_root_paths(site) if site is not None else []
    every_locale = visible_cards_of(site, root_paths=roots)
    visible = every_locale if locale is None else every_locale.filter(locale=locale)
    locale_id = locale.pk if locale is not None else None
    scope = Scope(site, locale_id=locale_id, root_paths=tuple(roots))
    if below is not None and (site is None or below.path not in roots):
        visible = visible.filter(path__startswith=below.path)
        scope = Scope(site, below.path, locale_id, tuple(roots))
    selection = CaseStudyFilter(query, visible, locale_id=locale_id, every_locale=every_locale)
    if query.search and filters_itself():
        # Elasticsearch or OpenSearch: the backend filters, ranks and counts by itself.
        return Listing(*backend_listing(selection, site, scope.below_path, locale))
    search_ids, searched_the_selection = _search(query, selection, scope)
    total, facets = _counts_and_facets(query, selection, scope)
    start, stop = query.offset, query.offset + query.limit
    if query.orders_by_relevance:
        ranked = search_ids
        if not (searched_the_selection or set(selection.conditions) == {"search"}):
            matching = set(selection.queryset(without="search").values_list("pk", flat=True))
            ranked = [pk for pk in search_ids if pk in matching]
        page_ids = ranked[start:stop]
        rows = _rows(visible.filter(pk__in=page_ids)) if page_ids else []
        position = {pk: index for index, pk in enumerate(page_ids)}
        rows.sort(key=lambda row: position[row[0]])
        return Listing(len(ranked), facets, rows)
    if total is None:
        total = get_or_compute(
            versioned_key("total", *_selection_key(query, scope)),
            lambda: selection.queryset().count(),
        )
    ordered = selection.ordered(selection.queryset())
    return Listing(total, facets, _rows(ordered[start:stop]) if query.limit else [])


@dataclass(frozen=True)
class Scope:
    """Whose case studies a listing lists: a site's, or those below one of its pages."""

    site: Site | None
    below_path: str | None = None
    locale_id: int | None = None
    root_paths: tuple[str, ...] = ()

    @property
    def key(self) -> tuple:
        return (self.site.pk if self.site else None, self.below_path, self.locale_id)

    @property
    def stored_counts(self) -> dict[str, int] | None:
        """The site's stored counts, when the listing is of the whole site in one locale."""
        if self.site is None or self.below_path is not None or self.locale_id is None:
            return None
        return site_counts(self.site, self.locale_id, list(self.root_paths))


def _rows(cards: QuerySet) -> list[tuple[int, dict, int]]:
    return list(cards.values_list("pk", "data", "format"))


def _selection_key(query: CaseStudyQuery, scope: Scope) -> tuple:
    """What a selection's counts depend on (beyond the content version): paging, sorting or
    changing the limit of the same selection does not count it again."""
    return (
        scope.key,
        repr(sorted(query.filters.items())),
        query.include_districts,
        query.search,
        query.search_operator,
    )


def _search(
    query: CaseStudyQuery, selection: CaseStudyFilter, scope: Scope
) -> tuple[list[int] | None, bool]:
    """Narrow the selection to the search's matches; returns (the ids of the whole selection
    in rank order when the listing orders by relevance, else None; True: they are ranked
    within the selection itself)."""
    if not query.search:
        return None, False
    search, operator = query.search, query.search_operator
    if not selection.conditions:
        # The search alone: the matches are the selection, so ranking them finds them too.
        searchable = CaseStudyPage.objects.filter(pk__in=selection.base.order_by().values("pk"))
        if query.orders_by_relevance:
            ranked = ranked_search_ids(search, searchable, operator, cache_key_parts=(scope.key,))
            selection.add_search(ranked)
            return ranked, True
        selection.add_search(
            matching_ids(search, searchable, operator, cache_key_parts=(scope.key,))
        )
        return None, True
    # Within the filters, widened only as far as the facets need (a facet counts the search
    # under the other filters, not its own): the matches there, found without ranking them.
    # Then only what passes every filter and the search is ranked: the page needs no more.
    widened = selection.facets_without_own_filter(query.facets)

    def compute() -> tuple[list[int], list[int] | None, list[int] | None]:
        within = list(selection.widened_by(widened).order_by().values_list("pk", flat=True))
        searchable = CaseStudyPage.objects.filter(pk_in(within, selection.base.db))
        if query.orders_by_relevance and not widened:
            # The search is within every filter already: ranking it finds the matches too.
            ranked = ranked_search_ids(search, searchable, operator, among=within)
            return ranked, None, ranked
        matches = matching_ids(search, searchable, operator, among=within)
        missing = sorted(set(within).difference(matches))
        if not query.orders_by_relevance:
            return matches, missing, None
        selection.add_search(matches, missing)
        selected = list(selection.queryset().order_by().values_list("pk", flat=True))
        if not selected:
            return matches, missing, []
        among = CaseStudyPage.objects.filter(pk_in(selected, selection.base.db))
        return matches, missing, ranked_search_ids(search, among, operator, among=selected)

    key = versioned_key(
        "search",
        scope.key,
        repr(sorted(query.filters.items())),
        query.include_districts,
        ",".join(sorted(widened)),
        search,
        operator,
        query.orders_by_relevance,
    )
    matches, missing, ranked = get_or_compute(key, compute)
    selection.add_search(matches, missing)
    return ranked, True


def _counts_and_facets(
    query: CaseStudyQuery, selection: CaseStudyFilter, scope: Scope
) -> tuple[int | None, dict | None]:
    """(total, facets). Without filters or search, the site's stored counts have both; else the
    facets are counted (the total with them), and the total alone is left to the page."""
    counts = scope.stored_counts if not selection.conditions else None
    if counts is not None:
        facets = facets_from_counts(selection, counts, query.facets) if query.facets else None
        return counts.get("total", 0), facets
    if query.facets:
        return get_or_compute(
            versioned_key("facets", *_selection_key(query, scope), ",".join(query.facets)),
            lambda: count_facets(selection, query.facets),
        )
    return None, None
