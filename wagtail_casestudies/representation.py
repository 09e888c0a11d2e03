"""How each thing the package shows is represented as JSON-ready data: one function per concept.

A council, a topic, an image, a document, a page reference, a partner and a case-study card
each have one function here. Everything that shows them uses it: the package's own API
endpoints (building many at once from prefetched data, so a listing runs a fixed number of
queries), the card cache, the stream blocks' API representations, and the DRF fields of the
models' ``api_fields`` (``api_fields.py``), so the stock ``/api/v2/pages/`` and Wagtail 8's
``/api/v3/pages/`` show the same shapes. The shapes themselves are declared once, in
``schema.py``.

This module sits below the models and the API: it imports neither (the models import it
through ``api_fields.py``; the querysets it prepares name their relations by string).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from rest_framework import fields as drf_fields
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from .clock import active_on, today
from .compat import get_base_url
from .conf import settings as casestudy_settings
from .schema import (
    CaseStudyCardDict,
    CouncilDict,
    DocumentDict,
    ImageDict,
    PageRefDict,
    PartnerDict,
    RenditionDict,
    SupportTypeDict,
    ThumbnailDict,
    TopicDict,
)
from .visibility import translation_lookup

CASE_STUDY_TYPE = "wagtail_casestudies.CaseStudyPage"

_datetime_field = drf_fields.DateTimeField()


# --- Small helpers ---


def format_datetime(value) -> str | None:
    """A datetime as API v2 writes it (ISO 8601 in the current time zone)."""
    if value is None:
        return None
    return _datetime_field.to_representation(value)


def format_date(value) -> str | None:
    return value.isoformat() if value is not None else None


def base_url(request) -> str:
    """``scheme://host`` that the API's own URLs (detail, image and document URLs) start with:
    Wagtail's API rule, so they agree with the stock pages API and with ``html_url``:
    ``WAGTAILAPI_BASE_URL``, else the root URL of the Site that serves the request. Without a
    request (v3 binds some fields without one), ``WAGTAILAPI_BASE_URL`` or the admin's base URL.
    Empty (relative URLs) when none applies."""
    if request is None:
        configured = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
        return (get_base_url(None) or _scheme_and_host(configured) or "").rstrip("/")
    cached = getattr(request, "_casestudies_base_url", None)
    if cached is None:
        cached = (get_base_url(request) or "").rstrip("/")
        request._casestudies_base_url = cached
    return cached


def _scheme_and_host(url: str) -> str:
    """The ``scheme://host`` part of a URL, as Wagtail's ``get_base_url`` keeps it."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def absolute_url(url: str | None, request=None) -> str | None:
    """A URL a front end on another host can follow: relative paths get this host prepended."""
    if not url or url.startswith(("http://", "https://", "//")):
        return url
    return base_url(request) + url


def rich_text_html(source: str | None, context: dict | None = None) -> str:
    """Database rich text as front-end HTML: internal page and document links become real,
    absolute URLs (the site's root URL from ``context['request']``, see ``absolute_links``).

    A stream block that has expanded all its rich text at once (one query per link type instead
    of one per block) leaves the results in ``context['casestudies_rich_text']``.
    """
    source = source or ""
    if not source:
        return ""
    expanded = (context or {}).get("casestudies_rich_text")
    if expanded is not None and source in expanded:
        html = expanded[source]
    else:
        html = expand_db_html(source)
    return absolute_links(html, (context or {}).get("request"))


# A link or embed's address that starts at the site's root ("/documents/3/…"), in the HTML
# Wagtail's rich-text rewriters write (attributes in double quotes).
_ROOT_RELATIVE = re.compile(r'(?P<attribute>\s(?:href|src)=")(?P<path>/(?!/)[^"]*)"')


def _file_prefixes() -> tuple[str, ...]:
    """Where documents (Wagtail's serve view) and media files (image renditions) are."""
    prefixes = [settings.MEDIA_URL] if settings.MEDIA_URL.startswith("/") else []
    with contextlib.suppress(NoReverseMatch):  # a site that does not serve documents
        prefixes.append(reverse("wagtaildocs_serve", args=(0, "_")).removesuffix("0/_"))
    return tuple(prefix for prefix in prefixes if prefix != "/")


