"""Generate N realistic case studies quickly, as a valid page tree with a search index.

One ``add_child`` and one published revision per page costs tens of milliseconds (tree locking,
revisions, signals, an index update each). This writes the same rows in bulk, a batch at a time:

- the council register (the package's own loader), topics, support programmes, keywords and a
  pool of images with the renditions the API serves;
- a main library index, a COVID-19 hub, a view-restricted section and a second site, so the
  API's visibility rules (live, public, this site) have real work to do; a few percent drafts;
- the pages themselves: ``wagtailcore_page`` rows with treebeard paths, depths and url paths
  computed here (siblings numbered in order, ``numchild`` fixed at the end), then the case-study
  rows, their council links (one to four councils, lead first), topics, keywords and partners,
  and a full template body (the six required sections, and often a quote, key points, key
  figures, an image and an action plan);
- the search index, through the search backend's own bulk ``add_bulk`` (what ``update_index``
  runs), so search finds them the way it finds pages an editor published.

Text comes from a seeded generator, so two runs with the same N and seed make the same content.
Memory stays flat: only one batch of pages is held at a time.
"""

from __future__ import annotations

import datetime
import io
import random
import resource
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

DEFAULT_SEED = 20240301

TOPICS = [
    "Adult social care",
    "Artificial intelligence",
    "Asset management",
    "Children's services",
    "Climate change",
    "Community safety",
    "Culture and tourism",
    "Customer services",
    "Cyber",
    "Democracy and engagement",
    "Digital",
    "Economic growth",
    "Education and skills",
    "Employment",
    "Equalities",
    "Finance and procurement",
    "Health and wellbeing",
    "Homelessness",
    "Housing and planning",
    "Public health",
    "Transport",
    "Waste and recycling",
    "Workforce",
    "Environment",
]
SUPPORT_TYPES = [
    "Behavioural Insights",
    "One Public Estate",
    "Economic Growth Advisers",
    "Productivity Experts",
    "Housing Advisers",
    "Planning Advisory Service",
    "Cyber Security Programme",
    "Digital Pathfinders",
]
PARTNERS = [
    ("NHS Foundation Trust", "nhs"),
    ("Integrated Care Board", "nhs"),
    ("University", "university"),
    ("Chamber of Commerce", "business"),
    ("Citizens Advice", "charity"),
    ("Age UK", "charity"),
    ("Police and Crime Commissioner", "public_body"),
    ("Housing Association", "other"),
    ("Community Trust", "community"),
    ("Further Education College", "university"),
]
VERBS = [
    "cutting",
    "improving",
    "redesigning",
    "digitising",
    "reducing",
    "tackling",
    "transforming",
    "speeding up",
    "sharing",
    "joining up",
    "rethinking",
    "investing in",
    "growing",
    "protecting",
]
OBJECTS = [
    "missed bin collections",
    "hospital discharge",
    "temporary accommodation costs",
    "school transport",
    "council tax collection",
    "fly-tipping",
    "loneliness in later life",
    "energy use in council buildings",
    "planning applications",
    "youth services",
    "domestic abuse support",
    "high street vacancies",
    "adult social care assessments",
    "cyber resilience",
    "customer contact",
    "carbon emissions",
    "town centre regeneration",
    "rough sleeping",
    "apprenticeships",
    "public health data",
    "electric vehicle charging",
    "housing repairs",
    "library services",
    "food waste",
    "foster care recruitment",
]
# Words of the trade, commonest first: drawn with Zipf weights, so some words match most case
# studies and others a handful, as real search terms do.
VOCABULARY = (  # noqa: SIM905 - easier to read and edit as text
    "council residents services community local support partners team approach work data people "
    "new programme project year health care housing families staff costs savings digital "
    "outcomes public change delivery review pilot budget teams needs demand model improvement "
    "young partnership customers neighbourhood climate carbon energy homes transport business "
    "growth skills employment schools children adults older vulnerable wellbeing prevention "
    "early intervention safeguarding volunteers charity voluntary sector NHS hospital discharge "
    "reablement assessment waiting times reduced increased saved income procurement contract "
    "commissioning market provider framework strategy plan evaluation evidence insight "
    "behavioural nudge trial randomised letters reminders collection recycling waste "
    "fly-tipping enforcement planning applications regeneration town centre high street vacant "
    "property estate assets buildings disposal capital revenue investment funding grant bid "
    "government department combined authority district county unitary borough parish fire "
    "rescue police ambulance integrated board trust university college apprenticeships training "
    "workforce recruitment retention agency sickness absence flexible hybrid office "
    "accommodation consolidation co-location hub library leisure culture heritage tourism "
    "events parks green spaces biodiversity trees flooding resilience emergency pandemic "
    "COVID-19 vaccination testing shielding food parcels hardship fund benefits welfare debt "
    "advice poverty cost-of-living warm spaces homelessness rough sleeping temporary "
    "accommodation landlords licensing tenants repairs retrofit insulation solar heat pumps "
    "electric vehicles charging buses cycling walking roads potholes lighting parking permits "
    "traffic congestion air quality noise licensing cyber security phishing resilience cloud "
    "migration automation chatbot artificial intelligence machine learning dashboard open data "
    "portal website online forms contact centre telephony channel shift self-service "
    "accessibility inclusion equality diversity engagement consultation co-production citizens "
    "panel democracy elections scrutiny governance risk audit transparency"
).split()
FIRST_NAMES = ["Alex", "Sam", "Jo", "Priya", "Tom", "Aisha", "Gareth", "Fiona", "Mark", "Helen"]
LAST_NAMES = ["Patel", "Jones", "Smith", "Williams", "Brown", "Taylor", "Evans", "Khan", "Reid"]
ROLES = [
    "Head of Service",
    "Programme Manager",
    "Director of Public Health",
    "Chief Executive",
    "Cabinet Member",
    "Transformation Lead",
    "Digital Lead",
    "Service Manager",
]

