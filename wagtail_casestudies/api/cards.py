"""The card cache (``models.CaseStudyCard``): building cards when content changes, serving them.

A listing card (``serializers.card_data``) is mostly the same for every request. What is not:

- the API detail URL (it depends on where and how the API is mounted, v2 or v3, and the host);
- the page's URL, when a page belongs to several sites (nested site roots): the request's site
  decides, so the card keeps the URL for each site the page is in;
- image URLs, made absolute with the request's host (or ``WAGTAILAPI_BASE_URL``);
- the lead council's ``is_active``, which changes at midnight when a council is abolished.

``build_card`` stores everything else, plus the raw material for those four; ``serve_card``
finishes a stored card for one request in a few dictionary operations, giving exactly what
``card_data`` gives (the test suite checks this card by card).

``refresh_cards`` keeps the table equal to the set of live, public case studies; the signal
handlers call it for whatever a change touches. A card built by another release of the package
or under other settings (``card_format()``) is rebuilt the next time it is served.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import threading
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.http import HttpRequest

from . import serializers

# Bump when the stored layout or the card's shape changes.
CARD_LAYOUT = 1
BATCH_SIZE = 500

_local = threading.local()


def deleting_pages() -> set[int]:
    """Ids of the pages being deleted right now in this thread (between their pre_delete and
    post_delete): their cards go with them, so nothing may rebuild one meanwhile."""
    if not hasattr(_local, "deleting"):
        _local.deleting = set()
    return _local.deleting


@contextlib.contextmanager
def one_refresh_per_page():
    """Refresh each case study's card once, when the block ends, however many refreshes are
    asked for inside it. Saving a case study saves its row, then each council link and its
    topics, and each sends a signal that refreshes the card: without this, publishing a case
    study with three councils built its card five times. The block and the refresh are one
    transaction: if either raises, both are rolled back."""
    if getattr(_local, "pending", None) is not None:  # nested: the outermost block refreshes
        yield
        return
    with transaction.atomic():
        _local.pending = pending = set()
        try:
            yield
        finally:
            _local.pending = None
        refresh_cards(pending)


def card_format() -> int:
    """The format number stored with each card: the layout, and the settings a card depends on
    (time zone, rendition widths, media URL, slash style), so that changing them rebuilds cards
    as they are served instead of serving stale ones."""
    from ..conf import settings as casestudy_settings

    fingerprint = repr(
        (
            CARD_LAYOUT,
            settings.TIME_ZONE,
            tuple(casestudy_settings.HERO_IMAGE_WIDTHS),
            getattr(settings, "MEDIA_URL", ""),
            getattr(settings, "WAGTAIL_APPEND_SLASH", True),
            getattr(settings, "WAGTAIL_I18N_ENABLED", False),
        )
    )
    # PositiveSmallIntegerField: 1..32767 on every database.
    return int(hashlib.sha256(fingerprint.encode()).hexdigest()[:8], 16) % 32767 + 1


# --- Building -----------------------------------------------------------------------------------


def site_urls(page) -> dict[str, list]:
    """{site id: [url, path]} for every site the page belongs to (almost always one)."""
    from wagtail.models import Site

    site_ids = sorted({values[0] for values in page._get_relevant_site_root_paths()})
    if len(site_ids) <= 1:
        url, path = serializers.page_urls(page)
        return {str(site_id): [url, path] for site_id in site_ids}
    urls = {}
    for site in Site.objects.filter(pk__in=site_ids):
        request = HttpRequest()
        request._wagtail_site = site  # what Site.find_for_request would find
        urls[str(site.pk)] = list(serializers.page_urls(page, request))
    return urls


def build_card(page, renditions_of: dict | None = None) -> dict[str, Any]:
    """The stored form of a case study's card; ``page`` comes from ``serializers.card_queryset``.
    ``renditions_of`` remembers each image's renditions across a batch of cards."""
    links = list(page.council_links.all())
    lead = None
    if links:
        council = links[0].council
        lead = dict(serializers.council_data(council))
        # Decided when served; keeps its place in the key order.
        lead["is_active"] = [
            serializers.format_date(council.valid_from),
            serializers.format_date(council.valid_to),
        ]
    hero = None
    if page.hero_image_id:
        if renditions_of is None:
            renditions_of = {}
        renditions = renditions_of.get(page.hero_image_id)
        if renditions is None:
            renditions = renditions_of[page.hero_image_id] = serializers._renditions(
                page.hero_image
            )
        if renditions:
            hero = {
                "alt": serializers._alt(page.hero_image, page.hero_image_alt),
                "renditions": renditions,
            }
    return {
        "id": page.pk,
        "slug": page.slug,
        "first_published_at": serializers.format_datetime(page.first_published_at),
        "title": page.title,
        "summary": page.summary,
        "urls": site_urls(page),
        "date": serializers.format_date(page.display_date),
        "lead_council": lead,
        "topics": [serializers.topic_data(topic) for topic in page.topics.all()],
        "main_topic": serializers.topic_data(page.main_topic) if page.main_topic_id else None,
        "support_type": serializers.support_type_data(page.support_type)
        if page.support_type_id
        else None,
        "is_covid19": page.is_covid19,
        "hero": hero,
    }


