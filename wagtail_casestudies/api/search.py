"""Full-text search for the case-study listing: which case studies match, and their order.

The two are asked apart. The total and the facets need the set of matches, not their order:
``matching_ids`` finds it with the index alone (PostgreSQL's GIN indexes, SQLite's FTS5 table),
ranking nothing. The page needs the order of only the case studies that pass every filter:
``ranked_search_ids`` ranks those. The listing treats the matches as one more filter
(``pk__in``), so search combines with every filter and facet, and facet counts include the
search. Both are cached under the content version, so paging through results or changing
filters does not search again.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import BigIntegerField, F, Q, QuerySet
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend

from .cache import get_or_compute, versioned_key

# Up to this many candidate case studies, PostgreSQL ranks only them; above, it ranks every
# match and keeps the allowed ones. (At 10,000 case studies the two cost the same at about
# 4,000 allowed: 155 against 211 ms for 2,200 allowed, 309 against 142 ms for 9,300.)
POSTGRES_NARROW_SELECTION = 4000
# Up to this many, SQLite ranks only them (more would make the ``IN`` list cost more than it saves).
SQLITE_NARROW_SELECTION = 2000


def ranked_search_ids(
    search: str,
    queryset: QuerySet,
    operator: str | None = None,
    *,
    among: list[int] | None = None,
    cache_key_parts=(),
) -> list[int]:
    """Ids of the case studies in ``queryset`` that match ``search``, most relevant first.
    ``among``: the ids of ``queryset``, when the caller has them already."""

    return _cached(
        ("search", *cache_key_parts, search, operator) if cache_key_parts else None,
        lambda: _search(search, queryset, operator, rank=True, among=among),
    )


def matching_ids(
    search: str,
    queryset: QuerySet,
    operator: str | None = None,
    *,
    among: list[int] | None = None,
    cache_key_parts=(),
) -> list[int]:
    """Ids of the case studies in ``queryset`` that match ``search``, in no particular order:
    the same set as ``ranked_search_ids``, found without ranking any of them. ``among``: the
    ids of ``queryset``, when the caller has them already."""

    return _cached(
        ("matches", *cache_key_parts, search, operator) if cache_key_parts else None,
        lambda: _search(search, queryset, operator, rank=False, among=among),
    )


def _cached(key_parts: tuple | None, compute: Callable[[], list[int]]) -> list[int]:
    """Search results kept under the content version (not kept without key parts)."""
    if key_parts is None:
        return compute()
    return get_or_compute(versioned_key(*key_parts), compute)


def _search(
    search: str,
    queryset: QuerySet,
    operator: str | None,
    *,
    rank: bool,
    among: list[int] | None = None,
) -> list[int]:
    # A search is plain text: a double quote is not syntax (SQLite's FTS5 fails on an odd one),
    # and every backend's tokenizer drops it between words anyway.
    search = search.replace('"', " ")
    if not any(character.isalnum() for character in search):
        return []  # no word to look for
    model = queryset.model
    # The search backends accept a queryset filtered by primary key (the pattern Wagtail's own
    # pages API uses); other filters would have to be declared as index.FilterFields.
    searchable = model._default_manager.filter(pk__in=queryset.order_by().values("pk")).only("pk")
    backend = get_search_backend()
    fast_path = {
        "SQLiteSearchBackend": _sqlite_ranked_ids,
        "PostgresSearchBackend": _postgres_ranked_ids,
    }.get(type(backend).__name__)
    if fast_path is not None:
        ranked = _or_none(
            lambda: fast_path(backend, search, searchable, operator, rank=rank, among=among),
            queryset.db,
        )
        if ranked is not None:
            return ranked
    results = backend.search(search, searchable, operator=operator, order_by_relevance=rank)
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        # The database backends build a queryset: take its ids, not a model instance per match
        # (95,000 of them for a common word over 100,000 case studies).
        ranked = _or_none(lambda: list(get_queryset().values_list("pk", flat=True)), queryset.db)
        if ranked is not None:
            return ranked
    return [obj.pk for obj in results]


def _or_none(attempt: Callable[[], list[int] | None], using: str) -> list[int] | None:
    """The result of a shortcut through a backend's internals, or None if it fails (they
    changed): the caller takes the public path. The attempt runs in a savepoint, so a failed
    query leaves the request's transaction usable (``ATOMIC_REQUESTS`` on PostgreSQL)."""
    try:
        with transaction.atomic(using=using):
            return attempt()
    except Exception:  # noqa: BLE001 - internals changed: use the public path
        return None


