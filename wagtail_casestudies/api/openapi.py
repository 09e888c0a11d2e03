"""The OpenAPI 3.1 description of the case-study endpoints.

``SCHEMAS`` holds every JSON shape (JSON Schema 2020-12, which OpenAPI 3.1 uses): the objects
generated from their one declaration in ``schema.py``, and the envelopes around them here. The
parameters come from their one definition in ``parameters.py``. ``v2_document()`` builds the
document for the v2 endpoints where the site mounted them (served at
``<case-studies>/openapi.json``); the v3 routes refer to the same schemas, which ``v3.py`` adds
to the components of Wagtail 8's own OpenAPI document. The test suite validates real responses
against both, and runs outside tools on them (``tests/test_openapi_tools.py``).
"""

from __future__ import annotations

import copy
from typing import Any

from django.urls import NoReverseMatch, reverse

from .. import __version__
from ..models import CaseStudyPage
from ..representation import base_url
from ..schema import json_schemas
from . import parameters

# The schema helpers are the block walk's, one module below this one.
from .block_schemas import (
    COMPONENT,
    INTEGER,
    JSON,
    STRING,
    nullable,
    obj,
    ref,
    stream_field_schema,
)

BOOLEAN = {"type": "boolean"}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
URL = {"type": "string"}


def _facet(value: JSON) -> JSON:
    return {
        "type": "array",
        "items": obj({"value": value, "label": STRING, "count": INTEGER, "selected": BOOLEAN}),
    }


# The shapes of ``schema.py``, generated: a council, a topic, an image, the card, …
SHAPES = json_schemas()
CARD_PROPERTIES: dict[str, JSON] = {
    name: value
    for name, value in SHAPES["CaseStudyCard"]["properties"].items()
    if name not in ("id", "meta")
}

EXTRA_PROPERTIES: dict[str, JSON] = {
    "publication_date": nullable(DATE),
    "councils": {"type": "array", "items": ref("Council")},
    "series": STRING,
    "tags": {"type": "array", "items": STRING},
    "hero_image": nullable(ref("Image")),
    "partners": {"type": "array", "items": ref("Partner")},
    "body": {"type": "array", "items": ref("BodyBlock")},
}

SCHEMAS: dict[str, JSON] = {
    **SHAPES,
    "Error": obj(
        {"message": STRING, "parameter": STRING},
        required=["message"],
        description="A 400 names the query parameter at fault; a 404 has only the message.",
    ),
    # Generated from the body's block definitions (``block_schemas.py``).
    "BodyBlock": stream_field_schema(CaseStudyPage, "body")["items"],
    "CaseStudyItem": obj(
        {"id": INTEGER, "meta": ref("CaseStudyMeta"), **CARD_PROPERTIES, **EXTRA_PROPERTIES},
        required=["id", "meta"],
        description="A listing item; `fields` adds or removes properties.",
    ),
    "CaseStudyDetail": obj(
        {
            "id": INTEGER,
            "meta": ref("CaseStudyMeta"),
            **CARD_PROPERTIES,
            **EXTRA_PROPERTIES,
            "related": {"type": "array", "items": ref("CaseStudyCard")},
        },
        required=["id", "meta"],
    ),
    "Facets": obj(
        {
            "topic": _facet(STRING),
            "council_type": _facet(STRING),
            "region": _facet(STRING),
            "support_type": _facet(STRING),
            "year": _facet(INTEGER),
            "covid": _facet(BOOLEAN),
        },
        required=[],
        description="Each facet's counts apply every other active filter, not its own.",
    ),
    "SnippetMeta": obj({"type": STRING, "detail_url": nullable(URL)}),
}

# Listing items of the snippet endpoints: the object, its meta and its case-study count.
_COUNCIL = SCHEMAS["Council"]["properties"]
SCHEMAS["CouncilItem"] = obj({"meta": ref("SnippetMeta"), **_COUNCIL, "case_study_count": INTEGER})
SCHEMAS["CouncilDetail"] = obj(
    {
        **SCHEMAS["CouncilItem"]["properties"],
        "valid_from": nullable(DATE),
        "valid_to": nullable(DATE),
        "parent": nullable(ref("Council")),
        "successor": nullable(ref("Council")),
        "children": {"type": "array", "items": ref("Council")},
        "predecessors": {"type": "array", "items": ref("Council")},
        "logo": nullable(ref("Image")),
    }
)
SCHEMAS["TopicItem"] = obj(
    {
        "meta": ref("SnippetMeta"),
        **SCHEMAS["Topic"]["properties"],
        "description": STRING,
        "parent_id": nullable(INTEGER),
        "case_study_count": INTEGER,
    }
)
SCHEMAS["SupportTypeItem"] = obj(
    {
        "meta": ref("SnippetMeta"),
        **SCHEMAS["SupportType"]["properties"],
        "description": STRING,
        "case_study_count": INTEGER,
    }
)


def listing_schema(item: str, *, facets: bool = False) -> JSON:
    meta = {"total_count": INTEGER}
    if facets:
        meta["facets"] = ref("Facets")
    return obj(
        {
            "meta": obj(meta, required=["total_count"]),
            "items": {"type": "array", "items": ref(item)},
        }
    )


for _name, _item, _facets in (
    ("CaseStudyListing", "CaseStudyItem", True),
    ("CouncilListing", "CouncilItem", False),
    ("TopicListing", "TopicItem", False),
    ("SupportTypeListing", "SupportTypeItem", False),
):
    SCHEMAS[_name] = listing_schema(_item, facets=_facets)


# --- Parameters ----------------------------------------------------------------------------------


