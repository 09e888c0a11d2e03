"""StreamField blocks: the case-study template sections, the optional material councils add, and
the COVID-19 hub's themed sections."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .template import SECTIONS_BY_KEY

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class TemplateSectionBlock(blocks.StructBlock):
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


class ChallengeBlock(TemplateSectionBlock):
    section_key = "challenge"

    class Meta:
        icon = "warning"


class SolutionBlock(TemplateSectionBlock):
    section_key = "solution"

    class Meta:
        icon = "tick"


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
        icon = "repeat"


class LessonsLearnedBlock(TemplateSectionBlock):
    section_key = "lessons_learned"

    class Meta:
        icon = "help"


class ContactBlock(blocks.StructBlock):
    """Who to contact. Email and phone are shown only when the editor chooses to publish them."""

    name = blocks.CharBlock(max_length=255, label=_("Name"))
    job_title = blocks.CharBlock(max_length=255, required=False, label=_("Job title"))
    council = SnippetChooserBlock(
        "wagtail_casestudies.Council", required=False, label=_("Council")
    )
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


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    name = blocks.CharBlock(max_length=255, required=False, label=_("Name"))
    role = blocks.CharBlock(
        max_length=255, required=False, label=_("Role"), help_text=_("Job title and organisation.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "wagtail_casestudies/blocks/quote.html"


class KeyPointsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255, required=False, default=_("Key points"))
    points = blocks.ListBlock(blocks.CharBlock(max_length=500), min_num=1, label=_("Points"))

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "wagtail_casestudies/blocks/key_points.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=50, help_text=_("e.g. '£1.2m', '87%', '3,400'"))
    label = blocks.CharBlock(max_length=255, help_text=_("What the figure counts."))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255, required=False, default=_("Key figures"))
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, label=_("Figures"))

    class Meta:
        icon = "order"
        label = _("Key figures")
        template = "wagtail_casestudies/blocks/key_figures.html"


class LocalContextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "site"
        label = _("Local context")
        help_text = _("The place: population, geography, what makes it distinctive.")
        template = "wagtail_casestudies/blocks/local_context.html"


class CaptionedImageBlock(blocks.StructBlock):
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


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        max_length=255, required=False, label=_("Link text"), help_text=_("Blank uses the title.")
    )
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "wagtail_casestudies/blocks/document.html"


class ActionPlanRowBlock(blocks.StructBlock):
    priority_area = blocks.CharBlock(max_length=255, label=_("Priority area"))
    action = blocks.TextBlock(label=_("Action"))
    start = blocks.DateBlock(required=False, label=_("Start"))
    due = blocks.DateBlock(required=False, label=_("Due"))
    barriers = blocks.TextBlock(required=False, label=_("Barriers"))
    outcome = blocks.TextBlock(required=False, label=_("Outcome"))

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks import StructBlockValidationError

        value = super().clean(value)
        if value.get("start") and value.get("due") and value["due"] < value["start"]:
            raise StructBlockValidationError(
                block_errors={"due": ValidationError(_("'Due' must be on or after 'start'."))}
            )
        return value


class ActionPlanBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, required=False, default=_("Action plan"))
    rows = blocks.ListBlock(ActionPlanRowBlock(), min_num=1, label=_("Actions"))

    class Meta:
        icon = "table"
        label = _("Action plan")
        template = "wagtail_casestudies/blocks/action_plan.html"


class CaseStudyBodyBlock(blocks.StreamBlock):
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
    embed = EmbedBlock(label=_("Video or embed"), icon="media",
                       template="wagtail_casestudies/blocks/embed.html")
    document = DocumentDownloadBlock()
    action_plan = ActionPlanBlock()
    heading = blocks.CharBlock(
        max_length=255, label=_("Heading"), icon="title",
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


class ExternalHubEntryBlock(blocks.StructBlock):
    """A short hub entry for good practice that has no case-study page of its own."""

    title = blocks.CharBlock(max_length=255, label=_("Title"))
    council = blocks.CharBlock(
        max_length=255,
        default=_("various"),
        label=_("Council"),
        help_text=_("The council's name, or 'various' when several are involved."),
    )
    summary = blocks.TextBlock(label=_("Summary"))
    link = blocks.URLBlock(label=_("Link"))

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


class HubThemeBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=255, label=_("Heading"))
    introduction = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, label=_("Introduction")
    )
    entries = HubEntriesBlock(label=_("Entries"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Theme")
        template = "wagtail_casestudies/blocks/hub_theme.html"


class HubThemesBlock(blocks.StreamBlock):
    theme = HubThemeBlock()
