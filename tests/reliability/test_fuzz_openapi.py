"""Requests generated from the API's own OpenAPI documents (schemathesis), sent in-process.

For every operation of the v2 document (and, on Wagtail 8, the package's operations in the v3
document), schemathesis generates valid requests (positive) and requests that break the
documented parameter types (negative). Each response must:

- not be a 5xx;
- have a documented status and content type, and a body that matches the documented schema;
- on a 4xx, be JSON with a message (v2 ``{"message"}``, v3 RFC 7807 ``{"title", "detail"}``);
- contain no word of a hidden case study (the privacy library's drafts, restricted, expired,
  other-site pages, unpublished contact details).

Hypothesis runs derandomised, so a run is repeatable; ``RELIABILITY_EXAMPLES`` scales it.
"""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.reliability.conftest import examples, in_process_wsgi
from tests.reliability.library import shared_reliability_library
from wagtail_casestudies.compat import HAS_API_V3

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Examples per operation and generation mode in a CI-sized run.
EXAMPLES = {GenerationMode.POSITIVE: 12, GenerationMode.NEGATIVE: 8}


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    yield from shared_reliability_library(django_db_blocker)


def secrets_of(lib) -> list[str]:
    return [
        *lib.secrets,
        *(page.title for page in lib.hidden.values()),
        lib.draft.title,
        lib.private.title,
        lib.elsewhere.title,
    ]


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


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_v2_operations_answer_every_generated_request_as_documented(client, lib, figures, mode):
    operations = v2_operations(client)
    assert len(operations) == 12, operation_ids(operations)
    with in_process_wsgi() as handler:
        for operation in operations:
            run_operation(operation, mode, handler, lib, figures, error_message=v2_error_message)


@pytest.mark.skipif(not HAS_API_V3, reason="Wagtail < 8.0 has no v3 API")
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_v3_operations_answer_every_generated_request_as_documented(client, lib, figures, mode):
    operations = v3_operations(client)
    assert len(operations) == 12, operation_ids(operations)
    with in_process_wsgi() as handler:
        for operation in operations:
            run_operation(operation, mode, handler, lib, figures, error_message=v3_error_message)
