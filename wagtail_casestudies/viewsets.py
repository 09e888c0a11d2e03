"""Admin viewsets: the council register, topics and support programmes as snippets, and one
listing of every case study across the page tree, grouped under a "Case studies" menu."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.deletion import ProtectedError
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.pages.choose_parent import ChooseParentView
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetChosenMultipleView
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .completeness import completeness_label, completeness_of
from .exports import SafeSpreadsheetExportMixin
from .models import (
    CaseStudyCouncil,
    CaseStudyIndexPage,
    CaseStudyPage,
    Council,
    CouncilType,
    Nation,
    Region,
    SupportType,
    Topic,
)


def with_case_study_count(queryset, link_queryset, link_field: str):
    """Annotate ``case_study_count``: how many case studies (drafts included) link to each row.

    A correlated subquery rather than ``Count()`` over a join, so the admin's search (which wraps
    the queryset) and sorting keep working on every search backend.
    """
    counts = (
        link_queryset.filter(**{link_field: OuterRef("pk")})
        .order_by()
        .values(link_field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(
        case_study_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
    )


# --- Snippets -----------------------------------------------------------------------------------


class DeleteView(SnippetDeleteView):
    """Refuses, with a message, to delete a snippet that case studies still use.

    Wagtail 8 refuses through the reference index; Wagtail 7.0 lets the ``ProtectedError`` escape
    as a server error, so catch it here (# Wagtail < 8.0).
    """

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "'%(object)s' is used by case studies, so it cannot be deleted. Change those "
                    "case studies first."
                )
                % {"object": self.object},
            )
            return redirect(self.get_success_url())


class SafeExportSnippetIndexView(SafeSpreadsheetExportMixin, SnippetIndexView):
    """The snippet listing, whose CSV export never carries a formula."""


class CaseStudySnippetViewSet(SnippetViewSet):
    """What the package's snippet viewsets share: safe exports, and a delete that explains."""

    index_view_class = SafeExportSnippetIndexView
    delete_view_class = DeleteView


class CouncilActiveFilter(django_filters.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("active", _("Active")), ("abolished", _("Abolished"))])
        kwargs.setdefault("widget", forms.RadioSelect)
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if value == "active":
            return queryset.active()
        if value == "abolished":
            return queryset.abolished()
        return queryset


class CouncilFilterSet(WagtailFilterSet):
    council_type = django_filters.MultipleChoiceFilter(
        label=_("Council type"), choices=CouncilType.choices, widget=forms.CheckboxSelectMultiple
    )
    region = django_filters.MultipleChoiceFilter(
        label=_("Region or nation"), choices=Region.choices, widget=forms.CheckboxSelectMultiple
    )
    nation = django_filters.MultipleChoiceFilter(
        label=_("Nation"), choices=Nation.choices, widget=forms.CheckboxSelectMultiple
    )
    status = CouncilActiveFilter(label=_("Status"))
    parent = django_filters.ModelChoiceFilter(
        label=_("Parent council"),
        queryset=lambda request: Council.objects.filter(children__isnull=False).distinct(),
    )

    class Meta:
        model = Council
        fields = ["council_type", "region", "nation", "status", "parent"]


class CouncilsInOrderChosenView(SnippetChosenMultipleView):
    """The councils ticked in one chooser modal, in the order they were ticked (the modal
    sends them so, ``chosen-order.js``), not by name: the first becomes the lead council."""

    def get_objects(self, pks):
        pks = [pk for pk in dict.fromkeys(pks) if pk.isascii() and pk.isdigit()]
        by_pk = {str(council.pk): council for council in super().get_objects(pks)}
        return [by_pk[pk] for pk in pks if pk in by_pk]


class CouncilChooserViewSet(SnippetChooserViewSet):
    chosen_multiple_view_class = CouncilsInOrderChosenView


