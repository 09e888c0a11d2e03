"""The card cache: one ready-to-serve listing card per visible case study.

The case-study listing is the API's busiest endpoint. Building its cards from the page tables
costs a join of the page and case-study tables, the view-restriction check, four prefetches and
a model instance per row; the card cache keeps the result instead, in one narrow table that the
listing reads alone (see ``cards/`` for how a card is built, served and kept fresh).

A row exists only for a case study that is **live and public** (no view restriction on it or an
ancestor): the table is the materialised set of visible case studies, so the listing needs no
visibility joins. The site filter is a prefix test on the copied tree ``path``. The sort and
filter columns mirror the case-study fields of the same names, so the listing's filters apply to
this table unchanged.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .snippets import CouncilType, Region


def council_type_bit(value: str) -> int:
    """The bit of a council type in ``CaseStudyCard.council_types`` (0 for an unknown value)."""
    try:
        return 1 << CouncilType.values.index(value)
    except ValueError:
        return 0


def region_bit(value: str) -> int:
    """The bit of a region in ``CaseStudyCard.regions`` (0 for blank or unknown)."""
    try:
        return 1 << Region.values.index(value)
    except ValueError:
        return 0


class CaseStudyCard(models.Model):
    page = models.OneToOneField(
        "wagtail_casestudies.CaseStudyPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="api_card",
    )
    # Copies of the page's fields the listing filters and sorts on.
    # The page's locale: a listing lists one language (cards are per locale, as pages are).
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=255, db_index=True)
    url_path = models.TextField()
    title = models.CharField(max_length=255)
    publication_date = models.DateField(null=True, blank=True)
    is_covid19 = models.BooleanField(default=False)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    # The types and regions of the case study's councils, one bit per choice in the order of
    # ``CouncilType`` and ``Region`` (``council_type_bit``): the two council facets count bits
    # in this table instead of joining the council links and the councils. Changing those choice
    # lists needs a data migration that rebuilds the cards.
    council_types = models.PositiveIntegerField(default=0)
    regions = models.PositiveIntegerField(default=0)
    support_type = models.ForeignKey(
        "wagtail_casestudies.SupportType",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The ids of the case study's topics, sorted: what the card counted under when it was
    # written (the topic links themselves change before the card does).
    topic_ids = models.JSONField(default=list)
    # The card as ``representation.stored_card`` made it, and the format it was made in: a card of
    # another format (an older release of the package) is rebuilt when it is next served.
    data = models.JSONField(default=dict)
    # What the detail adds to the card from other tables (councils, tags, partners, hero
    # image, the editor's related case studies: ``cards.build.build_detail``), so a detail
    # reads one row for them. The listing never reads it.
    detail = models.JSONField(default=dict)
    format = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("case-study API card")
        verbose_name_plural = _("case-study API cards")
        indexes = [
            # Newest first (the default order), read in index order and stopped at the limit.
            # PostgreSQL gets a NULLS LAST twin in the migration; SQLite sorts NULLs last on
            # DESC by itself and cannot declare it.
            models.Index(fields=["-publication_date", "-page"], name="casestudycard_date_idx"),
            # Covers the filters, the total and the facets counted on this table, so they read
            # the index and not the rows (which carry the cards). The primary key is last so a
            # filter's matching ids come from the index too (PostgreSQL's index entries do not
            # carry it by themselves; ``include`` would be ignored by SQLite with a warning).
            models.Index(
                fields=[
                    "locale",
                    "path",
                    "year",
                    "is_covid19",
                    "support_type",
                    "council_types",
                    "regions",
                    "page",
                ],
                name="casestudycard_filters_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CaseStudyCardCounts(models.Model):
    """Per site and locale: the number of cards and the number under each facet value.

    Written by ``cards/counts.py`` in the same transaction as every card change (a difference added
    under a lock, never a recount), so a listing without filters reads its total and facets
    here at any size. Made by a recount (``migrate``, a site change, ``casestudies_rebuild_cards``)
    or by the first card change in a locale the site had no cards in; dropped whenever the
    site's root pages are not the ones it was made for.
    """

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    # The tree paths of the site's root page and its translations when the counts were made
    # (``visibility.site_root_paths``).
    root_paths = models.JSONField(default=list)
    # {"total": n, "topic:<id>": n, "support_type:<id>": n, "council_type:<value>": n,
    #  "region:<value>": n, "year:<year>": n, "covid:true": n, "covid:false": n}; no zeros.
    counts = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("case-study card counts")
        verbose_name_plural = _("case-study card counts")
        constraints = [
            models.UniqueConstraint(fields=["site", "locale"], name="casestudycardcounts_unique")
        ]

    def __str__(self) -> str:
        return f"{self.site_id}/{self.locale_id}: {self.counts.get('total', 0)}"