# Ids are positive; any other segment ("-1", "x") is answered with a JSON 404.
PATH_ID = {
    "name": "id",
    "in": "path",
    "required": True,
    "description": "The object's id.",
    "schema": parameters.ID,
}


def responses(
    schema_name: str, *, not_found: bool = False, error_schema: JSON | None = None
) -> JSON:
    error = error_schema or ref("Error")
    result = {
        "200": {
            "description": "OK",
            "headers": {
                "ETag": {"schema": STRING},
                "Cache-Control": {"schema": STRING},
            },
            "content": {"application/json": {"schema": ref(schema_name)}},
        },
        "304": {"description": "Not modified (If-None-Match matched the ETag)."},
        "400": {
            "description": "Bad input; the message names the parameter.",
            "content": {"application/json": {"schema": error}},
        },
    }
    if not_found:
        result["404"] = {
            "description": "Not found (or not live, public and on this site).",
            "content": {"application/json": {"schema": error}},
        }
    return result


# (resource, kind) -> (summary, query parameters, response schema)
OPERATIONS: dict[tuple[str, str], tuple[str, tuple[parameters.Parameter, ...], str]] = {
    ("case-studies", "listing"): (
        "List, filter, search and facet case studies",
        parameters.CASE_STUDY_LISTING,
        "CaseStudyListing",
    ),
    ("case-studies", "detail"): (
        "A case study with its body and related case studies",
        parameters.CASE_STUDY_DETAIL,
        "CaseStudyDetail",
    ),
    ("case-studies", "find"): (
        "A case study by path, slug or id (answered directly)",
        parameters.CASE_STUDY_FIND,
        "CaseStudyDetail",
    ),
    ("councils", "listing"): ("List councils", parameters.COUNCIL_LISTING, "CouncilListing"),
    ("councils", "detail"): ("A council", parameters.COUNCIL_DETAIL, "CouncilDetail"),
    ("councils", "find"): (
        "A council by slug or GSS code",
        parameters.COUNCIL_FIND,
        "CouncilDetail",
    ),
    ("topics", "listing"): ("List topics", parameters.SNIPPET_LISTING, "TopicListing"),
    ("topics", "detail"): ("A topic", parameters.SNIPPET_DETAIL, "TopicItem"),
    ("topics", "find"): ("A topic by slug", parameters.SNIPPET_FIND, "TopicItem"),
    ("support-types", "listing"): (
        "List support programmes",
        parameters.SNIPPET_LISTING,
        "SupportTypeListing",
    ),
    ("support-types", "detail"): (
        "A support programme",
        parameters.SNIPPET_DETAIL,
        "SupportTypeItem",
    ),
    ("support-types", "find"): (
        "A support programme by slug",
        parameters.SNIPPET_FIND,
        "SupportTypeItem",
    ),
}


def operation(resource: str, kind: str, operation_id: str, error_schema=None) -> JSON:
    summary, query, schema = OPERATIONS[(resource, kind)]
    path = [PATH_ID] if kind == "detail" else []
    return {
        "summary": summary,
        "operationId": operation_id,
        "tags": [resource],
        # Public: no credentials are read (or needed) by any operation.
        "security": [],
        "parameters": [*path, *(parameter.openapi() for parameter in query)],
        "responses": responses(schema, not_found=kind != "listing", error_schema=error_schema),
    }


def v2_document(request) -> JSON:
    """The OpenAPI document of the v2 endpoints, at the paths this site mounted them on."""
    router = getattr(request, "wagtailapi_router", None)
    paths: JSON = {}
    for name, endpoint in getattr(router, "_endpoints", {}).items():
        resource = getattr(endpoint, "resource", None)
        if not resource:
            continue
        namespace = f"{router.url_namespace}:{name}"
        try:
            listing = reverse(f"{namespace}:listing")
            detail = reverse(f"{namespace}:detail", args=(12345,)).replace("12345", "{id}")
            find = reverse(f"{namespace}:find")
        except NoReverseMatch:  # pragma: no cover - the router always has all three
            continue
        slug = resource.replace("-", "_")
        paths[listing] = {"get": operation(resource, "listing", f"{slug}_list")}
        paths[detail] = {"get": operation(resource, "detail", f"{slug}_detail")}
        paths[find] = {"get": operation(resource, "find", f"{slug}_find")}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "wagtail-casestudies API (v2)",
            "version": __version__,
            "description": "Case studies, councils, topics and support programmes.",
            "license": {"name": "BSD-3-Clause", "identifier": "BSD-3-Clause"},
        },
        "servers": [{"url": base_url(request)}],
        "paths": paths,
        "components": {"schemas": used_schemas(SCHEMAS, paths)},
    }


def refs(value: Any) -> set[str]:
    """The names of the ``SCHEMAS`` a schema (or an operation) refers to."""
    if isinstance(value, dict):
        found = set()
        if isinstance(value.get("$ref"), str) and value["$ref"].startswith(COMPONENT):
            found.add(value["$ref"][len(COMPONENT) :])
        for item in value.values():
            found |= refs(item)
        return found
    if isinstance(value, list):
        return set().union(*(refs(item) for item in value))
    return set()


def used_schemas(schemas: dict[str, JSON], root: Any) -> dict[str, JSON]:
    """The schemas ``root`` refers to, directly or through other schemas (a document lists
    only those)."""
    names, frontier = set(), refs(root) & schemas.keys()
    while frontier:
        names |= frontier
        frontier = set().union(*(refs(schemas[name]) for name in frontier)) - names
    return {name: copy.deepcopy(schema) for name, schema in schemas.items() if name in names}
