"""Keeping the card table equal to the visible case studies as content changes.

The signal handlers (``signal_handlers.py``) call these for whatever a change touches, in the
writer's own transaction, so a card changes together with its source: a reader sees both or
neither. Two changes are only complete when their transaction commits, and are refreshed then:
a new slug on a page above case studies (Wagtail rewrites the descendants' URL paths after the
page's own save), and anything done in bulk.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from django.db import connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Site

from ..models import CaseStudyCard, CaseStudyCardCounts, CaseStudyPage
from ..visibility import site_root_paths
from . import batch, counts
from .build import build_rows, card_format

BATCH_SIZE = 500


def refresh_cards(ids: Iterable[int]) -> None:
    """Make the cards of these case studies match the pages: build the visible ones, drop the
    rest (unpublished, view-restricted, deleted)."""
    if batch.defer(ids):
        return
    ids = sorted(set(ids))
    for start in range(0, len(ids), BATCH_SIZE):
        # A card lists its page's translations: theirs change with it.
        chunk = with_page_translations(ids[start : start + BATCH_SIZE])
        with transaction.atomic():
            replace(chunk, build_rows(chunk))


def with_page_translations(ids: list[int]) -> list[int]:
    """These case studies and their translations."""
    keys = CaseStudyPage.objects.filter(pk__in=ids).values("translation_key")
    translations = CaseStudyPage.objects.filter(translation_key__in=keys).exclude(pk__in=ids)
    return sorted({*ids, *translations.values_list("pk", flat=True)})


def forget_cards(ids: Iterable[int]) -> None:
    """Drop the cards of pages about to be deleted (before the cascade, which would not count
    them out); their translations' cards, which list them, are refreshed once they are gone."""
    ids = list(ids)
    translations = [pk for pk in with_page_translations(ids) if pk not in ids]
    with transaction.atomic():
        replace(ids, [])
    if translations:
        transaction.on_commit(lambda: refresh_cards(translations), robust=True)


def replace(ids: list[int], rows: list[CaseStudyCard]) -> None:
    """Make the cards of ``ids`` exactly ``rows`` (fresh rows for the visible ones among them),
    and add the difference to each site's counts. Runs in the caller's transaction."""
    counts.lock()
    roots = counts.current_root_paths()
    in_use = counts.rows_in_use(roots)
    before = []
    if in_use:
        before = list(CaseStudyCard.objects.filter(pk__in=ids).values_list(*counts.COUNTED_COLUMNS))
    built = {row.page_id for row in rows}
    CaseStudyCard.objects.filter(pk__in=[pk for pk in ids if pk not in built]).delete()
    if rows:
        CaseStudyCard.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[
                "locale",
                "path",
                "url_path",
                "title",
                "publication_date",
                "is_covid19",
                "year",
                "council_types",
                "regions",
                "support_type",
                "topic_ids",
                "data",
                "detail",
                "format",
            ],
        )
    if in_use:
        after = [tuple(getattr(row, column) for column in counts.COUNTED_COLUMNS) for row in rows]
        counts.add_difference(in_use, before, after, roots)


def refresh_subtree(path: str) -> None:
    """Refresh the cards of every case study at or below the page with this tree path (a move,
    a view restriction added or removed), and drop cards left under the old path."""
    ids = set(CaseStudyPage.objects.filter(path__startswith=path).values_list("pk", flat=True))
    ids |= set(CaseStudyCard.objects.filter(path__startswith=path).values_list("pk", flat=True))
    refresh_cards(ids)


def refresh_moved_urls_on_commit(page) -> None:
    """After saving a page that is not a case study: if its slug changed, so did the URLs of
    the case studies below it. Wagtail rewrites their URL paths after the page's own save, so
    their cards are refreshed when the transaction commits."""
    path, url_path = page.path, page.url_path

    def refresh() -> None:
        moved = (
            CaseStudyCard.objects.filter(path__startswith=path)
            .exclude(url_path__startswith=url_path)
            .values_list("pk", flat=True)
        )
        refresh_cards(list(moved))

    transaction.on_commit(refresh, robust=True)


def rebuild_all() -> int:
    """Rebuild the whole card cache from the pages and count every site's cards again; returns
    the number of cards."""
    ids = list(CaseStudyPage.objects.order_by("pk").values_list("pk", flat=True))
    refresh_cards(ids)
    CaseStudyCard.objects.exclude(pk__in=CaseStudyPage.objects.values("pk")).delete()
    counts.recount_all()
    return CaseStudyCard.objects.count()


def rebuild_stale() -> int:
    """Rebuild the cards stored in another format (an upgrade, a setting changed); returns how
    many. Run after every ``migrate``."""
    stale = list(CaseStudyCard.objects.exclude(format=card_format()).values_list("pk", flat=True))
    refresh_cards(stale)
    return len(stale)


def refresh_after_migrate(using: str = "default") -> None:
    """After ``migrate``: rebuild the cards a new release formats differently, and count the
    sites that have no counts yet. Only when this app's migrations are all applied (a migrate
    backwards leaves the tables in an older shape)."""
    applied = MigrationRecorder(connections[using]).applied_migrations()
    if not _latest_migrations() <= set(applied):
        return
    rebuild_stale()
    counted = {
        (site_id, locale_id, tuple(root_paths))
        for site_id, locale_id, root_paths in CaseStudyCardCounts.objects.values_list(
            "site_id", "locale_id", "root_paths"
        )
    }
    for site in Site.objects.select_related("root_page"):
        if (site.pk, site.root_page.locale_id, tuple(site_root_paths(site))) not in counted:
            counts.recount_all()
            return


@functools.cache
def _latest_migrations() -> frozenset[tuple[str, str]]:
    """This app's latest migrations (read from disk once per process)."""
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    app_label = CaseStudyCard._meta.app_label
    return frozenset(key for key in graph.leaf_nodes() if key[0] == app_label)


def differences() -> dict[str, list[int]]:
    """Where the card table differs from the pages: the ids of the case studies whose card is
    "missing" (visible, no card), "extra" (a card, not visible) or "stale" (its card differs
    from one built now). Reads a batch of pages and cards at a time."""
    fmt = card_format()
    found: dict[str, list[int]] = {"missing": [], "extra": [], "stale": []}
    ids = set(CaseStudyPage.objects.values_list("pk", flat=True))
    ids |= set(CaseStudyCard.objects.values_list("pk", flat=True))
    ids = sorted(ids)
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        built = {row.page_id: row for row in build_rows(chunk)}
        stored = CaseStudyCard.objects.in_bulk(chunk)
        for pk in chunk:
            if pk not in stored:
                if pk in built:
                    found["missing"].append(pk)
            elif pk not in built:
                found["extra"].append(pk)
            elif stored[pk].format != fmt or _columns(stored[pk]) != _columns(built[pk]):
                found["stale"].append(pk)
    return found


def _columns(card: CaseStudyCard) -> tuple:
    return (
        card.locale_id,
        card.path,
        card.url_path,
        card.title,
        card.publication_date,
        card.is_covid19,
        card.year,
        card.council_types,
        card.regions,
        card.support_type_id,
        list(card.topic_ids),
        card.data,
        card.detail,
    )
