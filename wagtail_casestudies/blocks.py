"""StreamField blocks: the case-study template sections, the optional material councils add, and
the COVID-19 hub's themed sections."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Site
from wagtail.snippets.blocks import SnippetChooserBlock

from .representation import (
    CardContext,
    cards_for_ids,
    council_data,
    document_data,
    expand_rich_texts,
    image_data,
    prefetch_image_renditions,
    rich_text_html,
)
from .template import BODY_SECTION_KEYS, SECTIONS_BY_KEY
from .validators import validate_web_url
from .visibility import visible_case_studies, visible_case_studies_of

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


# --- API representations -------------------------------------------------------------------------
# Every block below knows how a front end wants it: rich text as HTML with internal links
# expanded, images as renditions, documents, councils and pages as objects. The shapes themselves
# live in ``representation.py``; stream blocks batch the lookups (rich-text links, renditions,
# hub cards) so a body costs a fixed number of queries however many blocks it has.


def _request(context):
    return (context or {}).get("request")


def child_api_representation(block, value, context):
    """A child block's API value; rich text always comes out as front-end HTML."""
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value.source if value is not None else "", context)
    if isinstance(block, EmbedBlock):
        return embed_api_representation(value)
    return block.get_api_representation(value, context=context)


def embed_api_representation(value) -> dict | None:
    """An embed as its URL and, when the provider answers, its HTML and metadata."""
    if not value:
        return None
    data = {
        "url": value.url,
        "html": "",
        "title": "",
        "provider_name": "",
        "thumbnail_url": None,
        "width": None,
        "height": None,
    }
    try:
        embed = get_embed(value.url)
    except EmbedException:
        return data
    data.update(
        html=embed.html,
        title=embed.title,
        provider_name=embed.provider_name,
        thumbnail_url=embed.thumbnail_url,
        width=embed.width,
        height=embed.height,
    )
    return data


def collect_rich_text(block, value, found: list[str]) -> list[str]:
    """Every rich-text source inside a block value, walking structs, streams and lists."""
    if value is None:
        return found
    if isinstance(block, blocks.RichTextBlock):
        found.append(value.source)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            if isinstance(
                child_block,
                blocks.RichTextBlock | blocks.StructBlock | blocks.StreamBlock | blocks.ListBlock,
            ):
                collect_rich_text(child_block, value.get(name), found)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            collect_rich_text(child.block, child.value, found)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            collect_rich_text(block.child_block, item, found)
    return found


class RichTextAPIStructMixin:
    """A struct whose rich-text children come out as HTML in the API."""

    def get_api_representation(self, value, context=None):
        return {
            name: child_api_representation(self.child_blocks[name], item, context)
            for name, item in value.items()
        }


class BatchedStreamAPIMixin:
    """A stream that expands all its rich text in one pass (one query per link type, not per
    block) and prefetches its images' renditions in one query, before representing children."""

    def get_api_representation(self, value, context=None):
        if value is None:
            return []
        context = dict(context or {})
        if "casestudies_rich_text" not in context:
            context["casestudies_rich_text"] = expand_rich_texts(collect_rich_text(self, value, []))
        prefetch_image_renditions(
            child.value.get("image")
            for child in value
            if isinstance(child.block, CaptionedImageBlock) and child.value
        )
        return [
            {
                "type": child.block_type,
                "value": child_api_representation(child.block, child.value, context),
                "id": child.id,
            }
            for child in value
        ]


class ShapedStructBlock(blocks.StructBlock):
    """A struct whose value always has the shape the page editor gives it, whoever wrote it.

    The editor stores every child, and an empty text as "" (a checkbox as False); an importer, a
    conversion or old data may leave a child out or store None. Code that walks block values
    without the editor (wagtail-localize's segment extraction, search, the templates) then meets
    None where it expects a string: "Translate this page" was a 500 for every imported case study
    (``figures_note: null``). Values are shaped here, on the way in (``to_python``, ``normalize``)
    and on the way out (``get_prep_value``), so no writer can store another shape.
    Migration 0014 repairs what was stored before.
    """

    @cached_property
    def blank_values(self) -> dict:
        """Each child's value when it is left empty in the editor: what its form field makes of
        no input ("" for text and rich text, False for a checkbox, None for a number, a date or a
        chooser), or its empty list or stream."""
        blanks = {}
        for name, child in self.child_blocks.items():
            if isinstance(child, blocks.FieldBlock):
                blanks[name] = child.to_python(child.field.to_python(None))
            else:
                blanks[name] = child.normalize(child.get_default())
        return blanks

    def _to_struct_value(self, block_items):
        given = dict(block_items)
        items = []
        for name, child in self.child_blocks.items():
            value = given[name] if name in given else child.get_default()
            items.append((name, self.blank_values[name] if value is None else value))
        return super()._to_struct_value(items)

    def get_prep_value(self, value):
        return super().get_prep_value(self._to_struct_value(value.items()))