def _site_root_url(request) -> str:
    """The root URL of the Site that serves the request: where a page's relative URL is."""
    site = Site.find_for_request(request) if request is not None else None
    return site.root_url.rstrip("/") if site is not None else base_url(request)


def absolute_links(html: str, request=None) -> str:
    """Rich text whose links, documents and images are absolute, as every other URL the API
    gives, so a front end on another host can follow them. By Wagtail's API rule: documents
    and images start with ``base_url`` (``WAGTAILAPI_BASE_URL``, else the Site's root URL),
    pages with the root URL of the Site that serves the request, as ``html_url`` does (Wagtail
    writes a relative page URL only for a page of the only site). Addresses that are already
    absolute, anchors and ``mailto:`` are left as they are."""
    if ' href="/' not in html and ' src="/' not in html:
        return html
    files, pages = base_url(request), _site_root_url(request)
    prefixes = _file_prefixes()

    def absolute(match: re.Match) -> str:
        path = match["path"]
        base = files if path.startswith(prefixes) else pages
        return f'{match["attribute"]}{base}{path}"'

    return _ROOT_RELATIVE.sub(absolute, html)


RICH_TEXT_SEPARATOR = "<!--wagtail-casestudies-rich-text-separator-->"


def expand_rich_texts(sources: Iterable[str]) -> dict[str, str]:
    """Expand many rich-text values with one rewriter pass, so their links resolve in one query
    per link type. The rewriter leaves HTML comments alone, so a comment separates the values."""
    unique = [source for source in dict.fromkeys(sources) if source]
    if not unique:
        return {}
    joined = expand_db_html(RICH_TEXT_SEPARATOR.join(unique))
    parts = joined.split(RICH_TEXT_SEPARATOR)
    if len(parts) != len(unique):  # a value contained the separator: expand one by one
        return {source: expand_db_html(source) for source in unique}
    return dict(zip(unique, parts, strict=True))


# --- Councils, topics, support types ---

_CHOICE_LABELS: dict[tuple, dict] = {}


def choice_label(instance, field_name: str) -> str:
    """The label of a choice field's value, as ``get_FOO_display()`` gives it.

    Django's ``get_FOO_display()`` rebuilds and hashes the whole choice list on every call (each
    label a lazy translation): 2 ms per council card, more than the rest of the card. The labels
    are looked up once per field here and translated when read.
    """
    key = (type(instance), field_name)
    labels = _CHOICE_LABELS.get(key)
    if labels is None:
        labels = dict(instance._meta.get_field(field_name).flatchoices)
        _CHOICE_LABELS[key] = labels
    value = getattr(instance, field_name)
    return str(labels.get(value, value))


_COUNCIL_KEYS = tuple(CouncilDict.__annotations__)


def stored_council(council) -> dict[str, Any]:
    """A council as the card table keeps it, in the active language: ``council_data`` with
    its ``[valid_from, valid_to]`` (ISO dates) where ``is_active`` goes, decided when served."""
    return {
        "id": council.pk,
        "name": council.name_in_active_language,
        "short_name": council.short_name,
        "slug": council.slug,
        "gss_code": council.gss_code,
        "council_type": council.council_type,
        "council_type_label": choice_label(council, "council_type"),
        "region": council.region,
        "region_label": choice_label(council, "region") if council.region else "",
        "nation": council.nation,
        "parent_id": council.parent_id,
        "is_active": [format_date(council.valid_from), format_date(council.valid_to)],
        "website": council.website,
    }


def served_council(stored: dict[str, Any], day: datetime.date) -> CouncilDict:
    """A stored council as the API shows it on ``day``: ``is_active`` by the register's one
    rule (``clock.active_on``), the keys in the schema's order (PostgreSQL's jsonb does not
    keep a stored council's)."""
    council = {key: stored[key] for key in _COUNCIL_KEYS}
    valid_from, valid_to = (
        datetime.date.fromisoformat(value) if value else None for value in stored["is_active"]
    )
    council["is_active"] = active_on(valid_from, valid_to, day)
    return council  # type: ignore[return-value]


def council_data(council, day: datetime.date | None = None) -> CouncilDict:
    """A council as every surface shows it, in the active language, active or not on ``day``
    (today by default)."""
    return served_council(stored_council(council), day or today())


