"""Finishing stored cards for one request. Never writes."""

from __future__ import annotations

from typing import Any

from .. import representation
from ..schema import PartnerDict
from .build import build_rows, card_format


def serve_cards(rows: list[tuple[int, dict, int]], context) -> list[dict[str, Any]]:
    """Serve (pk, data, format) rows in order, each by ``representation.served_card``. A card
    stored in another format is built in memory for this answer and not stored: reads never
    write (``rebuild_stale`` stores them)."""
    fmt = card_format()
    stale = [pk for pk, _data, row_format in rows if row_format != fmt]
    fresh = {row.page_id: row.data for row in build_rows(stale)} if stale else {}
    cards = []
    for pk, data, row_format in rows:
        if row_format != fmt:
            if pk not in fresh:  # no longer visible: a change the signal handlers missed
                continue
            data = fresh[pk]
        cards.append(representation.served_card(data, context))
    return cards


# The stored JSON's key order is not kept by PostgreSQL's jsonb: answers use the schema's.
_PARTNER_KEYS = tuple(PartnerDict.__annotations__)


def serve_detail(stored: dict, context: representation.CardContext) -> dict[str, Any]:
    """The detail's stored fields (``build.build_detail``) as the live serializers give them
    for this request, by the same functions: each council's ``is_active`` decided on the
    context's day, image URLs absolute."""
    hero_image = stored["hero_image"]
    return {
        "councils": [
            representation.served_council(council, context.day) for council in stored["councils"]
        ],
        "tags": stored["tags"],
        "partners": [{key: p[key] for key in _PARTNER_KEYS} for p in stored["partners"]],
        "hero_image": representation.served_image(hero_image, context.request)
        if hero_image is not None
        else None,
    }