def _row(page, fmt: int, renditions_of: dict):
    from ..models import CaseStudyCard
    from ..models.cards import council_type_bit, region_bit

    council_types = regions = 0
    for link in page.council_links.all():
        council_types |= council_type_bit(link.council.council_type)
        regions |= region_bit(link.council.region)
    return CaseStudyCard(
        year=page.publication_date.year if page.publication_date else None,
        council_types=council_types,
        regions=regions,
        page_id=page.pk,
        path=page.path,
        url_path=page.url_path,
        title=page.title,
        publication_date=page.publication_date,
        is_covid19=page.is_covid19,
        support_type_id=page.support_type_id,
        topic_ids=sorted(topic.pk for topic in page.topics.all()),
        data=build_card(page, renditions_of),
        format=fmt,
    )


def build_rows(ids: Iterable[int]) -> list:
    """Fresh (unsaved) card rows for those of ``ids`` that are live and public."""
    from ..models import CaseStudyPage

    ids = list(ids)
    if not ids:
        return []
    visible = CaseStudyPage.objects.live().public().filter(pk__in=ids)
    fmt = card_format()
    renditions_of: dict = {}
    return [_row(page, fmt, renditions_of) for page in serializers.card_queryset(visible)]


def refresh_cards(ids: Iterable[int]) -> None:
    """Make the cards of these case studies match the pages: build the visible ones, drop the
    rest (unpublished, view-restricted, deleted)."""
    pending = getattr(_local, "pending", None)
    if pending is not None:  # inside one_refresh_per_page(): refreshed when it ends
        pending.update(ids)
        return
    ids = sorted(set(ids) - deleting_pages())
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        with transaction.atomic():
            _replace(chunk, build_rows(chunk))


def forget_cards(ids: Iterable[int]) -> None:
    """Drop the cards of pages about to be deleted (before the cascade, which would not count
    them out)."""
    with transaction.atomic():
        _replace(list(ids), [])


def _replace(ids: list[int], rows: list) -> None:
    """Make the cards of ``ids`` exactly ``rows`` (fresh rows for the visible ones among them),
    and add the difference to each site's counts. Runs in the caller's transaction."""
    from ..models import CaseStudyCard

    _lock_counts()
    counts = _counts_in_use()
    before = []
    if counts:
        before = list(CaseStudyCard.objects.filter(pk__in=ids).values_list(*COUNTED_COLUMNS))
    built = {row.page_id for row in rows}
    CaseStudyCard.objects.filter(pk__in=[pk for pk in ids if pk not in built]).delete()
    _save(rows)
    if counts:
        after = [tuple(getattr(row, column) for column in COUNTED_COLUMNS) for row in rows]
        _add_difference(counts, before, after)


def _save(rows: list) -> None:
    from ..models import CaseStudyCard

    if rows:
        CaseStudyCard.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[
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
                "format",
            ],
        )