def topic_sort_key(topic) -> tuple[str, str]:
    """The one order of topics (and support programmes) everywhere, by name: case and accents
    aside ("Ŵyr", "waste", "Wellbeing" together), so it reads the same in Welsh and English."""
    name = topic if isinstance(topic, str) else topic.name
    return (_collation_key(name), name)


def _collation_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def topic_data(topic) -> TopicDict:
    return {"id": topic.pk, "name": topic.name, "slug": topic.slug}


def support_type_data(support_type) -> SupportTypeDict:
    return {
        "id": support_type.pk,
        "name": support_type.name,
        "slug": support_type.slug,
        "link": support_type.link,
    }


# --- Images and documents ---


def image_specs() -> list[str]:
    """The rendition filter specs the API serves, one per configured width."""
    return [f"width-{width}" for width in casestudy_settings.HERO_IMAGE_WIDTHS]


def rendition_prefetch(lookup: str) -> Prefetch:
    """Prefetch the API's renditions of the image at ``lookup`` (e.g. ``hero_image__renditions``)
    in one query, so serialising many images does not query per image."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(lookup, queryset=rendition_model.objects.filter(filter_spec__in=image_specs()))


def prefetch_image_renditions(images: Iterable) -> None:
    """Load the API renditions of many images (e.g. every image block of a body) in one query."""
    pending = [
        image
        for image in images
        if image is not None and "renditions" not in getattr(image, "_prefetched_objects_cache", {})
    ]
    if pending:
        prefetch_related_objects(pending, rendition_prefetch("renditions"))


def renditions(image) -> list[RenditionDict]:
    """The API's renditions of an image, smallest first (none if its file is missing)."""
    try:
        by_spec = image.get_renditions(*image_specs())
    except SourceImageIOError:
        return []
    result: dict[int, RenditionDict] = {}
    for rendition in by_spec.values():
        # width-N does not upscale: a small original gives several renditions of one width.
        result.setdefault(
            rendition.width,
            {"width": rendition.width, "height": rendition.height, "url": rendition.url},
        )
    return sorted(result.values(), key=lambda item: item["width"])


def alt_text(image, alt: str | None) -> str:
    """The alt text chosen where the image is used, or the image's own."""
    if alt:
        return alt
    return getattr(image, "default_alt_text", None) or image.title


def stored_image(image, *, alt: str | None = None, renditions_of: dict | None = None) -> dict:
    """An image with its renditions (URLs as storage gives them), as the card table keeps it.
    ``renditions_of`` remembers each image's renditions across a batch."""
    if renditions_of is None:
        found = renditions(image)
    else:
        found = renditions_of.get(image.pk)
        if found is None:
            found = renditions_of[image.pk] = renditions(image)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt_text(image, alt),
        "width": image.width,
        "height": image.height,
        "renditions": found,
    }


def srcset(renditions_: Iterable[RenditionDict]) -> str:
    """The ``srcset`` of an image's renditions (the one place it is written)."""
    return ", ".join(f"{r['url']} {r['width']}w" for r in renditions_)


def served_image(stored: dict, request=None) -> ImageDict:
    """A stored image as the API shows it for a request: absolute URLs and a srcset."""
    renditions_: list[RenditionDict] = [
        {
            "width": rendition["width"],
            "height": rendition["height"],
            "url": absolute_url(rendition["url"], request),
        }
        for rendition in stored["renditions"]
    ]
    return {
        "id": stored["id"],
        "title": stored["title"],
        "alt": stored["alt"],
        "width": stored["width"],
        "height": stored["height"],
        "renditions": renditions_,
        "srcset": srcset(renditions_),
    }


def image_data(image, *, alt: str | None = None, request=None) -> ImageDict | None:
    """An image as renditions at every configured width, a srcset and its alt text."""
    if image is None:
        return None
    return served_image(stored_image(image, alt=alt), request)


def thumbnail_of(image: ImageDict | None) -> ThumbnailDict | None:
    """The compact form a card shows: the smallest rendition, with the srcset for larger ones
    (None for an image whose file is missing)."""
    if image is None or not image["renditions"]:
        return None
    smallest = image["renditions"][0]
    return {
        "url": smallest["url"],
        "width": smallest["width"],
        "height": smallest["height"],
        "alt": image["alt"],
        "srcset": image["srcset"],
    }


def document_data(document, request=None) -> DocumentDict | None:
    if document is None:
        return None
    extension = os.path.splitext(document.file.name)[1].lstrip(".").lower()
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute_url(document.url, request),
        "file_size": document.file_size,
        "file_type": extension,
    }


