"""Page types: the case-study index, the case study itself and the COVID-19 hub.

Each page type is an abstract mixin (fields, panels, behaviour) plus a concrete default class
built on the site's base page model. On Wagtail 8 a site that swaps ``WAGTAIL_PAGE_MODEL`` gets
these concrete classes on its own base page; a site that wants its own variant can build one from
the mixin.
"""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import SimpleTemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Site
from wagtail.search import index

from .. import api_fields as api
from ..admin_forms import LocaleChoicesPageForm
from ..blocks import (
    RICH_TEXT_FEATURES,
    CaseStudyBodyBlock,
    HubThemesBlock,
    new_case_study_body,
)
from ..cards.batch import one_refresh_per_page
from ..compat import (
    BLOCKS_DEFER_REQUIRED_FOR_DRAFTS,
    get_base_page_model,
    get_base_page_model_string,
)
from ..completeness import publish_errors, word_count
from ..conf import settings as casestudy_settings
from ..layout import HostLayoutMixin
from ..representation import Translations, card_queryset
from ..template import BODY_SECTION_KEYS, SECTIONS_BY_KEY
from ..validators import validate_web_url
from ..visibility import (
    in_locale,
    translation_lookup,
    visible_case_studies,
    visible_case_studies_of,
)
from ..widgets import MainTopicSelect

BasePage = get_base_page_model()


# The context variable holding the translations of the topics and programmes the page's cards
# show (``representation.Translations``), read by the ``casestudies_tags`` template tags.
CARD_TRANSLATIONS = "casestudies_translations"


def base_page_link():
    """The parent link of a concrete page type, declared so it is named ``page_ptr`` whatever the
    site's base page model is called (Django would name it ``<model>_ptr``)."""
    return models.OneToOneField(
        get_base_page_model_string(),
        on_delete=models.CASCADE,
        parent_link=True,
        primary_key=True,
        serialize=False,
    )


def live_case_studies(site: Site | None = None):
    """Published, publicly visible case studies (of ``site`` when given): ``visibility.py``."""
    return visible_case_studies() if site is None else visible_case_studies_of(site)


def serve_in_page_language(page, serve, request, *args, **kwargs):
    """``serve(request, ...)`` with the page's language active while its template renders, on
    a site with ``WAGTAIL_I18N_ENABLED``: a Welsh page speaks Welsh (its labels, dates, council
    names and the template downloads it links) whatever the browser asks for, as the API
    answers a Welsh page in Welsh. Without i18n every page is in the default locale and the
    request's language (``LocaleMiddleware``) is kept.

    A template response is rendered here, inside the language, rather than later by the
    handler."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return serve(request, *args, **kwargs)
    with translation.override(page.locale.language_code):
        response = serve(request, *args, **kwargs)
        if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
            response.render()
    return response


class PageLanguageMixin:
    """Serves the page in its own language (``serve_in_page_language``)."""

    def serve(self, request, *args, **kwargs):
        return serve_in_page_language(self, super().serve, request, *args, **kwargs)


def live_in_locale(page, locale_id):
    """The page's live, public translation in the locale, else the page itself: a Welsh page
    links the Welsh hub where there is one."""
    if page is None or page.locale_id == locale_id:
        return page
    translated = (
        type(page)
        .objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale_id=locale_id)
        .first()
    )
    return translated or page


# --- The case-study index ---------------------------------------------------------------------


class CaseStudyIndexPageMixin(PageLanguageMixin, HostLayoutMixin, models.Model):
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    submission_guidance = RichTextField(
        _("how to submit a case study"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Tell councils how to send in a case study and what the template asks for."),
    )
    template_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("case study template document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    template_link = models.URLField(
        _("case study template link"),
        blank=True,
        help_text=_("Used when there is no template document."),
        validators=[validate_web_url],
    )
    covid_hub = models.ForeignKey(
        "wagtail_casestudies.CovidHubPage",
        verbose_name=_("COVID-19 hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Promote the COVID-19 hub on this page."),
    )
    covid_promo_heading = models.CharField(
        _("COVID-19 promo heading"), max_length=255, blank=True, default=_("COVID-19 case studies")
    )
    covid_promo_text = models.TextField(_("COVID-19 promo text"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("submission_guidance"),
                FieldPanel("template_document"),
                FieldPanel("template_link"),
            ],
            heading=_("Submitting a case study"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("covid_hub"),
                FieldPanel("covid_promo_heading"),
                FieldPanel("covid_promo_text"),
            ],
            heading=_("COVID-19 promo"),
        ),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    api_fields = [
        APIField("introduction", serializer=api.RichTextHTMLField()),
        APIField("submission_guidance", serializer=api.RichTextHTMLField()),
        APIField("template_document", serializer=api.DocumentField()),
        APIField("template_link"),
        APIField("covid_hub", serializer=api.PageRefField()),
        APIField("covid_promo_heading", serializer=api.TextField()),
        APIField("covid_promo_text"),
    ]

    template = "wagtail_casestudies/case_study_index_page.html"

    class Meta:
        abstract = True

    def case_studies(self):
        """Live, public case studies below this index, newest first, ready for cards."""
        return with_card_data(
            live_case_studies().descendant_of(self).order_by("-publication_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        # The listing runs the API's own listing code (search, filters, facets, order), which
        # imports the models: it is imported when first used, never while models load.
        from ..listing_page import index_listing

        context = super().get_context(request, *args, **kwargs)
        listing = index_listing(request, self)
        context["listing"] = listing
        context["case_studies"] = listing.case_studies
        context["listing_url"] = self.get_url(request)
        context[CARD_TRANSLATIONS] = Translations(listing.case_studies)
        hub = self.covid_hub
        context["covid_hub"] = live_in_locale(hub, self.locale_id) if hub and hub.live else None
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        listing = getattr(response, "context_data", {}).get("listing")
        if listing is not None and listing.error is not None:
            response.status_code = 400  # the form is shown again, naming the bad parameter
        return response


class CaseStudyIndexPage(CaseStudyIndexPageMixin, BasePage):
    page_ptr = base_page_link()
    subpage_types = [
        "wagtail_casestudies.CaseStudyPage",
        "wagtail_casestudies.CovidHubPage",
        "wagtail_casestudies.CaseStudySubmissionPage",
    ]

    class Meta:
        verbose_name = _("case study index page")
        verbose_name_plural = _("case study index pages")


# --- The case study -----------------------------------------------------------------------------


class CaseStudyPageForm(LocaleChoicesPageForm):
    """Cross-field checks the model cannot make, because topics are saved after the page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        publishing = "action-publish" in self.data or "action-submit" in self.data
        if self.is_bound and not publishing and not BLOCKS_DEFER_REQUIRED_FOR_DRAFTS:
            self.data = drop_untouched_sections(self.data, self.files, self.add_prefix("body"))

    def clean(self):
        cleaned_data = super().clean()
        main_topic = cleaned_data.get("main_topic")
        topics = cleaned_data.get("topics")
        if main_topic is None and topics:
            # Ticking topics is enough: the first is the main one unless another is chosen.
            main_topic = cleaned_data["main_topic"] = topics[0]
        if main_topic is not None and topics is not None and main_topic not in topics:
            self.add_error(
                "main_topic",
                _("The main topic must also be ticked in 'Topics'."),
            )
        publishing = "action-publish" in self.data or "action-submit" in self.data
        if publishing and "body" in cleaned_data:
            # REQUIRE_COMPLETE_TO_PUBLISH: publishing (or asking a moderator to) needs every
            # required template section; drafts may always be incomplete.
            errors = publish_errors(
                cleaned_data.get("title"), cleaned_data.get("summary"), cleaned_data.get("body")
            )
            for field_name, message in errors.items():
                self.add_error(field_name, message)
        return cleaned_data


def drop_untouched_sections(data, files, prefix: str):
    """Form data in which the template sections of a new case study that the editor has not
    started are marked deleted, so a draft saves although they are empty (# Wagtail < 7.1, whose
    blocks cannot defer required fields for drafts). Sections with any text are kept and
    validated as usual."""
    sections = CaseStudyBodyBlock.base_blocks
    data = data.copy()
    try:
        count = int(data.get(f"{prefix}-count", 0))
    except ValueError:
        return data
    for position in range(count):
        block_prefix = f"{prefix}-{position}"
        block_type = data.get(f"{block_prefix}-type", "")
        if block_type not in BODY_SECTION_KEYS or data.get(f"{block_prefix}-deleted"):
            continue
        block = sections[block_type]
        posted = block.value_from_datadict(data, files, f"{block_prefix}-value")
        value = block.get_prep_value(posted)
        if not any(word_count(item) for item in value.values() if not isinstance(item, bool)):
            data[f"{block_prefix}-deleted"] = "1"
    return data


class CaseStudyPageMixin(PageLanguageMixin, HostLayoutMixin, models.Model):
    """A council's account of a piece of work, following the case-study template.

    The concrete class must provide the ``council_links``, ``partners``, ``related_links`` and
    ``tagged_items`` relations (see ``CaseStudyPage``).
    """

    summary = models.TextField(
        _("summary"),
        help_text=SECTIONS_BY_KEY["summary"].guidance,
    )
    publication_date = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Shown on the case study and used for sorting. Blank: the day it is first published."
        ),
    )
    topics = ParentalManyToManyField(
        "wagtail_casestudies.Topic", verbose_name=_("topics"), blank=True
    )
    main_topic = models.ForeignKey(
        "wagtail_casestudies.Topic",
        verbose_name=_("main topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The topic a listing links to ('View all … articles')."),
    )
    support_type = models.ForeignKey(
        "wagtail_casestudies.SupportType",
        verbose_name=_("support programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("The support programme behind the work, if any."),
    )
    is_covid19 = models.BooleanField(
        _("COVID-19 case study"),
        default=False,
        db_index=True,
        help_text=_("Lists the case study on the COVID-19 hub."),
    )
    series = models.CharField(
        _("series or programme"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'Part of the behavioural insights programme'."),
    )
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it; blank uses the image's own."),
    )
    body = StreamField(
        CaseStudyBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        default=new_case_study_body,
        help_text=_(
            "A new case study opens with the template's sections in order: the challenge, the "
            "solution, the impact, how it is sustained, lessons learned and the contact. Fill "
            "each in; add quotes, key figures, images and more from the block menu."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    classification_panels = [
        # Several councils chosen at once; their order is the order chosen (and can be changed
        # by moving them): the first is the lead.
        MultipleChooserPanel(
            "council_links",
            chooser_field_name="council",
            heading=_("Councils"),
            label=_("Councils"),
            min_num=1,
            help_text=_("The lead council first: choose it first, or move it to the top."),
        ),
        InlinePanel("partners", heading=_("Partner organisations"), label=_("Partner")),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("main_topic", widget=MainTopicSelect),
                FieldPanel("support_type"),
                FieldPanel("series"),
                FieldPanel("tags"),
                FieldRowPanel([FieldPanel("is_covid19"), FieldPanel("publication_date")]),
            ],
            heading=_("Classification"),
        ),
    ]
    media_panels = [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")
        ),
        InlinePanel("related_links", heading=_("Related case studies"), label=_("Case study")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Case study")),
            ObjectList(classification_panels, heading=_("Councils and topics")),
            ObjectList(media_panels, heading=_("Media and related")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = CaseStudyPageForm

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("series"),
        index.RelatedFields(
            "council_links",
            [
                index.FilterField("council"),
                index.RelatedFields(
                    "council",
                    [
                        index.SearchField("name"),
                        index.SearchField("short_name"),
                        index.FilterField("council_type"),
                        index.FilterField("region"),
                    ],
                ),
            ],
        ),
        index.RelatedFields("partners", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("tags", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("is_covid19"),
        index.FilterField("publication_date"),
        index.FilterField("support_type"),
        index.FilterField("main_topic"),
        # The listing's filters and facets, for search backends that filter and count by
        # themselves (Elasticsearch, OpenSearch: ``api/backend_listing.py``); the database
        # backends filter in SQL and ignore these.
        index.FilterField("facet_topics"),
        index.FilterField("facet_council_types"),
        index.FilterField("facet_regions"),
        index.FilterField("facet_year"),
    ]

    # What the stock pages API (v2, and the v3 detail on Wagtail 8) shows; the package's own
    # case-studies endpoint builds the same shapes from prefetched data (see representation.py).
    api_fields = [
        APIField("summary"),
        APIField("publication_date"),
        APIField("councils", serializer=api.CouncilListField()),
        APIField("lead_council", serializer=api.CouncilField()),
        APIField("topics", serializer=api.TopicListField()),
        APIField("main_topic", serializer=api.TopicField()),
        APIField("support_type", serializer=api.SupportTypeField()),
        APIField("is_covid19"),
        APIField("series"),
        APIField("tags"),
        APIField("hero_image", serializer=api.HeroImageField()),
        APIField("partners", serializer=api.PartnerListField()),
        APIField("body"),
        APIField(
            "related_case_studies", serializer=api.ChosenCaseStudiesField(source="related_links")
        ),
    ]

    template = "wagtail_casestudies/case_study_page.html"

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        errors = {}
        limit = casestudy_settings.SUMMARY_MAX_LENGTH
        if self.summary and len(self.summary) > limit:
            errors["summary"] = _(
                "The summary is %(length)d characters long; keep it to %(limit)d or fewer "
                "(one to three sentences)."
            ) % {"length": len(self.summary), "limit": limit}
        if self.publication_date:
            days = casestudy_settings.PUBLICATION_DATE_MAX_FUTURE_DAYS
            latest = timezone.localdate() + datetime.timedelta(days=days)
            if self.publication_date > latest:
                errors["publication_date"] = _(
                    "The publication date may be at most %(days)d days after today (%(latest)s)."
                ) % {"days": days, "latest": latest.isoformat()}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # The publication date defaults to the day the case study was first published.
        if self.publication_date is None and self.first_published_at is not None:
            self.publication_date = timezone.localdate(self.first_published_at)
        # The row, then each council link and the topics, each with a signal that refreshes
        # the card (signal_handlers.py): build it once, after all of them, in the same
        # transaction as the page.
        with one_refresh_per_page():
            return super().save(*args, **kwargs)

    @property
    def councils(self) -> list:
        """The councils in the editor's order, the lead council first."""
        return [link.council for link in self.council_links.all()]

    def facet_topics(self) -> list[int]:
        """Topic ids, as the ``topic`` facet counts them (a search backend's index field)."""
        return [topic.pk for topic in self.topics.all()]

    def facet_council_types(self) -> list[str]:
        return sorted({council.council_type for council in self.councils})

    def facet_regions(self) -> list[str]:
        return sorted({council.region for council in self.councils if council.region})

    def facet_year(self) -> int | None:
        return self.publication_date.year if self.publication_date else None

    @property
    def lead_council(self):
        councils = self.councils
        return councils[0] if councils else None

    @property
    def display_date(self) -> datetime.date | None:
        if self.publication_date:
            return self.publication_date
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        return None

    def related_case_studies(self, site: Site | None = None) -> list:
        """The editor's chosen related case studies that are live and public (and of ``site``
        when given), in order, each as its translation in this page's language where it has
        one (as the API lists them), ready for cards."""
        chosen = [link.related_case_study_id for link in self.related_links.all()]
        if not chosen:
            return []
        chosen = in_locale(chosen, self.locale_id, live_case_studies(site))
        pages = with_card_data(live_case_studies(site)).in_bulk(chosen)
        return [pages[pk] for pk in chosen if pk in pages]

    def index_page(self):
        """The live case-study index this case study sits under (the library it links back
        to), or None."""
        return CaseStudyIndexPage.objects.ancestor_of(self).live().order_by("-depth").first()

    def hub_page(self, index_page=None):
        """The COVID-19 hub this case study belongs to: the hub it sits under, else, for a
        COVID-19 case study, the hub its index promotes."""
        hub = CovidHubPage.objects.ancestor_of(self).live().public().order_by("-depth").first()
        if hub is None and self.is_covid19 and index_page is not None:
            promoted = index_page.covid_hub
            if promoted is not None and promoted.live:
                hub = promoted
        return hub

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = self.related_case_studies(Site.find_for_request(request))
        context["related_case_studies"] = related
        index_page = self.index_page()
        context["index_page"] = index_page
        context["listing_url"] = index_page.get_url(request) if index_page else None
        hub = self.hub_page(index_page)
        context["hub_page"] = live_in_locale(hub, self.locale_id)
        # The topics and the programme in this page's language, as the API shows them (a page
        # copied for translation may still link the source language's rows).
        translations = Translations([self, *related])
        context[CARD_TRANSLATIONS] = translations
        context["topics"] = translations.topics_of(self)
        context["support_type"] = translations.in_locale(self.support_type, self.locale_id)
        return context


def with_card_data(queryset):
    """Fetch what a listing card shows in a fixed number of queries, not one per case study
    (``representation.card_queryset``)."""
    return card_queryset(queryset)


class CaseStudyPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyPage(CaseStudyPageMixin, BasePage):
    page_ptr = base_page_link()
    tags = ClusterTaggableManager(verbose_name=_("keywords"), through=CaseStudyPageTag, blank=True)

    parent_page_types = [
        "wagtail_casestudies.CaseStudyIndexPage",
        "wagtail_casestudies.CovidHubPage",
    ]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")


class CaseStudyCouncil(Orderable):
    """A council that wrote or took part in a case study; the first is the lead council."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="council_links")
    council = models.ForeignKey(
        "wagtail_casestudies.Council",
        verbose_name=_("council"),
        on_delete=models.PROTECT,
        related_name="case_study_links",
    )

    panels = [FieldPanel("council")]

    class Meta(Orderable.Meta):
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "council"], name="unique_council_per_case_study"
            )
        ]


class PartnerKind(models.TextChoices):
    NHS = "nhs", _("NHS body")
    CHARITY = "charity", _("Charity or voluntary group")
    BUSINESS = "business", _("Business or chamber of commerce")
    UNIVERSITY = "university", _("University or college")
    PUBLIC_BODY = "public_body", _("Other public body")
    COMMUNITY = "community", _("Community group")
    OTHER = "other", _("Other")


class CaseStudyPartner(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(
        _("kind"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.OTHER
    )
    website = models.URLField(_("website"), blank=True, validators=[validate_web_url])

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]), FieldPanel("website")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self) -> str:
        return self.name


class CaseStudyRelatedPage(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_links")
    related_case_study = models.ForeignKey(
        CaseStudyPage,
        verbose_name=_("case study"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("related_case_study")]

    class Meta(Orderable.Meta):
        verbose_name = _("related case study")
        verbose_name_plural = _("related case studies")

    def clean(self) -> None:
        if self.page_id and self.related_case_study_id == self.page_id:
            raise ValidationError(
                {"related_case_study": _("A case study cannot be related to itself.")}
            )


# --- The COVID-19 hub ---------------------------------------------------------------------------


class CovidHubPageMixin(PageLanguageMixin, HostLayoutMixin, models.Model):
    """A curated page of council good practice on COVID-19, in themed sections.

    The concrete class must provide the ``featured_links`` relation (see ``CovidHubPage``).
    """

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    how_to_submit = RichTextField(_("how to submit"), features=RICH_TEXT_FEATURES, blank=True)
    themes = StreamField(
        HubThemesBlock(),
        verbose_name=_("themed sections"),
        blank=True,
        help_text=_("e.g. communications, adult social care, testing, business support."),
    )
    list_unfeatured = models.BooleanField(
        _("list other COVID-19 case studies"),
        default=True,
        help_text=_(
            "Add a section listing published COVID-19 case studies that no theme or "
            "featured list on this page already shows."
        ),
    )
    unfeatured_heading = models.CharField(
        _("heading for other COVID-19 case studies"),
        max_length=255,
        blank=True,
        default=_("More COVID-19 case studies"),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("how_to_submit"),
        InlinePanel("featured_links", heading=_("Featured case studies"), label=_("Case study")),
        FieldPanel("themes"),
        MultiFieldPanel(
            [FieldPanel("list_unfeatured"), FieldPanel("unfeatured_heading")],
            heading=_("Other COVID-19 case studies"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("themes"),
    ]

    # The themes come out with every case-study entry resolved to a card.
    api_fields = [
        APIField("introduction", serializer=api.RichTextHTMLField()),
        APIField("how_to_submit", serializer=api.RichTextHTMLField()),
        APIField(
            "featured_case_studies",
            serializer=api.ChosenCaseStudiesField(
                source="featured_links", attribute="case_study_id"
            ),
        ),
        APIField("themes", serializer=api.HubThemesField()),
        APIField("list_unfeatured"),
        APIField("unfeatured_heading", serializer=api.TextField()),
    ]

    template = "wagtail_casestudies/covid_hub_page.html"

    class Meta:
        abstract = True

    def featured_case_studies(self, site: Site | None = None) -> list:
        """The chosen case studies, each in this hub's language where it is translated."""
        chosen = [link.case_study_id for link in self.featured_links.all()]
        if chosen:
            chosen = in_locale(chosen, self.locale_id, live_case_studies(site))
        pages = with_card_data(live_case_studies(site)).in_bulk(chosen)
        return [pages[pk] for pk in chosen if pk in pages]

    def curated_case_study_ids(self) -> set[int]:
        """Ids of the case studies the editor placed on this page, in themes or as featured."""
        ids = {link.case_study_id for link in self.featured_links.all()}
        for theme in self.themes:
            for entry in theme.value["entries"]:
                if entry.block_type == "case_study" and entry.value is not None:
                    ids.add(entry.value.pk)
        return ids

    def unfeatured_case_studies(self, site: Site | None = None):
        """Published COVID-19 case studies that no theme or featured list here shows yet."""
        curated = CaseStudyPage.objects.filter(pk__in=self.curated_case_study_ids())
        return with_card_data(
            live_case_studies(site)
            .filter(is_covid19=True, locale_id=self.locale_id)
            .exclude(translation_key__in=curated.values("translation_key"))
            .order_by("-publication_date", "-pk")
        )

    def theme_case_studies(self, site: Site | None = None) -> dict:
        """The themes' case-study entries as shown here, by the id an entry chose: each as its
        live, public translation in this hub's language where it has one, else itself; those
        not visible here (a draft, private, another site's) are left out. Ready for cards."""
        chosen = [
            raw["value"]
            for theme in self.themes
            for raw in theme.value["entries"].raw_data
            if raw["type"] == "case_study" and raw["value"] is not None
        ]
        if not chosen:
            return {}
        visible = live_case_studies(site)
        lookup = translation_lookup(chosen, [self.locale_id], visible)
        shown = {pk: lookup(pk, self.locale_id) for pk in chosen}
        pages = with_card_data(visible).in_bulk(set(shown.values()))
        return {pk: pages[shown_pk] for pk, shown_pk in shown.items() if shown_pk in pages}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        featured = self.featured_case_studies(site)
        context["featured_case_studies"] = featured
        # The themes' case-study entries, in this hub's language; only those visible here.
        theme_case_studies = self.theme_case_studies(site)
        context["theme_case_studies"] = theme_case_studies
        context["visible_case_study_ids"] = set(theme_case_studies) | {page.pk for page in featured}
        cards = [*featured, *theme_case_studies.values()]
        if self.list_unfeatured:
            unfeatured = list(self.unfeatured_case_studies(site))
            context["unfeatured_case_studies"] = unfeatured
            cards += unfeatured
        context[CARD_TRANSLATIONS] = Translations(cards)
        context["collections"] = self.get_children().live().public().type(CovidHubPage)
        return context


class CovidHubPage(CovidHubPageMixin, BasePage):
    page_ptr = base_page_link()
    subpage_types = ["wagtail_casestudies.CovidHubPage", "wagtail_casestudies.CaseStudyPage"]

    class Meta:
        verbose_name = _("COVID-19 hub page")
        verbose_name_plural = _("COVID-19 hub pages")


class CovidHubFeaturedCaseStudy(Orderable):
    page = ParentalKey(CovidHubPage, on_delete=models.CASCADE, related_name="featured_links")
    case_study = models.ForeignKey(
        CaseStudyPage, verbose_name=_("case study"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("case_study")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured case study")
        verbose_name_plural = _("featured case studies")