# The share of case studies in each place; the rest go into the main library index.
SHARE_COVID_HUB = 0.02
SHARE_PRIVATE = 0.01
SHARE_OTHER_SITE = 0.02
SHARE_DRAFT = 0.03
IMAGE_POOL = 40


@dataclass
class Places:
    """Parent pages, each with the next free child position."""

    parents: dict = field(default_factory=dict)  # key -> (page, next position)


@dataclass
class GenerateReport:
    n: int
    seconds: float = 0.0
    page_seconds: float = 0.0
    index_seconds: float = 0.0
    pages_per_second: float = 0.0
    peak_rss_mb: float = 0.0
    counts: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TextMaker:
    """Seeded sentences and paragraphs from the vocabulary."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        weights = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
        total = 0.0
        self.cum_weights = []
        for weight in weights:
            total += weight
            self.cum_weights.append(total)

    def words(self, k: int) -> list[str]:
        return self.rng.choices(VOCABULARY, cum_weights=self.cum_weights, k=k)

    def sentence(self, low: int = 8, high: int = 20) -> str:
        words = self.words(self.rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def rich(self, paragraphs: int = 2) -> str:
        return "".join(
            f"<p>{self.paragraph(self.rng.randint(2, 4))}</p>" for _ in range(paragraphs)
        )


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def make_body(text: TextMaker, rng: random.Random, council_id: int, image_ids: list[int]) -> list:
    """A template-shaped body: the required sections in order, and the optional extras."""
    saving = rng.random() < 0.4
    body = [
        _block("challenge", {"text": text.rich(2)}),
        _block("solution", {"text": text.rich(3)}),
        _block(
            "impact",
            {
                "text": text.rich(2),
                "cost_saving": f"{rng.randint(5, 900) * 1000}.00" if saving else None,
                "income_generated": f"{rng.randint(1, 200) * 1000}.00"
                if rng.random() < 0.15
                else None,
                "figures_note": "a year, from budget outturn" if saving else "",
            },
        ),
        _block("sustainability", {"text": text.rich(1)}),
        _block("lessons_learned", {"text": text.rich(2)}),
    ]
    if rng.random() < 0.5:
        body.append(
            _block(
                "quote",
                {
                    "text": text.sentence(12, 30),
                    "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    "role": rng.choice(ROLES),
                },
            )
        )
    if rng.random() < 0.5:
        points = [text.sentence(5, 10) for _ in range(rng.randint(2, 5))]
        body.append(_block("key_points", {"heading": "Key points", "points": points}))
    if rng.random() < 0.3:
        figures = [
            {"value": f"{rng.randint(5, 95)}%", "label": text.sentence(3, 6)}
            for _ in range(rng.randint(2, 4))
        ]
        body.append(_block("key_figures", {"heading": "Key figures", "figures": figures}))
    if image_ids and rng.random() < 0.2:
        body.append(
            _block(
                "image",
                {
                    "image": rng.choice(image_ids),
                    "alt_text": text.sentence(4, 8),
                    "caption": text.sentence(4, 10),
                    "credit": "Council photo",
                },
            )
        )
    if rng.random() < 0.1:
        start = datetime.date(2020 + rng.randint(0, 5), rng.randint(1, 12), 1)
        rows = [
            {
                "priority_area": text.sentence(2, 4),
                "action": text.sentence(6, 12),
                "start": start.isoformat(),
                "due": (start + datetime.timedelta(days=rng.randint(60, 400))).isoformat(),
                "barriers": text.sentence(4, 10),
                "outcome": text.sentence(4, 10),
            }
            for _ in range(rng.randint(2, 4))
        ]
        body.append(_block("action_plan", {"title": "Action plan", "rows": rows}))
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    body.append(
        _block(
            "contact",
            {
                "name": f"{first} {last}",
                "job_title": rng.choice(ROLES),
                "council": council_id,
                "organisation": "",
                "email": f"{first}.{last}@example.gov.uk".lower(),
                "phone": "01234 567890",
                "publish_contact_details": rng.random() < 0.3,
            },
        )
    )
    return body


def _make_image(title: str, rng: random.Random):
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    colour = (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255))
    PILImage.new("RGB", (1200, 800), colour).save(buffer, format="JPEG", quality=80)
    return get_image_model().objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name=f"{slugify(title)}.jpg")
    )


def ensure_registers(rng: random.Random, text: TextMaker, image_pool: int = IMAGE_POOL) -> dict:
    """Councils, topics, support types, keywords and images (idempotent)."""
    from taggit.models import Tag
    from wagtail.images import get_image_model

    from wagtail_casestudies.councils import load_councils
    from wagtail_casestudies.models import Council, SupportType, Topic
    from wagtail_casestudies.representation import image_specs

    if not Council.objects.exists():
        load_councils()
    topics = [Topic.objects.get_or_create(name=name)[0] for name in TOPICS]
    support_types = [SupportType.objects.get_or_create(name=name)[0] for name in SUPPORT_TYPES]
    tag_names = sorted({" ".join(text.words(2)) for _ in range(400)})[:300]
    existing = set(Tag.objects.filter(name__in=tag_names).values_list("name", flat=True))
    Tag.objects.bulk_create(
        [Tag(name=name, slug=slugify(name)) for name in tag_names if name not in existing],
        ignore_conflicts=True,
    )
    images = list(get_image_model().objects.filter(title__startswith="Bench image ")[:image_pool])
    for number in range(len(images), image_pool):
        images.append(_make_image(f"Bench image {number + 1}", rng))
    for image in images:
        image.get_renditions(*image_specs())  # as publishing does (signal_handlers.warm_renditions)
    # Councils that exist today are the usual authors; abolished ones wrote older case studies.
    councils = list(Council.objects.values_list("pk", "short_name", "name"))
    return {
        "councils": councils,
        "topics": [topic.pk for topic in topics],
        "support_types": [support.pk for support in support_types],
        "tags": list(Tag.objects.filter(name__in=tag_names).values_list("pk", flat=True)),
        "images": [image.pk for image in images],
    }


def ensure_places() -> dict:
    """The parents case studies go under: the library, the COVID-19 hub, a members-only
    section and a second site's library. Returns {key: parent page}."""
    from wagtail.models import Page, PageViewRestriction, Site

    from wagtail_casestudies.models import CaseStudyIndexPage, CovidHubPage

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific

    def child(parent, model, title, **kwargs):
        existing = model.objects.child_of(parent).filter(title=title).first()
        if existing:
            return existing
        page = model(title=title, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    library = child(home, CaseStudyIndexPage, "Case studies")
    hub = child(home, CovidHubPage, "COVID-19 hub")
    private = child(home, CaseStudyIndexPage, "Members only")
    if not PageViewRestriction.objects.filter(page=private).exists():
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="members"
        )
    other_site = Site.objects.filter(hostname="other.example").first()
    if other_site is None:
        other_home = Page(title="Other site", slug="other-site")
        Page.get_first_root_node().add_child(instance=other_home)
        other_home.save_revision().publish()
        other_site = Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    other = child(other_site.root_page, CaseStudyIndexPage, "Other library")
    return {"library": library, "hub": hub, "private": private, "other": other}