def refresh_subtree(path: str) -> None:
    """Refresh the cards of every case study at or below the page with this tree path (a move,
    a view restriction added or removed), and drop cards left under the old path."""
    from ..models import CaseStudyCard, CaseStudyPage

    ids = set(CaseStudyPage.objects.filter(path__startswith=path).values_list("pk", flat=True))
    ids |= set(CaseStudyCard.objects.filter(path__startswith=path).values_list("pk", flat=True))
    refresh_cards(ids)


def refresh_moved_urls(page) -> None:
    """After saving a page that is not a case study: if its slug changed, the URLs of the case
    studies below it did too. Their cards (usually none) are marked for rebuilding when next
    served: Wagtail rewrites the descendants' URL paths only after the page's own save."""
    from ..models import CaseStudyCard

    CaseStudyCard.objects.filter(path__startswith=page.path).exclude(
        url_path__startswith=page.url_path
    ).exclude(format=0).update(format=0)


def mark_all_stale() -> None:
    """Have every card rebuilt when it is next served."""
    from ..models import CaseStudyCard

    CaseStudyCard.objects.exclude(format=0).update(format=0)


def rebuild_all() -> int:
    """Rebuild the whole card cache from the pages; returns the number of cards."""
    from ..models import CaseStudyCard, CaseStudyPage

    ids = list(CaseStudyPage.objects.order_by("pk").values_list("pk", flat=True))
    refresh_cards(ids)
    CaseStudyCard.objects.exclude(pk__in=CaseStudyPage.objects.values("pk")).delete()
    recount_all()
    return CaseStudyCard.objects.count()


# --- Counts (models.CaseStudyCardCounts) --------------------------------------------------------
#
# Every card change adds its difference to the counts of the sites the card is in, under one
# lock, in the card change's own transaction: concurrent changes queue for the lock, so each adds
# to the other's result and the counts stay exact without ever recounting. SQLite lets one
# writer in at a time by itself; PostgreSQL takes a transaction-level advisory lock.

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
# pg_advisory_xact_lock's key: any number the site's own code is unlikely to use.
COUNTS_LOCK = 0x43415345  # "CASE"


def counted_keys(year, is_covid19, support_type_id, council_types, regions, topic_ids) -> list:
    """The counts a card adds one to (see ``CaseStudyCardCounts.counts``)."""
    from ..models import CouncilType, Region

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


def _lock_counts() -> None:
    from django.db import connections, router

    from ..models import CaseStudyCardCounts

    connection = connections[router.db_for_write(CaseStudyCardCounts)]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [COUNTS_LOCK])


def _counts_in_use() -> list:
    """The counts rows to keep up to date. A row made for another root page (the site's root
    was changed or moved) is dropped; it is built again when next needed."""
    from django.db.models import F

    from ..models import CaseStudyCardCounts

    rows = list(CaseStudyCardCounts.objects.annotate(current_root=F("site__root_page__path")))
    stale = [row.pk for row in rows if row.root_path != row.current_root]
    if stale:
        CaseStudyCardCounts.objects.filter(pk__in=stale).delete()
    return [row for row in rows if row.pk not in stale]


def _add_difference(counts: list, before: list, after: list) -> None:
    from ..models import CaseStudyCardCounts

    changed = []
    for row in counts:
        difference: dict[str, int] = {}
        for rows, sign in ((before, -1), (after, 1)):
            for path, *columns in rows:
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
    from ..models import CaseStudyCardCounts

    with transaction.atomic():
        _lock_counts()
        changed = []
        for row in CaseStudyCardCounts.objects.all():
            if row.counts.pop(f"support_type:{pk}", None) is not None:
                changed.append(row)
        CaseStudyCardCounts.objects.bulk_update(changed, ["counts"])


def _count(root_path: str) -> dict[str, int]:
    """Count the cards under a site root from scratch."""
    from ..models import CaseStudyCard

    counts: dict[str, int] = {}
    rows = CaseStudyCard.objects.filter(path__startswith=root_path).values_list(*COUNTED_COLUMNS)
    for _path, *columns in rows.iterator(chunk_size=2000):
        for key in counted_keys(*columns):
            counts[key] = counts.get(key, 0) + 1
    return counts


