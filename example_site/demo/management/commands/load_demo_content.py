"""Build the demo case-study library: idempotent, safe to run again; --force rebuilds it."""

from __future__ import annotations

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from demo import content
from wagtail_casestudies.models import (
    CaseStudyCouncil,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPartner,
    Council,
    CovidHubPage,
    SupportType,
    Topic,
)

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "changeme"


class Command(BaseCommand):
    help = "Create demo councils, topics, case studies and a COVID-19 hub (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Delete the demo pages first and build them again.",
        )

    def handle(self, *args, force: bool = False, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("No default Wagtail site. Run 'python manage.py migrate' first.")
        with transaction.atomic():
            self.ensure_admin()
            topics = self.ensure_topics()
            support_types = self.ensure_support_types()
            councils = self.ensure_councils()
            index = self.ensure_index(site, force)
            created = self.ensure_case_studies(index, topics, support_types, councils)
            self.ensure_hub(index)
        self.stdout.write(self.style.SUCCESS(
            f"Demo content ready: {CaseStudyPage.objects.live().count()} live case studies "
            f"({created} new), {Council.objects.count()} councils, {Topic.objects.count()} topics. "
            f"Admin login: {ADMIN_USERNAME} / {ADMIN_PASSWORD}"
        ))

    def ensure_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", ADMIN_PASSWORD)

    def ensure_topics(self) -> dict[str, Topic]:
        topics = {}
        for name, description in content.TOPICS:
            topics[name], _ = Topic.objects.get_or_create(
                name=name, defaults={"description": description}
            )
        return topics

    def ensure_support_types(self) -> dict[str, SupportType]:
        support_types = {}
        for name, description in content.SUPPORT_TYPES:
            support_types[name], _ = SupportType.objects.get_or_create(
                name=name, defaults={"description": description}
            )
        return support_types

    def ensure_councils(self) -> dict[str, Council]:
        councils = {}
        for gss_code, name, short_name, council_type, region in content.COUNCILS:
            councils[gss_code], _ = Council.objects.get_or_create(
                gss_code=gss_code,
                defaults={"name": name, "short_name": short_name, "council_type": council_type,
                          "region": region},
            )
        return councils

    def ensure_index(self, site: Site, force: bool) -> CaseStudyIndexPage:
        index = CaseStudyIndexPage.objects.filter(slug="case-studies").first()
        if index and force:
            index.delete()
            index = None
        if index is None:
            root = Page.get_first_root_node()
            index = CaseStudyIndexPage(
                title="Innovation in local government",
                slug="case-studies",
                introduction="<p>Innovation in local government is about improving the lives of "
                             "the people in our communities. Browse through our case studies to "
                             "see the many innovative programmes councils are involved in.</p>",
                submission_guidance="<p>If you have a case study you'd like to share here, "
                                    "please use our case study template.</p>",
                covid_promo_text="Councils are doing remarkable work to address the challenges "
                                 "brought by coronavirus.",
            )
            root.add_child(instance=index)
            index.save_revision().publish()
            # The library is the demo site's home page.
            site.root_page = index
            site.save()
        return index

    def ensure_case_studies(self, index, topics, support_types, councils) -> int:
        created = 0
        for number, entry in enumerate(content.CASE_STUDIES):
            if CaseStudyPage.objects.filter(title=entry["title"]).exists():
                continue
            page = CaseStudyPage(
                title=entry["title"],
                summary=entry["summary"],
                is_covid19=entry["covid"],
                publication_date=datetime.date.fromisoformat(entry["date"]),
                support_type=support_types.get(entry["support_type"]),
                main_topic=topics[entry["topics"][0]],
                hero_image=self.make_image(entry["title"], number),
                body=self.body_for(entry, councils[entry["councils"][0]]),
            )
            page.topics = [topics[name] for name in entry["topics"]]
            for order, gss_code in enumerate(entry["councils"]):
                page.council_links.add(CaseStudyCouncil(council=councils[gss_code],
                                                        sort_order=order))
            for order, (name, kind) in enumerate(entry.get("partners", [])):
                page.partners.add(CaseStudyPartner(name=name, kind=kind, sort_order=order))
            page.tags.add(*[word.lower() for word in entry["topics"][0].split()[:1]])
            index.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        return created

    def body_for(self, entry, lead_council) -> list:
        def rich(text):
            return {"text": f"<p>{text}</p>"}

        return [
            ("challenge", rich(entry["challenge"])),
            ("solution", rich(entry["solution"])),
            ("impact", {**rich(entry["impact"]), "cost_saving": None, "income_generated": None,
                        "figures_note": ""}),
            ("sustainability", rich(entry["sustained"])),
            ("lessons_learned", rich(entry["lessons"])),
            ("contact", {"name": "Case study contact", "job_title": "Service manager",
                         "council": lead_council, "organisation": "",
                         "email": "casestudies@example.gov.uk", "phone": "",
                         "publish_contact_details": True}),
        ]

    def make_image(self, title: str, number: int):
        """A generated picture, so the demo needs no downloads."""
        Image_ = get_image_model()
        existing = Image_.objects.filter(title=title).first()
        if existing:
            return existing
        colours = [(29, 112, 184), (0, 112, 60), (212, 53, 28), (79, 42, 128), (244, 119, 56)]
        picture = Image.new("RGB", (1600, 900), colours[number % len(colours)])
        draw = ImageDraw.Draw(picture)
        for step in range(0, 1600, 160):
            draw.ellipse((step, 450 - step // 4, step + 300, 750 - step // 4), outline="white",
                         width=6)
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=80)
        return Image_.objects.create(title=title,
                                     file=ContentFile(buffer.getvalue(), name=f"demo-{number}.jpg"))

    def ensure_hub(self, index):
        hub = CovidHubPage.objects.filter(slug="covid-19").first()
        if hub is not None:
            return hub
        covid = list(CaseStudyPage.objects.live().filter(is_covid19=True).order_by("pk"))
        hub = CovidHubPage(
            title="COVID-19 case studies",
            slug="covid-19",
            introduction="<p>Good council practice related to the COVID-19 outbreak.</p>",
            how_to_submit="<p>Send us your COVID-19 case study using the template.</p>",
            themes=[
                ("theme", {"heading": "Public health and vaccination", "introduction": "",
                           "entries": [("case_study", covid[0])] if covid else []}),
                ("theme", {"heading": "Volunteering and community hubs", "introduction": "",
                           "entries": [("external", {
                               "title": "Mutual aid groups", "council": "various",
                               "summary": "Councils supported local mutual aid groups.",
                               "link": "https://www.local.gov.uk/"})]}),
            ],
        )
        index.add_child(instance=hub)
        hub.save_revision().publish()
        testing = CovidHubPage(title="Testing case studies", slug="testing",
                               list_unfeatured=False)
        hub.add_child(instance=testing)
        testing.save_revision().publish()
        index.covid_hub = hub
        index.save_revision().publish()
        return hub