class TemplateSectionBlock(RichTextAPIStructMixin, ShapedStructBlock):
    """A section of the case-study template; its heading and guidance come from ``template.py``."""

    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    section_key = ""

    class Meta:
        template = "wagtail_casestudies/blocks/template_section.html"
        form_classname = "struct-block casestudy-template-section"

    def __init__(self, *args, **kwargs):
        section = SECTIONS_BY_KEY[self.section_key]
        kwargs.setdefault("label", section.heading)
        kwargs.setdefault("help_text", section.guidance)
        super().__init__(*args, **kwargs)

    @property
    def section(self):
        return SECTIONS_BY_KEY[self.section_key]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = self.section.heading
        context["section_key"] = self.section_key
        return context

    def get_api_representation(self, value, context=None):
        """The section's heading (from the template) with its text as HTML; the impact section
        adds its figures (as decimal strings, so no precision is lost)."""
        data = {"heading": str(self.section.heading)}
        for name, item in super().get_api_representation(value, context).items():
            data[name] = str(item) if isinstance(item, Decimal) else item
        return data


class ChallengeBlock(TemplateSectionBlock):
    section_key = "challenge"

    class Meta:
        icon = "crosshairs"


class SolutionBlock(TemplateSectionBlock):
    section_key = "solution"

    class Meta:
        icon = "cogs"


class ImpactBlock(TemplateSectionBlock):
    section_key = "impact"

    cost_saving = blocks.DecimalBlock(
        required=False,
        min_value=0,
        decimal_places=2,
        label=_("Cost saving (£)"),
        help_text=_("Money saved, in pounds, if any."),
    )
    income_generated = blocks.DecimalBlock(
        required=False,
        min_value=0,
        decimal_places=2,
        label=_("Income generated (£)"),
        help_text=_("New income, in pounds, if any."),
    )
    figures_note = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("About these figures"),
        help_text=_("The period and basis, e.g. 'a year, from 2022/23 budget outturn'."),
    )

    class Meta:
        icon = "success"
        template = "wagtail_casestudies/blocks/impact.html"


class SustainabilityBlock(TemplateSectionBlock):
    section_key = "sustainability"

    class Meta:
        icon = "rotate"


class LessonsLearnedBlock(TemplateSectionBlock):
    section_key = "lessons_learned"

    class Meta:
        icon = "clipboard-list"


class ContactBlock(ShapedStructBlock):
    """Who to contact. Email and phone are shown only when the editor chooses to publish them."""

    name = blocks.CharBlock(max_length=255, label=_("Name"))
    job_title = blocks.CharBlock(max_length=255, required=False, label=_("Job title"))
    council = SnippetChooserBlock("wagtail_casestudies.Council", required=False, label=_("Council"))
    organisation = blocks.CharBlock(
        max_length=255,
        required=False,
        label=_("Organisation"),
        help_text=_("Only when the contact does not work for a council in the register."),
    )
    email = blocks.EmailBlock(required=False, label=_("Email"))
    phone = blocks.CharBlock(max_length=50, required=False, label=_("Phone"))
    publish_contact_details = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Publish these contact details"),
        help_text=_("Tick to show the email and phone on the public page and in the API."),
    )

    section_key = "contact"

    def __init__(self, *args, **kwargs):
        section = SECTIONS_BY_KEY[self.section_key]
        kwargs.setdefault("label", section.heading)
        kwargs.setdefault("help_text", section.guidance)
        super().__init__(*args, **kwargs)

    class Meta:
        icon = "user"
        template = "wagtail_casestudies/blocks/contact.html"

    def get_api_representation(self, value, context=None):
        """The contact as an object; email and phone only when the editor chose to publish them."""
        council = value.get("council")
        data = {
            "heading": str(SECTIONS_BY_KEY[self.section_key].heading),
            "name": value.get("name") or "",
            "job_title": value.get("job_title") or "",
            "council": council_data(council) if council else None,
            "organisation": value.get("organisation") or "",
        }
        if value.get("publish_contact_details"):
            data["email"] = value.get("email") or ""
            data["phone"] = value.get("phone") or ""
        return data

    def get_searchable_content(self, value):
        """Unpublished email and phone are not indexed: a search must not find a page by them."""
        if value.get("publish_contact_details"):
            return super().get_searchable_content(value)
        return [
            text
            for name, block in self.child_blocks.items()
            if name not in ("email", "phone")
            for text in block.get_searchable_content(value.get(name, block.get_default()))
        ]


