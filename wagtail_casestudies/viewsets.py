"""Admin viewsets: the council register, topics and support types as snippets, and one listing of
every case study across the page tree, grouped under a "Case studies" menu."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CaseStudyPage, Council, CouncilType, Nation, Region, SupportType, Topic

# --- Snippets -----------------------------------------------------------------------------------


class CouncilActiveFilter(django_filters.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "choices", [("active", _("Active")), ("abolished", _("Abolished"))]
        )
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


class CouncilViewSet(SnippetViewSet):
    model = Council
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
        Column("is_active", label=_("Active")),
    ]
    list_per_page = 50
    search_fields = ["name", "short_name", "gss_code"]
    filterset_class = CouncilFilterSet
    list_export = [
        "name",
        "short_name",
        "slug",
        "gss_code",
        "council_type",
        "region",
        "nation",
        "parent",
        "website",
        "valid_from",
        "valid_to",
        "successor",
        "case_study_count",
    ]
    export_filename = "councils"
    ordering = ["name"]

    def get_queryset(self, request):
        return (
            Council.objects.select_related("parent", "successor")
            .annotate(case_study_count=Count("case_study_links__page", distinct=True))
            .order_by("name")
        )


class TopicFilterSet(WagtailFilterSet):
    parent = django_filters.ModelChoiceFilter(
        label=_("Parent topic"),
        queryset=lambda request: Topic.objects.filter(children__isnull=False).distinct(),
    )

    class Meta:
        model = Topic
        fields = ["parent"]


class TopicViewSet(SnippetViewSet):
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
    filterset_class = TopicFilterSet
    list_export = ["name", "slug", "description", "parent", "case_study_count"]
    export_filename = "topics"

    def get_queryset(self, request):
        return (
            Topic.objects.select_related("parent")
            .annotate(case_study_count=Count("casestudypage", distinct=True))
            .order_by("name")
        )


class SupportTypeViewSet(SnippetViewSet):
    model = SupportType
    icon = "help"
    menu_label = _("Support types")
    list_display = [
        "name",
        "slug",
        "link",
        Column("case_study_count", label=_("Case studies"), sort_key="case_study_count"),
    ]
    search_fields = ["name", "description"]
    list_export = ["name", "slug", "description", "link", "case_study_count"]
    export_filename = "support-types"

    def get_queryset(self, request):
        return SupportType.objects.annotate(
            case_study_count=Count("casestudypage", distinct=True)
        ).order_by("name")


# --- All case studies, wherever they sit in the page tree ----------------------------------------


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
        label=_("Support type"),
        field_name="support_type",
        queryset=lambda request: SupportType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    is_covid19 = django_filters.BooleanFilter(label=_("COVID-19"))
    publication_date = django_filters.DateFromToRangeFilter(
        label=_("Publication date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = CaseStudyPage
        fields = []


class CaseStudyListingViewSet(PageListingViewSet):
    model = CaseStudyPage
    icon = "doc-full-inverse"
    menu_label = _("All case studies")
    add_to_admin_menu = False
    name = "all_case_studies"
    filterset_class = CaseStudyFilterSet
    columns = PageListingViewSet.columns + [
        Column("publication_date", label=_("Publication date"), sort_key="publication_date"),
        Column("is_covid19", label=_("COVID-19")),
    ]


class CaseStudiesViewSetGroup(SnippetViewSetGroup):
    """The "Case studies" admin menu."""

    menu_label = _("Case studies")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (CaseStudyListingViewSet, CouncilViewSet, TopicViewSet, SupportTypeViewSet)
