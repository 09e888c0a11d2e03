"""API v2 viewsets for case studies, councils, topics and support types.

They subclass Wagtail's ``BaseAPIViewSet``, so they route, render and report errors like the rest
of API v2 (``meta.total_count`` and ``items``, ``limit``/``offset``, ``fields``, ``{"message":
…}`` on a 400), and a site mounts them on its own ``WagtailAPIRouter``. The listing and detail
paths are written here rather than through Wagtail's generic serializer machinery, which runs
queries per item: cards are built from prefetched data, so a listing runs a fixed number of
queries whatever its ``limit``.
"""

from __future__ import annotations

import copy
import datetime
import re
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import translation
from rest_framework.response import Response
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.blocks import StreamValue
from wagtail.models import Locale

from .. import representation
from ..cards.build import build_rows, card_format
from ..cards.serve import serve_cards, serve_detail
from ..compat import get_base_page_model
from ..models import CaseStudyPage, Council, SupportType, Topic
from ..models.snippets import normalise_gss_code
from ..visibility import (
    default_locale_of,
    site_root_paths,
    visible_cards_of,
    visible_case_studies_by_card,
    visible_case_studies_of,
)
from . import parameters
from .cache import cache_headers, cached_data, find_site
from .errors import error_for
from .filters import resolve_locale
from .listing import run_listing
from .openapi import v2_document
from .parameters import (
    COMMON_PARAMETERS,
    ParameterError,
    check_parameter_names,
    get_single,
    names,
    parse_boolean,
    parse_case_study_query,
    parse_fields,
    parse_limit_offset,
    select_fields,
)
from .related import related_rows
from .snippet_filters import filter_by_name_search, filter_councils

_ID = re.compile(r"[0-9]{1,30}")
# The largest primary key any supported database stores (a signed 64-bit integer).
MAX_DB_ID = 2**63 - 1


def db_id(pk) -> int:
    """A primary key from a URL, or Http404: a number too large for the database's integers
    cannot name a row (and SQLite refuses to even compare with it)."""
    if not _ID.fullmatch(str(pk)) or not 0 <= int(pk) <= MAX_DB_ID:
        raise Http404("No object has this id.")
    return int(pk)


def site_url_paths(site, html_path: str) -> list[str]:
    """The ``url_path`` a page at ``html_path`` on the site has: below the site's root, or, when
    the path starts with a locale's language code (``i18n_patterns``), below the root's
    translation in that locale."""
    components = [part for part in html_path.split("/") if part]
    url_paths = [site.root_page.url_path + "".join(f"{part}/" for part in components)]
    if components:
        roots = (
            get_base_page_model()
            .objects.filter(
                path__in=site_root_paths(site), locale__language_code__iexact=components[0]
            )
            .values_list("url_path", flat=True)
        )
        url_paths += [root + "".join(f"{part}/" for part in components[1:]) for root in roots]
    return url_paths


def in_one_locale(request, matches):
    """Those of ``matches`` (found by a slug, which translations share) in the ``locale`` asked
    for; without one, in the site's default locale when they are in several."""
    code = parameters.parse_locale(request.GET)
    if code is not None:
        return matches.filter(locale=resolve_locale("locale", code))
    site = find_site(request)
    if site is not None and matches.values("locale").distinct().count() > 1:
        return matches.filter(locale=default_locale_of(site))
    return matches


