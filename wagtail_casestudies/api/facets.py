"""Facet counts: for each value of a facet, how many case studies match every *other* active
filter (and the search), i.e. what choosing that value would give.

Counted on the card table, where every facet but the topics is a column (or a bit mask) of the
selection itself; an unfiltered listing reads them from the site's stored counts instead.
"""

from __future__ import annotations

from django.db.models import CharField, Count, F, Q, Value
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _

from ..models import CaseStudyPage, CouncilType, Region, SupportType, Topic
from ..models.cards import council_type_bit, region_bit
from ..representation import topic_sort_key
from .filters import CaseStudyFilter


def count_facets(
    selection: CaseStudyFilter, facets: list[str]
) -> tuple[int, dict[str, list[dict]]]:
    """The total of the selection and every requested facet.

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
        key = facet if facet in selection.conditions else None
        groups.setdefault(key, []).append(facet)

    rows: dict[str, list] = {name: [] for name in facets}
    counts_by_value: dict[str, dict] = {"topic": {}, "support_type": {}}
    total = 0
    for key, members in groups.items():
        cards = selection.queryset(without=key).order_by()
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
            result = cards.aggregate(**aggregates)
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
            for values in cards.values(*[columns[n] for n in grouped]).annotate(n=Count("pk")):
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
                through.objects.filter(casestudypage_id__in=cards.values("pk"))
                .order_by()
                .values_list("topic_id")
                .annotate(n=Count("*"))
            )

    _add_labelled_rows(rows, counts_by_value, selection.locale_id)
    return total, {name: _facet_items(selection, name, rows[name]) for name in facets}


def facets_from_counts(
    selection: CaseStudyFilter, counts: dict[str, int], facets: list[str]
) -> dict[str, list[dict]]:
    """The facets of the unfiltered selection from a site's stored counts
    (``models.CaseStudyCardCounts``): what ``count_facets`` would count, without counting."""
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
    _add_labelled_rows(rows, counts_by_value, selection.locale_id)
    return {name: _facet_items(selection, name, rows[name]) for name in facets}


def _add_labelled_rows(rows: dict[str, list], counts_by_value: dict[str, dict], locale_id) -> None:
    """Every topic and support programme of the listing's locale with its label and count
    (zero when absent): one small query for both. Translations count as one: a page may link
    the source language's topic, which counts for its translation here; a topic with no
    translation here is shown as it is, when it counts anything."""
    labelled = [name for name in ("topic", "support_type") if name in rows]
    if not labelled:
        return
    parts = [
        model.objects.order_by()
        .annotate(f_facet=Value(name, output_field=CharField()))
        .values_list("f_facet", "pk", "slug", "name", "translation_key", "locale_id")
        for name, model in (("topic", Topic), ("support_type", SupportType))
        if name in labelled
    ]
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    groups: dict[tuple, list] = {}
    for name, pk, slug, label, key, locale in sorted(union, key=lambda row: row[1]):
        groups.setdefault((name, key), []).append((pk, slug, label, locale))
    for (name, _key), members in groups.items():
        count = sum(counts_by_value[name].get(pk, 0) for pk, *_rest in members)
        here = [member for member in members if locale_id is None or member[3] == locale_id]
        shown = here[0] if here else members[0] if count else None
        if shown is not None:
            rows[name].append((shown[1], shown[2], count))


def _facet_items(selection: CaseStudyFilter, facet: str, rows) -> list[dict]:
    filters = selection.query.filters
    selected = filters.get(facet, [])
    if facet in ("topic", "support_type"):
        items = [
            {"value": value, "label": label, "count": count, "selected": value in selected}
            for value, label, count in sorted(rows, key=lambda row: topic_sort_key(row[1] or ""))
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
    counts = {bool(value): count for value, _label, count in rows}
    return [
        {
            "value": value,
            "label": str(_("COVID-19") if value else _("Not COVID-19")),
            "count": counts.get(value, 0),
            "selected": filters.get("covid") is value,
        }
        for value in (True, False)
    ]
