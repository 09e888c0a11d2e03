"""The OpenAPI 3.1 description of the case-study endpoints.

``SCHEMAS`` is the one description of every JSON shape (JSON Schema 2020-12, which OpenAPI 3.1
uses). ``v2_document()`` builds the document for the v2 endpoints where the site mounted them
(served at ``<case-studies>/openapi.json``); the v3 routes inject the same schemas, inlined,
into Wagtail 8's own OpenAPI document. The test suite validates real responses against both.
"""

from __future__ import annotations

import copy
from typing import Any

from django.urls import NoReverseMatch, reverse

from .. import __version__
from .filters import FACETS, ORDERS

JSON = dict[str, Any]


def ref(name: str) -> JSON:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: JSON) -> JSON:
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties: dict[str, JSON], required: list[str] | None = None, **extra) -> JSON:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
        **extra,
    }


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
URL = {"type": "string"}
HTML = {"type": "string", "description": "HTML; internal links are expanded to real URLs."}


def _block(type_name: str, value: JSON) -> JSON:
    return obj({"type": {"const": type_name}, "value": value, "id": nullable(STRING)})


def _section(**extra: JSON) -> JSON:
    return obj({"heading": STRING, "text": HTML, **extra})


def _facet(value: JSON) -> JSON:
    return {
        "type": "array",
        "items": obj({"value": value, "label": STRING, "count": INTEGER, "selected": BOOLEAN}),
    }


CARD_PROPERTIES: dict[str, JSON] = {
    "title": STRING,
    "summary": STRING,
    "url": nullable(URL),
    "path": nullable(STRING),
    "date": nullable(DATE),
    "lead_council": nullable(ref("Council")),
    "topics": {"type": "array", "items": ref("Topic")},
    "main_topic": nullable(ref("Topic")),
    "support_type": nullable(ref("SupportType")),
    "is_covid19": BOOLEAN,
    "hero_thumbnail": nullable(ref("Thumbnail")),
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
    "Error": obj(
        {"message": STRING, "parameter": STRING},
        required=["message"],
        description="A 400 names the query parameter at fault; a 404 has only the message.",
    ),
    "Council": obj(
        {
            "id": INTEGER,
            "name": STRING,
            "short_name": STRING,
            "slug": STRING,
            "gss_code": nullable(STRING),
            "council_type": STRING,
            "council_type_label": STRING,
            "region": STRING,
            "region_label": STRING,
            "nation": STRING,
            "parent_id": nullable(INTEGER),
            "is_active": BOOLEAN,
            "website": STRING,
        }
    ),
    "Topic": obj({"id": INTEGER, "name": STRING, "slug": STRING}),
    "SupportType": obj({"id": INTEGER, "name": STRING, "slug": STRING, "link": STRING}),
    "Rendition": obj({"width": INTEGER, "height": INTEGER, "url": URL}),
    "Image": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "alt": STRING,
            "width": INTEGER,
            "height": INTEGER,
            "renditions": {"type": "array", "items": ref("Rendition")},
            "srcset": STRING,
        }
    ),
    "Thumbnail": obj(
        {"url": URL, "width": INTEGER, "height": INTEGER, "alt": STRING, "srcset": STRING}
    ),
    "Document": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "url": URL,
            "file_size": nullable(INTEGER),
            "file_type": STRING,
        }
    ),
    "Partner": obj({"name": STRING, "kind": STRING, "kind_label": STRING, "website": STRING}),
    "BodyBlock": {
        "oneOf": [
            _block("challenge", _section()),
            _block("solution", _section()),
            _block(
                "impact",
                _section(
                    cost_saving=nullable(STRING),
                    income_generated=nullable(STRING),
                    figures_note=STRING,
                ),
            ),
            _block("sustainability", _section()),
            _block("lessons_learned", _section()),
            _block(
                "contact",
                obj(
                    {
                        "heading": STRING,
                        "name": STRING,
                        "job_title": STRING,
                        "council": nullable(ref("Council")),
                        "organisation": STRING,
                        "email": STRING,
                        "phone": STRING,
                    },
                    required=["heading", "name", "job_title", "council", "organisation"],
                    description="email and phone appear only when the editor published them.",
                ),
            ),
            _block("quote", obj({"text": STRING, "name": STRING, "role": STRING})),
            _block(
                "key_points",
                obj({"heading": STRING, "points": {"type": "array", "items": STRING}}),
            ),
            _block(
                "key_figures",
                obj(
                    {
                        "heading": STRING,
                        "figures": {
                            "type": "array",
                            "items": obj({"value": STRING, "label": STRING}),
                        },
                    }
                ),
            ),
            _block("local_context", obj({"text": HTML})),
            _block(
                "image",
                obj({"image": nullable(ref("Image")), "caption": STRING, "credit": STRING}),
            ),
            _block(
                "embed",
                nullable(
                    obj(
                        {
                            "url": URL,
                            "html": STRING,
                            "title": STRING,
                            "provider_name": STRING,
                            "thumbnail_url": nullable(URL),
                            "width": nullable(INTEGER),
                            "height": nullable(INTEGER),
                        }
                    )
                ),
            ),
            _block(
                "document",
                obj(
                    {
                        "document": nullable(ref("Document")),
                        "title": STRING,
                        "description": STRING,
                    }
                ),
            ),
            _block(
                "action_plan",
                obj(
                    {
                        "title": STRING,
                        "rows": {
                            "type": "array",
                            "items": obj(
                                {
                                    "priority_area": STRING,
                                    "action": STRING,
                                    "start": nullable(DATE),
                                    "due": nullable(DATE),
                                    "barriers": STRING,
                                    "outcome": STRING,
                                }
                            ),
                        },
                    }
                ),
            ),
            _block(
                "table",
                obj(
                    {
                        "caption": STRING,
                        "header_row": BOOLEAN,
                        "rows": {"type": "array", "items": {"type": "array", "items": STRING}},
                    }
                ),
            ),
            _block("heading", STRING),
            _block("paragraph", HTML),
        ]
    },
    "CaseStudyMeta": obj(
        {
            "type": {"const": "wagtail_casestudies.CaseStudyPage"},
            "detail_url": nullable(URL),
            "html_url": nullable(URL),
            "slug": STRING,
            "first_published_at": nullable(DATETIME),
            "seo_title": STRING,
            "search_description": STRING,
            "last_published_at": nullable(DATETIME),
        },
        required=["type", "detail_url", "html_url", "slug", "first_published_at"],
    ),
    "CaseStudyCard": obj(
        {"id": INTEGER, "meta": ref("CaseStudyMeta"), **CARD_PROPERTIES},
        description="A listing item: the card a results page shows.",
    ),
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