class CouncilViewSet(CaseStudySnippetViewSet):
    """The council register: filter by type, place and status; export it with its GSS codes."""

    model = Council
    chooser_viewset_class = CouncilChooserViewSet
    icon = "group"
    menu_label = _("Councils")
    add_to_admin_menu = False
    list_display = [
        "name",
        "gss_code",
        Column("council_type", label=_("Type"), accessor="get_council_type_display"),
        Column("region", label=_("Region"), accessor="get_region_display"),
        Column("parent", label=_("Parent")),
        Column("case_study_count", label=_("Case studies"), sort_key="case_study_count"),
        BooleanColumn("is_active", label=_("Active")),
    ]
    list_per_page = 50
    search_fields = ["name", "short_name", "gss_code"]
    # The register is a few hundred rows: a database LIKE search finds partial names and codes on
    # every database, where a full-text backend would need whole words.
    search_backend_name = None
    filterset_class = CouncilFilterSet
    list_export = [
        "name",
        "short_name",
        "gss_code",
        "get_council_type_display",
        "get_region_display",
        "get_nation_display",
        "parent_code",
        "parent_name",
        "valid_from",
        "valid_to",
        "successor_code",
        "successor_name",
        "website",
        "slug",
        "case_study_count",
    ]
    export_headings = {
        "gss_code": _("GSS code"),
        "get_council_type_display": _("Council type"),
        "get_region_display": _("Region or nation"),
        "get_nation_display": _("Nation"),
        "parent_code": _("Parent GSS code"),
        "parent_name": _("Parent council"),
        "successor_code": _("Successor GSS code"),
        "successor_name": _("Successor"),
        "case_study_count": _("Case studies"),
    }
    export_filename = "councils"
    ordering = ["name"]

    def get_queryset(self, request):
        return with_case_study_count(
            Council.objects.select_related("parent", "successor").annotate(
                # Codes and plain names (not "Cumbria County Council (until 2023)") for export.
                parent_code=F("parent__gss_code"),
                parent_name=F("parent__name"),
                successor_code=F("successor__gss_code"),
                successor_name=F("successor__name"),
            ),
            CaseStudyCouncil.objects.all(),
            "council",
        ).order_by("name")


class TopicFilterSet(WagtailFilterSet):
    parent = django_filters.ModelChoiceFilter(
        label=_("Parent topic"),
        queryset=lambda request: Topic.objects.filter(children__isnull=False).distinct(),
    )

    class Meta:
        model = Topic
        fields = ["parent"]


