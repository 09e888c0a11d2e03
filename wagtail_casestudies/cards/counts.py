"""Each site's card counts per locale (``models.CaseStudyCardCounts``), kept exact on every
card change.

Every card change adds its difference to the counts of the sites the card is in, in the card
change's own transaction, after bumping the content version: the version's row lock makes
concurrent writers queue, so each adds to the other's result and the counts stay exact without
ever recounting. The first card of a locale a counted site had none in is counted then, by the
writer, as are the rows of a site whose root pages changed. Reading never writes: a site and
locale without a counts row (or with one made for other root pages) is counted the usual way
until then.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Site

from .. import content_version
from ..models import CaseStudyCard, CaseStudyCardCounts, CouncilType, Region
from ..visibility import below_any, site_root_paths, visible_cards_of

# The card columns a card is counted by: its locale and path (which counts row), then the
# columns in the order ``counted_keys`` takes them.
COUNTED_COLUMNS = (
    "locale_id",
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


def current_root_paths() -> dict[int, list[str]]:
    """Every site's root paths (``visibility.site_root_paths``), by site id."""
    return {site.pk: site_root_paths(site) for site in Site.objects.select_related("root_page")}


def rows_in_use(roots: dict[int, list[str]]) -> list[CaseStudyCardCounts]:
    """The counts rows to keep up to date. A row made for other root pages (the site's root was
    changed or moved, or translated) is counted again for the current ones first."""
    rows = list(CaseStudyCardCounts.objects.all())
    stale = [row for row in rows if row.root_paths != roots.get(row.site_id)]
    for row in stale:
        row.root_paths = roots[row.site_id]
        row.counts = count(row.root_paths, row.locale_id)
    if stale:
        CaseStudyCardCounts.objects.bulk_update(stale, ["root_paths", "counts"])
    return rows


def _below(path: str, root_paths: list[str]) -> bool:
    return any(path.startswith(root) for root in root_paths)


def add_difference(
    rows: list[CaseStudyCardCounts], before: list, after: list, roots: dict[int, list[str]]
) -> None:
    """Count the ``before`` cards (tuples of ``COUNTED_COLUMNS``) out and the ``after`` in; a
    counted site's first card in a locale is counted with the rest of that locale."""
    changed = []
    for row in rows:
        difference: dict[str, int] = {}
        for cards, sign in ((before, -1), (after, 1)):
            for locale_id, path, *columns in cards:
                if locale_id == row.locale_id and _below(path, row.root_paths):
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
    counted = {(row.site_id, row.locale_id) for row in rows}
    new = {
        (site_id, locale_id)
        for locale_id, path, *_columns in after
        for site_id in {row.site_id for row in rows}
        if (site_id, locale_id) not in counted and _below(path, roots[site_id])
    }
    CaseStudyCardCounts.objects.bulk_create(
        CaseStudyCardCounts(
            site_id=site_id,
            locale_id=locale_id,
            root_paths=roots[site_id],
            counts=count(roots[site_id], locale_id),
        )
        for site_id, locale_id in sorted(new)
    )


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


def count(root_paths: list[str], locale_id: int) -> dict[str, int]:
    """Count the cards of one locale under a site's root pages from scratch."""
    counts: dict[str, int] = {}
    cards = CaseStudyCard.objects.filter(below_any(root_paths), locale_id=locale_id)
    for _locale, _path, *columns in cards.values_list(*COUNTED_COLUMNS).iterator(chunk_size=2000):
        for key in counted_keys(*columns):
            counts[key] = counts.get(key, 0) + 1
    return counts


def site_counts(site: Site, locale_id: int, root_paths: list[str]) -> dict[str, int] | None:
    """The stored counts of the site's cards in a locale; None when there are none for its
    current root pages (the caller counts the usual way)."""
    row = (
        CaseStudyCardCounts.objects.filter(site=site, locale_id=locale_id)
        .values_list("root_paths", "counts")
        .first()
    )
    return row[1] if row is not None and row[0] == root_paths else None


def recount_all() -> None:
    """Count every site's cards again from scratch, per locale (after cards were written in
    bulk, a site change, or a migration): the site's root page's locale, and every locale it
    has cards in."""
    with transaction.atomic():
        lock()
        CaseStudyCardCounts.objects.all().delete()
        rows = []
        for site in Site.objects.select_related("root_page"):
            roots = site_root_paths(site)
            locales = set(
                visible_cards_of(site, root_paths=roots).values_list("locale_id", flat=True)
            )
            for locale_id in sorted(locales | {site.root_page.locale_id}):
                rows.append(
                    CaseStudyCardCounts(
                        site=site,
                        locale_id=locale_id,
                        root_paths=roots,
                        counts=count(roots, locale_id),
                    )
                )
        CaseStudyCardCounts.objects.bulk_create(rows)
