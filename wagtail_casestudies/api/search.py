"""Full-text search for the case-study listing: the ids of matching case studies, best first.

The listing searches once and then treats the result as one more filter (``pk__in``), so search
combines with every filter and facet, and facet counts include the search. The ranked ids are
cached under the content version, so paging through results or changing filters does not search
again.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.search.backends import get_search_backend

from .cache import get_or_compute, versioned_key


def ranked_search_ids(
    search: str, queryset: QuerySet, operator: str | None = None, *, cache_key_parts=()
) -> list[int]:
    """Ids of the case studies in ``queryset`` that match ``search``, most relevant first."""

    def compute() -> list[int]:
        return _search(search, queryset, operator)

    if not cache_key_parts:
        return compute()
    return get_or_compute(versioned_key("search", *cache_key_parts, search, operator), compute)


def _search(search: str, queryset: QuerySet, operator: str | None) -> list[int]:
    model = queryset.model
    # The search backends accept a queryset filtered by primary key (the pattern Wagtail's own
    # pages API uses); other filters would have to be declared as index.FilterFields.
    searchable = model._default_manager.filter(pk__in=queryset.order_by().values("pk")).only("pk")
    backend = get_search_backend()
    results = backend.search(search, searchable, operator=operator, order_by_relevance=True)
    return [obj.pk for obj in results]
