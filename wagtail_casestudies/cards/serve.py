"""Finishing stored cards for one request. Never writes."""

from __future__ import annotations

import datetime
from typing import Any

from .. import representation
from ..models import snippets
from ..schema import CouncilDict, PartnerDict
from .build import build_rows, card_format


def _absolute(url: str | None, host: str) -> str | None:
    if not url or url.startswith(("http://", "https://", "//")):
        return url
    return host + url


def council_is_active(stored: list, today: datetime.date) -> bool:
    """A stored council's ``is_active`` (its ISO ``[valid_from, valid_to]``) on ``today``, by
    the register's one rule."""
    valid_from, valid_to = (datetime.date.fromisoformat(day) if day else None for day in stored)
    return snippets.active_on(valid_from, valid_to, today)


def serve_card(stored: dict, site_id, context: representation.CardContext, today) -> dict:
    """The card ``representation.card_data`` would give for this request, from a stored card."""
    pk = stored["id"]
    url, path = stored["urls"].get(str(site_id)) or (None, None)
    lead = stored["lead_council"]
    if lead is not None:
        lead = dict(lead)
        lead["is_active"] = council_is_active(lead["is_active"], today)
    thumbnail = None
    hero = stored["hero"]
    if hero is not None:
        host = representation.base_url(context.request)
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
    translations = []
    for other in stored["translations"]:
        other_url, other_path = other["urls"].get(str(site_id)) or (None, None)
        translations.append(
            {"id": other["id"], "locale": other["locale"], "url": other_url, "path": other_path}
        )
    return {
        "id": pk,
        "meta": {
            "type": representation.CASE_STUDY_TYPE,
            "detail_url": context.detail_url(pk),
            "html_url": url,
            "slug": stored["slug"],
            "first_published_at": stored["first_published_at"],
            "locale": stored["locale"],
            "translations": translations,
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


def serve_cards(rows: list[tuple[int, dict, int]], site_id, context) -> list[dict[str, Any]]:
    """Serve (pk, data, format) rows in order. A card stored in another format is built in
    memory for this answer and not stored: reads never write (``rebuild_stale`` stores them)."""
    fmt = card_format()
    stale = [pk for pk, _data, row_format in rows if row_format != fmt]
    fresh = {row.page_id: row.data for row in build_rows(stale)} if stale else {}
    today = snippets.today()
    cards = []
    for pk, data, row_format in rows:
        if row_format != fmt:
            if pk not in fresh:  # no longer visible: a change the signal handlers missed
                continue
            data = fresh[pk]
        cards.append(serve_card(data, site_id, context, today))
    return cards


# The stored JSON's key order is not kept by PostgreSQL's jsonb: answers use the schema's.
_COUNCIL_KEYS = tuple(CouncilDict.__annotations__)
_PARTNER_KEYS = tuple(PartnerDict.__annotations__)
_RENDITION_KEYS = ("width", "height", "url")


def serve_detail(stored: dict, context: representation.CardContext, today) -> dict[str, Any]:
    """The detail's stored fields (``build.build_detail``) as the live serializers give them
    for this request: each council's ``is_active`` decided today, image URLs absolute."""
    councils = []
    for council in stored["councils"]:
        council = {key: council[key] for key in _COUNCIL_KEYS}
        council["is_active"] = council_is_active(council["is_active"], today)
        councils.append(council)
    hero_image = stored["hero_image"]
    if hero_image is not None:
        renditions = [
            {key: rendition[key] for key in _RENDITION_KEYS}
            for rendition in hero_image["renditions"]
        ]
        for rendition in renditions:
            rendition["url"] = representation.absolute_url(rendition["url"], context.request)
        hero_image = {
            "id": hero_image["id"],
            "title": hero_image["title"],
            "alt": hero_image["alt"],
            "width": hero_image["width"],
            "height": hero_image["height"],
            "renditions": renditions,
            "srcset": ", ".join(f"{r['url']} {r['width']}w" for r in renditions),
        }
    return {
        "councils": councils,
        "tags": stored["tags"],
        "partners": [{key: p[key] for key in _PARTNER_KEYS} for p in stored["partners"]],
        "hero_image": hero_image,
    }
