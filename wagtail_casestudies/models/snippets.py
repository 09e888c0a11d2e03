"""The managed lists editors keep tidy: the council register, topics and support programmes."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images import get_image_model_string
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from .. import api_fields as api
from ..clock import active_on, today
from ..validators import validate_web_url


class CouncilType(models.TextChoices):
    COUNTY = "county", _("County council")
    DISTRICT = "district", _("District council")
    UNITARY = "unitary", _("Unitary authority")
    METROPOLITAN_BOROUGH = "metropolitan_borough", _("Metropolitan borough")
    LONDON_BOROUGH = "london_borough", _("London borough")
    WELSH_UNITARY = "welsh_unitary", _("Welsh unitary authority")
    SCOTTISH_COUNCIL = "scottish_council", _("Scottish council")
    NORTHERN_IRISH_DISTRICT = "northern_irish_district", _("Northern Irish district council")
    COMBINED_AUTHORITY = "combined_authority", _("Combined authority")
    FIRE_AND_RESCUE = "fire_and_rescue", _("Fire and rescue authority")
    TOWN_OR_PARISH = "town_or_parish", _("Town or parish council")
    OTHER = "other", _("Other")


class Nation(models.TextChoices):
    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern_ireland", _("Northern Ireland")


class Region(models.TextChoices):
    """England's nine regions; Wales, Scotland and Northern Ireland stand as nations."""

    NORTH_EAST = "north_east", _("North East")
    NORTH_WEST = "north_west", _("North West")
    YORKSHIRE_AND_THE_HUMBER = "yorkshire_and_the_humber", _("Yorkshire and the Humber")
    EAST_MIDLANDS = "east_midlands", _("East Midlands")
    WEST_MIDLANDS = "west_midlands", _("West Midlands")
    EAST_OF_ENGLAND = "east_of_england", _("East of England")
    LONDON = "london", _("London")
    SOUTH_EAST = "south_east", _("South East")
    SOUTH_WEST = "south_west", _("South West")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern_ireland", _("Northern Ireland")


NATION_OF_REGION = {
    Region.WALES: Nation.WALES,
    Region.SCOTLAND: Nation.SCOTLAND,
    Region.NORTHERN_IRELAND: Nation.NORTHERN_IRELAND,
}

NATION_OF_GSS_LETTER = {
    "E": Nation.ENGLAND,
    "W": Nation.WALES,
    "S": Nation.SCOTLAND,
    "N": Nation.NORTHERN_IRELAND,
}

# ONS/GSS entity codes whose prefix fixes the kind of council.
COUNCIL_TYPE_OF_GSS_PREFIX = {
    "E06": CouncilType.UNITARY,
    "E07": CouncilType.DISTRICT,
    "E08": CouncilType.METROPOLITAN_BOROUGH,
    "E09": CouncilType.LONDON_BOROUGH,
    "E10": CouncilType.COUNTY,
    "W06": CouncilType.WELSH_UNITARY,
    "S12": CouncilType.SCOTTISH_COUNCIL,
    "N09": CouncilType.NORTHERN_IRISH_DISTRICT,
    "E47": CouncilType.COMBINED_AUTHORITY,
    "E31": CouncilType.FIRE_AND_RESCUE,
    "E04": CouncilType.TOWN_OR_PARISH,
}

GSS_CODE_PATTERN = re.compile(r"^[ENSWK]\d{8}$")


def normalise_gss_code(value: str) -> str:
    return (value or "").strip().upper()


def validate_gss_code(value: str) -> None:
    if not GSS_CODE_PATTERN.match(normalise_gss_code(value)):
        raise ValidationError(
            _(
                "%(value)s is not an ONS/GSS code: use a letter (E, W, S, N or K) and eight "
                "digits, such as E06000052."
            ),
            params={"value": value},
            code="invalid_gss_code",
        )


class CouncilQuerySet(models.QuerySet):
    @staticmethod
    def _active_q(on: datetime.date) -> models.Q:
        """``active_on`` as a query condition."""
        return (models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=on)) & (
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=on)
        )

    def active(self, on: datetime.date | None = None) -> CouncilQuerySet:
        """Councils that exist on the given day (today by default)."""
        return self.filter(self._active_q(on or today()))

    def abolished(self, on: datetime.date | None = None) -> CouncilQuerySet:
        """Councils that do not exist on the given day (today by default): exactly those
        ``active`` leaves out, in the admin's filter and the API's ``active=false`` alike."""
        return self.exclude(self._active_q(on or today()))