# --- Pages ---


def page_type_label(page) -> str:
    model = page.specific_class or type(page)
    return model._meta.label


def page_urls(page, request=None) -> tuple[str | None, str | None]:
    """(full URL, path relative to its site's root) of a page; (None, None) if not routable."""
    parts = page.get_url_parts(request=request)
    if parts is None:
        return None, None
    _site_id, root_url, page_path = parts
    if page_path is None:
        return None, None
    return (root_url or "") + page_path, page_path


def page_ref_data(page, request=None) -> PageRefDict | None:
    """A chosen page as {id, title, url, type}."""
    if page is None:
        return None
    url, _path = page_urls(page, request)
    return {"id": page.pk, "title": page.title, "url": url, "type": page_type_label(page)}


def partner_data(partner) -> PartnerDict:
    return {
        "name": partner.name,
        "kind": partner.kind,
        "kind_label": choice_label(partner, "kind"),
        "website": partner.website,
    }


# --- Case-study cards ---


def card_queryset(queryset, *, defer_body: bool = True):
    """Load what a card shows in a fixed number of queries: the pages (with their main topic,
    support type and hero image), their council links, their topics and the hero renditions."""
    model = queryset.model
    council_links = model._meta.get_field("council_links").related_model
    if defer_body and hasattr(queryset, "defer_streamfields"):
        queryset = queryset.defer_streamfields()
    return queryset.select_related(
        "locale", "main_topic", "support_type", "hero_image"
    ).prefetch_related(
        Prefetch(
            "council_links",
            queryset=council_links.objects.select_related("council").order_by("sort_order"),
        ),
        "topics",  # in the one topic order: ``Translations.topics_of``
        rendition_prefetch("hero_image__renditions"),
    )


# Wagtail 8's v3 routes of the package's resources (``api/v3.py``), by resource.
V3_LISTING_URL_NAMES = {
    "case-studies": "casestudies_list",
    "councils": "casestudies_councils_list",
    "topics": "casestudies_topics_list",
    "support-types": "casestudies_support_types_list",
}
V3_DETAIL_URL_NAMES = {
    "case-studies": "casestudies_detail",
    "councils": "casestudies_councils_detail",
    "topics": "casestudies_topics_detail",
    "support-types": "casestudies_support_types_detail",
}


def detail_url_builder(request, resource: str = "case-studies") -> Callable[[int], str | None]:
    """A function giving an object's API detail URL, for the API the request came through
    (the v2 router it was routed by, or v3). Without a mounted endpoint it gives None.

    Reverses once and substitutes the id: reversing per card costs more than the rest of it.
    """
    template = None
    marker = 987654321
    if request is not None:
        try:
            if getattr(request, "casestudies_api_version", None) == 3:
                template = reverse(f"wagtailapi_v3:{V3_DETAIL_URL_NAMES[resource]}", args=(marker,))
            else:
                router = getattr(request, "wagtailapi_router", None)
                for name, endpoint in getattr(router, "_endpoints", {}).items():
                    if getattr(endpoint, "resource", None) == resource:
                        template = reverse(f"{router.url_namespace}:{name}:detail", args=(marker,))
                        break
        except NoReverseMatch:
            template = None
    if template is None:
        return lambda pk: None
    template = absolute_url(template, request)
    before, after = template.split(str(marker), 1)
    return lambda pk: f"{before}{pk}{after}"


