"""The same resources on Wagtail 8's v3 API (django-ninja). Import only when
``compat.HAS_API_V3``.

A site adds them to Wagtail's v3 API before mounting it::

    from wagtail.api.v3.urls import api
    from wagtail_casestudies.api.v3 import register_v3

    register_v3(api)
    urlpatterns = [path("api/v3/", api.urls), ...]

The data is built by the v2 viewsets' code, so both versions agree; the envelope follows v3's
conventions (``{"count", "items"}``, plus ``facets`` when asked for) and errors are RFC 7807
``application/problem+json``, with a 400 naming the parameter at fault. The OpenAPI operations
carry the schemas from ``openapi.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any

from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Router
from pydantic import WithJsonSchema
from wagtail.api.v3.errors import problem_response

from ..representation import V3_DETAIL_URL_NAMES, V3_LISTING_URL_NAMES
from . import openapi
from .cache import cache_headers, cached_data
from .errors import error_for
from .views import (
    CaseStudiesAPIViewSet,
    CouncilsAPIViewSet,
    SupportTypesAPIViewSet,
    TopicsAPIViewSet,
)

router = Router(tags=["case studies"])

# A detail route's id: any path segment reaches the view, which answers anything but an id in
# the database's range with a JSON 404 (``views.db_id``); the document states what is valid.
PathId = Annotated[str, WithJsonSchema(openapi.PATH_ID["schema"])]

# What Wagtail's v3 ``problem_response`` writes (RFC 7807), with our 400s' ``errors`` items.
PROBLEM = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "loc": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "Where the fault is: ['query', <parameter>].",
                    },
                    "msg": {"type": "string"},
                },
                "required": ["loc", "msg"],
            },
        },
    },
    "required": ["type", "title", "status"],
    "description": "An RFC 7807 problem; a 400's errors name the query parameter at fault.",
}


def v3_listing_schema(item: str, *, facets: bool = False) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "count": {"type": "integer"},
        "items": {"type": "array", "items": openapi.ref(item)},
    }
    if facets:
        properties["facets"] = openapi.ref("Facets")
    return {
        "type": "object",
        "properties": properties,
        "required": ["count", "items"],
        "additionalProperties": False,
    }


# The schemas the v3 operations refer to: the v2 document's, plus v3's own envelopes. They are
# added to the components of the v3 document (``register_v3``), so v3 shares their names.
V3_SCHEMAS: dict[str, Any] = {
    **openapi.SCHEMAS,
    "CaseStudyPage": v3_listing_schema("CaseStudyItem", facets=True),
    "CouncilPage": v3_listing_schema("CouncilItem"),
    "TopicPage": v3_listing_schema("TopicItem"),
    "SupportTypePage": v3_listing_schema("SupportTypeItem"),
    "Problem": PROBLEM,
}
V3_LISTINGS = {
    "case-studies": "CaseStudyPage",
    "councils": "CouncilPage",
    "topics": "TopicPage",
    "support-types": "SupportTypePage",
}


def openapi_extra(resource: str, kind: str, operation_id: str) -> dict[str, Any]:
    """The operation's parameters and responses, from the same declarations as v2's.

    Ninja writes each response under an integer status (``{200: {"description": "OK"}}``) and
    merges this into it: the keys here are integers too, or the document would hold "200"
    twice. The path parameter is ninja's own (its schema is declared on the view)."""
    operation = openapi.operation(resource, kind, operation_id, error_schema=openapi.ref("Problem"))
    responses = operation["responses"]
    if kind == "listing":
        schema = openapi.ref(V3_LISTINGS[resource])
        responses["200"]["content"]["application/json"]["schema"] = schema
    for status, response in responses.items():
        if status.startswith("4") and "content" in response:  # errors are RFC 7807 problems
            response["content"] = {
                "application/problem+json": response["content"].pop("application/json")
            }
    return {
        "parameters": [p for p in operation["parameters"] if p["in"] != "path"],
        "responses": {int(status): response for status, response in responses.items()},
        "security": operation["security"],
    }


