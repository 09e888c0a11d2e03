"""Builders for test content. Plain functions over the real models, so tests read as prose."""

from __future__ import annotations

import datetime
import io
import itertools

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from wagtail_casestudies.models import (
    CaseStudyCouncil,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPartner,
    Council,
    CouncilType,
    CovidHubPage,
    Region,
    SupportType,
    Topic,
)

_numbers = itertools.count(1)


def make_council(name: str | None = None, **kwargs) -> Council:
    name = name or f"Test Council {next(_numbers)}"
    kwargs.setdefault("council_type", CouncilType.UNITARY)
    kwargs.setdefault("region", Region.SOUTH_WEST)
    return Council.objects.create(name=name, **kwargs)


def make_topic(name: str | None = None, **kwargs) -> Topic:
    return Topic.objects.create(name=name or f"Topic {next(_numbers)}", **kwargs)


def make_support_type(name: str | None = None, **kwargs) -> SupportType:
    return SupportType.objects.create(name=name or f"Programme {next(_numbers)}", **kwargs)


def make_image(title: str = "A picture", width: int = 1200, height: int = 800):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 120, 160)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name="picture.png")
    )


def make_document(title: str = "Cabinet report"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4\n% test document\n", name="report.pdf")
    )


def site_root() -> Page:
    return Site.objects.get(is_default_site=True).root_page


def make_index_page(parent: Page | None = None, title: str = "Case studies", **kwargs):
    parent = parent or site_root()
    page = CaseStudyIndexPage(title=title, **kwargs)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_hub_page(parent: Page | None = None, title: str = "COVID-19 hub", **kwargs):
    parent = parent or site_root()
    page = CovidHubPage(title=title, **kwargs)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def rich(text: str) -> str:
    return f"<p>{text}</p>"


def full_body(council: Council | None = None, image=None, document=None) -> list[tuple]:
    """A body that uses every block type, in template order."""
    body = [
        ("challenge", {"text": rich("Too many missed bin collections in rural wards.")}),
        ("solution", {"text": rich("We rerouted rounds with the drivers and a university.")}),
        (
            "impact",
            {
                "text": rich("Missed collections fell by 40 per cent."),
                "cost_saving": "120000.00",
                "income_generated": None,
                "figures_note": "a year, 2022/23 outturn",
            },
        ),
        ("sustainability", {"text": rich("Route planning is now part of the service plan.")}),
        ("lessons_learned", {"text": rich("Involve the crews from the first day.")}),
        (
            "contact",
            {
                "name": "Alex Officer",
                "job_title": "Head of Waste",
                "council": council,
                "organisation": "",
                "email": "alex.officer@example.gov.uk",
                "phone": "01234 567890",
                "publish_contact_details": False,
            },
        ),
        ("quote", {"text": "It changed how we work.", "name": "Sam Leader", "role": "Leader"}),
        ("key_points", {"heading": "Key points", "points": ["Fewer missed bins", "Happier crews"]}),
        (
            "key_figures",
            {"heading": "Key figures", "figures": [{"value": "40%", "label": "fewer missed bins"}]},
        ),
        ("local_context", {"text": rich("A large rural county with 200,000 homes.")}),
        ("embed", "https://video.example.org/bins"),
        (
            "action_plan",
            {
                "title": "Action plan",
                "rows": [
                    {
                        "priority_area": "Routes",
                        "action": "Re-plan rounds",
                        "start": datetime.date(2022, 4, 1),
                        "due": datetime.date(2022, 9, 30),
                        "barriers": "Driver shortages",
                        "outcome": "Done",
                    }
                ],
            },
        ),
        ("heading", "Further reading"),
        ("paragraph", rich("More about the programme.")),
    ]
    if image is not None:
        body.append(
            ("image", {"image": image, "alt_text": "A bin lorry", "caption": "New rounds",
                       "credit": "Council photo"})
        )
    if document is not None:
        body.append(
            ("document", {"document": document, "title": "Cabinet report", "description": ""})
        )
    return body


def make_case_study(
    parent: Page,
    title: str | None = None,
    *,
    councils: list[Council] | None = None,
    topics: list[Topic] | None = None,
    publish: bool = True,
    body: list | None = None,
    tags: list[str] | None = None,
    **kwargs,
) -> CaseStudyPage:
    title = title or f"Case study {next(_numbers)}"
    kwargs.setdefault("summary", f"What happened in {title}.")
    page = CaseStudyPage(title=title, body=body or [], **kwargs)
    for order, council in enumerate(councils or [make_council()]):
        page.council_links.add(CaseStudyCouncil(council=council, sort_order=order))
    if topics:
        page.topics = topics
        if "main_topic" not in kwargs:
            page.main_topic = topics[0]
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    else:
        page.unpublish() if page.live else None
    return page


def add_partner(page: CaseStudyPage, name: str, **kwargs) -> CaseStudyPartner:
    return CaseStudyPartner.objects.create(page=page, name=name, **kwargs)