class Translations:
    """The translations of a batch of case studies, and of the topics and support programmes
    they link, each loaded in one query.

    A case study is shown in its own language: a page copied for translation may still link
    the source language's topics, so each is shown as its translation in the page's locale
    where there is one (``in_locale``); and it lists its visible translations.
    """

    def __init__(self, pages: Iterable = (), visible=None, *, every_translation: bool = False):
        """``every_translation`` loads every translation of the linked topics and programmes
        (for ``topic_group_ids``), not only those the pages' locales need."""
        pages = list(pages)
        self.pages: dict[Any, list] = defaultdict(list)
        if pages and visible is not None:
            keys = {page.translation_key for page in pages}
            translations = visible.filter(translation_key__in=keys).select_related("locale")
            for translation in translations.order_by("locale__language_code", "pk"):
                self.pages[translation.translation_key].append(translation)
        self.snippets: dict[tuple, Any] = {}
        wanted: dict[type, set] = defaultdict(set)
        for page in pages:
            for snippet in (*page.topics.all(), page.main_topic, page.support_type):
                other_locale = snippet is not None and snippet.locale_id != page.locale_id
                if snippet is not None and (every_translation or other_locale):
                    wanted[type(snippet)].add(snippet.translation_key)
        for model, keys in wanted.items():
            for snippet in model._default_manager.filter(translation_key__in=keys):
                self.snippets[(model, snippet.translation_key, snippet.locale_id)] = snippet
        # The related case studies the editors chose, as their translations.
        self.related_in = lambda pk, _locale_id: pk
        if every_translation and visible is not None:
            chosen = {
                link.related_case_study_id for page in pages for link in page.related_links.all()
            }
            if chosen:
                locale_ids = {page.locale_id for page in pages}
                self.related_in = translation_lookup(chosen, locale_ids, visible)

    def related_in_locale(self, page) -> list[int]:
        """The ids of the related case studies the editor chose, each as its translation in
        the page's locale where it has one. Needs ``every_translation``."""
        chosen = [link.related_case_study_id for link in page.related_links.all()]
        return [self.related_in(pk, page.locale_id) for pk in chosen]

    def in_locale(self, snippet, locale_id):
        """The snippet's translation in the locale, or the snippet itself if it has none."""
        if snippet is None:
            return None
        return self.snippets.get((type(snippet), snippet.translation_key, locale_id), snippet)

    def topic_group_ids(self, page) -> list[int]:
        """The ids of the page's topics and of all their translations (the topic links of a
        case study in another language may name any of them). Needs ``every_translation``."""
        topics = list(page.topics.all())
        keys = {topic.translation_key for topic in topics}
        ids = {topic.pk for topic in topics}
        for (model, key, _locale), snippet in self.snippets.items():
            if key in keys and model is type(topics[0]):
                ids.add(snippet.pk)
        return sorted(ids)

    def topics_of(self, page) -> list:
        topics = [self.in_locale(topic, page.locale_id) for topic in page.topics.all()]
        return sorted(topics, key=topic_sort_key)

    def of(self, page) -> list:
        """The page's visible translations (other locales), by language code."""
        return [other for other in self.pages.get(page.translation_key, ()) if other.pk != page.pk]


class CardContext:
    """What building many cards for one request shares."""

    def __init__(self, request=None, day: datetime.date | None = None):
        self.request = request
        self.detail_url = detail_url_builder(request)
        self.translations = Translations()
        self.day = day or today()
        self._site_id: Any = _UNSET

    @property
    def site_id(self):
        """The id of the request's site, whose URLs the cards give (None without a request)."""
        if self._site_id is _UNSET:
            site = Site.find_for_request(self.request) if self.request is not None else None
            self._site_id = site.pk if site is not None else None
        return self._site_id


_UNSET = object()


def site_urls(page) -> dict[str, list]:
    """{site id: [url, path]} for every site the page belongs to (almost always one)."""
    site_ids = sorted({values[0] for values in page._get_relevant_site_root_paths()})
    if len(site_ids) <= 1:
        url, path = page_urls(page)
        return {str(site_id): [url, path] for site_id in site_ids}
    urls = {}
    for site in Site.objects.filter(pk__in=site_ids):
        request = HttpRequest()
        request._wagtail_site = site  # what Site.find_for_request would find
        urls[str(site.pk)] = list(page_urls(page, request))
    return urls


def stored_card(page, translations: Translations, renditions_of: dict | None = None) -> dict:
    """A case study's card in the form the card table keeps, in the page's own language: all
    of it but what depends on the request or the day, and the raw material for those (each
    site's URLs, the images' relative renditions, the lead council's dates), which
    ``served_card`` finishes. ``page`` comes from ``card_queryset``."""
    with translation.override(page.locale.language_code):
        links = list(page.council_links.all())
        hero = None
        if page.hero_image_id:
            hero = stored_image(
                page.hero_image, alt=page.hero_image_alt, renditions_of=renditions_of
            )
        return {
            "id": page.pk,
            "slug": page.slug,
            "first_published_at": format_datetime(page.first_published_at),
            "locale": page.locale.language_code,
            "translations": [
                {"id": other.pk, "locale": other.locale.language_code, "urls": site_urls(other)}
                for other in translations.of(page)
            ],
            "title": page.title,
            "summary": page.summary,
            "urls": site_urls(page),
            "date": format_date(page.display_date),
            "lead_council": stored_council(links[0].council) if links else None,
            "topics": [topic_data(topic) for topic in translations.topics_of(page)],
            "main_topic": topic_data(translations.in_locale(page.main_topic, page.locale_id))
            if page.main_topic_id
            else None,
            "support_type": support_type_data(
                translations.in_locale(page.support_type, page.locale_id)
            )
            if page.support_type_id
            else None,
            "is_covid19": page.is_covid19,
            "hero": hero,
        }


