"""The DRF fields of the models' ``api_fields``: each wraps a function of ``representation.py``.

The models import this module, as Wagtail's own models import small field modules such as
``wagtail.images.api.fields``; it is not in ``api/``, which imports the models.
"""

from __future__ import annotations

from typing import Any

from rest_framework import fields as drf_fields
from wagtail.models import Site

from .blocks import case_study_ids_in_entries
from .representation import (
    CardContext,
    cards_for_ids,
    chosen_cards,
    council_data,
    document_data,
    image_data,
    page_ref_data,
    partner_data,
    rich_text_html,
    support_type_data,
    topic_data,
    topic_sort_key,
)
from .schema import (
    CouncilDict,
    DocumentDict,
    ImageDict,
    PageRefDict,
    PartnerDict,
    SupportTypeDict,
    TopicDict,
)
from .visibility import visible_case_studies_of


class _ContextMixin:
    @property
    def request(self):
        try:
            return self.context.get("request")
        except AttributeError:
            return None


class CouncilField(_ContextMixin, drf_fields.Field):
    """A council as an object (name, slug, GSS code, type, region, …)."""

    def to_representation(self, value) -> CouncilDict:
        return council_data(value)


class CouncilListField(_ContextMixin, drf_fields.Field):
    """A list of councils (the ``councils`` property: the lead council first)."""

    def to_representation(self, value) -> list[CouncilDict]:
        return [council_data(council) for council in value]


class TopicField(_ContextMixin, drf_fields.Field):
    def to_representation(self, value) -> TopicDict:
        return topic_data(value)


class TopicListField(_ContextMixin, drf_fields.Field):
    """A many-to-many of topics as a list of objects, by name."""

    def to_representation(self, value) -> list[TopicDict]:
        topics = value.all() if hasattr(value, "all") else value
        return [topic_data(topic) for topic in sorted(topics, key=topic_sort_key)]


class SupportTypeField(_ContextMixin, drf_fields.Field):
    def to_representation(self, value) -> SupportTypeDict:
        return support_type_data(value)


class ImageField(_ContextMixin, drf_fields.Field):
    """An image as renditions at the configured widths, with srcset and alt text."""

    def to_representation(self, value) -> ImageDict | None:
        return image_data(value, request=self.request)


class HeroImageField(_ContextMixin, drf_fields.Field):
    """A case study's hero image, using the page's own alt text when the editor gave one."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, value) -> ImageDict | None:
        if not value.hero_image_id:
            return None
        return image_data(value.hero_image, alt=value.hero_image_alt, request=self.request)


class DocumentField(_ContextMixin, drf_fields.Field):
    def to_representation(self, value) -> DocumentDict | None:
        return document_data(value, request=self.request)


class PageRefField(_ContextMixin, drf_fields.Field):
    """A chosen page as {id, title, url, type}."""

    def to_representation(self, value) -> PageRefDict | None:
        return page_ref_data(value, request=self.request)


class TextField(_ContextMixin, drf_fields.Field):
    """A plain text field. For fields whose default is a lazy translation, which the v3 schema
    generator cannot write into the OpenAPI document."""

    def to_representation(self, value) -> str:
        return str(value)


class RichTextHTMLField(_ContextMixin, drf_fields.Field):
    """A RichTextField as front-end HTML, with internal links expanded to real URLs."""

    def to_representation(self, value) -> str:
        return rich_text_html(value, {"request": self.request})


class PartnerListField(_ContextMixin, drf_fields.Field):
    def to_representation(self, value) -> list[PartnerDict]:
        return [partner_data(partner) for partner in value.all()]


class ChosenCaseStudiesField(_ContextMixin, drf_fields.Field):
    """Case studies an editor chose through an orderable relation (``related_links``,
    ``featured_links``), as cards: only live, public ones of the request's site, in order."""

    def __init__(self, *args, attribute: str = "related_case_study_id", **kwargs):
        self.id_attribute = attribute
        super().__init__(*args, **kwargs)

    def to_representation(self, value) -> list[dict[str, Any]]:
        ids = [getattr(link, self.id_attribute) for link in value.all()]
        request = self.request
        owner = getattr(value, "instance", None)
        site = _site_of(request, owner)
        # In the language of the page that chose them: a translated page still names the
        # source language's case studies, and shows their translations.
        locale_id = getattr(owner, "locale_id", None)
        return cards_for_ids(ids, visible_case_studies_of(site), CardContext(request), locale_id)


class HubThemesField(_ContextMixin, drf_fields.Field):
    """A hub's themes (a stream), every case-study entry as a card in the hub's language: a
    translated hub still names the source language's case studies, and shows their
    translations. The cards of all themes are built together."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, value) -> list[dict[str, Any]]:
        themes = value.themes
        request = self.request
        site = _site_of(request, value)
        ids = [
            pk
            for theme in themes
            if theme.value and theme.value.get("entries") is not None
            for pk in case_study_ids_in_entries(theme.value["entries"])
        ]
        context = {"request": request}
        context["casestudies_cards"] = chosen_cards(
            ids, visible_case_studies_of(site), CardContext(request), value.locale_id
        )
        return themes.stream_block.get_api_representation(themes, context)


def _site_of(request, page):
    """The request's site; without a request (Wagtail 8's v3 API binds ``api_fields``
    serializers without a context), the site of the page itself."""
    if request is not None:
        return Site.find_for_request(request)
    return page.get_site() if hasattr(page, "get_site") else None
