"""Which case studies a listing's filters select, on the card table.

Filters combine the usual way: the values of one filter are alternatives (OR), different filters
narrow each other (AND). Every filter is a ``pk__in`` subquery or a plain column test on the
card, so no filter multiplies rows and no ``distinct()`` is needed.
"""

from __future__ import annotations

import datetime
import json

from django.db import connections
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower
from django.db.models.lookups import GreaterThan
from taggit.models import Tag
from wagtail.models import Locale

from ..models import CaseStudyCouncil, CaseStudyPage, CaseStudyPageTag, Council, SupportType, Topic
from ..models.cards import council_type_bit, region_bit
from ..models.snippets import normalise_gss_code
from .parameters import CaseStudyQuery, ParameterError


def pk_in(ids: list[int], using: str = "default") -> Q:
    """``pk__in=ids`` for a list of any length, e.g. every match of a common search word.

    A long list is passed as one parameter, not one per id: thousands of parameters cost more
    to build and parse than the query itself, and SQLite caps their number.
    """
    vendor = connections[using].vendor
    if len(ids) <= 100 or vendor not in ("sqlite", "postgresql"):
        return Q(pk__in=ids)
    if vendor == "sqlite":
        return Q(pk__in=RawSQL("SELECT value FROM json_each(%s)", (json.dumps(list(ids)),)))
    return Q(pk__in=RawSQL("SELECT unnest(%s::bigint[])", (list(ids),)))


def resolve_by_slug(parameter: str, queryset: QuerySet, values: list[str], *extra) -> list[int]:
    """Ids of the rows whose slug (or one of the ``extra`` lookups) matches each value; any value
    that matches nothing is an error."""
    condition = Q(slug__in=values)
    for lookup, transform in extra:
        condition |= Q(**{f"{lookup}__in": [transform(value) for value in values]})
    rows = list(queryset.filter(condition).values_list("pk", "slug", *[e[0] for e in extra]))
    found = set()
    for row in rows:
        found.update(str(item) for item in row[1:] if item)
    unknown = [
        value
        for value in values
        if value not in found and not any(transform(value) in found for _, transform in extra)
    ]
    if unknown:
        raise ParameterError(
            parameter, f"unknown value{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}"
        )
    return [row[0] for row in rows]


def resolve_locale(parameter: str, code: str) -> Locale:
    """The site's locale with this language code; an unknown one is a 400 naming ``parameter``."""
    locales = {locale.language_code.lower(): locale for locale in Locale.objects.all()}
    locale = locales.get(code.lower().replace("_", "-"))
    if locale is None:
        raise ParameterError(
            parameter, f"no locale {code!r} on this site (known: {', '.join(sorted(locales))})"
        )
    return locale


def with_translations(model, ids: list[int]) -> list[int]:
    """The ids of these topics or support programmes and of all their translations: a page
    copied for translation may link either, and a filter means the same in every language."""
    keys = model.objects.filter(pk__in=ids).values("translation_key")
    return list(model.objects.filter(translation_key__in=keys).values_list("pk", flat=True))


def column_conditions(filters: dict) -> dict[str, Q]:
    """The filters on columns a card and a page both have (and a search backend indexes): the
    COVID-19 flag and the publication date."""
    conditions = {}
    if "covid" in filters:
        conditions["covid"] = Q(is_covid19=filters["covid"])
    if "date_from" in filters:
        conditions["date_from"] = Q(publication_date__gte=filters["date_from"])
    if "date_to" in filters:
        conditions["date_to"] = Q(publication_date__lte=filters["date_to"])
    if "year" in filters:
        year_q = Q()
        for year in filters["year"]:
            year_q |= Q(
                publication_date__gte=datetime.date(year, 1, 1),
                publication_date__lte=datetime.date(year, 12, 31),
            )
        conditions["year"] = year_q
    return conditions


