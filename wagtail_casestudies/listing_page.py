"""The server-rendered case-study library: the API's listing as an HTML page.

A site that is not headless gets the search, filters, facet counts, sort and paging the API
offers, as a plain HTML form that works without JavaScript. The results come from the API's own
listing pipeline (``api/listing.py``), so the page and the API cannot drift apart: the form's
field names are the API's query parameters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from .api.listing import Listing, run_listing
from .api.parameters import FACETS, FORM_PARAMETERS, ParameterError, parse_case_study_query
from .conf import settings as casestudy_settings
from .models import Council, live_case_studies, with_card_data

# The API parameters the page's form sends (and its links keep), as their declarations say
# (``FORM_PARAMETERS``); anything else in the query string (the page number, a campaign's
# tracking parameters) is not passed to the API.
# Filters the form shows as the API's facets, in this order, with these headings.
FACET_HEADINGS = {
    "topic": _("Topic"),
    "support_type": _("Support programme"),
    "council_type": _("Council type"),
    "region": _("Region or nation"),
    "year": _("Year"),
    "covid": _("COVID-19"),
}
ORDER_LABELS = {
    "relevance": _("Best match"),
    "-date": _("Newest first"),
    "date": _("Oldest first"),
    "title": _("Title, A to Z"),
    "-title": _("Title, Z to A"),
}
# Active filters the form has no facet for (a case study's council and keyword links set them):
# kept as hidden fields, and listed with a link that removes each.
KEPT_FILTERS = {"council": _("Council"), "tag": _("Keyword")}


def run_index_listing(request: HttpRequest, query: QueryDict, index_page: Page) -> Listing:
    """The case-study endpoint's listing (``api/listing.py``) for ``query``, of the case studies
    below the index page. Raises ``ParameterError`` for bad input, as the API does."""
    parsed = parse_case_study_query(query, ())
    return run_listing(parsed, Site.find_for_request(request), below=index_page)


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    heading: str
    choices: list[FacetChoice]
    # COVID-19 is one yes-or-no filter: radio buttons with an "Any" choice; the rest tick boxes.
    single: bool = False

    @property
    def selected_count(self) -> int:
        return sum(1 for choice in self.choices if choice.selected and choice.value)


@dataclass
class IndexListing:
    """One page of the library, what the form shows, and the links to other pages."""

    case_studies: list
    total: int
    page_number: int
    num_pages: int
    query: QueryDict
    facets: list[Facet] = field(default_factory=list)
    kept_filters: list[dict[str, str]] = field(default_factory=list)
    error: ParameterError | None = None

    @property
    def search(self) -> str:
        return self.query.get("search", "")

    @property
    def date_from(self) -> str:
        return self.query.get("date_from", "")

    @property
    def date_to(self) -> str:
        return self.query.get("date_to", "")

    @property
    def order_choices(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected) of each order the form offers."""
        current = self.query.get("order") or ("relevance" if self.search else "-date")
        return [
            (value, str(label), value == current)
            for value, label in ORDER_LABELS.items()
            if value != "relevance" or self.search
        ]

    @property
    def hidden_fields(self) -> list[tuple[str, str]]:
        """Parameters the form has no visible field for, so submitting it keeps them."""
        names = [*KEPT_FILTERS, "include_districts", "search_operator"]
        return [(name, value) for name in names for value in self.query.getlist(name)]

    @property
    def has_filters(self) -> bool:
        return any(name != "order" for name in self.query)

    def page_url(self, number: int) -> str:
        query = self.query.copy()
        if number > 1:
            query["page"] = str(number)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def previous_url(self) -> str | None:
        return self.page_url(self.page_number - 1) if self.page_number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.page_url(self.page_number + 1) if self.page_number < self.num_pages else None


def form_query(request: HttpRequest) -> QueryDict:
    """The API parameters in the request, blanks dropped (an HTML form sends every field)."""
    query = QueryDict(mutable=True)
    for name in FORM_PARAMETERS:
        values = [value for value in request.GET.getlist(name) if value.strip()]
        if values:
            query.setlist(name, values)
    if query.get("order") == "relevance" and not query.get("search"):
        # The form offers "Best match" with a search; cleared search, plain listing.
        del query["order"]
    return query


def page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "")
    return int(value) if value.isdigit() and 0 < int(value) < 100_000 else 1


def index_listing(request: HttpRequest, index_page: Page) -> IndexListing:
    """The page of results, the facets and the form's values for the index page's request."""
    query = form_query(request)
    size = min(casestudy_settings.INDEX_PAGE_SIZE, casestudy_settings.API_MAX_LIMIT)
    number = page_number(request)

    def run(selection: QueryDict, number: int) -> Listing:
        api_query = selection.copy()
        api_query["limit"] = str(size)
        api_query["offset"] = str((number - 1) * size)
        api_query["facets"] = ",".join(name for name in FACET_HEADINGS if name in FACETS)
        return run_index_listing(request, api_query, index_page)

    error = None
    try:
        listing = run(query, number)
    except ParameterError as exc:
        # Show the form again with the problem named, and the whole library's facets.
        error = exc
        listing = run(QueryDict(), 1)
        listing.rows = []
    total = 0 if error else listing.total
    num_pages = max(1, math.ceil(total / size))
    if number > num_pages:
        number = num_pages
        if error is None:  # past the last page: show the last
            listing = run(query, number)

    ids = listing.ids
    pages = with_card_data(live_case_studies().filter(pk__in=ids)).in_bulk(ids) if ids else {}
    return IndexListing(
        case_studies=[pages[pk] for pk in ids if pk in pages],
        total=total,
        page_number=number,
        num_pages=num_pages,
        query=query,
        facets=facets_from_meta(listing.facets or {}),
        kept_filters=kept_filters(query),
        error=error,
    )


def facets_from_meta(meta_facets: dict[str, list[dict]]) -> list[Facet]:
    """The API's facets as the form's choices: those with results, and any ticked."""
    facets = []
    for name, heading in FACET_HEADINGS.items():
        items = meta_facets.get(name)
        if items is None:
            continue
        choices = [
            FacetChoice(
                value=form_value(item["value"]),
                label=item["label"],
                count=item["count"],
                selected=item["selected"],
            )
            for item in items
            if item["count"] or item["selected"]
        ]
        single = name == "covid"
        if single:
            anything = not any(choice.selected for choice in choices)
            choices.insert(0, FacetChoice("", str(_("Any")), 0, anything))
        if choices:
            facets.append(Facet(name, str(heading), choices, single))
    return facets


def form_value(value: Any) -> str:
    """A facet value as the form sends it (the API's booleans as ``true``/``false``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def kept_filters(query: QueryDict) -> list[dict[str, str]]:
    """Active filters without a facet, each with the link that removes it."""
    kept = []
    councils = query.getlist("council")
    names = (
        dict(Council.objects.filter(slug__in=councils).values_list("slug", "name"))
        if councils
        else {}
    )
    for name, label in KEPT_FILTERS.items():
        for value in query.getlist(name):
            without = query.copy()
            without.setlist(name, [other for other in query.getlist(name) if other != value])
            encoded = without.urlencode()
            kept.append(
                {
                    "label": str(label),
                    "value": names.get(value, value) if name == "council" else value,
                    "remove_url": f"?{encoded}" if encoded else "?",
                }
            )
    return kept