def _sqlite_ranked_ids(
    backend, search, searchable, operator, *, rank=True, among=None
) -> list[int] | None:
    """Rank SQLite full-text matches in one query.

    The SQLite backend orders by relevance with a correlated subquery that re-runs the FTS
    match for every candidate row: 14-16 s for a common word over 5,000 case studies. This runs
    the same match and BM25 rank once, using the backend's own query compiler, over only the
    rows ``searchable`` allows. It leans on the backend's internals, so anything unexpected falls
    back to the backend's public search (None).
    """
    results = backend.search(search, searchable, operator=operator, order_by_relevance=True)
    compiler = results.query_compiler
    module = sys.modules[type(compiler).__module__]
    config = compiler.get_config(backend)
    normalized = module.normalize(compiler.query)
    if type(normalized).__name__ in ("MatchAll", "Not"):
        return None
    search_query = compiler.build_search_query(normalized, config=config)
    match = module.MatchExpression(compiler.fields or compiler.FTS_TABLE_FIELDS, search_query)
    # The index's vectors as seen from the FTS table (Wagtail 7's compiler gives them as
    # seen from the page model, which this query does not start from).
    vectors = [
        (F("index_entry__title"), F("index_entry__title_norm")),
        (F("index_entry__body"), 1.0),
    ]
    content_types = module.get_descendants_content_types_pks(searchable.model)
    rows = module.SQLiteFTSIndexEntry.objects.filter(match).filter(
        index_entry__content_type__in=content_types
    )
    if rank:
        score = compiler._build_rank_expression(vectors, config)
        # BM25 is negative here: the lowest is the best match; ties newest first, as on
        # PostgreSQL, so the order does not depend on how the selection was searched.
        rows = rows.annotate(score=score).order_by(
            "score", Cast("index_entry__object_id", BigIntegerField()).desc()
        )
    else:
        rows = rows.order_by()  # the set alone: FTS5 finds it in its index, ranking nothing
    rows = rows.values_list("index_entry__object_id", flat=True)
    allowed_ids = set(among if among is not None else _ids(searchable))
    if len(allowed_ids) <= SQLITE_NARROW_SELECTION:
        # A few allowed rows: keep them in the same query, so only they are ranked and
        # sorted. (``rowid IN (...)`` on the FTS table would look every row up with its
        # own match: slower than ranking everything.)
        as_text = json.dumps([str(pk) for pk in allowed_ids])
        rows = rows.filter(
            index_entry__object_id__in=RawSQL("SELECT value FROM json_each(%s)", (as_text,))
        )
    return _allowed_in_rank_order(rows, allowed_ids)


