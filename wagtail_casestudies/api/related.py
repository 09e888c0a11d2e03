"""Which case studies a case study's detail lists as related.

The editor's choices come first, in their order. The rest are the visible case studies that
share the most with it: a shared topic counts three, a shared council two, a council in the same
region one; ties go to the newest.
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

from ..models import CaseStudyCouncil, CaseStudyPage

RELATED_LIMIT = 6


def related_ids(page, visible: QuerySet, limit: int = RELATED_LIMIT) -> list[int]:
    """Ids of up to ``limit`` related case studies (all visible), the editor's choices first.

    Two queries, whatever the page: the editor's visible choices, and the best of the rest.
    """
    chosen = [link.related_case_study_id for link in page.related_links.all()]
    if chosen:
        allowed = set(visible.filter(pk__in=chosen).values_list("pk", flat=True))
        chosen = [pk for pk in dict.fromkeys(chosen) if pk in allowed and pk != page.pk][:limit]
    remaining = limit - len(chosen)
    if remaining <= 0:
        return chosen

    topic_ids = [topic.pk for topic in page.topics.all()]
    councils = [link.council for link in page.council_links.all()]
    council_ids = [council.pk for council in councils]
    regions = sorted({council.region for council in councils if council.region})
    if not (topic_ids or council_ids or regions):
        return chosen

    through = CaseStudyPage.topics.through
    shared_topics = (
        through.objects.filter(casestudypage_id=OuterRef("pk"), topic_id__in=topic_ids)
        .order_by()
        .values("casestudypage_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    shared_council = Exists(
        CaseStudyCouncil.objects.filter(page_id=OuterRef("pk"), council_id__in=council_ids)
    )
    same_region = Exists(
        CaseStudyCouncil.objects.filter(page_id=OuterRef("pk"), council__region__in=regions)
    )
    candidates = Q()
    if topic_ids:
        candidates |= Q(
            pk__in=through.objects.filter(topic_id__in=topic_ids).values("casestudypage_id")
        )
    if council_ids:
        candidates |= Q(
            pk__in=CaseStudyCouncil.objects.filter(council_id__in=council_ids).values("page_id")
        )
    if regions:
        candidates |= Q(
            pk__in=CaseStudyCouncil.objects.filter(council__region__in=regions).values("page_id")
        )
    score = (
        Coalesce(Subquery(shared_topics, output_field=IntegerField()), Value(0)) * 3
        + _as_int(shared_council) * 2
        + _as_int(same_region)
    )
    others = (
        visible.filter(candidates)
        .exclude(pk__in=[page.pk, *chosen])
        .annotate(related_score=score)
        .order_by("-related_score", F("publication_date").desc(nulls_last=True), "-pk")
        .values_list("pk", flat=True)[:remaining]
    )
    return chosen + list(others)


def _as_int(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
