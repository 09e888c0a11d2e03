"""Builders for test content. Plain functions over the real models, so tests read as prose."""

from __future__ import annotations

import contextlib
import datetime
import io
import itertools

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from wagtail_casestudies.compat import get_base_page_model
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

# The site's base page model: wagtail.models.Page, or the swapped one on Wagtail 8.
Page = get_base_page_model()

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
            (
                "image",
                {
                    "image": image,
                    "alt_text": "A bin lorry",
                    "caption": "New rounds",
                    "credit": "Council photo",
                },
            )
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


# --- The headless API's test library -------------------------------------------------------------


def make_site(hostname: str, title: str = "Other site") -> Site:
    """A second site with its own root page (for 'only this site' checks)."""
    root = Page.get_first_root_node()
    home = Page(title=title, slug=hostname.replace(".", "-"))
    root.add_child(instance=home)
    home.save_revision().publish()
    return Site.objects.create(hostname=hostname, port=80, root_page=home)


def make_private(page: Page, password: str = "secret") -> None:
    """Put ``page`` and everything below it behind a password."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


def make_api_library(index_page: Page):
    """Three visible case studies with distinct councils, topics, dates and flags, plus a draft,
    a private one and one on another site that the API must never show."""
    from types import SimpleNamespace

    kent = make_council(
        "Kent County Council",
        council_type=CouncilType.COUNTY,
        region=Region.SOUTH_EAST,
        gss_code="E10000016",
    )
    dover = make_council(
        "Dover District Council",
        council_type=CouncilType.DISTRICT,
        region=Region.SOUTH_EAST,
        gss_code="E07000108",
        parent=kent,
    )
    leeds = make_council(
        "Leeds City Council",
        council_type=CouncilType.METROPOLITAN_BOROUGH,
        region=Region.YORKSHIRE_AND_THE_HUMBER,
        gss_code="E08000035",
    )
    waste, housing, cyber = make_topic("Waste"), make_topic("Housing"), make_topic("Cyber")
    ope = make_support_type("One Public Estate")
    bins = make_case_study(
        index_page,
        "Kent: fewer missed bins",
        councils=[kent],
        topics=[waste],
        publication_date=datetime.date(2021, 3, 1),
        support_type=ope,
        tags=["bins"],
    )
    homes = make_case_study(
        index_page,
        "Dover: homes for key workers",
        councils=[dover],
        topics=[housing, waste],
        publication_date=datetime.date(2022, 6, 1),
        is_covid19=True,
    )
    security = make_case_study(
        index_page,
        "Leeds: cyber security drills",
        councils=[leeds],
        topics=[cyber],
        publication_date=datetime.date(2020, 1, 15),
        is_covid19=True,
        tags=["cyber"],
    )
    draft = make_case_study(
        index_page,
        "Kent: a draft about bins",
        councils=[kent],
        topics=[waste],
        publish=False,
        publication_date=datetime.date(2021, 5, 1),
    )
    private_index = make_index_page(title="Members only")
    make_private(private_index)
    private = make_case_study(
        private_index,
        "Kent: private bins",
        councils=[kent],
        topics=[waste],
        publication_date=datetime.date(2021, 7, 1),
    )
    other_site = make_site("other.example")
    other_index = make_index_page(parent=other_site.root_page, title="Other library")
    elsewhere = make_case_study(
        other_index,
        "Kent: bins on another site",
        councils=[kent],
        topics=[waste],
        publication_date=datetime.date(2021, 8, 1),
    )
    return SimpleNamespace(
        kent=kent,
        dover=dover,
        leeds=leeds,
        waste=waste,
        housing=housing,
        cyber=cyber,
        ope=ope,
        bins=bins,
        homes=homes,
        security=security,
        visible=[homes, bins, security],
        draft=draft,
        private=private,
        elsewhere=elsewhere,
        other_site=other_site,
    )


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """Database access for a module-scoped fixture, in a transaction rolled back when the module
    is done: what it builds once, every test of the module sees, each test's own transaction
    nesting inside as a savepoint.

    Use from a module-scoped fixture::

        @pytest.fixture(scope="module")
        def lib(django_db_setup, django_db_blocker):
            with factories.rolled_back(django_db_blocker):
                yield factories.make_api_library(factories.make_index_page())
    """
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def shared_library(django_db_blocker):
    """``make_api_library`` built once for a whole test module (see ``rolled_back``).

    Use from a module-scoped fixture::

        @pytest.fixture(scope="module")
        def lib(django_db_setup, django_db_blocker):
            yield from factories.shared_library(django_db_blocker)
    """
    with rolled_back(django_db_blocker):
        index_page = make_index_page(title="Case studies")
        library = make_api_library(index_page)
        library.index_page = index_page
        yield library