def site_counts(site) -> dict[str, int] | None:
    """The counts of the site's cards: read from their row, or counted and stored the first
    time. None if they can be neither read nor stored (e.g. a read-only database): the caller
    counts the usual way."""
    from ..models import CaseStudyCardCounts

    root_path = site.root_page.path
    stored = CaseStudyCardCounts.objects.filter(site=site, root_path=root_path)
    counts = stored.values_list("counts", flat=True).first()
    if counts is not None:
        return counts
    try:
        with transaction.atomic():
            _lock_counts()
            counts = _count(root_path)
            CaseStudyCardCounts.objects.update_or_create(
                site=site, defaults={"root_path": root_path, "counts": counts}
            )
    except DatabaseError:
        return None
    return counts


def recount_all() -> None:
    """Count every site's cards again from scratch (after cards were written in bulk)."""
    from wagtail.models import Site

    from ..models import CaseStudyCardCounts

    with transaction.atomic():
        _lock_counts()
        CaseStudyCardCounts.objects.all().delete()
        for site in Site.objects.select_related("root_page"):
            CaseStudyCardCounts.objects.create(
                site=site, root_path=site.root_page.path, counts=_count(site.root_page.path)
            )


# --- Serving ------------------------------------------------------------------------------------


def _absolute(url: str | None, host: str) -> str | None:
    if not url or url.startswith(("http://", "https://", "//")):
        return url
    return host + url


def serve_card(stored: dict, site_id, context: serializers.CardContext, today) -> dict[str, Any]:
    """The card ``card_data`` would give for this request, from a stored card."""
    pk = stored["id"]
    url, path = stored["urls"].get(str(site_id)) or (None, None)
    lead = stored["lead_council"]
    if lead is not None:
        lead = dict(lead)
        valid_from, valid_to = lead["is_active"]
        lead["is_active"] = (valid_from is None or valid_from <= today) and (
            valid_to is None or valid_to >= today
        )
    thumbnail = None
    hero = stored["hero"]
    if hero is not None:
        host = serializers.base_url(context.request)
        renditions = [
            (rendition, _absolute(rendition["url"], host)) for rendition in hero["renditions"]
        ]
        smallest, smallest_url = renditions[0]
        thumbnail = {
            "url": smallest_url,
            "width": smallest["width"],
            "height": smallest["height"],
            "alt": hero["alt"],
            "srcset": ", ".join(f"{absolute} {r['width']}w" for r, absolute in renditions),
        }
    return {
        "id": pk,
        "meta": {
            "type": serializers.CASE_STUDY_TYPE,
            "detail_url": context.detail_url(pk),
            "html_url": url,
            "slug": stored["slug"],
            "first_published_at": stored["first_published_at"],
        },
        "title": stored["title"],
        "summary": stored["summary"],
        "url": url,
        "path": path,
        "date": stored["date"],
        "lead_council": lead,
        "topics": stored["topics"],
        "main_topic": stored["main_topic"],
        "support_type": stored["support_type"],
        "is_covid19": stored["is_covid19"],
        "hero_thumbnail": thumbnail,
    }


def visible_cards(site):
    """The cards of the live, public case studies in ``site`` (none without a site)."""
    from ..models import CaseStudyCard

    if site is None:
        return CaseStudyCard.objects.none()
    return CaseStudyCard.objects.filter(path__startswith=site.root_page.path)


def serve_cards(rows: list[tuple[int, dict, int]], site_id, context) -> list[dict[str, Any]]:
    """Serve (pk, data, format) rows in order, rebuilding any card of another format first."""
    fmt = card_format()
    stale = [pk for pk, _data, row_format in rows if row_format != fmt]
    fresh = {}
    if stale:
        fresh = {row.page_id: row for row in build_rows(stale)}
        try:
            with transaction.atomic():
                _replace(list(fresh), list(fresh.values()))
        except DatabaseError:  # e.g. a read-only replica: serve them anyway
            pass
    today = datetime.date.today().isoformat()  # as Council.is_active decides
    cards = []
    for pk, data, row_format in rows:
        if row_format != fmt:
            if pk not in fresh:  # no longer visible: the signal handlers missed a change
                continue
            data = fresh[pk].data
        cards.append(serve_card(data, site_id, context, today))
    return cards
