"""One declaration per parameter: parsing, validation and the filters come from it.

Every case-study filter is a ``Parameter`` with ``filter=True`` and has exactly one resolution
(``filters.RESOLVERS``) that gives both its database and its search-backend condition; the 400s
for values that do not fit a declaration's schema are derived here from the declarations, so a
new parameter is checked without a new test.
"""

import datetime

import pytest
from django.core.cache import cache
from django.http import QueryDict

from tests import factories
from wagtail_casestudies.api.filters import RESOLVERS
from wagtail_casestudies.api.parameters import (
    CASE_STUDY_FILTERS,
    CASE_STUDY_LISTING,
    COUNCIL_LISTING,
    FIELDS,
    MAX_LIST_VALUES,
    Parameter,
    ParameterError,
    parse_case_study_query,
)

URL = "/api/v2/case-studies/"
COUNCILS_URL = "/api/v2/councils/"


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    yield from factories.shared_library(django_db_blocker)


@pytest.fixture(autouse=True)
def clear_cache(db):
    cache.clear()


def a_bad_value(parameter: Parameter) -> str:
    """A value that does not fit the declaration (or, for a free slug, names nothing)."""
    schema = parameter.value_schema()
    if "enum" in schema:
        return "not-one-of-them"
    if schema.get("type") == "boolean":
        return "perhaps"
    if schema.get("type") == "integer":
        return str(schema["maximum"] + 1)
    if schema.get("format") == "date":
        return "2021-02-30"
    if "pattern" in schema:
        return "not a code!"
    if "maxLength" in schema:
        return "x" * (schema["maxLength"] + 1)
    return "no-such-slug"


def test_every_declared_filter_has_one_resolution_and_nothing_else_does():
    declared = [parameter.name for parameter in CASE_STUDY_LISTING]
    assert [parameter.name for parameter in CASE_STUDY_FILTERS] == [
        name for name in declared if name in RESOLVERS
    ]
    assert {parameter.name for parameter in CASE_STUDY_FILTERS} == set(RESOLVERS)


@pytest.mark.parametrize(
    "parameter",
    [p for p in CASE_STUDY_LISTING if p is not FIELDS and p.name not in ("search_operator",)],
    ids=lambda p: p.name,
)
def test_a_value_outside_its_declaration_is_a_400_naming_the_parameter(client, lib, parameter):
    value = a_bad_value(parameter)
    response = client.get(URL, {parameter.name: value, "search": "bins"})
    if parameter.name == "search":
        response = client.get(URL, {"search": value})
    assert response.status_code == 400, (parameter.name, response.content)
    body = response.json()
    assert body["parameter"] == parameter.name
    assert body["message"].startswith(f"{parameter.name}: ")


@pytest.mark.parametrize("parameter", COUNCIL_LISTING, ids=lambda p: p.name)
def test_the_council_listing_checks_its_declarations_too(client, lib, parameter):
    value = a_bad_value(parameter)
    response = client.get(COUNCILS_URL, {parameter.name: value})
    assert response.status_code == 400, (parameter.name, response.content)
    assert response.json()["parameter"] == parameter.name


def test_bounds_come_from_the_declarations(client, lib, settings):
    limit, offset = (p for p in CASE_STUDY_LISTING if p.name in ("limit", "offset"))
    assert client.get(URL, {"limit": limit.value_schema()["maximum"]}).status_code == 200
    assert client.get(URL, {"offset": offset.value_schema()["maximum"]}).status_code == 200
    assert client.get(URL, {"offset": offset.value_schema()["maximum"] + 1}).status_code == 400
    year = next(p for p in CASE_STUDY_LISTING if p.name == "year")
    assert client.get(URL, {"year": year.value_schema()["minimum"]}).status_code == 200
    response = client.get(URL, {"year": "0999"})
    assert response.json()["message"] == "year: must be a four-digit year, not '0999'"


def test_a_list_parameter_takes_repeats_and_commas_up_to_its_limit():
    topic = next(p for p in CASE_STUDY_LISTING if p.name == "topic")
    query = QueryDict("topic=a,b&topic=c&topic=a&topic=")
    assert topic.parse(query) == ["a", "b", "c"]
    assert topic.parse(QueryDict()) == []
    too_many = ",".join(f"t{n}" for n in range(MAX_LIST_VALUES + 1))
    with pytest.raises(ParameterError) as error:
        topic.parse(QueryDict(f"topic={too_many}"))
    assert error.value.parameter == "topic"


def test_parsed_values_are_keyed_by_their_declarations():
    query = parse_case_study_query(
        QueryDict(
            "topic=waste&covid=no&year=2021,2020,2021&date_from=2020-01-01"
            "&search_operator=OR&search=bins&limit=5"
        ),
        [],
    )
    assert query.filters == {
        "topic": ["waste"],
        "covid": False,
        "year": [2020, 2021],
        "date_from": datetime.date(2020, 1, 1),
    }
    assert set(query.filters) <= {p.name for p in CASE_STUDY_FILTERS}
    assert (query.search_operator, query.order, query.limit, query.offset) == (
        "or",
        "relevance",
        5,
        0,
    )


def test_every_filter_at_once_selects_on_the_database_in_a_fixed_number_of_queries(
    client, lib, django_assert_max_num_queries
):
    """Each resolution costs its own lookups, not one per value."""
    params = {
        "topic": "waste",
        "council": "E10000016",
        "council_type": "county",
        "region": "south_east",
        "support_type": "one-public-estate",
        "covid": "false",
        "date_from": "2021-01-01",
        "date_to": "2021-12-31",
        "year": "2021",
    }
    with django_assert_max_num_queries(20):
        response = client.get(URL, params)
    assert response.status_code == 200, response.content
    assert [item["title"] for item in response.json()["items"]] == ["Kent: fewer missed bins"]