class TopicViewSet(CaseStudySnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = [
        "name",
        "slug",
        Column("parent", label=_("Parent")),
        Column("case_study_count", label=_("Case studies"), sort_key="case_study_count"),
    ]
    search_fields = ["name", "description"]
    search_backend_name = None
    filterset_class = TopicFilterSet
    list_export = ["name", "slug", "description", "parent", "case_study_count"]
    export_filename = "topics"
    export_headings = {"case_study_count": _("Case studies")}

    def get_queryset(self, request):
        return with_case_study_count(
            Topic.objects.select_related("parent"), CaseStudyPage.topics.through.objects, "topic"
        ).order_by("name")


class SupportTypeViewSet(CaseStudySnippetViewSet):
    model = SupportType
    icon = "help"
    menu_label = _("Support programmes")
    list_display = [
        "name",
        "slug",
        "link",
        Column("case_study_count", label=_("Case studies"), sort_key="case_study_count"),
    ]
    search_fields = ["name", "description"]
    search_backend_name = None
    list_export = ["name", "slug", "description", "link", "case_study_count"]
    export_filename = "support-types"
    export_headings = {"case_study_count": _("Case studies")}

    def get_queryset(self, request):
        return with_case_study_count(
            SupportType.objects.all(), CaseStudyPage.objects.all(), "support_type"
        ).order_by("name")


# --- All case studies, wherever they sit in the page tree ----------------------------------------


class CompletenessFilter(django_filters.ChoiceFilter):
    """Case studies with (or without) every required template section. Completeness is read
    from each body's JSON, so this filter loads the bodies of the listing it narrows."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("incomplete", _("Incomplete")), ("complete", _("Complete"))])
        kwargs.setdefault("widget", forms.RadioSelect)
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if value not in ("complete", "incomplete"):
            return queryset
        wanted = value == "complete"
        pks = [
            pk
            for pk, title, summary, body in queryset.values_list("pk", "title", "summary", "body")
            if completeness_of(title, summary, body).is_complete == wanted
        ]
        return queryset.filter(pk__in=pks)


class CaseStudyFilterSet(PageFilterSet):
    council = django_filters.ModelMultipleChoiceFilter(
        label=_("Council"),
        field_name="council_links__council",
        queryset=lambda request: Council.objects.filter(case_study_links__isnull=False).distinct(),
        distinct=True,
    )
    topic = django_filters.ModelMultipleChoiceFilter(
        label=_("Topic"),
        field_name="topics",
        queryset=lambda request: Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    support_type = django_filters.ModelMultipleChoiceFilter(
        label=_("Support programme"),
        field_name="support_type",
        queryset=lambda request: SupportType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    is_covid19 = django_filters.BooleanFilter(label=_("COVID-19"))
    publication_date = django_filters.DateFromToRangeFilter(
        label=_("Publication date"), widget=DateRangePickerWidget
    )
    completeness = CompletenessFilter(label=_("Template completeness"))

    class Meta:
        model = CaseStudyPage
        fields = []


def council_names(page: CaseStudyPage) -> str:
    """The councils in the editor's order, the lead first (from the listing's prefetch)."""
    return ", ".join(link.council.name for link in page.council_links.all())


def covid19_label(page: CaseStudyPage) -> str:
    return _("Yes") if page.is_covid19 else _("No")


class CaseStudyIndexView(IndexView):
    """The listing, titled as its menu item, with every row's councils fetched in one query. The
    bodies are fetched with the rows (Wagtail defers StreamFields in page listings): the
    completeness column reads them, and would otherwise fetch each one on its own."""

    page_title = _("All case studies")

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages).defer(None)
        # PageQuerySet.defer_streamfields() leaves this flag for its specific() iterator, which
        # would defer the body again (Wagtail 7.0 and 8.0 alike); there is no public way back.
        pages._defer_streamfields = False
        # simple_translation's "Translate" button reads this flag, else asks per row; Wagtail
        # sets it only with WAGTAIL_I18N_ENABLED.
        pages = pages.annotate_has_untranslated_locale()
        return pages.prefetch_related(
            Prefetch(
                "council_links",
                queryset=CaseStudyCouncil.objects.select_related("council").order_by("sort_order"),
            )
        )


class CaseStudyChooseParentView(ChooseParentView):
    """ "Add case study" opens the editor under the case-study index when there is only one the
    editor may add to, although a case study may also live under a COVID-19 hub (Wagtail asks
    for a parent whenever there is more than one place)."""

    def get(self, request, *args, **kwargs):
        indexes = self.get_valid_parent_pages(request.user).filter(
            content_type=ContentType.objects.get_for_model(CaseStudyIndexPage)
        )
        index_ids = list(indexes.values_list("pk", flat=True)[:2])
        if len(index_ids) == 1:
            opts = self.model._meta
            return redirect("wagtailadmin_pages:add", opts.app_label, opts.model_name, index_ids[0])
        return super().get(request, *args, **kwargs)


class CaseStudyListingViewSet(PageListingViewSet):
    model = CaseStudyPage
    icon = "doc-full-inverse"
    menu_label = _("All case studies")
    add_to_admin_menu = False
    name = "all_case_studies"
    index_view_class = CaseStudyIndexView
    choose_parent_view_class = CaseStudyChooseParentView
    filterset_class = CaseStudyFilterSet
    columns = PageListingViewSet.columns + [
        Column("councils", label=_("Councils"), accessor=council_names),
        Column("publication_date", label=_("Publication date"), sort_key="publication_date"),
        Column("is_covid19", label=_("COVID-19"), accessor=covid19_label),
        Column("completeness", label=_("Completeness"), accessor=completeness_label),
    ]


class CaseStudiesViewSetGroup(SnippetViewSetGroup):
    """The "Case studies" admin menu."""

    menu_label = _("Case studies")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (CaseStudyListingViewSet, CouncilViewSet, TopicViewSet, SupportTypeViewSet)
