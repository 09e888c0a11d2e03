"""Building a case study's card, and the row that holds it.

A listing card is mostly the same for every request. What is not:

- the API detail URL (it depends on where and how the API is mounted, v2 or v3, and the host);
- the page's URL, when a page belongs to several sites (nested site roots): the request's site
  decides, so the card keeps the URL for each site the page is in;
- image URLs, made absolute with the request's host (or ``WAGTAILAPI_BASE_URL``);
- the lead council's ``is_active``, which changes at midnight when a council is abolished.

``representation.stored_card`` makes the stored card (everything else, plus the raw material
for those four) and ``representation.served_card`` finishes it for one request, so a card built
live and a card read from this table are made by the same two functions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils import translation

from .. import representation
from ..conf import settings as casestudy_settings
from ..models import CaseStudyCard, CouncilType, Region
from ..models.cards import council_type_bit, region_bit
from ..visibility import visible_case_studies

# Bump when the stored layout or the card's shape changes.
CARD_LAYOUT = 3


def card_format() -> int:
    """The format number stored with each card: the layout, and everything else a stored card
    depends on (time zone, rendition widths, media URL, slash style, and the council-type and
    region choice lists its bit masks number), so that a card built under other settings is
    known to be stale."""
    fingerprint = repr(
        (
            CARD_LAYOUT,
            settings.TIME_ZONE,
            tuple(casestudy_settings.HERO_IMAGE_WIDTHS),
            getattr(settings, "MEDIA_URL", ""),
            getattr(settings, "WAGTAIL_APPEND_SLASH", True),
            getattr(settings, "WAGTAIL_I18N_ENABLED", False),
            tuple(CouncilType.values),
            tuple(Region.values),
        )
    )
    # PositiveSmallIntegerField: 1..32767 on every database.
    return int(hashlib.sha256(fingerprint.encode()).hexdigest()[:8], 16) % 32767 + 1


def build_detail(
    page,
    renditions_of: dict | None = None,
    translations: representation.Translations | None = None,
) -> dict[str, Any]:
    """What the detail shows beyond the card and the page's own columns, in stored form: the
    councils, tags, partners, hero image and the editor's related case studies. Each changes
    only when the case study is published or one of its councils or its hero image is saved,
    which rebuild the card; so the detail reads them here instead of from five more tables.
    Each council and image is stored as ``representation`` stores it, and finished for a
    request by ``cards.serve.serve_detail``. In the page's own language; the related case
    studies the editor chose are their translations in the page's locale where there are any."""
    if translations is None:
        translations = representation.Translations(
            [page], visible_case_studies(), every_translation=True
        )
    with translation.override(page.locale.language_code):
        hero_image = None
        if page.hero_image_id:
            hero_image = representation.stored_image(
                page.hero_image, alt=page.hero_image_alt, renditions_of=renditions_of
            )
        return {
            "councils": [
                representation.stored_council(link.council) for link in page.council_links.all()
            ],
            "tags": sorted(tag.name for tag in page.tags.all()),
            "partners": [representation.partner_data(partner) for partner in page.partners.all()],
            "hero_image": hero_image,
            "chosen_related": translations.related_in_locale(page),
            # Its topics and their translations: whom it is related to through a topic.
            "topic_ids": translations.topic_group_ids(page) if page.topics.all() else [],
        }


def build_row(
    page, fmt: int, renditions_of: dict, translations: representation.Translations
) -> CaseStudyCard:
    """An unsaved card row: the card, and copies of what the listing filters and sorts on
    (the topics and support programme as their translations in the page's locale)."""
    council_types = regions = 0
    for link in page.council_links.all():
        council_types |= council_type_bit(link.council.council_type)
        regions |= region_bit(link.council.region)
    support_type = translations.in_locale(page.support_type, page.locale_id)
    return CaseStudyCard(
        year=page.publication_date.year if page.publication_date else None,
        council_types=council_types,
        regions=regions,
        page_id=page.pk,
        locale_id=page.locale_id,
        path=page.path,
        url_path=page.url_path,
        title=page.title,
        publication_date=page.publication_date,
        is_covid19=page.is_covid19,
        support_type_id=support_type.pk if support_type is not None else None,
        topic_ids=sorted(topic.pk for topic in translations.topics_of(page)),
        data=representation.stored_card(page, translations, renditions_of),
        detail=build_detail(page, renditions_of, translations),
        format=fmt,
    )


def build_rows(ids: Iterable[int]) -> list[CaseStudyCard]:
    """Fresh (unsaved) card rows for those of ``ids`` that are visible."""
    ids = list(ids)
    if not ids:
        return []
    fmt = card_format()
    renditions_of: dict = {}
    visible = visible_case_studies()
    pages = list(
        representation.card_queryset(visible.filter(pk__in=ids)).prefetch_related(
            "tags", "partners", "related_links"
        )
    )
    translations = representation.Translations(pages, visible, every_translation=True)
    return [build_row(page, fmt, renditions_of, translations) for page in pages]
