"""Which case studies a listing's filters select, on the card table.

Filters combine the usual way: the values of one filter are alternatives (OR), different filters
narrow each other (AND). Every filter is a ``pk__in`` subquery or a plain column test on the
card, so no filter multiplies rows and no ``distinct()`` is needed.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
from .parameters import CASE_STUDY_FILTERS, CaseStudyQuery, ParameterError


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


@dataclass
class Condition:
    """One filter's selection: ``card`` on the card table (the database listing), and ``page``
    on the page's index filter fields, for a search backend that filters by itself
    (``backend_listing.py``); ``page`` is a function, so the database listing never pays for
    it, and None when the backend listing cannot apply the filter."""

    card: Q
    page: Callable[[], Q] | None


# The one resolution of each declared filter (``parameters.CASE_STUDY_FILTERS``), by name:
# ``resolve(selection, value)`` checks the parsed value against the database and returns its
# ``Condition``. Adding a filter is its declaration plus its function here.
RESOLVERS: dict[str, Callable[[CaseStudyFilter, Any], Condition]] = {}


def resolves(name: str):
    def register(function):
        RESOLVERS[name] = function
        return function

    return register


def _same(condition: Q) -> Condition:
    """A filter on a column the card and the page both have (and the backend indexes)."""
    return Condition(condition, lambda: condition)


def _slugs(model, ids: list[int]) -> Callable[[], list[str]]:
    """The slugs of resolved topics or tags (a tag may have been named by name)."""
    return lambda: list(model.objects.filter(pk__in=ids).values_list("slug", flat=True))


@resolves("translation_of")
def _translation_of(selection: CaseStudyFilter, pk: int) -> Condition:
    if not selection.every_locale.filter(pk=pk).exists():
        raise ParameterError("translation_of", f"no published case study has id {pk}")
    keys = CaseStudyPage.objects.filter(pk=pk).values("translation_key")
    translations = (
        CaseStudyPage.objects.filter(translation_key__in=keys).exclude(pk=pk).values("pk")
    )
    return Condition(Q(pk__in=translations), None)


@resolves("topic")
def _topic(selection: CaseStudyFilter, slugs: list[str]) -> Condition:
    ids = with_translations(Topic, resolve_by_slug("topic", Topic.objects.all(), slugs))
    selection.resolved["topic"] = ids
    through = CaseStudyPage.topics.through
    slugs_of = _slugs(Topic, ids)
    return Condition(
        Q(pk__in=through.objects.filter(topic_id__in=ids).values("casestudypage_id")),
        lambda: Q(topics__slug__in=slugs_of()),
    )


@resolves("council")
def _council(selection: CaseStudyFilter, values: list[str]) -> Condition:
    ids = resolve_by_slug(
        "council", Council.objects.all(), values, ("gss_code", normalise_gss_code)
    )
    if selection.query.include_districts:
        ids = selection._with_districts(Council, ids)
    selection.resolved["council"] = ids
    return Condition(
        Q(pk__in=CaseStudyCouncil.objects.filter(council_id__in=ids).values("page_id")),
        lambda: Q(council_links__council__in=ids),
    )


def _mask(column: str, bit, values: list[str]):
    """The card keeps the councils' types and regions as bit masks: one test on the row
    instead of a join through the council links."""
    mask = 0
    for value in values:
        mask |= bit(value)
    return GreaterThan(F(column).bitand(mask), 0)


@resolves("council_type")
def _council_type(selection: CaseStudyFilter, values: list[str]) -> Condition:
    return Condition(
        _mask("council_types", council_type_bit, values),
        lambda: Q(council_links__council__council_type__in=values),
    )


@resolves("region")
def _region(selection: CaseStudyFilter, values: list[str]) -> Condition:
    return Condition(
        _mask("regions", region_bit, values),
        lambda: Q(council_links__council__region__in=values),
    )


@resolves("support_type")
def _support_type(selection: CaseStudyFilter, slugs: list[str]) -> Condition:
    ids = resolve_by_slug("support_type", SupportType.objects.all(), slugs)
    ids = with_translations(SupportType, ids)
    selection.resolved["support_type"] = ids
    return Condition(Q(support_type_id__in=ids), lambda: Q(support_type__in=ids))


@resolves("tag")
def _tag(selection: CaseStudyFilter, values: list[str]) -> Condition:
    # Only the tags of visible case studies exist here: a tag used only on a draft must not
    # answer differently from one never used.
    visible_tags = Tag.objects.filter(
        pk__in=CaseStudyPageTag.objects.filter(
            content_object_id__in=selection.base.order_by().values("pk")
        ).values("tag_id")
    )
    ids = resolve_by_slug("tag", visible_tags, values, ("name", str))
    selection.resolved["tag"] = ids
    slugs_of = _slugs(Tag, ids)
    return Condition(
        Q(pk__in=CaseStudyPageTag.objects.filter(tag_id__in=ids).values("content_object_id")),
        lambda: Q(tags__slug__in=slugs_of()),
    )


@resolves("covid")
def _covid(selection: CaseStudyFilter, value: bool) -> Condition:
    return _same(Q(is_covid19=value))


@resolves("date_from")
def _date_from(selection: CaseStudyFilter, value: datetime.date) -> Condition:
    return _same(Q(publication_date__gte=value))


@resolves("date_to")
def _date_to(selection: CaseStudyFilter, value: datetime.date) -> Condition:
    return _same(Q(publication_date__lte=value))


@resolves("year")
def _year(selection: CaseStudyFilter, years: list[int]) -> Condition:
    condition = Q()
    for year in years:
        condition |= Q(
            publication_date__gte=datetime.date(year, 1, 1),
            publication_date__lte=datetime.date(year, 12, 31),
        )
    return _same(condition)


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
        # Each active filter's condition on the page's index fields (``Condition.page``).
        self.page_conditions: dict[str, Callable[[], Q] | None] = {}
        self._resolve()

    def _resolve(self) -> None:
        filters = self.query.filters
        for parameter in CASE_STUDY_FILTERS:
            if parameter.name in filters:
                resolved = RESOLVERS[parameter.name](self, filters[parameter.name])
                self.conditions[parameter.name] = resolved.card
                self.page_conditions[parameter.name] = resolved.page
        if self.search_ids is not None:
            self.conditions["search"] = pk_in(self.search_ids, self.base.db)

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