def respond(request: HttpRequest, compute: Callable[[], dict], *, listing: bool) -> HttpResponse:
    """Run a v2 viewset's data builder for a v3 request, with the same caching and 400s."""
    request.casestudies_api_version = 3

    def compute_v3() -> dict:
        data = compute()
        if not listing:
            return data
        result = {"count": data["meta"]["total_count"], "items": data["items"]}
        if "facets" in data["meta"]:
            result["facets"] = data["meta"]["facets"]
        return result

    try:
        etag, data = cached_data(request, compute_v3)
    except Http404 as e:
        return problem_response(status=404, detail=str(e) or "Not found")
    except Exception as e:
        error = error_for(e)
        if error is None:
            raise
        errors = [{"loc": ["query", error.parameter], "msg": error.message}]
        return problem_response(
            status=error.status, detail=error.message, errors=errors if error.parameter else None
        )
    response = HttpResponse(status=304) if data is None else JsonResponse(data)
    return cache_headers(response, etag)


def _add_routes(resource: str, prefix: str, viewset_class) -> None:
    viewset = viewset_class()
    listing_name = V3_LISTING_URL_NAMES[resource]
    detail_name = V3_DETAIL_URL_NAMES[resource]
    find_name = detail_name.replace("_detail", "_find")

    def listing(request: HttpRequest):
        return respond(request, lambda: viewset.listing_data(request), listing=True)

    def find(request: HttpRequest):
        if resource == "case-studies":
            return respond(request, lambda: viewset.detail_data(request, find=True), listing=False)
        return respond(
            request, lambda: viewset.detail_data(request, None, find=True), listing=False
        )

    def detail(request: HttpRequest, pk: PathId):
        if resource == "case-studies":
            return respond(request, lambda: viewset.detail_data(request, pk=pk), listing=False)
        return respond(request, lambda: viewset.detail_data(request, pk), listing=False)

    summary = {
        kind: openapi.OPERATIONS[(resource, kind)][0] for kind in ("listing", "detail", "find")
    }
    # find/ before {pk}/, which takes any segment (a JSON 404 for "-1", not the site's HTML).
    for path, kind, name, view in (
        (f"/{prefix}/", "listing", listing_name, listing),
        (f"/{prefix}/find/", "find", find_name, find),
        (f"/{prefix}/{{pk}}/", "detail", detail_name, detail),
    ):
        router.get(
            path,
            url_name=name,
            summary=summary[kind],
            operation_id=name,
            openapi_extra=openapi_extra(resource, kind, name),
            tags=[resource],
        )(view)


for _resource, _viewset in (
    ("case-studies", CaseStudiesAPIViewSet),
    ("councils", CouncilsAPIViewSet),
    ("topics", TopicsAPIViewSet),
    ("support-types", SupportTypesAPIViewSet),
):
    _add_routes(_resource, _resource, _viewset)


def register_v3(api: NinjaAPI) -> None:
    """Add the case-study resources to a v3 ``NinjaAPI`` (Wagtail's ``wagtail.api.v3.urls.api``)
    at ``case-studies/``, ``councils/``, ``topics/`` and ``support-types/``, and their schemas to
    its OpenAPI document. Call it before the API's ``urls`` are read."""
    api.add_router("/", router)
    document = api.get_openapi_schema

    @functools.wraps(document)
    def get_openapi_schema(*args, **kwargs):
        return complete_document(document(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema


def complete_document(document: dict[str, Any]) -> dict[str, Any]:
    """The v3 document with the schemas our operations refer to, and one repair to Wagtail's.

    Wagtail's public reads accept a bearer token or none (``AllowAnonymous``), which ninja writes
    as an ``http`` security scheme without its required ``scheme``: outside tools refuse the
    document. OpenAPI says "optional" with an empty requirement (``{}``), so that is written
    instead, and the invalid scheme dropped. An empty ``servers`` list is written as ``/``."""
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name, schema in openapi.used_schemas(V3_SCHEMAS, document.get("paths", {})).items():
        if schemas.setdefault(name, schema) != schema:
            raise ImproperlyConfigured(f"The v3 API already has a different schema {name!r}.")
    schemes = components.get("securitySchemes", {})
    anonymous = [
        name
        for name, scheme in schemes.items()
        if scheme.get("type") == "http" and "scheme" not in scheme
    ]
    for name in anonymous:
        del schemes[name]
    if anonymous:
        for item in document.get("paths", {}).values():
            for operation in item.values():
                if isinstance(operation, dict) and operation.get("security"):
                    operation["security"] = [
                        {} if set(requirement) & set(anonymous) else requirement
                        for requirement in operation["security"]
                    ]
    if not document.get("servers"):
        # What no servers means (the host that serves the document), said so tools accept it.
        document["servers"] = [{"url": "/"}]
    return document