def query_parameter(name: str, description: str, schema: JSON | None = None) -> JSON:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or STRING,
    }


LIST = "A comma-separated list (or the parameter repeated) means any of the values."
PAGINATION = [
    query_parameter("limit", "How many items (default 20, at most API_MAX_LIMIT).", INTEGER),
    query_parameter("offset", "How many items to skip.", INTEGER),
]
CASE_STUDY_PARAMETERS = [
    query_parameter("topic", f"Topic slugs. {LIST}"),
    query_parameter("council", f"Council slugs or GSS codes. {LIST}"),
    query_parameter(
        "include_districts",
        "With council: also the councils inside them (districts in a county).",
        BOOLEAN,
    ),
    query_parameter("council_type", f"Council types of any linked council. {LIST}"),
    query_parameter("region", f"Regions (or nations) of any linked council. {LIST}"),
    query_parameter("support_type", f"Support programme slugs. {LIST}"),
    query_parameter("tag", f"Keyword slugs or names. {LIST}"),
    query_parameter("covid", "COVID-19 case studies (true) or the others (false).", BOOLEAN),
    query_parameter("date_from", "Published on or after (YYYY-MM-DD).", DATE),
    query_parameter("date_to", "Published on or before (YYYY-MM-DD).", DATE),
    query_parameter("year", f"Publication years. {LIST}"),
    query_parameter("search", "Full-text search; combines with every filter."),
    query_parameter("search_operator", "and (default) or or.", {"enum": ["and", "or"]}),
    query_parameter(
        "order",
        "Sort order; relevance is the default with a search, newest first otherwise.",
        {"enum": list(ORDERS)},
    ),
    query_parameter("facets", f"Facets to count in meta.facets: {', '.join(FACETS)}."),
    query_parameter("fields", "API v2 fields syntax: add (name), remove (-name), * or _."),
    *PAGINATION,
]
COUNCIL_PARAMETERS = [
    query_parameter("council_type", f"Council types ('type' is an alias). {LIST}"),
    query_parameter("region", f"Regions or nations. {LIST}"),
    query_parameter("active", "Councils that exist today (true) or were abolished.", BOOLEAN),
    query_parameter("parent", f"Parent council slugs or GSS codes. {LIST}"),
    query_parameter("has_case_studies", "Only councils with published case studies.", BOOLEAN),
    query_parameter("search", "Case-insensitive match on name, short name or GSS code."),
    *PAGINATION,
]
SNIPPET_PARAMETERS = [
    query_parameter("has_case_studies", "Only those with published case studies.", BOOLEAN),
    query_parameter("search", "Case-insensitive match on the name."),
    *PAGINATION,
]
# Ids are positive: the routes match digits only, so "-1" never reaches the API.
PATH_ID = {"name": "id", "in": "path", "required": True, "schema": {**INTEGER, "minimum": 1}}
FIND_CASE_STUDY = [
    query_parameter("html_path", "The case study's path on the site, e.g. /library/x/."),
    query_parameter("slug", "The case study's slug."),
    query_parameter("id", "The case study's id.", INTEGER),
    query_parameter("fields", "API v2 fields syntax."),
]
FIND_SNIPPET = [query_parameter("slug", "The slug.")]
FIND_COUNCIL = [*FIND_SNIPPET, query_parameter("gss_code", "The council's GSS code.")]


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