def _place_of(rng: random.Random) -> str:
    roll = rng.random()
    for key, share in (
        ("hub", SHARE_COVID_HUB),
        ("private", SHARE_PRIVATE),
        ("other", SHARE_OTHER_SITE),
    ):
        if roll < share:
            return key
        roll -= share
    return "library"


def generate(
    n: int,
    *,
    seed: int = DEFAULT_SEED,
    batch_size: int = 1000,
    image_pool: int = IMAGE_POOL,
    log: Callable[[str], None] = lambda message: None,
) -> GenerateReport:
    """Add ``n`` case studies (on top of any already there) and index them for search."""
    from taggit.models import Tag  # noqa: F401 - the registry must be ready
    from wagtail.models import Locale, Page, Site
    from wagtail.search.backends import get_search_backend

    from wagtail_casestudies.models import (
        CaseStudyCouncil,
        CaseStudyPage,
        CaseStudyPageTag,
        CaseStudyPartner,
        live_case_studies,
    )

    if list(CaseStudyPage._meta.parents) != [Page]:
        raise RuntimeError("The generator writes wagtailcore_page rows: unswapped Page only.")

    started = time.perf_counter()
    report = GenerateReport(n=n)
    rng = random.Random(seed)
    text = TextMaker(rng)
    with transaction.atomic():
        registers = ensure_registers(rng, text, image_pool)
        places = ensure_places()
    log(f"registers and places ready in {time.perf_counter() - started:.1f}s")

    content_type = ContentType.objects.get_for_model(CaseStudyPage)
    locale_id = Locale.get_default().pk
    # Next free child position under each parent (treebeard numbers siblings from 1).
    positions = {}
    for key, parent in places.items():
        last = parent.get_last_child()
        positions[key] = last._get_lastpos_in_path() if last else 0
    added = dict.fromkeys(places, 0)
    councils = registers["councils"]
    # A long tail: a few councils write many case studies, most write a few.
    council_weights = [1 / (1 + (rank % 97)) for rank in range(len(councils))]
    rng.shuffle(council_weights)
    topics, tags, images = registers["topics"], registers["tags"], registers["images"]
    support_types = registers["support_types"]
    backend = get_search_backend()
    now = timezone.now()
    first_day = datetime.date(2012, 1, 1)
    span_days = (timezone.localdate() - first_day).days
    existing = CaseStudyPage.objects.count()
    page_fields = list(CaseStudyPage._meta.local_concrete_fields)
    counts = {"council_links": 0, "topic_links": 0, "tag_links": 0, "partners": 0}

    index_seconds = 0.0
    done = 0
    while done < n:
        size = min(batch_size, n - done)
        base_pages, extras = [], []
        for offset in range(size):
            number = existing + done + offset + 1
            place = _place_of(rng)
            parent = places[place]
            positions[place] += 1
            added[place] += 1
            lead = rng.choices(councils, weights=council_weights, k=1)[0]
            title = f"{lead[1] or lead[2]}: {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
            slug = f"{slugify(title)[:200]}-{number}"
            # Newer case studies have higher ids, as when editors publish over the years.
            day = int(span_days * (done + offset) / max(n, 1)) + rng.randint(-60, 60)
            publication_date = first_day + datetime.timedelta(days=min(max(day, 0), span_days))
            live = place != "library" or rng.random() >= SHARE_DRAFT
            published_at = (
                datetime.datetime.combine(
                    publication_date, datetime.time(9, rng.randint(0, 59)), tzinfo=datetime.UTC
                )
                if live
                else None
            )
            base_pages.append(
                Page(
                    path=Page._get_path(parent.path, parent.depth + 1, positions[place]),
                    depth=parent.depth + 1,
                    numchild=0,
                    translation_key=uuid.uuid4(),
                    locale_id=locale_id,
                    live=live,
                    has_unpublished_changes=not live,
                    first_published_at=published_at,
                    last_published_at=published_at,
                    latest_revision_created_at=published_at or now,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    url_path=f"{parent.url_path}{slug}/",
                    show_in_menus=False,
                )
            )
            extras.append((place, lead, publication_date if live else None))
        Page.objects.bulk_create(base_pages, batch_size=500)

        case_studies, links, topic_links, tag_links, partners = [], [], [], [], []
        through = CaseStudyPage.topics.through
        for page, (place, lead, publication_date) in zip(base_pages, extras, strict=True):
            page_councils = [lead[0]]
            for _ in range(rng.choices((0, 1, 2, 3), weights=(70, 20, 7, 3))[0]):
                other = rng.choices(councils, weights=council_weights, k=1)[0][0]
                if other not in page_councils:
                    page_councils.append(other)
            page_topics = rng.sample(topics, rng.choices((1, 2, 3), weights=(50, 35, 15))[0])
            hero = rng.choice(images) if rng.random() < 0.85 else None
            case_study = CaseStudyPage(
                page_ptr_id=page.pk,
                summary=text.paragraph(rng.randint(1, 3))[:480],
                publication_date=publication_date,
                main_topic_id=page_topics[0],
                support_type_id=rng.choice(support_types) if rng.random() < 0.4 else None,
                is_covid19=place == "hub" or rng.random() < 0.08,
                series=f"Part of the {rng.choice(SUPPORT_TYPES)} programme"
                if rng.random() < 0.1
                else "",
                hero_image_id=hero,
                hero_image_alt=text.sentence(4, 8) if hero and rng.random() < 0.5 else "",
                body=make_body(text, rng, lead[0], images),
            )
            # The Page fields are already saved; the case-study row needs only its own.
            case_studies.append(case_study)
            links.extend(
                CaseStudyCouncil(page_id=page.pk, council_id=council_id, sort_order=order)
                for order, council_id in enumerate(page_councils)
            )
            topic_links.extend(
                through(casestudypage_id=page.pk, topic_id=topic_id) for topic_id in page_topics
            )
            tag_links.extend(
                CaseStudyPageTag(content_object_id=page.pk, tag_id=tag_id)
                for tag_id in rng.sample(tags, rng.randint(0, 4))
            )
            for order in range(rng.choices((0, 1, 2), weights=(60, 30, 10))[0]):
                name, kind = rng.choice(PARTNERS)
                partners.append(
                    CaseStudyPartner(
                        page_id=page.pk,
                        name=f"{lead[1] or 'Local'} {name}",
                        kind=kind,
                        sort_order=order,
                    )
                )
        step = max(1, connection.ops.bulk_batch_size(page_fields, case_studies))
        for start in range(0, len(case_studies), step):
            CaseStudyPage._base_manager._insert(
                case_studies[start : start + step], fields=page_fields, using="default"
            )
        CaseStudyCouncil.objects.bulk_create(links, batch_size=2000)
        through.objects.bulk_create(topic_links, batch_size=2000)
        CaseStudyPageTag.objects.bulk_create(tag_links, batch_size=2000)
        CaseStudyPartner.objects.bulk_create(partners, batch_size=2000)
        counts["council_links"] += len(links)
        counts["topic_links"] += len(topic_links)
        counts["tag_links"] += len(tag_links)
        counts["partners"] += len(partners)

        index_started = time.perf_counter()
        ids = [page.pk for page in base_pages]
        # The index reads every related field three times (title, body, autocomplete):
        # prefetched, that is four queries per batch instead of a dozen per page.
        indexed = (
            CaseStudyPage.get_indexed_objects()
            .filter(pk__in=ids)
            .prefetch_related("council_links__council", "partners", "topics", "tags")
        )
        backend.add_bulk(CaseStudyPage, list(indexed))
        index_seconds += time.perf_counter() - index_started
        done += size
        log(
            f"{done}/{n} case studies ({done / (time.perf_counter() - started):.0f}/s, "
            f"peak {peak_rss_mb():.0f} MB)"
        )

    for key, parent in places.items():
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + added[key])
    if n:
        after_pages(list(places.values()))

    report.seconds = time.perf_counter() - started
    report.index_seconds = index_seconds
    report.page_seconds = report.seconds - index_seconds
    report.pages_per_second = n / report.seconds if report.seconds else 0.0
    report.peak_rss_mb = peak_rss_mb()
    report.counts = {
        "case_studies": CaseStudyPage.objects.count(),
        "visible_on_main_site": live_case_studies(Site.objects.get(is_default_site=True)).count(),
        "placed": added,
        **counts,
    }
    return report