def _site_url(urls: dict[str, list], site_id) -> tuple[str | None, str | None]:
    """A page's (url, path) on the site; without a site, on the first it belongs to."""
    if site_id is None:
        pair = next(iter(sorted(urls.items())), (None, (None, None)))[1]
    else:
        pair = urls.get(str(site_id)) or (None, None)
    return pair[0], pair[1]


def served_card(stored: dict, context: CardContext) -> CaseStudyCardDict:
    """A stored card as a listing shows it for this request on this day."""
    pk = stored["id"]
    url, path = _site_url(stored["urls"], context.site_id)
    lead = stored["lead_council"]
    hero = stored["hero"]
    return {
        "id": pk,
        "meta": {
            "type": CASE_STUDY_TYPE,
            "detail_url": context.detail_url(pk),
            "html_url": url,
            "slug": stored["slug"],
            "first_published_at": stored["first_published_at"],
            "locale": stored["locale"],
            "translations": [
                dict(
                    zip(
                        ("id", "locale", "url", "path"),
                        (other["id"], other["locale"], *_site_url(other["urls"], context.site_id)),
                        strict=True,
                    )
                )
                for other in stored["translations"]
            ],
        },
        "title": stored["title"],
        "summary": stored["summary"],
        "url": url,
        "path": path,
        "date": stored["date"],
        "lead_council": served_council(lead, context.day) if lead is not None else None,
        "topics": stored["topics"],
        "main_topic": stored["main_topic"],
        "support_type": stored["support_type"],
        "is_covid19": stored["is_covid19"],
        "hero_thumbnail": thumbnail_of(served_image(hero, context.request)) if hero else None,
    }


def card_data(page, context: CardContext) -> CaseStudyCardDict:
    """A case study as the card a listing shows, in the page's own language
    (``context.translations`` holds its translations): the card table's card, built now."""
    return served_card(stored_card(page, context.translations), context)


CARD_FIELDS = (
    "title",
    "summary",
    "url",
    "path",
    "date",
    "lead_council",
    "topics",
    "main_topic",
    "support_type",
    "is_covid19",
    "hero_thumbnail",
)


def cards_for_ids(
    ids: Iterable[int], queryset, context: CardContext, locale_id: int | None = None
) -> list[dict[str, Any]]:
    """Cards for the case studies with these ids that ``queryset`` allows, in the given order.

    ``queryset`` carries the visibility rules (live, public, this site); ids it excludes are
    dropped. With ``locale_id`` (the language of the page that chose them), each is shown as
    its visible translation in that locale where it has one, once. Runs the fixed set of card
    queries, however many ids there are.
    """
    cards = chosen_cards(ids, queryset, context, locale_id)
    return list({card["id"]: card for card in cards.values()}.values())


def chosen_cards(
    ids: Iterable[int], queryset, context: CardContext, locale_id: int | None = None
) -> dict[int, dict[str, Any]]:
    """``cards_for_ids`` keyed by the id chosen (not the translation shown), in order: what a
    stream of chosen pages (a hub's themes) looks its entries up in."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    shown = {pk: pk for pk in ids}
    if locale_id is not None:
        lookup = translation_lookup(ids, [locale_id], queryset)
        shown = {pk: lookup(pk, locale_id) for pk in ids}
    wanted = set(shown.values())
    pages = {page.pk: page for page in card_queryset(queryset.filter(pk__in=wanted))}
    context.translations = Translations(pages.values(), queryset)
    cards = {pk: card_data(page, context) for pk, page in pages.items()}
    return {pk: cards[shown[pk]] for pk in ids if shown[pk] in cards}