# (resource, kind) -> (summary, parameters, response schema)
OPERATIONS: dict[tuple[str, str], tuple[str, list[JSON], str]] = {
    ("case-studies", "listing"): (
        "List, filter, search and facet case studies",
        CASE_STUDY_PARAMETERS,
        "CaseStudyListing",
    ),
    ("case-studies", "detail"): (
        "A case study with its body and related case studies",
        [PATH_ID, query_parameter("fields", "API v2 fields syntax.")],
        "CaseStudyDetail",
    ),
    ("case-studies", "find"): (
        "A case study by path, slug or id (answered directly)",
        FIND_CASE_STUDY,
        "CaseStudyDetail",
    ),
    ("councils", "listing"): ("List councils", COUNCIL_PARAMETERS, "CouncilListing"),
    ("councils", "detail"): ("A council", [PATH_ID], "CouncilDetail"),
    ("councils", "find"): ("A council by slug or GSS code", FIND_COUNCIL, "CouncilDetail"),
    ("topics", "listing"): ("List topics", SNIPPET_PARAMETERS, "TopicListing"),
    ("topics", "detail"): ("A topic", [PATH_ID], "TopicItem"),
    ("topics", "find"): ("A topic by slug", FIND_SNIPPET, "TopicItem"),
    ("support-types", "listing"): (
        "List support programmes",
        SNIPPET_PARAMETERS,
        "SupportTypeListing",
    ),
    ("support-types", "detail"): ("A support programme", [PATH_ID], "SupportTypeItem"),
    ("support-types", "find"): ("A support programme by slug", FIND_SNIPPET, "SupportTypeItem"),
}


def operation(resource: str, kind: str, operation_id: str, error_schema=None) -> JSON:
    summary, parameters, schema = OPERATIONS[(resource, kind)]
    return {
        "summary": summary,
        "operationId": operation_id,
        "tags": [resource],
        "parameters": parameters,
        "responses": responses(schema, not_found=kind != "listing", error_schema=error_schema),
    }


def v2_document(request) -> JSON:
    """The OpenAPI document of the v2 endpoints, at the paths this site mounted them on."""
    from .serializers import base_url

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
        },
        "servers": [{"url": base_url(request)}],
        "paths": paths,
        "components": {"schemas": copy.deepcopy(SCHEMAS)},
    }


def inline(schema: JSON) -> JSON:
    """A schema with every ``$ref`` to ``SCHEMAS`` replaced by its target (for documents that do
    not carry these components, like Wagtail 8's v3 document)."""
    if isinstance(schema, dict):
        if "$ref" in schema and len(schema) == 1:
            return inline(SCHEMAS[schema["$ref"].rsplit("/", 1)[1]])
        return {key: inline(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [inline(item) for item in schema]
    return schema