def _postgres_ranked_ids(
    backend, search, searchable, operator, *, rank=True, among=None
) -> list[int] | None:
    """Rank PostgreSQL full-text matches on the index table alone.

    The PostgreSQL backend tests ``(title || body) @@ query`` on the page table joined to the
    index, ranks every match and makes a model instance of each: 100 ms for a common word even
    when filters leave a few hundred case studies. This runs the same match and the same rank
    (the test suite compares them) on the index table, restricted first to the rows
    ``searchable`` allows when they are few, or filtered by them afterwards when they are many.
    Concatenating two vectors costs more than matching both: a row whose title or body matches
    on its own is taken without it. That is exact for queries without a negation, but for one
    corner: PostgreSQL stops counting word positions at 16,383, so a phrase beyond that in a
    body matches the body alone and not the concatenation (the backend would miss it).
    """
    # django.contrib.postgres needs psycopg, which a SQLite site may not have.
    from django.contrib.postgres.search import SearchVectorField

    allowed_ids = list(among) if among is not None else _ids(searchable)
    narrow = len(allowed_ids) <= POSTGRES_NARROW_SELECTION
    results = backend.search(search, searchable, operator=operator, order_by_relevance=True)
    compiler = results.query_compiler
    module = sys.modules[type(compiler).__module__]
    query_types = ("MatchAll", "Not", "Fuzzy")
    if compiler.fields is not None or type(compiler.query).__name__ in query_types:
        return None
    config = compiler.get_config(backend)
    search_query = compiler.build_tsquery(compiler.query, config=config)
    combined = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    match = Q(_vector=search_query)
    by_term = None if rank else _postgres_match_by_term(compiler, config)
    if by_term is not None:
        match = by_term
    elif not _has_negation(compiler.query):
        # Both vectors hold every word of their row: a query without a negation that
        # matches one of them matches the two together.
        match = Q(title=search_query) | Q(body=search_query) | match
    rows = module.IndexEntry.objects.filter(
        content_type__in=module.get_descendants_content_types_pks(searchable.model)
    )
    if narrow:
        # The allowed ids as one text[] parameter (the index keys objects by text).
        allowed = RawSQL("SELECT unnest(%s::text[])", ([str(pk) for pk in allowed_ids],))
        rows = rows.filter(object_id__in=allowed)
    if by_term is None:
        rows = rows.annotate(_vector=combined)
    rows = rows.filter(match)
    if rank:
        score = compiler._build_rank_expression(
            [(F("title"), F("title_norm")), (F("body"), 1.0)], config
        )
        rows = rows.annotate(_rank=score).order_by(
            F("_rank").desc(), Cast("object_id", output_field=BigIntegerField()).desc()
        )
    else:
        rows = rows.order_by()
    return _allowed_in_rank_order(rows.values_list("object_id", flat=True), set(allowed_ids))


def _postgres_match_by_term(compiler, config) -> Q | None:
    """The backend's match of a plain-text query as a test of each word on the title or the
    body vector, which their GIN indexes answer without reading a row, instead of a test of
    the two concatenated, which reads and joins both vectors of every row. The backend splits
    the text into words the same way and joins them with the query's operator. (A word the
    text-search parser splits again, such as ``o'neil``, becomes a phrase; one that spans the
    end of a title and the start of a body matches the concatenation only.) None for any
    other query: the caller tests the concatenation."""
    query = compiler.query
    if type(query).__name__ != "PlainText":
        return None
    # Split as the backend's compiler splits: django-modelsearch (Wagtail 8) on spaces and
    # hyphens, Wagtail < 8.0 on spaces only.
    separators = r"[\s\-]+" if type(compiler).__module__.startswith("modelsearch") else r"\s+"
    words = [word for word in re.split(separators, query.query_string) if word]
    if not words:
        return None
    match = None
    for word in words:
        word_query = compiler.build_tsquery(type(query)(word), config=config)
        either = Q(title=word_query) | Q(body=word_query)
        if match is None:
            match = either
        elif query.operator == "or":
            match |= either
        else:
            match &= either
    return match


def _ids(searchable: QuerySet) -> list[int]:
    return list(searchable.order_by().values_list("pk", flat=True))


def _allowed_in_rank_order(object_ids: Iterable[str], allowed: set[int]) -> list[int]:
    """The ranked index rows' object ids as case-study ids, each once, the allowed ones only."""
    ranked = dict.fromkeys(int(object_id) for object_id in object_ids)
    return [pk for pk in ranked if pk in allowed]


def _has_negation(query) -> bool:
    """Whether a search query (wagtail.search.query) contains a ``Not`` anywhere."""
    if type(query).__name__ == "Not":
        return True
    children = [*getattr(query, "subqueries", ()), getattr(query, "subquery", None)]
    return any(child is not None and _has_negation(child) for child in children)