class CaseStudyAPIViewSetMixin:
    """What the package's viewsets share: compact JSON, 400s that name the parameter, caching."""

    resource = ""  # the endpoint's name in URLs and purges, e.g. "case-studies"

    @classmethod
    def get_urlpatterns(cls):
        # Any id, not only digits (Wagtail's <int:pk>): "-1" or "x" gets the API's JSON 404,
        # not the site's HTML page.
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("find/", cls.as_view({"get": "find_view"}), name="find"),
            path("<str:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)  # compact JSON: a quarter smaller and faster to render
        return context

    def handle_exception(self, exc):
        error = error_for(exc)
        if error is not None:
            return Response(error.data(), status=error.status)
        if isinstance(exc, Http404) and not str(exc):
            # DRF answers an unknown ?format= with a bare Http404: a 400 naming the parameter.
            fmt = self.request.GET.get("format") if self.request is not None else None
            if fmt:
                known = ", ".join(renderer.format for renderer in self.renderer_classes)
                message = f"format: unknown value {fmt!r} (known: {known})"
                return Response({"message": message, "parameter": "format"}, status=400)
            exc = Http404("Not found.")
        return super().handle_exception(exc)

    @staticmethod
    def cached_response(request, compute) -> Response:
        """200 with the data (from the cache or ``compute()``), or 304."""
        etag, data = cached_data(request, compute)
        return cache_headers(Response(status=304) if data is None else Response(data), etag)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        renderer = getattr(request, "accepted_renderer", None)
        if renderer is not None and renderer.format != "json":
            # The browsable API's HTML carries a CSRF token (and a signed-in user's name): it
            # is private, never kept by a shared cache or revalidated.
            response["Cache-Control"] = "private, no-store"
            response.headers.pop("ETag", None)
        return response

    @staticmethod
    def visible_case_studies(request):
        return visible_case_studies_of(find_site(request))

    def paginated(self, request, queryset, build) -> dict[str, Any]:
        limit, offset = parse_limit_offset(request.GET)
        total = queryset.count()
        rows = list(queryset[offset : offset + limit]) if limit else []
        return {"meta": {"total_count": total}, "items": [build(row) for row in rows]}


class _BindingRoot:
    """A stand-in parent so a DRF field from ``api_fields`` can read the serializer context."""

    parent = None

    def __init__(self, context):
        self._context = context


class CaseStudiesAPIViewSet(CaseStudyAPIViewSetMixin, BaseAPIViewSet):
    """``case-studies``: the listing (filters, search, facets, cards), detail, find, OpenAPI."""

    name = "case-studies"
    resource = "case-studies"
    model = CaseStudyPage

    @classmethod
    def extra_field_names(cls) -> list[str]:
        """Fields beyond the card, from the model's ``api_fields`` (the editor's related case
        studies are part of ``related`` here)."""
        names = [field.name for field in cls._convert_api_fields(CaseStudyPage.api_fields)]
        return [
            name
            for name in names
            if name not in representation.CARD_FIELDS and name != "related_case_studies"
        ]

    @classmethod
    def listing_field_names(cls) -> list[str]:
        return [*representation.CARD_FIELDS, *cls.extra_field_names()]

    @classmethod
    def detail_field_names(cls) -> list[str]:
        return [*cls.listing_field_names(), "related"]

    @classmethod
    def get_urlpatterns(cls):
        return [
            *super().get_urlpatterns(),
            path("openapi.json", cls.as_view({"get": "openapi_view"}), name="openapi"),
        ]

    # --- Listing -------------------------------------------------------------------------------

    def listing_view(self, request):
        return self.cached_response(request, lambda: self.listing_data(request))

    def listing_data(self, request) -> dict[str, Any]:
        query = parse_case_study_query(request.GET, self.listing_field_names())
        fields = select_fields(query.fields, representation.CARD_FIELDS, self.listing_field_names())
        site = find_site(request)
        listing = run_listing(query, site)
        context = representation.CardContext(request)
        # The pages themselves are needed only for fields beyond the card.
        extras = [name for name in fields if name not in representation.CARD_FIELDS]
        if not extras:
            served = serve_cards(listing.rows, context)
            items = [self.card_fields(card, fields) for card in served]
        else:
            visible = visible_case_studies_of(site)
            pages = representation.card_queryset(
                visible.filter(pk__in=listing.ids), defer_body="body" not in extras
            ).in_bulk()
            context.translations = representation.Translations(pages.values(), visible)
            bound = self.bind_extra_fields(extras, request)
            items = [
                self.item_data(pages[pk], fields, context, bound)
                for pk in listing.ids
                if pk in pages
            ]
        meta: dict[str, Any] = {"total_count": listing.total}
        if listing.facets is not None:
            meta["facets"] = listing.facets
        return {"meta": meta, "items": items}

    @staticmethod
    def card_fields(card: dict[str, Any], fields: list[str]) -> dict[str, Any]:
        """A served card cut to the requested fields (``id`` and ``meta`` always)."""
        if len(fields) == len(representation.CARD_FIELDS):  # the default: the whole card
            return card
        data = {"id": card["id"], "meta": card["meta"]}
        for name in fields:
            data[name] = card[name]
        return data

    # --- Items ---------------------------------------------------------------------------------

    def serializer_context(self, request) -> dict[str, Any]:
        return {
            "request": request,
            "view": self,
            "router": getattr(request, "wagtailapi_router", None),
        }

    def bind_extra_fields(self, names, request) -> dict[str, Any]:
        """Bound DRF fields for the requested ``api_fields`` that have their own serializer."""
        root = _BindingRoot(self.serializer_context(request))
        bound = {}
        for api_field in self._convert_api_fields(CaseStudyPage.api_fields):
            if api_field.name in names and api_field.serializer is not None:
                field = copy.deepcopy(api_field.serializer)
                field.bind(api_field.name, root)
                bound[api_field.name] = field
        return bound

    def extra_value(self, page, name, bound, request):
        if name in bound:
            field = bound[name]
            attribute = field.get_attribute(page)
            return None if attribute is None else field.to_representation(attribute)
        value = getattr(page, name)
        if isinstance(value, StreamValue):
            return value.stream_block.get_api_representation(value, {"request": request})
        if isinstance(value, datetime.datetime):
            return representation.format_datetime(value)
        if isinstance(value, datetime.date):
            return value.isoformat()
        if hasattr(value, "all"):  # tags
            return sorted(tag.name for tag in value.all())
        return value

    def item_data(self, page, fields, context, bound) -> dict[str, Any]:
        """A case study's fields, in its own language (its body's section headings too)."""
        with translation.override(page.locale.language_code):
            return self._item_data(page, fields, context, bound)

    def _item_data(self, page, fields, context, bound) -> dict[str, Any]:
        card = representation.card_data(page, context)
        data = {"id": card["id"], "meta": card["meta"]}
        for name in fields:
            if name in card:
                data[name] = card[name]
            elif name != "related":
                data[name] = self.extra_value(page, name, bound, context.request)
        return data

    # --- Detail --------------------------------------------------------------------------------

    def detail_view(self, request, pk):
        return self.cached_response(request, lambda: self.detail_data(request, pk=pk))

    def find_view(self, request):
        """Detail by ``html_path`` (the page's path on the site), ``slug`` or ``id``, answered
        directly (not redirected), so a front end routing by path needs one request."""
        return self.cached_response(request, lambda: self.detail_data(request, find=True))

    def detail_data(self, request, pk=None, find=False) -> dict[str, Any]:
        """The card and the detail's other stored fields from the case study's card row (read
        with the page, whose body and own columns are served live), and the related cards
        scored on the card table: a fixed handful of queries whatever the library's size."""
        allowed = parameters.CASE_STUDY_FIND if find else parameters.CASE_STUDY_DETAIL
        check_parameter_names(request.GET, names(allowed))
        field_config = parse_fields(request.GET, self.detail_field_names())
        fields = select_fields(field_config, self.detail_field_names(), self.detail_field_names())
        site = find_site(request)
        base = visible_case_studies_by_card(site)
        queryset = base.select_related("api_card")
        queryset = (
            self.find_queryset(request, base, queryset) if find else queryset.filter(pk=db_id(pk))
        )
        page = get_object_or_404(queryset)
        card = page.api_card
        if card.format != card_format():
            # Stored by another release: built for this answer, not stored (reads never write).
            card = next(iter(build_rows([page.pk])), None)
            if card is None:
                raise Http404("no longer visible")

        context = representation.CardContext(request)
        stored = {
            **representation.served_card(card.data, context),
            **serve_detail(card.detail, context),
        }
        extras = [name for name in fields if name not in stored]
        bound = self.bind_extra_fields(extras, request)
        data = {"id": stored["id"], "meta": stored["meta"]}
        # The page's own fields in its language (its body's section headings), as stored.
        with translation.override(card.data["locale"]):
            for name in fields:
                if name in stored:
                    data[name] = stored[name]
                elif name != "related":
                    data[name] = self.extra_value(page, name, bound, request)
        data["meta"].update(
            # A swapped base page model (Wagtail 8) need not have the promote fields.
            seo_title=getattr(page, "seo_title", ""),
            search_description=getattr(page, "search_description", ""),
            last_published_at=representation.format_datetime(page.last_published_at),
        )
        if "related" in fields:
            # In the page's own language: the cards of its locale.
            rows = related_rows(
                visible_cards_of(site, card.locale_id),
                page_id=page.pk,
                chosen=card.detail["chosen_related"],
                topic_ids=card.detail["topic_ids"],
                council_ids=[council["id"] for council in card.detail["councils"]],
                regions=card.regions,
            )
            data["related"] = serve_cards(rows, context)
        return data

    def find_queryset(self, request, base, queryset):
        html_path = get_single(request.GET, "html_path")
        slug = get_single(request.GET, "slug")
        pk = get_single(request.GET, "id")
        parameters.parse_locale(request.GET)  # a malformed locale is a 400 whatever is looked up
        if html_path is not None:
            site = find_site(request)
            if site is None:
                raise Http404("no site")
            return queryset.filter(url_path__in=site_url_paths(site, html_path))
        if slug is not None:
            matches = in_one_locale(request, base.filter(slug=slug))
            matches = list(matches.values_list("pk", flat=True)[:2])
            if len(matches) > 1:
                raise ParameterError("slug", f"{slug!r} names several case studies; use html_path")
            return queryset.filter(pk__in=matches)
        if pk is not None:
            if not _ID.fullmatch(pk):
                raise ParameterError("id", f"must be a case study id, not {pk!r}")
            return queryset.filter(pk=db_id(pk))
        raise ParameterError("html_path", "give html_path, slug or id")

    # --- OpenAPI -------------------------------------------------------------------------------

    def openapi_view(self, request):
        check_parameter_names(request.GET, COMMON_PARAMETERS)
        return Response(v2_document(request))


class _SnippetAPIViewSet(CaseStudyAPIViewSetMixin, BaseAPIViewSet):
    """A listing and detail of one of the package's snippets, with case-study counts."""

    listing_parameters = parameters.SNIPPET_LISTING
    find_parameters = parameters.SNIPPET_FIND
    detail_parameters = parameters.SNIPPET_DETAIL
    search_fields = ("name",)
    count_relation = "casestudypage"

    def listing_view(self, request):
        return self.cached_response(request, lambda: self.listing_data(request))

    def detail_view(self, request, pk):
        return self.cached_response(request, lambda: self.detail_data(request, pk))

    def find_view(self, request):
        """Detail by ``slug`` (or a council's GSS code), answered directly."""
        return self.cached_response(request, lambda: self.detail_data(request, None, find=True))

    def with_counts(self, request, queryset):
        """Annotate each row with its number of live, public case studies on this site."""
        visible = self.visible_case_studies(request).order_by().values("pk")
        relation = self.count_relation
        return queryset.annotate(
            case_study_count=Count(
                relation, filter=Q(**{f"{relation}__in": visible}), distinct=True
            )
        )

    def filter_queryset_by_parameters(self, request, queryset):
        return queryset

    def locale(self, request) -> Locale:
        """The locale asked for (``locale``), or the site's default; looked up once."""
        locale = getattr(request, "_casestudies_locale", None)
        if locale is None:
            code = parameters.parse_locale(request.GET)
            if code is not None:
                locale = resolve_locale("locale", code)
            else:
                site = find_site(request)
                locale = default_locale_of(site) if site else Locale.get_default()
            request._casestudies_locale = locale
        return locale

    def language(self, request) -> str:
        """The language names come out in: the ``locale`` asked for, or the site's default."""
        return self.locale(request).language_code

    def listing_data(self, request) -> dict[str, Any]:
        check_parameter_names(request.GET, names(self.listing_parameters))
        with translation.override(self.language(request)):
            return self._listing_data(request)

    def _listing_data(self, request) -> dict[str, Any]:
        queryset = self.filter_queryset_by_parameters(request, self.model.objects.all())
        queryset = filter_by_name_search(request.GET, queryset, self.search_fields)
        queryset = self.with_counts(request, queryset)
        if parse_boolean("has_case_studies", get_single(request.GET, "has_case_studies")):
            queryset = queryset.filter(case_study_count__gt=0)
        queryset = self.prepare(queryset.order_by("name", "pk"))
        detail_url = representation.detail_url_builder(request, self.resource)
        return self.paginated(request, queryset, lambda obj: self.item(obj, detail_url, request))

    def detail_data(self, request, pk, find=False) -> dict[str, Any]:
        allowed = self.find_parameters if find else self.detail_parameters
        check_parameter_names(request.GET, names(allowed))
        with translation.override(self.language(request)):
            return self._detail_data(request, pk, find)

    def _detail_data(self, request, pk, find) -> dict[str, Any]:
        queryset = self.prepare(self.with_counts(request, self.model.objects.all()))
        queryset = self.find_queryset(request, queryset) if find else queryset.filter(pk=db_id(pk))
        obj = get_object_or_404(queryset)
        detail_url = representation.detail_url_builder(request, self.resource)
        return self.detail_item(obj, detail_url, request)

    def find_queryset(self, request, queryset):
        slug = get_single(request.GET, "slug")
        if slug is None:
            raise ParameterError("slug", "give a slug")
        return queryset.filter(slug=slug)

    def prepare(self, queryset):
        return queryset

    def meta(self, obj, detail_url) -> dict[str, Any]:
        return {"type": obj._meta.label, "detail_url": detail_url(obj.pk)}

    def data(self, obj, request) -> dict[str, Any]:
        raise NotImplementedError

    def item(self, obj, detail_url, request) -> dict[str, Any]:
        return {
            "id": obj.pk,
            "meta": self.meta(obj, detail_url),
            **self.data(obj, request),
            "case_study_count": obj.case_study_count,
        }

    def detail_item(self, obj, detail_url, request) -> dict[str, Any]:
        return self.item(obj, detail_url, request)


class CouncilsAPIViewSet(_SnippetAPIViewSet):
    """``councils``: the council register with filters and case-study counts."""

    name = "councils"
    resource = "councils"
    model = Council
    listing_parameters = parameters.COUNCIL_LISTING
    search_fields = ("name", "short_name", "gss_code")
    count_relation = "case_study_links__page"
    find_parameters = parameters.COUNCIL_FIND
    detail_parameters = parameters.COUNCIL_DETAIL

    def filter_queryset_by_parameters(self, request, queryset):
        return filter_councils(request.GET, queryset)

    def with_counts(self, request, queryset):
        """Count the case studies of one locale (the ``locale`` asked for, or the site's
        default): a case study and its translations are one case study, counted once in each
        language. A council is linked to a case study at most once, so no DISTINCT is needed."""
        visible = self.visible_case_studies(request).filter(locale=self.locale(request))
        return queryset.annotate(
            case_study_count=Count(
                "case_study_links",
                filter=Q(case_study_links__page__in=visible.order_by().values("pk")),
            )
        )

    def find_queryset(self, request, queryset):
        gss_code = get_single(request.GET, "gss_code")
        if gss_code is not None:
            return queryset.filter(gss_code=normalise_gss_code(gss_code))
        return super().find_queryset(request, queryset)

    def data(self, obj, request) -> dict[str, Any]:
        return dict(representation.council_data(obj))

    def detail_item(self, obj, detail_url, request) -> dict[str, Any]:
        data = self.item(obj, detail_url, request)
        related = Council.objects.filter(
            Q(pk__in=[obj.parent_id, obj.successor_id]) | Q(parent=obj) | Q(successor=obj)
        ).order_by("name")
        related = list(related)
        by_pk = {council.pk: council for council in related}
        data.update(
            valid_from=representation.format_date(obj.valid_from),
            valid_to=representation.format_date(obj.valid_to),
            parent=representation.council_data(by_pk[obj.parent_id]) if obj.parent_id else None,
            successor=representation.council_data(by_pk[obj.successor_id])
            if obj.successor_id
            else None,
            children=[representation.council_data(c) for c in related if c.parent_id == obj.pk],
            predecessors=[
                representation.council_data(c) for c in related if c.successor_id == obj.pk
            ],
            logo=representation.image_data(obj.logo, request=request) if obj.logo_id else None,
        )
        return data


class _TranslatableSnippetAPIViewSet(_SnippetAPIViewSet):
    """Topics and support programmes: one locale at a time, as Wagtail's pages API lists pages.
    A case study counts for a topic when it links the topic or one of its translations and is
    in the topic's locale."""

    def filter_queryset_by_parameters(self, request, queryset):
        translation_of = parameters.parse_id(
            "translation_of", get_single(request.GET, "translation_of")
        )
        code = parameters.parse_locale(request.GET)
        if translation_of is not None:
            source = queryset.filter(pk=translation_of).values_list("translation_key", flat=True)
            if not source:
                raise ParameterError(
                    "translation_of", f"no {self.name} entry has id {translation_of}"
                )
            queryset = queryset.filter(translation_key=source[0]).exclude(pk=translation_of)
            if code is None:
                return queryset
        if code is not None:
            return queryset.filter(locale=resolve_locale("locale", code))
        site = find_site(request)
        return queryset.filter(locale=default_locale_of(site)) if site else queryset

    def find_queryset(self, request, queryset):
        return in_one_locale(request, super().find_queryset(request, queryset))

    def paginated(self, request, queryset, build) -> dict[str, Any]:
        """In the one topic order (``representation.topic_sort_key``), which a database's
        collation does not give: a locale's topics and programmes are a few dozen rows."""
        limit, offset = parse_limit_offset(request.GET)
        rows = sorted(queryset, key=representation.topic_sort_key)
        items = [build(row) for row in rows[offset : offset + limit]] if limit else []
        return {"meta": {"total_count": len(rows)}, "items": items}

    def with_counts(self, request, queryset):
        visible = self.visible_case_studies(request).order_by()
        linking = self.pages_linking(visible).filter(locale_id=OuterRef("locale_id"))
        counted = linking.order_by().values("locale_id").annotate(n=Count("pk")).values("n")
        return queryset.annotate(
            case_study_count=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))
        )

    def pages_linking(self, visible):
        raise NotImplementedError


