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

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Router
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

V3_ERROR = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["type", "title", "status"],
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


def openapi_extra(resource: str, kind: str, operation_id: str) -> dict[str, Any]:
    operation = openapi.operation(resource, kind, operation_id, error_schema=V3_ERROR)
    if kind == "listing":
        schema_name = openapi.OPERATIONS[(resource, kind)][2]
        item = openapi.SCHEMAS[schema_name]["properties"]["items"]["items"]["$ref"].rsplit("/")[-1]
        operation["responses"]["200"]["content"]["application/json"]["schema"] = v3_listing_schema(
            item, facets=resource == "case-studies"
        )
    operation["parameters"] = [p for p in operation["parameters"] if p["in"] != "path"]
    responses = openapi.inline(operation["responses"])
    for status, response in responses.items():
        if status.startswith("4") and "content" in response:  # errors are RFC 7807 problems
            response["content"] = {
                "application/problem+json": response["content"].pop("application/json")
            }
    responses["200"]["content"]["application/json"]["schema"] = openapi.inline(
        responses["200"]["content"]["application/json"]["schema"]
    )
    return {"parameters": openapi.inline(operation["parameters"]), "responses": responses}


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

    def detail(request: HttpRequest, pk: int):
        if resource == "case-studies":
            return respond(request, lambda: viewset.detail_data(request, pk=pk), listing=False)
        return respond(request, lambda: viewset.detail_data(request, pk), listing=False)

    summary = {
        kind: openapi.OPERATIONS[(resource, kind)][0] for kind in ("listing", "detail", "find")
    }
    # find/ before <pk>/, so the path converter never sees "find".
    for path, kind, name, view in (
        (f"/{prefix}/", "listing", listing_name, listing),
        (f"/{prefix}/find/", "find", find_name, find),
        (f"/{prefix}/{{int:pk}}/", "detail", detail_name, detail),
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
    at ``case-studies/``, ``councils/``, ``topics/`` and ``support-types/``. Call it before the
    API's ``urls`` are read."""
    api.add_router("/", router)
