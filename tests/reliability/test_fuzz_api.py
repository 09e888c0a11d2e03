"""API fuzzing, two ways, against the privacy library (tests/reliability/library.py).

1. From the OpenAPI documents (schemathesis): for every operation of the v2 document (and, on
   Wagtail 8, the package's operations in the v3 document), valid requests (positive) and
   requests that break the documented parameter types (negative), sent in-process.
2. Hand-written Hypothesis strategies for every filter, facet, order, field and pagination
   parameter: valid values mixed with odd unicode, huge numbers, SQL and HTML fragments,
   repeated keys, unknown keys and empty values; ids of any size; the stock pages endpoint's
   ``fields`` over the package's ``api_fields``.

Every response: no 5xx; a documented status, content type and body (the OpenAPI schema); every
4xx JSON with a message (v2 ``{"message"[, "parameter"]}``, v3 RFC 7807); no word of a hidden
case study (drafts, restricted, expired and other-site pages, unpublished contact details).

Hypothesis runs derandomised, so a run is repeatable; ``RELIABILITY_EXAMPLES`` scales it.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.reliability.conftest import examples, fuzzer, in_process_wsgi
from tests.reliability.fuzzing import (
    SEARCH_SYNTAX,
    OpenAPIResponses,
    check_response,
    fuzz_settings,
)
from tests.reliability.fuzzing import query_strategy as queries
from tests.reliability.library import shared_reliability_library
from wagtail_casestudies.compat import HAS_API_V3
from wagtail_casestudies.models import CouncilType, Region

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    yield from shared_reliability_library(django_db_blocker)


def secrets_of(lib) -> list[str]:
    hidden = [*lib.hidden.values(), lib.draft, lib.private, lib.elsewhere]
    return [*lib.secrets, *(page.title for page in hidden)]


# --- 1. From the OpenAPI documents ----------------------------------------------------------------

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Examples per operation and generation mode in a CI-sized run.
EXAMPLES = {GenerationMode.POSITIVE: 8, GenerationMode.NEGATIVE: 5}


def run_operation(operation, mode, handler, lib, figures, *, error_message) -> None:
    label = f"{operation.method.upper()} {operation.path}"
    secrets = secrets_of(lib)

    @settings(
        max_examples=examples(EXAMPLES[mode]),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def check(case):
        response = case.call(app=handler)
        figures.add("openapi fuzzing: requests", f"{label} ({mode.value})")
        if response.status_code >= 500:
            figures.add("openapi fuzzing: 5xx", label)
        if not reaches_the_api(case.formatted_path):
            # A negative case may break the path itself ("/case-studies/-1/"): no API route
            # matches, and the site's own 404 page answers. It must still not be a 5xx.
            assert response.status_code == 404, (label, case.formatted_path, response.status_code)
            figures.add("openapi fuzzing: unrouted paths (404)", label)
            return
        case.validate_response(response, checks=CHECKS, transport_kwargs={"app": handler})
        if 400 <= response.status_code < 500:
            body = json.loads(response.content)
            assert error_message(body), (label, response.status_code, body)
        text = response.content.decode("utf-8", "replace")
        for secret in secrets:
            assert secret not in text, (label, secret)

    check()


def reaches_the_api(path: str) -> bool:
    """Whether a path is routed to one of the package's API views (v2 or v3)."""
    from django.urls import Resolver404, resolve

    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name not in (None, "wagtail_serve") and (
        match.namespace.startswith("wagtailapi") or "casestudies" in (match.url_name or "")
    )


def v2_error_message(body) -> bool:
    return isinstance(body.get("message"), str) and bool(body["message"])


def v3_error_message(body) -> bool:
    return isinstance(body.get("title"), str) and isinstance(body.get("status"), int)


def v2_operations(client):
    document = client.get("/api/v2/case-studies/openapi.json").json()
    schema = schemathesis.openapi.from_dict(document)
    return [result.ok() for result in schema.get_all_operations()]


def v3_operations(client):
    document = client.get("/api/v3/openapi.json").json()
    schema = schemathesis.openapi.from_dict(document)
    return [
        operation
        for operation in (result.ok() for result in schema.get_all_operations())
        if operation.definition.raw.get("operationId", "").startswith("casestudies_")
    ]


def operation_ids(operations) -> list[str]:
    return [op.definition.raw.get("operationId", op.path) for op in operations]


@fuzzer
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_v2_operations_answer_every_generated_request_as_documented(client, lib, figures, mode):
    operations = v2_operations(client)
    assert len(operations) == 12, operation_ids(operations)
    with in_process_wsgi() as handler:
        for operation in operations:
            run_operation(operation, mode, handler, lib, figures, error_message=v2_error_message)