class TopicsAPIViewSet(_TranslatableSnippetAPIViewSet):
    """``topics``: policy areas with case-study counts."""

    name = "topics"
    resource = "topics"
    model = Topic

    def pages_linking(self, visible):
        through = CaseStudyPage.topics.through
        links = through.objects.filter(topic__translation_key=OuterRef(OuterRef("translation_key")))
        return visible.filter(pk__in=links.values("casestudypage_id"))

    def data(self, obj, request) -> dict[str, Any]:
        return {
            **representation.topic_data(obj),
            "description": obj.description,
            "parent_id": obj.parent_id,
        }


class SupportTypesAPIViewSet(_TranslatableSnippetAPIViewSet):
    """``support-types``: support programmes with case-study counts."""

    name = "support-types"
    resource = "support-types"
    model = SupportType

    def pages_linking(self, visible):
        return visible.filter(support_type__translation_key=OuterRef("translation_key"))

    def data(self, obj, request) -> dict[str, Any]:
        return {**representation.support_type_data(obj), "description": obj.description}


VIEWSETS = (CaseStudiesAPIViewSet, CouncilsAPIViewSet, TopicsAPIViewSet, SupportTypesAPIViewSet)


def register_endpoints(router) -> None:
    """Register the four endpoints on a site's ``WagtailAPIRouter`` under their usual names."""
    for viewset in VIEWSETS:
        router.register_endpoint(viewset.name, viewset)