class QuoteBlock(ShapedStructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    name = blocks.CharBlock(max_length=255, required=False, label=_("Name"))
    role = blocks.CharBlock(
        max_length=255, required=False, label=_("Role"), help_text=_("Job title and organisation.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_casestudies/blocks/quote.html"


class KeyPointsBlock(ShapedStructBlock):
    heading = blocks.CharBlock(max_length=255, required=False, default=_("Key points"))
    points = blocks.ListBlock(blocks.CharBlock(max_length=500), min_num=1, label=_("Points"))

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "wagtail_casestudies/blocks/key_points.html"


class KeyFigureBlock(ShapedStructBlock):
    value = blocks.CharBlock(max_length=50, help_text=_("e.g. '£1.2m', '87%', '3,400'"))
    label = blocks.CharBlock(max_length=255, help_text=_("What the figure counts."))


class KeyFiguresBlock(ShapedStructBlock):
    heading = blocks.CharBlock(max_length=255, required=False, default=_("Key figures"))
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, label=_("Figures"))

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "wagtail_casestudies/blocks/key_figures.html"


class LocalContextBlock(RichTextAPIStructMixin, ShapedStructBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "site"
        label = _("Local context")
        help_text = _("The place: population, geography, what makes it distinctive.")
        template = "wagtail_casestudies/blocks/local_context.html"


class CaptionedImageBlock(ShapedStructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=255,
        required=False,
        label=_("Alt text"),
        help_text=_("Describe the image for people who cannot see it; blank uses the image's own."),
    )
    caption = blocks.CharBlock(max_length=500, required=False, label=_("Caption"))
    credit = blocks.CharBlock(max_length=255, required=False, label=_("Credit"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_casestudies/blocks/image.html"

    def get_api_representation(self, value, context=None):
        """The image as renditions with srcset; its alt text is the editor's, else the image's."""
        return {
            "image": image_data(
                value.get("image"), alt=value.get("alt_text"), request=_request(context)
            ),
            "caption": value.get("caption") or "",
            "credit": value.get("credit") or "",
        }


class DocumentDownloadBlock(ShapedStructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        max_length=255, required=False, label=_("Link text"), help_text=_("Blank uses the title.")
    )
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "wagtail_casestudies/blocks/document.html"

    def get_api_representation(self, value, context=None):
        """The document as {title, url, file size, file type}, with the link text to show."""
        document = value.get("document")
        return {
            "document": document_data(document, request=_request(context)),
            "title": value.get("title") or (document.title if document else ""),
            "description": value.get("description") or "",
        }


class ActionPlanRowBlock(ShapedStructBlock):
    priority_area = blocks.CharBlock(max_length=255, label=_("Priority area"))
    action = blocks.TextBlock(label=_("Action"))
    start = blocks.DateBlock(required=False, label=_("Start"))
    due = blocks.DateBlock(required=False, label=_("Due"))
    barriers = blocks.TextBlock(required=False, label=_("Barriers"))
    outcome = blocks.TextBlock(required=False, label=_("Outcome"))

    def clean(self, value):
        value = super().clean(value)
        if value.get("start") and value.get("due") and value["due"] < value["start"]:
            raise StructBlockValidationError(
                block_errors={"due": ValidationError(_("'Due' must be on or after 'start'."))}
            )
        return value


class ActionPlanBlock(ShapedStructBlock):
    title = blocks.CharBlock(max_length=255, required=False, default=_("Action plan"))
    rows = blocks.ListBlock(ActionPlanRowBlock(), min_num=1, label=_("Actions"))

    class Meta:
        icon = "table"
        label = _("Action plan")
        template = "wagtail_casestudies/blocks/action_plan.html"


class TableBlock(ShapedStructBlock):
    """A table as a document had it (rows of plain-text cells), e.g. imported from Word."""

    caption = blocks.CharBlock(max_length=255, required=False, label=_("Caption"))
    header_row = blocks.BooleanBlock(
        required=False, default=True, label=_("The first row holds the column headings")
    )
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(max_length=2000, required=False, label=_("Cell"))),
        min_num=1,
        label=_("Rows"),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "wagtail_casestudies/blocks/table.html"


class CaseStudyBodyBlock(BatchedStreamAPIMixin, blocks.StreamBlock):
    """The case-study body, in template order first, then the optional material."""

    challenge = ChallengeBlock()
    solution = SolutionBlock()
    impact = ImpactBlock()
    sustainability = SustainabilityBlock()
    lessons_learned = LessonsLearnedBlock()
    contact = ContactBlock()
    quote = QuoteBlock()
    key_points = KeyPointsBlock()
    key_figures = KeyFiguresBlock()
    local_context = LocalContextBlock()
    image = CaptionedImageBlock()
    embed = EmbedBlock(
        label=_("Video or embed"), icon="media", template="wagtail_casestudies/blocks/embed.html"
    )
    document = DocumentDownloadBlock()
    action_plan = ActionPlanBlock()
    table = TableBlock()
    heading = blocks.CharBlock(
        max_length=255,
        label=_("Heading"),
        icon="title",
        template="wagtail_casestudies/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))

    class Meta:
        block_counts = {
            "challenge": {"max_num": 1},
            "solution": {"max_num": 1},
            "impact": {"max_num": 1},
            "sustainability": {"max_num": 1},
            "lessons_learned": {"max_num": 1},
        }


def new_case_study_body() -> list[tuple[str, dict]]:
    """The body a new case study opens with: the template's sections in order, empty and each
    with its guidance, so editors fill them in rather than add them one by one. A field default,
    so it applies to new pages only; pages already saved keep their body."""
    sections = CaseStudyBodyBlock.base_blocks
    return [
        (key, sections[key].get_prep_value(sections[key].get_default()))
        for key in BODY_SECTION_KEYS
    ]


class ExternalHubEntryBlock(ShapedStructBlock):
    """A short hub entry for good practice that has no case-study page of its own."""

    title = blocks.CharBlock(max_length=255, label=_("Title"))
    council = blocks.CharBlock(
        max_length=255,
        default=_("various"),
        label=_("Council"),
        help_text=_("The council's name, or 'various' when several are involved."),
    )
    summary = blocks.TextBlock(label=_("Summary"))
    link = blocks.URLBlock(label=_("Link"), validators=[validate_web_url])

    class Meta:
        icon = "link"
        label = _("External entry")
        template = "wagtail_casestudies/blocks/hub_external_entry.html"


class HubEntriesBlock(blocks.StreamBlock):
    case_study = blocks.PageChooserBlock(
        page_type="wagtail_casestudies.CaseStudyPage",
        label=_("Case study"),
        template="wagtail_casestudies/blocks/hub_case_study_entry.html",
    )
    external = ExternalHubEntryBlock()

    def get_api_representation(self, value, context=None):
        """Case-study entries as cards (entries whose case study is not live, public and on this
        site are left out); external entries as {title, council, summary, link}."""
        if value is None:
            return []
        cards = (context or {}).get("casestudies_cards")
        if cards is None:
            cards = hub_cards(case_study_ids_in_entries(value), context)
        result = []
        for index, raw in enumerate(value.raw_data):
            if raw["type"] == "case_study":
                card = cards.get(raw["value"])
                if card is not None:
                    result.append({"type": "case_study", "value": card, "id": raw.get("id")})
            else:
                child = value[index]
                result.append(
                    {
                        "type": child.block_type,
                        "value": child.block.get_api_representation(child.value, context=context),
                        "id": child.id,
                    }
                )
        return result


def case_study_ids_in_entries(entries) -> list[int]:
    return [
        raw["value"]
        for raw in entries.raw_data
        if raw["type"] == "case_study" and raw["value"] is not None
    ]


def hub_cards(ids, context) -> dict:
    """Cards for the case studies a hub names, built together (a fixed number of queries)."""
    request = _request(context)
    if request is None:
        visible = visible_case_studies()
    else:
        visible = visible_case_studies_of(Site.find_for_request(request))
    cards = cards_for_ids(ids, visible, CardContext(request))
    return {card["id"]: card for card in cards}


class HubThemeBlock(RichTextAPIStructMixin, ShapedStructBlock):
    heading = blocks.CharBlock(max_length=255, label=_("Heading"))
    introduction = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, label=_("Introduction")
    )
    entries = HubEntriesBlock(label=_("Entries"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Theme")
        template = "wagtail_casestudies/blocks/hub_theme.html"


class HubThemesBlock(BatchedStreamAPIMixin, blocks.StreamBlock):
    theme = HubThemeBlock()

    def get_api_representation(self, value, context=None):
        """Every theme, with every case-study entry resolved to a card: the cards of all themes
        are built together, so a hub costs the same queries however many entries it has."""
        if value is None:
            return []
        context = dict(context or {})
        if "casestudies_cards" not in context:
            ids = []
            for child in value:
                entries = child.value.get("entries") if child.value else None
                if entries is not None:
                    ids.extend(case_study_ids_in_entries(entries))
            context["casestudies_cards"] = hub_cards(ids, context)
        return super().get_api_representation(value, context)