class NamedSnippet(index.Indexed, models.Model):
    """A register entry with a name and a unique slug filled in from the name."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(self)
        super().save(*args, **kwargs)


class TranslatableSnippet(TranslatableMixin, NamedSnippet):
    """A register entry written in each language of the site (Wagtail's ``TranslatableMixin``):
    translations share a ``translation_key`` and, usually, their slug, which is unique within
    a locale so that a filter by slug means the same in every language."""

    slug = models.SlugField(_("slug"), max_length=255, blank=True)

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self.locale_id:  # created in code: the default locale, as Wagtail's pages do
            self.locale = Locale.get_default()
        super().save(*args, **kwargs)

    def validate_unique(self, exclude=None) -> None:
        """The slug is unique within the locale, which the admin's form does not edit (so
        Django's own check of ``unique_together`` leaves it out)."""
        super().validate_unique(exclude)
        if not self.slug or (exclude and "slug" in exclude):
            return
        locale_id = self.locale_id or Locale.get_default().pk
        others = type(self)._default_manager.filter(slug=self.slug, locale_id=locale_id)
        if others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"slug": _("Another entry in this language already has this slug.")}
            )


class Council(NamedSnippet):
    """A local authority (or partnership) that case studies are written by.

    Councils are reorganised: an abolished council keeps its record, with ``valid_to`` and a
    ``successor``, so older case studies still name the council that wrote them.
    """

    short_name = models.CharField(
        _("short name"),
        max_length=100,
        blank=True,
        help_text=_("How the council is usually written in text, e.g. 'Cornwall'."),
    )
    welsh_name = models.CharField(
        _("Welsh name"),
        max_length=255,
        blank=True,
        help_text=_(
            "The council's name in Welsh, shown in place of its name to Welsh readers "
            "(filled in for the Welsh councils from the ONS register)."
        ),
    )
    council_type = models.CharField(
        _("council type"), max_length=32, choices=CouncilType.choices, default=CouncilType.OTHER
    )
    region = models.CharField(
        _("region or nation"),
        max_length=32,
        choices=Region.choices,
        blank=True,
        help_text=_("English councils sit in one of nine regions; others in their nation."),
    )
    nation = models.CharField(
        _("nation"),
        max_length=32,
        choices=Nation.choices,
        blank=True,
        help_text=_("Filled in from the region or the GSS code when left blank."),
    )
    gss_code = models.CharField(
        _("ONS/GSS code"),
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_gss_code],
        help_text=_("The nine-character ONS code, e.g. E06000052 for Cornwall."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent council"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("For a district council, the county council it sits in."),
    )
    website = models.URLField(_("website"), blank=True, validators=[validate_web_url])
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(
        _("valid to"),
        null=True,
        blank=True,
        help_text=_("The last day the council existed, if it has been abolished."),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("successor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("The council that took over when this one was abolished."),
    )

    objects = CouncilQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name"), FieldPanel("welsh_name")]),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("slug")]),
                FieldRowPanel([FieldPanel("council_type"), FieldPanel("gss_code")]),
                FieldRowPanel([FieldPanel("region"), FieldPanel("nation")]),
                FieldPanel("parent"),
            ],
            heading=_("Council"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("logo")],
            heading=_("Web presence"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
                FieldPanel("successor"),
            ],
            heading=_("Reorganisation"),
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.SearchField("welsh_name"),
        index.FilterField("council_type"),
        index.FilterField("region"),
        index.FilterField("gss_code"),
    ]

    api_fields = [
        APIField("name"),
        APIField("short_name"),
        APIField("slug"),
        APIField("gss_code"),
        APIField("council_type"),
        APIField("region"),
        APIField("nation"),
        APIField("parent", serializer=api.CouncilField()),
        APIField("website"),
        APIField("logo", serializer=api.ImageField()),
        APIField("valid_from"),
        APIField("valid_to"),
        APIField("successor", serializer=api.CouncilField()),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        indexes = [models.Index(fields=["council_type", "region"])]

    def __str__(self) -> str:
        if self.valid_to and not self.is_active:
            return f"{self.name} (until {self.valid_to.year})"
        return self.name

    @property
    def name_in_active_language(self) -> str:
        """The council's name for a reader of the active language: its Welsh name in Welsh,
        when it has one (the register is one row in every language)."""
        language = get_language() or ""
        if self.welsh_name and language.split("-")[0] == "cy":
            return self.welsh_name
        return self.name

    @property
    def is_active(self) -> bool:
        return active_on(self.valid_from, self.valid_to, today())

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.gss_code:
            self.gss_code = normalise_gss_code(self.gss_code)
            expected_type = COUNCIL_TYPE_OF_GSS_PREFIX.get(self.gss_code[:3])
            if expected_type and self.council_type != expected_type:
                errors.setdefault("council_type", []).append(
                    _("A %(prefix)s code belongs to a %(expected)s, not a %(actual)s.")
                    % {
                        "prefix": self.gss_code[:3],
                        "expected": expected_type.label.lower(),
                        "actual": CouncilType(self.council_type).label.lower(),
                    }
                )
        else:
            self.gss_code = None
        if self.pk and self.parent_id == self.pk:
            errors.setdefault("parent", []).append(_("A council cannot be its own parent."))
        elif self.parent_id and self._parent_chain_reaches_self():
            errors.setdefault("parent", []).append(
                _("This parent would make a loop: the parent council sits inside this one.")
            )
        if self.pk and self.successor_id == self.pk:
            errors.setdefault("successor", []).append(_("A council cannot be its own successor."))
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors.setdefault("valid_to", []).append(
                _("'Valid to' must be on or after 'valid from'.")
            )
        region_nation = NATION_OF_REGION.get(self.region, Nation.ENGLAND) if self.region else ""
        code_nation = NATION_OF_GSS_LETTER.get(self.gss_code[:1], "") if self.gss_code else ""
        if region_nation and code_nation and region_nation != code_nation:
            errors.setdefault("region", []).append(
                _("The GSS code places this council in %(nation)s.")
                % {"nation": Nation(code_nation).label}
            )
        nation = region_nation or code_nation
        if self.nation and nation and self.nation != nation:
            errors.setdefault("nation", []).append(
                _("The region or GSS code places this council in %(nation)s.")
                % {"nation": Nation(nation).label}
            )
        if errors:
            raise ValidationError(errors)

    def _parent_chain_reaches_self(self) -> bool:
        if not self.pk:
            return False
        seen = set()
        parent_id = self.parent_id
        while parent_id and parent_id not in seen:
            if parent_id == self.pk:
                return True
            seen.add(parent_id)
            parent_id = (
                Council.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
            )
        return False

    def expected_nation(self) -> str:
        """The nation implied by the region or the GSS code ('' when neither says)."""
        if self.region:
            return NATION_OF_REGION.get(self.region, Nation.ENGLAND)
        if self.gss_code:
            return NATION_OF_GSS_LETTER.get(self.gss_code[:1], "")
        return ""

    def save(self, *args, **kwargs) -> None:
        if not self.nation:
            self.nation = self.expected_nation()
        if not self.gss_code:
            self.gss_code = None
        super().save(*args, **kwargs)


class Topic(TranslatableSnippet):
    """A policy area (public health, climate change, housing and planning, …)."""

    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("parent"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("description"),
        APIField("parent", serializer=api.TopicField()),
    ]

    class Meta(TranslatableSnippet.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def clean(self) -> None:
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A topic cannot be its own parent.")})


class SupportType(TranslatableSnippet):
    """The support programme behind a piece of work (One Public Estate, Behavioural Insights, …)."""

    description = models.TextField(_("description"), blank=True)
    link = models.URLField(
        _("link"),
        blank=True,
        help_text=_("The programme's own web page."),
        validators=[validate_web_url],
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("link")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]

    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("description"),
        APIField("link"),
    ]

    class Meta(TranslatableSnippet.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        # "Support programme" everywhere people read it; the model, its API resource
        # ("support-types") and its filter parameter keep their names for compatibility.
        verbose_name = _("support programme")
        verbose_name_plural = _("support programmes")


def unique_slug(instance: NamedSnippet) -> str:
    """A slug from the name that no other row uses ('-2', '-3', … appended); for a
    translatable snippet, no other row of its locale."""
    model = type(instance)
    base = slugify(instance.name)[:240] or model._meta.model_name
    candidate, number = base, 1
    others = model._default_manager.all()
    if instance.pk:
        others = others.exclude(pk=instance.pk)
    if isinstance(instance, TranslatableMixin) and instance.locale_id:
        others = others.filter(locale_id=instance.locale_id)
    while others.filter(slug=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate
