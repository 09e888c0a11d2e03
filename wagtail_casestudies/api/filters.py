"""Query parameters of the case-study endpoints: parsing, validation, filters and facets.

Every parameter is checked before anything is looked up, and bad input raises
``ParameterError`` (a 400 naming the parameter), never a 500. An empty value, as an HTML form
sends for a blank field, means the parameter is not set. Repeating a parameter is the same as
giving a comma-separated list.

Filters combine the usual way: the values of one filter are alternatives (OR), different filters
narrow each other (AND). Every filter is a ``pk__in`` subquery or a plain column test on the case
study, so no filter multiplies rows and no ``distinct()`` is needed.

Facets count, for each value of a facet, the case studies that match every *other* active
filter (and the search): what choosing that value would give. All facets and the total come
from one ``UNION ALL`` query.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import CharField, Count, F, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear, Lower
from django.db.models.lookups import GreaterThan
from taggit.models import Tag
from wagtail.api.v2.utils import BadRequestError, FieldsParameterParseError, parse_fields_parameter

from ..conf import settings as casestudy_settings
from ..models import (
    CaseStudyCouncil,
    CaseStudyPage,
    CaseStudyPageTag,
    Council,
    CouncilType,
    Region,
    SupportType,
    Topic,
)
from ..models.cards import council_type_bit, region_bit
from ..models.snippets import normalise_gss_code

# The largest offset accepted. Past the end of the results an offset just gives no items; past
# this it is a mistake (or a probe) and would overflow some databases' integers.
MAX_OFFSET = 1_000_000
MAX_SEARCH_LENGTH = 255
MAX_LIST_VALUES = 50
DEFAULT_LIMIT = 20

BOOLEAN_VALUES = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}

FILTERS = (
    "topic",
    "council",
    "council_type",
    "region",
    "support_type",
    "tag",
    "covid",
    "date_from",
    "date_to",
    "year",
)
FACETS = ("topic", "council_type", "region", "support_type", "year", "covid")
ORDERS = ("date", "-date", "title", "-title", "relevance")

# Parameters every endpoint accepts: Wagtail's jQuery cache buster and DRF's format switch.
COMMON_PARAMETERS = ("format", "_")

CASE_STUDY_PARAMETERS = frozenset(
    (
        *FILTERS,
        "include_districts",
        "search",
        "search_operator",
        "order",
        "facets",
        "fields",
        "limit",
        "offset",
        *COMMON_PARAMETERS,
    )
)


class ParameterError(BadRequestError):
    """Bad input in one query parameter: answered with a 400 that names it."""

    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


# --- Parsing helpers ---


def check_parameter_names(query: Mapping[str, Any], allowed: Iterable[str]) -> None:
    unknown = sorted(set(query.keys()) - set(allowed))
    if unknown:
        raise ParameterError(
            unknown[0],
            "not a recognised parameter (unknown: {}; allowed: {})".format(
                ", ".join(unknown), ", ".join(sorted(set(allowed) - set(COMMON_PARAMETERS)))
            ),
        )


def get_values(query, name: str) -> list[str]:
    """All values of a parameter: repeated and comma-separated values together, blanks dropped."""
    raw = query.getlist(name) if hasattr(query, "getlist") else [query.get(name, "")]
    values = []
    for item in raw:
        if "\x00" in item:
            raise ParameterError(name, "null characters are not allowed")
        values.extend(part.strip() for part in item.split(","))
    values = list(dict.fromkeys(value for value in values if value))
    if len(values) > MAX_LIST_VALUES:
        raise ParameterError(name, f"give at most {MAX_LIST_VALUES} values")
    return values


def get_single(query, name: str) -> str | None:
    """A parameter that takes one value; None when absent or blank."""
    raw = query.getlist(name) if hasattr(query, "getlist") else [query.get(name, "")]
    raw = [item.strip() for item in raw if item.strip()]
    if not raw:
        return None
    if len(raw) > 1:
        raise ParameterError(name, "give one value, not several")
    if "\x00" in raw[0]:
        raise ParameterError(name, "null characters are not allowed")
    return raw[0]


_DIGITS = re.compile(r"[0-9]{1,12}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_non_negative_int(name: str, value: str | None, default: int, maximum: int) -> int:
    if value is None:
        return default
    if not _DIGITS.fullmatch(value):
        raise ParameterError(name, f"must be a whole number from 0 to {maximum}, not {value!r}")
    number = int(value)
    if number > maximum:
        raise ParameterError(name, f"must be at most {maximum}, not {number}")
    return number


def parse_boolean(name: str, value: str | None) -> bool | None:
    if value is None:
        return None
    try:
        return BOOLEAN_VALUES[value.lower()]
    except KeyError:
        raise ParameterError(name, f"must be true or false, not {value!r}") from None


def parse_date(name: str, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise ParameterError(name, f"must be a date as YYYY-MM-DD, not {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ParameterError(name, f"{value!r} is not a real date") from None


def parse_choices(name: str, values: list[str], choices: Iterable[str]) -> list[str]:
    choices = list(choices)
    unknown = [value for value in values if value not in choices]
    if unknown:
        raise ParameterError(
            name,
            "unknown value{} {} (known: {})".format(
                "s" if len(unknown) > 1 else "", ", ".join(unknown), ", ".join(choices)
            ),
        )
    return values


def parse_limit_offset(query) -> tuple[int, int]:
    maximum = casestudy_settings.API_MAX_LIMIT
    limit = parse_non_negative_int(
        "limit", get_single(query, "limit"), min(DEFAULT_LIMIT, maximum), maximum
    )
    offset = parse_non_negative_int("offset", get_single(query, "offset"), 0, MAX_OFFSET)
    return limit, offset


def parse_fields(query, allowed: Iterable[str]) -> list[tuple[str, bool, Any]]:
    """The API v2 ``fields`` syntax (``*``, ``_``, ``name``, ``-name``), checked against ``allowed``
    names. Nested sub-fields are not supported on these endpoints."""
    value = get_single(query, "fields")
    if value is None:
        return []
    try:
        config = parse_fields_parameter(value)
    except FieldsParameterParseError as e:
        raise ParameterError("fields", str(e)) from None
    allowed = set(allowed)
    for index, (name, _negated, sub_fields) in enumerate(config):
        if name in ("*", "_") and index == 0:
            continue
        if name not in allowed:
            raise ParameterError(
                "fields", f"unknown field {name!r} (known: {', '.join(sorted(allowed))})"
            )
        if sub_fields:
            raise ParameterError("fields", f"{name!r} does not support nested fields")
    return config


def select_fields(config, default: Iterable[str], all_fields: Iterable[str]) -> list[str]:
    """Apply a parsed ``fields`` config to the default field names; keeps ``all_fields`` order."""
    all_fields = list(all_fields)
    chosen = set(default)
    if config and config[0][0] == "*":
        chosen, config = set(all_fields), config[1:]
    elif config and config[0][0] == "_":
        chosen, config = set(), config[1:]
    for name, negated, _sub in config:
        if negated:
            chosen.discard(name)
        else:
            chosen.add(name)
    return [name for name in all_fields if name in chosen]


# --- The case-study listing ---


@dataclass
class CaseStudyQuery:
    """The parsed, syntax-checked parameters of a case-study listing."""

    filters: dict[str, Any] = field(default_factory=dict)
    include_districts: bool = False
    search: str | None = None
    search_operator: str | None = None
    order: str = "-date"
    facets: list[str] = field(default_factory=list)
    fields: list = field(default_factory=list)
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    @property
    def orders_by_relevance(self) -> bool:
        return self.order == "relevance"


def parse_case_study_query(query, field_names: Iterable[str]) -> CaseStudyQuery:
    """Check every parameter's syntax, without touching the database."""
    check_parameter_names(query, CASE_STUDY_PARAMETERS)
    parsed = CaseStudyQuery()
    filters = parsed.filters

    for name in ("topic", "council", "support_type", "tag"):
        values = get_values(query, name)
        if values:
            filters[name] = values
    council_types = parse_choices(
        "council_type", get_values(query, "council_type"), CouncilType.values
    )
    if council_types:
        filters["council_type"] = council_types
    regions = parse_choices("region", get_values(query, "region"), Region.values)
    if regions:
        filters["region"] = regions
    covid = parse_boolean("covid", get_single(query, "covid"))
    if covid is not None:
        filters["covid"] = covid
    date_from = parse_date("date_from", get_single(query, "date_from"))
    date_to = parse_date("date_to", get_single(query, "date_to"))
    if date_from and date_to and date_from > date_to:
        raise ParameterError(
            "date_from", f"{date_from.isoformat()} is after date_to ({date_to.isoformat()})"
        )
    if date_from:
        filters["date_from"] = date_from
    if date_to:
        filters["date_to"] = date_to
    years = []
    for value in get_values(query, "year"):
        if not re.fullmatch(r"[0-9]{4}", value) or int(value) < 1000:
            raise ParameterError("year", f"must be a four-digit year, not {value!r}")
        years.append(int(value))
    if years:
        filters["year"] = sorted(set(years))
    parsed.include_districts = bool(
        parse_boolean("include_districts", get_single(query, "include_districts"))
    )

    search = get_single(query, "search")
    if search is not None:
        if len(search) > MAX_SEARCH_LENGTH:
            raise ParameterError("search", f"must be at most {MAX_SEARCH_LENGTH} characters")
        parsed.search = search
    operator = get_single(query, "search_operator")
    if operator is not None:
        parsed.search_operator = parse_choices(
            "search_operator", [operator.lower()], ("and", "or")
        )[0]

    order = get_single(query, "order")
    if order is None:
        parsed.order = "relevance" if parsed.search else "-date"
    else:
        parse_choices("order", [order], ORDERS)
        if order == "relevance" and not parsed.search:
            raise ParameterError("order", "'relevance' needs a search")
        parsed.order = order

    parsed.facets = parse_choices("facets", get_values(query, "facets"), FACETS)
    parsed.fields = parse_fields(query, field_names)
    parsed.limit, parsed.offset = parse_limit_offset(query)
    return parsed


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


