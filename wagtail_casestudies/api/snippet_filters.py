"""The filters of the council, topic and support-programme listings.

Each value is parsed by its declaration in ``parameters.py`` (``Parameter.parse``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from ..models import Council
from ..models.snippets import normalise_gss_code
from .filters import resolve_by_slug
from .parameters import COUNCIL_LISTING, SNIPPET_LISTING

_COUNCIL = {parameter.name: parameter for parameter in COUNCIL_LISTING}
# ``search`` means the same on every snippet listing.
_SEARCH = next(parameter for parameter in SNIPPET_LISTING if parameter.name == "search")


def filter_councils(query, queryset: QuerySet) -> QuerySet:
    """Councils filtered by type, region, whether they exist today, and parent council."""
    types = _COUNCIL["council_type"].parse(query) + _COUNCIL["type"].parse(query)
    if types:
        queryset = queryset.filter(council_type__in=types)
    regions = _COUNCIL["region"].parse(query)
    if regions:
        queryset = queryset.filter(region__in=regions)
    active = _COUNCIL["active"].parse(query)
    if active is True:
        queryset = queryset.active()
    elif active is False:
        queryset = queryset.abolished()
    parents = _COUNCIL["parent"].parse(query)
    if parents:
        ids = resolve_by_slug(
            "parent", Council.objects.all(), parents, ("gss_code", normalise_gss_code)
        )
        queryset = queryset.filter(parent_id__in=ids)
    return queryset


def filter_by_name_search(query, queryset: QuerySet, fields: Iterable[str]) -> QuerySet:
    """A plain, case-insensitive substring search over the given name fields."""
    search = _SEARCH.parse(query)
    if search is None:
        return queryset
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": search})
    return queryset.filter(condition)
