"""The filters of the council, topic and support-programme listings."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from ..models import Council, CouncilType, Region
from ..models.snippets import normalise_gss_code
from .filters import resolve_by_slug
from .parameters import (
    MAX_SEARCH_LENGTH,
    ParameterError,
    get_single,
    get_values,
    parse_boolean,
    parse_choices,
)


def filter_councils(query, queryset: QuerySet) -> QuerySet:
    """Councils filtered by type, region, whether they exist today, and parent council."""
    types = parse_choices(
        "council_type",
        get_values(query, "council_type") + get_values(query, "type"),
        CouncilType.values,
    )
    if types:
        queryset = queryset.filter(council_type__in=types)
    regions = parse_choices("region", get_values(query, "region"), Region.values)
    if regions:
        queryset = queryset.filter(region__in=regions)
    active = parse_boolean("active", get_single(query, "active"))
    if active is True:
        queryset = queryset.active()
    elif active is False:
        queryset = queryset.abolished()
    parents = get_values(query, "parent")
    if parents:
        ids = resolve_by_slug(
            "parent", Council.objects.all(), parents, ("gss_code", normalise_gss_code)
        )
        queryset = queryset.filter(parent_id__in=ids)
    return queryset


def filter_by_name_search(query, queryset: QuerySet, fields: Iterable[str]) -> QuerySet:
    """A plain, case-insensitive substring search over the given name fields."""
    search = get_single(query, "search")
    if search is None:
        return queryset
    if len(search) > MAX_SEARCH_LENGTH:
        raise ParameterError("search", f"must be at most {MAX_SEARCH_LENGTH} characters")
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": search})
    return queryset.filter(condition)