def _resolve_by_slug(parameter: str, queryset: QuerySet, values: list[str], *extra) -> list[int]:
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


class CaseStudyFilter:
    """The case studies a listing query selects, and the facet counts around that selection.

    ``base`` is the visibility-restricted queryset (live, public, this site). Filter values are
    resolved against the database here: an unknown topic, council, support type or tag is a 400.
    """

    def __init__(self, query: CaseStudyQuery, base: QuerySet, search_ids: list[int] | None = None):
        self.query = query
        self.base = base
        self.search_ids = search_ids
        self.resolved: dict[str, Any] = {}
        self.conditions: dict[str, Q] = {}
        self._resolve()

    def _resolve(self) -> None:
        filters = self.query.filters
        through = CaseStudyPage.topics.through
        conditions = self.conditions

        if "topic" in filters:
            ids = _resolve_by_slug("topic", Topic.objects.all(), filters["topic"])
            self.resolved["topic"] = ids
            conditions["topic"] = Q(
                pk__in=through.objects.filter(topic_id__in=ids).values("casestudypage_id")
            )
        if "council" in filters:
            ids = _resolve_by_slug(
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
            if self._has_field(column):
                # The card cache keeps the councils' types and regions as bit masks: one test
                # on the row instead of a join through the council links.
                mask = 0
                for value in filters[name]:
                    mask |= bit(value)
                conditions[name] = GreaterThan(F(column).bitand(mask), 0)
            else:
                conditions[name] = Q(
                    pk__in=CaseStudyCouncil.objects.filter(
                        **{f"council__{name}__in": filters[name]}
                    ).values("page_id")
                )
        if "support_type" in filters:
            ids = _resolve_by_slug(
                "support_type", SupportType.objects.all(), filters["support_type"]
            )
            self.resolved["support_type"] = ids
            conditions["support_type"] = Q(support_type_id__in=ids)
        if "tag" in filters:
            ids = _resolve_by_slug("tag", Tag.objects.all(), filters["tag"], ("name", str))
            conditions["tag"] = Q(
                pk__in=CaseStudyPageTag.objects.filter(tag_id__in=ids).values("content_object_id")
            )
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
        if self.search_ids is not None:
            conditions["search"] = pk_in(self.search_ids, self.base.db)

    def add_search(self, search_ids: list[int]) -> None:
        """Narrow the selection to these search results (ids of matching case studies)."""
        self.search_ids = search_ids
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

    # --- Facets --------------------------------------------------------------------------------

    def facet_counts(self, facets: list[str]) -> tuple[int, dict[str, list[dict]]]:
        """The total of the selection and every requested facet, from one query."""
        if self._has_field("council_types"):
            return self._card_facet_counts(facets)
        parts = []

        def member(name, queryset, value, label, count):
            # Every member annotates the same names in the same order, so the columns of the
            # UNION line up; the facet name is a constant, so it is not grouped by.
            parts.append(
                queryset.order_by()
                .annotate(f_value=Cast(value, CharField()), f_label=Cast(label, CharField()))
                .values("f_value", "f_label")
                .annotate(f_count=count)
                .annotate(f_facet=Value(name, output_field=CharField()))
                .values_list("f_facet", "f_value", "f_label", "f_count")
            )

        def ids(without):
            return self.queryset(without=without).order_by().values("pk")

        # The total: one row, grouped by constants only.
        member("_total", self.queryset(), Value(""), Value(""), Count("pk"))
        if "topic" in facets:
            condition = Q(casestudypage__in=ids("topic"))
            member(
                "topic",
                Topic.objects.all(),
                F("slug"),
                F("name"),
                Count("casestudypage", filter=condition),
            )
        if "support_type" in facets:
            condition = Q(casestudypage__in=ids("support_type"))
            member(
                "support_type",
                SupportType.objects.all(),
                F("slug"),
                F("name"),
                Count("casestudypage", filter=condition),
            )
        for facet in ("council_type", "region"):
            if facet in facets:
                links = CaseStudyCouncil.objects.filter(page_id__in=ids(facet))
                member(
                    facet, links, F(f"council__{facet}"), Value(""), Count("page_id", distinct=True)
                )
        # The selection itself has the date and the flag: count it directly, no self-join.
        if "year" in facets:
            pages = self.queryset(without="year")
            member("year", pages, ExtractYear("publication_date"), Value(""), Count("pk"))
        if "covid" in facets:
            pages = self.queryset(without="covid")
            member("covid", pages, F("is_covid19"), Value(""), Count("pk"))
        union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        rows: dict[str, list] = {"_total": [], **{name: [] for name in facets}}
        for facet, value, label, count in union:
            rows[facet].append((value, label, count))
        total = sum(row[2] for row in rows.pop("_total"))
        return total, {name: self._facet_items(name, rows[name]) for name in facets}

    def _has_field(self, name: str) -> bool:
        return any(f.name == name for f in self.base.model._meta.concrete_fields)

    def _card_facet_counts(self, facets: list[str]) -> tuple[int, dict[str, list[dict]]]:
        """Facets on the card cache (models/cards.py), where every facet but the topics is a
        column (or a bit mask) of the selection itself.

        Facets whose own filter is not active share the whole selection, and are counted
        together: one aggregate (the total, the council type and region bits, the COVID-19
        flag) and one GROUP BY year and support type, both reading only the covering index.
        A facet whose filter is active gets the same over the selection without that filter.
        Topics are counted on the topic links (their unique index covers the query). Labels of
        topics and support types, with the zero counts, come from one small query.
        """
        bits = {
            "council_type": ("council_types", CouncilType.values, council_type_bit),
            "region": ("regions", Region.values, region_bit),
        }
        groups: dict[str | None, list[str]] = {None: []}
        for facet in facets:
            key = facet if facet in self.conditions else None
            groups.setdefault(key, []).append(facet)

        rows: dict[str, list] = {name: [] for name in facets}
        counts_by_value: dict[str, dict] = {"topic": {}, "support_type": {}}
        total = 0
        for key, members in groups.items():
            selection = self.queryset(without=key).order_by()
            aggregates = {}
            if key is None:
                aggregates["total"] = Count("pk")
            for facet in members:
                if facet in bits:
                    column, values, bit = bits[facet]
                    for index, value in enumerate(values):
                        condition = GreaterThan(F(column).bitand(bit(value)), 0)
                        aggregates[f"{facet}_{index}"] = Count("pk", filter=condition)
                elif facet == "covid":
                    aggregates["covid_true"] = Count("pk", filter=Q(is_covid19=True))
                    aggregates["covid_false"] = Count("pk", filter=Q(is_covid19=False))
            if aggregates:
                result = selection.aggregate(**aggregates)
                total = result.get("total", total)
                for facet in members:
                    if facet in bits:
                        values = bits[facet][1]
                        rows[facet] = [
                            (value, "", result[f"{facet}_{index}"])
                            for index, value in enumerate(values)
                        ]
                    elif facet == "covid":
                        rows[facet] = [
                            (True, "", result["covid_true"]),
                            (False, "", result["covid_false"]),
                        ]
            grouped = [name for name in ("year", "support_type") if name in members]
            if grouped:
                columns = {"year": "year", "support_type": "support_type_id"}
                years: dict[int, int] = {}
                for values in selection.values(*[columns[n] for n in grouped]).annotate(
                    n=Count("pk")
                ):
                    if "year" in grouped and values["year"] is not None:
                        years[values["year"]] = years.get(values["year"], 0) + values["n"]
                    if "support_type" in grouped and values["support_type_id"] is not None:
                        by_id = counts_by_value["support_type"]
                        by_id[values["support_type_id"]] = (
                            by_id.get(values["support_type_id"], 0) + values["n"]
                        )
                if "year" in grouped:
                    rows["year"] = [(year, "", n) for year, n in years.items()]
            if "topic" in members:
                through = CaseStudyPage.topics.through
                counts_by_value["topic"] = dict(
                    through.objects.filter(casestudypage_id__in=selection.values("pk"))
                    .order_by()
                    .values_list("topic_id")
                    .annotate(n=Count("*"))
                )

        self._add_labelled_rows(rows, counts_by_value)
        return total, {name: self._facet_items(name, rows[name]) for name in facets}

    def stored_facet_counts(self, counts: dict[str, int], facets: list[str]) -> dict:
        """The facets of the unfiltered selection from a site's stored counts
        (``models.CaseStudyCardCounts``): what ``facet_counts`` would count, without counting."""
        rows: dict[str, list] = {name: [] for name in facets}
        counts_by_value: dict[str, dict] = {"topic": {}, "support_type": {}}
        for key, count in counts.items():
            facet, _, value = key.partition(":")
            if facet in counts_by_value:
                counts_by_value[facet][int(value)] = count
            elif facet == "year" and facet in rows:
                rows[facet].append((int(value), "", count))
            elif facet == "covid" and facet in rows:
                rows[facet].append((value == "true", "", count))
            elif facet in rows:
                rows[facet].append((value, "", count))
        self._add_labelled_rows(rows, counts_by_value)
        return {name: self._facet_items(name, rows[name]) for name in facets}

    @staticmethod
    def _add_labelled_rows(rows: dict[str, list], counts_by_value: dict[str, dict]) -> None:
        """Every topic and support type with its label and count (zero when absent): one small
        query for both."""
        labelled = [name for name in ("topic", "support_type") if name in rows]
        if not labelled:
            return
        parts = [
            model.objects.order_by()
            .annotate(f_facet=Value(name, output_field=CharField()))
            .values_list("f_facet", "pk", "slug", "name")
            for name, model in (("topic", Topic), ("support_type", SupportType))
            if name in labelled
        ]
        union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for name, pk, slug, label in union:
            rows[name].append((slug, label, counts_by_value[name].get(pk, 0)))

    def _facet_items(self, facet: str, rows) -> list[dict]:
        filters = self.query.filters
        selected = filters.get(facet, [])
        if facet in ("topic", "support_type"):
            items = [
                {"value": value, "label": label, "count": count, "selected": value in selected}
                for value, label, count in sorted(rows, key=lambda row: (row[1] or "").lower())
            ]
            return items
        if facet in ("council_type", "region"):
            choices = CouncilType.choices if facet == "council_type" else Region.choices
            counts = {value: count for value, _label, count in rows if value}
            return [
                {
                    "value": value,
                    "label": str(label),
                    "count": counts.get(value, 0),
                    "selected": value in selected,
                }
                for value, label in choices
            ]
        if facet == "year":
            counts = {int(value): count for value, _label, count in rows if value not in (None, "")}
            for year in selected:
                counts.setdefault(year, 0)
            return [
                {
                    "value": year,
                    "label": str(year),
                    "count": counts[year],
                    "selected": year in selected,
                }
                for year in sorted(counts, reverse=True)
            ]
        # covid
        counts = {_db_boolean(value): count for value, _label, count in rows}
        return [
            {
                "value": value,
                "label": "COVID-19" if value else "Not COVID-19",
                "count": counts.get(value, 0),
                "selected": filters.get("covid") is value,
            }
            for value in (True, False)
        ]


def _db_boolean(value) -> bool:
    """A boolean cast to text: '1'/'0' on SQLite, 'true'/'false' on PostgreSQL."""
    return str(value).lower() in ("1", "true", "t")


# --- Councils, topics and support types ---

COUNCIL_PARAMETERS = frozenset(
    (
        "council_type",
        "type",
        "region",
        "active",
        "parent",
        "has_case_studies",
        "search",
        "fields",
        "limit",
        "offset",
        *COMMON_PARAMETERS,
    )
)
SNIPPET_PARAMETERS = frozenset(
    ("has_case_studies", "search", "fields", "limit", "offset", *COMMON_PARAMETERS)
)


def filter_councils(query, queryset: QuerySet) -> QuerySet:
    """Councils filtered by type, region, whether they exist today, and parent council."""
    types = parse_choices(
        "council_type",
        get_values(query, "council_type") + get_values(query, "type"),
        CouncilType.values,
    )
    if types:
        queryset = queryset.filter(council_type__in=types)
    regions = parse_choices("region", get_values(query, "region"), Region.values)
    if regions:
        queryset = queryset.filter(region__in=regions)
    active = parse_boolean("active", get_single(query, "active"))
    if active is True:
        queryset = queryset.active()
    elif active is False:
        queryset = queryset.exclude(pk__in=Council.objects.active().values("pk"))
    parents = get_values(query, "parent")
    if parents:
        ids = _resolve_by_slug(
            "parent", Council.objects.all(), parents, ("gss_code", normalise_gss_code)
        )
        queryset = queryset.filter(parent_id__in=ids)
    return queryset


def filter_by_name_search(query, queryset: QuerySet, fields: Iterable[str]) -> QuerySet:
    """A plain, case-insensitive substring search over the given name fields."""
    search = get_single(query, "search")
    if search is None:
        return queryset
    if len(search) > MAX_SEARCH_LENGTH:
        raise ParameterError("search", f"must be at most {MAX_SEARCH_LENGTH} characters")
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__icontains": search})
    return queryset.filter(condition)
