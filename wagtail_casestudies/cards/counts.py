"""Each site's card counts (``models.CaseStudyCardCounts``), kept exact on every card change.

Every card change adds its difference to the counts of the sites the card is in, in the card
change's own transaction, after bumping the content version: the version's row lock makes
concurrent writers queue, so each adds to the other's result and the counts stay exact without
ever recounting. Reading never writes: a site without a counts row (or with one made for
another root page) is counted the usual way until the next recount.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from wagtail.models import Site

from .. import content_version
from ..models import CaseStudyCard, CaseStudyCardCounts, CouncilType, Region

# The card columns a card is counted by, in the order ``counted_keys`` takes them.
COUNTED_COLUMNS = (
    "path",
    "year",
    "is_covid19",
    "support_type_id",
    "council_types",
    "regions",
    "topic_ids",
)


def counted_keys(year, is_covid19, support_type_id, council_types, regions, topic_ids) -> list:
    """The counts a card adds one to (see ``CaseStudyCardCounts.counts``)."""
    keys = ["total", "covid:true" if is_covid19 else "covid:false"]
    if year is not None:
        keys.append(f"year:{year}")
    if support_type_id is not None:
        keys.append(f"support_type:{support_type_id}")
    keys += [f"topic:{pk}" for pk in topic_ids or ()]
    for prefix, mask, values in (
        ("council_type", council_types, CouncilType.values),
        ("region", regions, Region.values),
    ):
        keys += [f"{prefix}:{value}" for index, value in enumerate(values) if mask & (1 << index)]
    return keys


def lock() -> None:
    """Queue behind every other writer of cards until this transaction ends."""
    content_version.bump()


def rows_in_use() -> list[CaseStudyCardCounts]:
    """The counts rows to keep up to date. A row made for another root page (the site's root
    was changed or moved) is dropped; the next recount makes it again."""
    rows = list(CaseStudyCardCounts.objects.annotate(current_root=F("site__root_page__path")))
    stale = [row.pk for row in rows if row.root_path != row.current_root]
    if stale:
        CaseStudyCardCounts.objects.filter(pk__in=stale).delete()
    return [row for row in rows if row.pk not in stale]


def add_difference(rows: list[CaseStudyCardCounts], before: list, after: list) -> None:
    """Count the ``before`` cards (tuples of ``COUNTED_COLUMNS``) out and the ``after`` in."""
    changed = []
    for row in rows:
        difference: dict[str, int] = {}
        for cards, sign in ((before, -1), (after, 1)):
            for path, *columns in cards:
                if path.startswith(row.root_path):
                    for key in counted_keys(*columns):
                        difference[key] = difference.get(key, 0) + sign
        if any(difference.values()):
            for key, change in difference.items():
                value = row.counts.get(key, 0) + change
                if value:
                    row.counts[key] = value
                else:
                    row.counts.pop(key, None)
            changed.append(row)
    if changed:
        CaseStudyCardCounts.objects.bulk_update(changed, ["counts"])


def forget_support_type(pk: int) -> None:
    """A support type is being deleted: its cards lose it through ``SET NULL`` (no signal, and
    nothing left to count it out by), so its counts go now."""
    with transaction.atomic():
        lock()
        changed = []
        for row in CaseStudyCardCounts.objects.all():
            if row.counts.pop(f"support_type:{pk}", None) is not None:
                changed.append(row)
        CaseStudyCardCounts.objects.bulk_update(changed, ["counts"])


def count(root_path: str) -> dict[str, int]:
    """Count the cards under a site root from scratch."""
    counts: dict[str, int] = {}
    rows = CaseStudyCard.objects.filter(path__startswith=root_path).values_list(*COUNTED_COLUMNS)
    for _path, *columns in rows.iterator(chunk_size=2000):
        for key in counted_keys(*columns):
            counts[key] = counts.get(key, 0) + 1
    return counts


def site_counts(site: Site) -> dict[str, int] | None:
    """The stored counts of the site's cards; None when there are none for its current root
    (the caller counts the usual way)."""
    return (
        CaseStudyCardCounts.objects.filter(site=site, root_path=site.root_page.path)
        .values_list("counts", flat=True)
        .first()
    )


def recount_all() -> None:
    """Count every site's cards again from scratch (after cards were written in bulk, a site
    change, or a migration)."""
    with transaction.atomic():
        lock()
        CaseStudyCardCounts.objects.all().delete()
        CaseStudyCardCounts.objects.bulk_create(
            CaseStudyCardCounts(
                site=site, root_path=site.root_page.path, counts=count(site.root_page.path)
            )
            for site in Site.objects.select_related("root_page")
        )