@fuzzer
@pytest.mark.skipif(not HAS_API_V3, reason="Wagtail < 8.0 has no v3 API")
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_v3_operations_answer_every_generated_request_as_documented(client, lib, figures, mode):
    operations = v3_operations(client)
    assert len(operations) == 12, operation_ids(operations)
    with in_process_wsgi() as handler:
        for operation in operations:
            run_operation(operation, mode, handler, lib, figures, error_message=v3_error_message)


# --- 2. Hypothesis strategies for every parameter -------------------------------------------------

FIELDS = [
    "title",
    "summary",
    "body",
    "councils",
    "tags",
    "hero_image",
    "partners",
    "related",
    "publication_date",
    "series",
    "-summary",
    "*",
    "_",
    "_,title",
    "*,-body",
]
LIMITS = ["0", "1", "20", "100", "101"]
COMMON = {"format": ["json", "api", "xml"], "_": ["1700000000000"]}

CASE_STUDY_LISTING = {
    "topic": ["waste", "housing", "cyber", "nope"],
    "council": ["kent-county-council", "E10000016", "e07000108", "leeds-city-council"],
    "include_districts": ["true", "false"],
    "council_type": list(CouncilType.values),
    "region": list(Region.values),
    "support_type": ["one-public-estate"],
    "tag": ["bins", "cyber", "Bins"],
    "covid": ["true", "false", "1", "no"],
    "date_from": ["2021-01-01", "2020-12-31"],
    "date_to": ["2021-12-31", "2019-01-01"],
    "year": ["2020", "2021", "2022", "2020,2021"],
    "search": ["bins", "kent", "homes key", "zqdraftmarker", "a OR b", '"bins"', "-bins"]
    + SEARCH_SYNTAX,
    "search_operator": ["and", "or", "OR"],
    "order": ["date", "-date", "title", "-title", "relevance"],
    "facets": [
        "topic",
        "council_type",
        "region",
        "support_type",
        "year",
        "covid",
        "topic,year,covid",
    ],
    "fields": FIELDS,
    "limit": LIMITS,
    "offset": ["0", "1", "3", "1000000", "1000001"],
    **COMMON,
}
COUNCIL_LISTING = {
    "council_type": list(CouncilType.values),
    "type": ["county", "district"],
    "region": list(Region.values),
    "active": ["true", "false"],
    "parent": ["kent-county-council", "E10000016"],
    "has_case_studies": ["true", "false"],
    "search": ["kent", "E08", "council"],
    "fields": ["name", "*"],
    "limit": LIMITS,
    "offset": ["0", "2"],
    **COMMON,
}
SNIPPET_LISTING = {
    "has_case_studies": ["true", "false"],
    "search": ["waste", "o"],
    "fields": ["name"],
    "limit": LIMITS,
    "offset": ["0", "1"],
    **COMMON,
}
DETAIL = {"fields": FIELDS, **COMMON}
CASE_STUDY_FIND = {
    "html_path": [
        "/case-studies/kent-fewer-missed-bins/",
        "kent-fewer-missed-bins",
        "/members-only/kent-private-bins/",
        "/",
        "//x//",
    ],
    "slug": ["kent-fewer-missed-bins", "kent-a-draft-about-bins"],
    "id": ["1", "2", "0"],
    "fields": FIELDS,
    **COMMON,
}
COUNCIL_FIND = {"slug": ["kent-county-council"], "gss_code": ["E10000016", "e10000016"], **COMMON}
SNIPPET_FIND = {"slug": ["waste", "one-public-estate"], **COMMON}

# (path below /api/v2 or /api/v3, parameters, examples in a CI-sized run)
ENDPOINTS = [
    ("/case-studies/", CASE_STUDY_LISTING, 60),
    ("/case-studies/{bins}/", DETAIL, 12),
    ("/case-studies/find/", CASE_STUDY_FIND, 20),
    ("/councils/", COUNCIL_LISTING, 25),
    ("/councils/{kent}/", {**COMMON}, 5),
    ("/councils/find/", COUNCIL_FIND, 10),
    ("/topics/", SNIPPET_LISTING, 12),
    ("/topics/find/", SNIPPET_FIND, 6),
    ("/support-types/", SNIPPET_LISTING, 12),
    ("/support-types/find/", SNIPPET_FIND, 6),
]


