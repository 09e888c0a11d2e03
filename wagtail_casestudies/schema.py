"""The shapes of what the package shows, declared once.

Each object the API shows (a council, a topic, an image, a case-study card, …) is a
``TypedDict`` here: the functions of ``representation.py`` return them, and the JSON Schemas of
the OpenAPI documents of v2 and v3 (``api/openapi.py``) are generated from them by pydantic
(``json_schemas()``), so a field added here appears in both documents.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired

from pydantic import ConfigDict, TypeAdapter, WithJsonSchema, with_config
from typing_extensions import TypedDict

# Strings with a meaning the JSON Schema states.
Date = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]
DateTime = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]

CLOSED = ConfigDict(extra="forbid")  # additionalProperties: false


@with_config(CLOSED)
class CouncilDict(TypedDict):
    id: int
    name: str
    short_name: str
    slug: str
    gss_code: str | None
    council_type: str
    council_type_label: str
    region: str
    region_label: str
    nation: str
    parent_id: int | None
    is_active: bool
    website: str


@with_config(CLOSED)
class TopicDict(TypedDict):
    id: int
    name: str
    slug: str


@with_config(CLOSED)
class SupportTypeDict(TypedDict):
    id: int
    name: str
    slug: str
    link: str


@with_config(CLOSED)
class RenditionDict(TypedDict):
    width: int
    height: int
    url: str


@with_config(CLOSED)
class ImageDict(TypedDict):
    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: list[RenditionDict]
    srcset: str


@with_config(CLOSED)
class ThumbnailDict(TypedDict):
    url: str
    width: int
    height: int
    alt: str
    srcset: str


@with_config(CLOSED)
class DocumentDict(TypedDict):
    id: int
    title: str
    url: str
    file_size: int | None
    file_type: str


@with_config(CLOSED)
class PageRefDict(TypedDict):
    id: int
    title: str
    url: str | None
    type: str


@with_config(CLOSED)
class PartnerDict(TypedDict):
    name: str
    kind: str
    kind_label: str
    website: str


@with_config(CLOSED)
class TranslationDict(TypedDict):
    """A translation of a case study (another locale's page with the same translation key)."""

    id: int
    locale: str
    url: str | None
    path: str | None


@with_config(CLOSED)
class CaseStudyMetaDict(TypedDict):
    type: Literal["wagtail_casestudies.CaseStudyPage"]
    detail_url: str | None
    html_url: str | None
    slug: str
    first_published_at: DateTime | None
    locale: str
    translations: list[TranslationDict]
    # The detail adds these.
    seo_title: NotRequired[str]
    search_description: NotRequired[str]
    last_published_at: NotRequired[DateTime | None]


@with_config(CLOSED)
class CaseStudyCardDict(TypedDict):
    """A listing item: the card a results page shows."""

    id: int
    meta: CaseStudyMetaDict
    title: str
    summary: str
    url: str | None
    path: str | None
    date: Date | None
    lead_council: CouncilDict | None
    topics: list[TopicDict]
    main_topic: TopicDict | None
    support_type: SupportTypeDict | None
    is_covid19: bool
    hero_thumbnail: ThumbnailDict | None


# The shapes by the names the OpenAPI documents give them.
SHAPES: dict[str, Any] = {
    "Council": CouncilDict,
    "Topic": TopicDict,
    "SupportType": SupportTypeDict,
    "Rendition": RenditionDict,
    "Image": ImageDict,
    "Thumbnail": ThumbnailDict,
    "Document": DocumentDict,
    "PageRef": PageRefDict,
    "Translation": TranslationDict,
    "Partner": PartnerDict,
    "CaseStudyMeta": CaseStudyMetaDict,
    "CaseStudyCard": CaseStudyCardDict,
}
_NAMES = {shape.__name__: name for name, shape in SHAPES.items()}


def json_schemas() -> dict[str, dict]:
    """Every shape as a JSON Schema (2020-12, as OpenAPI 3.1 uses), nested shapes referred to
    as ``#/components/schemas/<name>``."""
    schemas = {}
    for name, shape in SHAPES.items():
        schema = TypeAdapter(shape).json_schema(ref_template="#/components/schemas/{model}")
        schema.pop("$defs", None)  # each nested shape is a component of its own
        schemas[name] = _tidy(schema)
    return schemas


def _tidy(schema: Any) -> Any:
    """Pydantic's schema in the documents' style: the components' own names, no titles."""
    if isinstance(schema, dict):
        tidy = {}
        for key, value in schema.items():
            if key == "title" and isinstance(value, str):
                continue
            if key == "$ref":
                value = "#/components/schemas/" + _NAMES[value.rsplit("/", 1)[1]]
            tidy[key] = (
                _tidy(value)
                if key != "properties"
                else {name: _tidy(prop) for name, prop in value.items()}
            )
        return tidy
    if isinstance(schema, list):
        return [_tidy(item) for item in schema]
    return schema
