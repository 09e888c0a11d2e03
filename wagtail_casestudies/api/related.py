"""Which case studies a case study's detail lists as related.

The editor's choices come first, in their order. The rest are the visible case studies that
share the most with it: a shared topic counts three, a shared council two, a council in the same
region one; ties go to the newest.

Scored in one query that also returns the related cards, so the detail serves them as stored
without loading a page per related case study: the topic and council links give each candidate
its score, and the card table (``models.CaseStudyCard``), which holds exactly the visible case
studies with their region bits, the rest.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet

from ..models import CaseStudyCard, CaseStudyCouncil, CaseStudyPage
from ..models.cards import region_bit

RELATED_LIMIT = 6


def related_rows(
    cards: QuerySet,
    *,
    page_id: int,
    chosen: list[int],
    topic_ids: list[int],
    council_ids: list[int],
    regions: int,
    limit: int = RELATED_LIMIT,
) -> list[tuple[int, dict, int]]:
    """Up to ``limit`` related cards as stored rows ``(id, card, format)``, best first: the
    visible ones of the editor's ``chosen`` ids, then the best scored. ``cards`` are the cards
    the reader may see (``visibility.visible_cards_of``); ``regions`` is the case study's region
    bit mask (``CaseStudyCard.regions``).

    One query, bounded: a case study sharing only a region scores 1, and any sharing a topic
    (3) or a council (2) scores more, so the first query scores only those, found through the
    topic and council links' indexes, and not the region's many. Only when they are fewer than
    ``limit`` does a second query score the region's too: the answer is the same either way."""
    first = _related_rows(
        cards, page_id, chosen, topic_ids, council_ids, regions, limit, with_region=False
    )
    if len(first) >= limit or not regions:
        return first
    return _related_rows(
        cards, page_id, chosen, topic_ids, council_ids, regions, limit, with_region=True
    )


def _related_rows(
    cards, page_id, chosen, topic_ids, council_ids, regions, limit, *, with_region
) -> list[tuple[int, dict, int]]:
    chosen = [pk for pk in dict.fromkeys(chosen) if pk != page_id]
    if limit < 1:
        return []
    # Each candidate's score comes from the link tables alone (their indexes), summed per case
    # study in a derived table, and the query looks the candidates' cards up by key. Scoring
    # the cards instead (a correlated count per card, the candidates as a semi-join) had
    # PostgreSQL scan the whole card table, whose rows are wide. Django's ORM cannot join a
    # derived table, hence the SQL; the visible cards are still ``cards``, compiled.
    quote = connections[cards.db].ops.quote_name
    through = CaseStudyPage.topics.through
    links, link_params = [], []
    for ids, score, model, page_field, link_field, distinct in (
        (chosen, 0, CaseStudyCard, "page", "page", ""),
        (topic_ids, 3, through, "casestudypage", "topic", ""),
        # A council shared scores 2 once, however many are shared.
        (council_ids, 2, CaseStudyCouncil, "page", "council", "DISTINCT "),
    ):
        if ids:
            page_column = quote(model._meta.get_field(page_field).column)
            link_column = quote(model._meta.get_field(link_field).column)
            links.append(
                f"SELECT {distinct}{page_column} AS id, {score} AS score "
                f"FROM {quote(model._meta.db_table)} "
                f"WHERE {link_column} IN ({', '.join(['%s'] * len(ids))})"
            )
            link_params += ids
    if not links:
        return []  # nothing shared (a case study with a region has its councils)
    columns = cards.exclude(pk=page_id).values(
        "pk", "data", "format", "regions", "publication_date"
    )
    try:
        visible, visible_params = columns.query.get_compiler(using=cards.db).as_sql()
    except EmptyResultSet:  # no cards to see (no site)
        return []
    scored = (
        f"SELECT id, SUM(score) AS score FROM ({' UNION ALL '.join(links)}) AS links GROUP BY id"
    )
    if with_region:
        # Also the case studies that share only a region (score 1).
        join = "LEFT JOIN scored ON scored.id = card.pk"
        where = "WHERE scored.id IS NOT NULL OR (card.regions & %s) > 0"
        params = [*link_params, *visible_params, regions]
    else:
        # Only the candidates that can still be among the first ``limit``: the region adds at
        # most 1, so none scoring 2 less than the limit-th visible candidate (``cut``, found
        # by looking up cards in score order until it is reached) can overtake it. At 100,000
        # case studies a common topic's 14,000 candidates are a few hundred.
        # (The inner LIMIT keeps the candidates sorted before the join, so the lookups stop
        # at the limit-th visible one instead of looking every candidate up first.)
        cut = (
            "SELECT ranked.score FROM "
            "(SELECT id, score FROM scored ORDER BY score DESC LIMIT 1000000000) AS ranked "
            f"JOIN ({visible}) AS seen ON seen.pk = ranked.id "
            "ORDER BY ranked.score DESC LIMIT 1 OFFSET %s"
        )
        join = "JOIN scored ON scored.id = card.pk"
        where = f"WHERE scored.score >= COALESCE(({cut}), 0) - 1"
        params = [*link_params, *visible_params, *visible_params, limit - 1]
        if chosen:
            where += f" OR card.pk IN ({', '.join(['%s'] * len(chosen))})"
            params += chosen
    order = []
    if chosen:
        whens = " ".join("WHEN %s THEN %s" for _ in chosen)
        order.append(f"CASE card.pk {whens} ELSE %s END")
        for position, pk in enumerate(chosen):
            params += [pk, position]
        params.append(len(chosen))
    order += [
        "COALESCE(scored.score, 0) + CASE WHEN (card.regions & %s) > 0 THEN 1 ELSE 0 END DESC",
        "card.publication_date DESC NULLS LAST",
        "card.pk DESC",
    ]
    params += [regions, limit]
    sql = (
        f"WITH scored AS ({scored}) SELECT card.pk AS page_id, card.data, card.format "
        f"FROM ({visible}) AS card {join} {where} ORDER BY {', '.join(order)} LIMIT %s"
    )
    return [
        (card.pk, card.data, card.format)
        for card in CaseStudyCard.objects.db_manager(cards.db).raw(sql, params)
    ]


def related_ids(page, cards: QuerySet, limit: int = RELATED_LIMIT) -> list[int]:
    """Ids of up to ``limit`` related case studies of a page instance (saved or a preview's
    unsaved draft), by the same rule: ``related_rows`` of what the page holds now."""
    councils = [link.council for link in page.council_links.all()]
    regions = 0
    for council in councils:
        regions |= region_bit(council.region)
    rows = related_rows(
        cards,
        page_id=page.pk,
        chosen=[link.related_case_study_id for link in page.related_links.all()],
        topic_ids=[topic.pk for topic in page.topics.all()],
        council_ids=[council.pk for council in councils],
        regions=regions,
        limit=limit,
    )
    return [row[0] for row in rows]