class CaseStudyFilter:
    """The case studies a listing query selects, on the card table.

    ``base`` is the cards of the site's visible case studies (``visibility.visible_cards_of``).
    Filter values are resolved against the database here: an unknown topic, council, support
    type or tag is a 400. Each filter is a condition of its own, so a facet can leave out its
    own filter (``queryset(without=...)``, ``facets.py``).
    """

    def __init__(
        self,
        query: CaseStudyQuery,
        base: QuerySet,
        search_ids: list[int] | None = None,
        *,
        locale_id: int | None = None,
        every_locale: QuerySet | None = None,
    ):
        self.query = query
        self.base = base
        # The locale the listing lists (its facets' labels), and the same cards in every
        # locale (where ``translation_of`` looks for its case study).
        self.locale_id = locale_id
        self.every_locale = base if every_locale is None else every_locale
        self.search_ids = search_ids
        self.conditions: dict[str, Q] = {}
        # What each filter resolved to (ids or values), for a search backend that filters by
        # itself (``backend_listing.py``).
        self.resolved: dict[str, list] = {}
        self._resolve()

    def _resolve(self) -> None:
        filters = self.query.filters
        through = CaseStudyPage.topics.through
        conditions = self.conditions

        if "translation_of" in filters:
            pk = filters["translation_of"]
            if not self.every_locale.filter(pk=pk).exists():
                raise ParameterError("translation_of", f"no published case study has id {pk}")
            keys = CaseStudyPage.objects.filter(pk=pk).values("translation_key")
            conditions["translation_of"] = Q(
                pk__in=CaseStudyPage.objects.filter(translation_key__in=keys)
                .exclude(pk=pk)
                .values("pk")
            )
        if "topic" in filters:
            ids = resolve_by_slug("topic", Topic.objects.all(), filters["topic"])
            ids = with_translations(Topic, ids)
            self.resolved["topic"] = ids
            conditions["topic"] = Q(
                pk__in=through.objects.filter(topic_id__in=ids).values("casestudypage_id")
            )
        if "council" in filters:
            ids = resolve_by_slug(
                "council",
                Council.objects.all(),
                filters["council"],
                ("gss_code", normalise_gss_code),
            )
            if self.query.include_districts:
                ids = self._with_districts(Council, ids)
            self.resolved["council"] = ids
            conditions["council"] = Q(
                pk__in=CaseStudyCouncil.objects.filter(council_id__in=ids).values("page_id")
            )
        for name, column, bit in (
            ("council_type", "council_types", council_type_bit),
            ("region", "regions", region_bit),
        ):
            if name not in filters:
                continue
            # The card keeps the councils' types and regions as bit masks: one test on the row
            # instead of a join through the council links.
            mask = 0
            for value in filters[name]:
                mask |= bit(value)
            conditions[name] = GreaterThan(F(column).bitand(mask), 0)
        if "support_type" in filters:
            ids = resolve_by_slug(
                "support_type", SupportType.objects.all(), filters["support_type"]
            )
            ids = with_translations(SupportType, ids)
            self.resolved["support_type"] = ids
            conditions["support_type"] = Q(support_type_id__in=ids)
        if "tag" in filters:
            # Only the tags of visible case studies exist here: a tag used only on a draft
            # must not answer differently from one never used.
            visible_tags = Tag.objects.filter(
                pk__in=CaseStudyPageTag.objects.filter(
                    content_object_id__in=self.base.order_by().values("pk")
                ).values("tag_id")
            )
            ids = resolve_by_slug("tag", visible_tags, filters["tag"], ("name", str))
            self.resolved["tag"] = ids
            conditions["tag"] = Q(
                pk__in=CaseStudyPageTag.objects.filter(tag_id__in=ids).values("content_object_id")
            )
        conditions.update(column_conditions(filters))
        if self.search_ids is not None:
            conditions["search"] = pk_in(self.search_ids, self.base.db)

    def add_search(self, search_ids: list[int], missing: list[int] | None = None) -> None:
        """Narrow the selection to these search results (ids of matching case studies).

        ``missing``: the case studies that do not match, among all that this selection and its
        facets can reach (``widened_by``). When they are fewer (a common word matches most of
        a library), the selection leaves them out instead: the same case studies, and a short
        list in every count instead of a long one."""
        self.search_ids = search_ids
        if missing is not None and len(missing) < len(search_ids):
            self.conditions["search"] = ~pk_in(missing, self.base.db)
        else:
            self.conditions["search"] = pk_in(search_ids, self.base.db)

    @staticmethod
    def _with_districts(council_model, ids: list[int]) -> list[int]:
        """The councils and every council inside them (districts in a county), at any depth."""
        found = set(ids)
        frontier = set(ids)
        while frontier:
            frontier = set(
                council_model.objects.filter(parent_id__in=frontier)
                .exclude(pk__in=found)
                .values_list("pk", flat=True)
            )
            found |= frontier
        return sorted(found)

    def queryset(self, *, without: str | None = None) -> QuerySet:
        """The selected case studies; ``without`` leaves one filter out (for its facet)."""
        conditions = [q for name, q in self.conditions.items() if name != without]
        return self.base.filter(*conditions) if conditions else self.base

    def facets_without_own_filter(self, facets: list[str]) -> list[str]:
        """The requested facets whose filter is active: each is counted without it."""
        return [name for name in facets if name in self.conditions]

    def widened_by(self, names: list[str]) -> QuerySet:
        """The selection with each of these filters left out in turn, together: every case
        study the facets of those filters count (a facet ignores its own filter). A search for
        the facets needs to look no further than this."""
        if not names:
            return self.queryset()
        either = Q()
        for name in names:
            others = [q for other, q in self.conditions.items() if other != name]
            if not others:
                return self.base
            either |= Q(*others)
        return self.base.filter(either)

    def ordered(self, queryset: QuerySet) -> QuerySet:
        order = self.query.order
        if order == "date":
            return queryset.order_by(F("publication_date").asc(nulls_last=True), "pk")
        if order == "title":
            return queryset.order_by(Lower("title"), "pk")
        if order == "-title":
            return queryset.order_by(Lower("title").desc(), "-pk")
        return queryset.order_by(F("publication_date").desc(nulls_last=True), "-pk")
