"""Which case studies a case study's detail lists as related.

The editor's choices come first, in their order. The rest are the visible case studies that
share the most with it: a shared topic counts three, a shared council two, a council in the same
region one; ties go to the newest.

Scored on the card table (``models.CaseStudyCard``), which holds exactly the visible case
studies with their region bits, in one query that also returns the related cards: the detail
serves them as stored, without loading a page per related case study.
"""

from __future__ import annotations

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThan

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
    through = CaseStudyPage.topics.through
    # The candidates' ids from the link tables' indexes, as one subquery (a UNION), so the
    # database looks their cards up by key instead of scanning the card table.
    linked = []
    if chosen:
        linked.append(CaseStudyCard.objects.filter(pk__in=chosen).order_by().values("pk"))
    if topic_ids:
        topic_links = through.objects.filter(topic_id__in=topic_ids).order_by()
        linked.append(topic_links.values("casestudypage_id"))
    if council_ids:
        council_links = CaseStudyCouncil.objects.filter(council_id__in=council_ids).order_by()
        linked.append(council_links.values("page_id"))
    candidates = Q()
    if linked:
        candidates = Q(pk__in=linked[0].union(*linked[1:]) if len(linked) > 1 else linked[0])
    score = Value(0)
    if topic_ids:
        shared_topics = (
            through.objects.filter(casestudypage_id=OuterRef("pk"), topic_id__in=topic_ids)
            .order_by()
            .values("casestudypage_id")
            .annotate(n=Count("*"))
            .values("n")
        )
        score = Coalesce(Subquery(shared_topics, output_field=IntegerField()), Value(0)) * 3
    if council_ids:
        shared_council = Exists(
            CaseStudyCouncil.objects.filter(page_id=OuterRef("pk"), council_id__in=council_ids)
        )
        score = score + _as_int(shared_council) * 2
    if regions:
        # The card's bits of its councils' regions: one test on the row, no council join.
        same_region = GreaterThan(F("regions").bitand(regions), 0)
        if with_region:
            candidates |= same_region
        score = score + _as_int(same_region)
    if not candidates:
        return []
    rows = cards.filter(candidates).exclude(pk=page_id)
    order = [F("publication_date").desc(nulls_last=True), "-pk"]
    if topic_ids or council_ids or regions:  # else every score is 0 (a constant to SQL)
        rows = rows.annotate(related_score=score)
        order.insert(0, F("related_score").desc())
    if chosen:
        chosen_first = Case(
            *[When(pk=pk, then=Value(position)) for position, pk in enumerate(chosen)],
            default=Value(len(chosen)),
            output_field=IntegerField(),
        )
        rows = rows.annotate(related_chosen=chosen_first)
        order.insert(0, "related_chosen")
    return list(rows.order_by(*order).values_list("pk", "data", "format")[:limit])


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


def _as_int(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