def fuzz_endpoint(client, lib, figures, prefix, path, parameters, base, documents, v3=False):
    url = prefix + path.format(bins=lib.bins.pk, kent=lib.kent.pk)
    label = f"{prefix}{path}"
    secrets = secrets_of(lib)

    @fuzz_settings(base)
    @given(pairs=queries(parameters), raw=st.sampled_from(["", "", "", "&%ff%fe=%c0%af", "&&=&"]))
    def check(pairs, raw):
        query = urlencode(pairs) + raw
        response = client.get(f"{url}?{query}")
        figures.add("parameter fuzzing: requests", label)
        figures.add("parameter fuzzing: parameters sent", label, len(pairs))
        if response.status_code >= 500:
            figures.add("parameter fuzzing: 5xx", label)
        if dict(pairs).get("format") == "api":  # DRF's browsable API: HTML, as asked for
            assert response.status_code < 500, (label, query, response.status_code)
            return
        check_response(
            response, label=f"{label}?{query}", secrets=secrets, documents=documents, v3=v3
        )

    check()


@fuzzer
@pytest.mark.parametrize(("path", "parameters", "base"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_v2_parameters(client, lib, figures, path, parameters, base):
    documents = OpenAPIResponses(client.get("/api/v2/case-studies/openapi.json").json())
    fuzz_endpoint(client, lib, figures, "/api/v2", path, parameters, base, documents)


@fuzzer
@pytest.mark.skipif(not HAS_API_V3, reason="Wagtail < 8.0 has no v3 API")
@pytest.mark.parametrize(("path", "parameters", "base"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_v3_parameters(client, lib, figures, path, parameters, base):
    documents = OpenAPIResponses(client.get("/api/v3/openapi.json").json())
    fuzz_endpoint(
        client, lib, figures, "/api/v3", path, parameters, max(base // 2, 5), documents, v3=True
    )


@fuzzer
def test_detail_ids_of_any_size(client, lib, figures):
    documents = OpenAPIResponses(client.get("/api/v2/case-studies/openapi.json").json())
    secrets = secrets_of(lib)
    resources = ["case-studies", "councils", "topics", "support-types"]

    @fuzz_settings(40)
    @given(
        resource=st.sampled_from(resources),
        pk=st.one_of(
            st.integers(min_value=0, max_value=10**30),
            st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64]),
        ),
    )
    def check(resource, pk):
        response = client.get(f"/api/v2/{resource}/{pk}/")
        figures.add("parameter fuzzing: requests", "/api/v2/<resource>/<id>/")
        assert response.status_code in (200, 404), (resource, pk, response.status_code)
        check_response(response, label=f"{resource}/{pk}", secrets=secrets, documents=documents)
        if HAS_API_V3:
            response = client.get(f"/api/v3/{resource}/{pk}/")
            figures.add("parameter fuzzing: requests", "/api/v3/<resource>/<id>/")
            assert response.status_code in (200, 404, 422), (resource, pk, response.status_code)

    check()


@fuzzer
def test_stock_pages_fields_of_the_package_types(client, lib, figures):
    """The stock pages endpoint serialises the package's api_fields: fuzz which it is asked for."""
    names = [
        "councils",
        "lead_council",
        "topics",
        "main_topic",
        "support_type",
        "hero_image",
        "partners",
        "body",
        "related_case_studies",
        "tags",
        "themes",
        "featured_case_studies",
        "*",
        "_",
        "-title",
    ]
    secrets = secrets_of(lib)

    @fuzz_settings(25)
    @given(
        fields=st.lists(st.sampled_from(names), max_size=4).map(",".join),
        page=st.sampled_from(["bins", "hub", "contact", "changed", "index_page"]),
    )
    def check(fields, page):
        pk = getattr(lib, page).pk
        response = client.get(f"/api/v2/pages/{pk}/", {"fields": fields})
        figures.add("parameter fuzzing: requests", "/api/v2/pages/<id>/?fields=")
        assert response.status_code in (200, 400), (page, fields, response.status_code)
        check_response(
            response, label=f"pages/{pk}?fields={fields}", secrets=secrets, documents=None
        )

    check()


# Requests the fuzzers found answered with a 5xx or an empty message, kept as plain examples.
FOUND = [
    (f"/api/v2/case-studies/{2**63}/", 404),  # OverflowError on SQLite: a 500
    (f"/api/v2/councils/{10**30}/", 404),
    (f"/api/v2/case-studies/find/?id={2**64}", 404),
    ("/api/v2/case-studies/find/?id=%C2%B2", 400),  # "²".isdigit(), but int("²") raises: a 500
    ("/api/v2/case-studies/?format=xml", 400),  # DRF's bare Http404: {"message": ""}
    ("/api/v2/topics/?format=%27+OR+1%3D1", 400),
]


@pytest.mark.parametrize(("url", "status"), FOUND, ids=[url for url, _status in FOUND])
def test_what_the_fuzzers_found(client, lib, url, status):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response.json()["message"]
    if HAS_API_V3 and "format" not in url:
        assert client.get(url.replace("/api/v2/", "/api/v3/")).status_code == status