def after_pages(parents) -> None:
    """Hook for whatever the package keeps derived from pages (see bench/README in docs)."""
    rebuild = _derived_data_rebuilder()
    if rebuild is not None:
        rebuild()


def _derived_data_rebuilder():
    """The package's rebuild of derived data, if this version has one: rows written in bulk send
    no signals, so anything kept up to date by signal handlers must be rebuilt once here."""
    try:
        from wagtail_casestudies.cards.sync import rebuild_all
    except ImportError:
        return None
    return rebuild_all


def add_child_rate(n: int = 30, seed: int = DEFAULT_SEED) -> float:
    """Case studies per second the usual way (``add_child`` and a published revision, with
    councils and topics), for comparison; in a transaction that is rolled back."""
    from wagtail_casestudies.models import CaseStudyCouncil, CaseStudyPage, Council, Topic

    rng = random.Random(seed)
    text = TextMaker(rng)
    places = ensure_places()
    council_ids = list(Council.objects.values_list("pk", flat=True)[:50])
    topics = list(Topic.objects.all()[:5])
    started = time.perf_counter()
    with transaction.atomic():
        for number in range(n):
            page = CaseStudyPage(
                title=f"Comparison {number}",
                summary=text.paragraph(2),
                body=make_body(text, rng, council_ids[0], []),
                main_topic=topics[0],
            )
            page.topics = topics[:2]
            page.council_links.add(CaseStudyCouncil(council_id=council_ids[number % 50]))
            places["library"].add_child(instance=page)
            page.save_revision().publish()
        seconds = time.perf_counter() - started
        transaction.set_rollback(True)
    return n / seconds
