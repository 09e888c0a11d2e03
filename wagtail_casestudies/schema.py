"""The shapes of what the package shows, declared once.

Each object the API shows (a council, a topic, an image, …) is a ``TypedDict`` here: the
functions of ``representation.py`` return them, and the OpenAPI documents of v2 and v3
(``api/openapi.py``) are generated from them.
"""

from __future__ import annotations

from typing_extensions import TypedDict


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


class TopicDict(TypedDict):
    id: int
    name: str
    slug: str


class SupportTypeDict(TypedDict):
    id: int
    name: str
    slug: str
    link: str


class RenditionDict(TypedDict):
    width: int
    height: int
    url: str


class ImageDict(TypedDict):
    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: list[RenditionDict]
    srcset: str


class ThumbnailDict(TypedDict):
    url: str
    width: int
    height: int
    alt: str
    srcset: str


class DocumentDict(TypedDict):
    id: int
    title: str
    url: str
    file_size: int | None
    file_type: str


class PageRefDict(TypedDict):
    id: int
    title: str
    url: str | None
    type: str


class PartnerDict(TypedDict):
    name: str
    kind: str
    kind_label: str
    website: str
