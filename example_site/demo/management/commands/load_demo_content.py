"""Build the demo case-study library: idempotent, safe to run again; --force rebuilds it.

The words are in ``demo/content.py``; this command turns them into councils, topics, support
programmes, case studies (every template section and every body block used somewhere), generated
images and documents (nothing is downloaded), the COVID-19 hub with a sub-collection, a
submission page, and an admin user; then the Welsh library, translated as an editor translates
with Wagtail's "Translate" (``copy_for_translation``): the home page, the hub and the submission
page, the topics and support programmes, and the case studies of the Welsh councils.
"""

from __future__ import annotations

import datetime
import io
import random
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedValue
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from demo import content
from demo.embeds import DEMO_VIDEO_PREFIX
from wagtail_casestudies.councils import load_councils
from wagtail_casestudies.models import (
    CaseStudyCouncil,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPartner,
    CaseStudyRelatedPage,
    Council,
    CovidHubFeaturedCaseStudy,
    CovidHubPage,
    SupportType,
    Topic,
)
from wagtail_casestudies.submissions.docx import build_template_document
from wagtail_casestudies.submissions.models import CaseStudySubmissionPage

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "changeme"
COLLECTION_NAME = "Demo content"

# One colour per topic (the main topic's colour paints a case study's generated picture).
PALETTE = [
    (0, 66, 77),
    (29, 112, 184),
    (0, 112, 60),
    (212, 53, 28),
    (79, 42, 128),
    (244, 119, 56),
    (179, 19, 90),
    (40, 161, 151),
    (86, 148, 202),
    (133, 153, 75),
    (111, 114, 175),
    (150, 110, 60),
]


class Command(BaseCommand):
    help = (
        "Create the demo case-study library: 60+ case studies from councils in the register, "
        "topics, support programmes, generated images and documents, the COVID-19 hub and an "
        f"admin user ({ADMIN_USERNAME} / {ADMIN_PASSWORD}). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Delete the demo pages, images and documents first and build them again.",
        )
        parser.add_argument(
            "--site-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Where the site runs (default: WAGTAILADMIN_BASE_URL). Wagtail's default site, "
            "localhost:80, or a local address of an earlier run, is moved there so 'View live' "
            "and the API's links work.",
        )

    def handle(self, *args, force=False, site_url="", verbosity=1, **options):
        self.verbosity = verbosity
        try:
            site = Site.objects.filter(is_default_site=True).first()
            CaseStudyPage.objects.exists()
        except DatabaseError as error:
            raise CommandError(
                f"The database is not ready ({error}). Run 'python manage.py migrate' first."
            ) from error
        if site is None:
            raise CommandError("No default Wagtail site. Run 'python manage.py migrate' first.")

        with transaction.atomic():
            if force:
                self.delete_demo()
            self.ensure_admin()
            councils = self.ensure_councils()
            topics = self.ensure_named(Topic, content.TOPICS)
            support_types = self.ensure_named(SupportType, content.SUPPORT_TYPES)
            self.collection = self.ensure_collection()
            self.ensure_site_address(site, site_url)
            index = self.ensure_index(site)
            hubs = self.ensure_hubs(index)
            created = 0
            for entry in self.case_study_entries():
                parent = hubs[entry["hub"]] if entry.get("hub") else index
                if self.ensure_case_study(parent, entry, topics, support_types, councils):
                    created += 1
            self.ensure_related()
            self.fill_hubs(index, hubs)
            self.ensure_submission_page(index)
            self.ensure_welsh(index, hubs, topics, support_types, councils)
        self.prepare_renditions()

        live = CaseStudyPage.objects.live()
        welsh = live.filter(locale__language_code=content.WELSH_LANGUAGE_CODE).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {live.count()} live case studies, {welsh} of them in "
                f"Welsh ({created} new), from "
                f"{Council.objects.filter(case_study_links__isnull=False).distinct().count()} "
                f"councils, {len(topics)} topics, {len(support_types)} support programmes (in "
                f"English and Welsh). Admin login: {ADMIN_USERNAME} / {ADMIN_PASSWORD}"
            )
        )

    def log(self, message: str) -> None:
        if self.verbosity >= 2:
            self.stdout.write(message)

    # --- Clearing -------------------------------------------------------------------------------

    def delete_demo(self) -> None:
        index = CaseStudyIndexPage.objects.filter(slug=content.INDEX["slug"]).first()
        if index is not None:
            site = Site.objects.filter(root_page=index).first()
            if site is not None:  # a site's root page cannot be deleted
                site.root_page = (
                    Page.get_first_root_node().get_children().exclude(pk=index.pk).first()
                    or Page.get_first_root_node()
                )
                site.save()
            for translation in index.get_translations():  # the Welsh library
                translation.delete()
            index.delete()
        collection = Collection.objects.filter(name=COLLECTION_NAME).first()
        if collection is not None:
            get_image_model().objects.filter(collection=collection).delete()
            get_document_model().objects.filter(collection=collection).delete()
        self.stdout.write("Deleted the demo pages, images and documents.")

    # --- Registers ------------------------------------------------------------------------------

    def ensure_admin(self) -> None:
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", ADMIN_PASSWORD)

    def needed_council_keys(self) -> set[str]:
        keys = set()
        for entry in self.case_study_entries():
            keys.update(entry["councils"])
        return keys

    def ensure_councils(self) -> dict[str, Council]:
        """The councils the case studies name, by GSS code (or slug for bodies without one).

        Register councils come from the package's register: if any is missing the register is
        loaded (as ``casestudies_load_councils`` does), never typed in here."""
        for gss_code, name, short_name, council_type, region in content.EXTRA_COUNCILS:
            lookup = {"gss_code": gss_code} if gss_code else {"slug": slugify(name)}
            Council.objects.get_or_create(
                **lookup,
                defaults={
                    "name": name,
                    "short_name": short_name,
                    "council_type": council_type,
                    "region": region,
                },
            )
        needed = self.needed_council_keys()
        councils = self.councils_by_key(needed)
        if len(councils) < len(needed):
            self.stdout.write("Loading the council register (casestudies_load_councils)…")
            load_councils()
            councils = self.councils_by_key(needed)
        missing = sorted(needed - set(councils))
        if missing:
            raise CommandError(
                f"The council register has no council with these keys: {', '.join(missing)}. "
                "Fix demo/content.py or run 'python manage.py casestudies_load_councils'."
            )
        return councils

    @staticmethod
    def councils_by_key(keys) -> dict[str, Council]:
        found = {}
        for council in Council.objects.filter(gss_code__in=keys):
            found[council.gss_code] = council
        for council in Council.objects.filter(slug__in=keys):
            found[council.slug] = council
        return found

    @staticmethod
    def ensure_named(model, rows) -> dict:
        """The English entries (the default locale's): translations are made from them."""
        objects = {}
        locale = Locale.get_default()
        for name, description in rows:
            objects[name], _ = model.objects.get_or_create(
                name=name, locale=locale, defaults={"description": description}
            )
        return objects

    @staticmethod
    def ensure_collection() -> Collection:
        collection = Collection.objects.filter(name=COLLECTION_NAME).first()
        if collection is None:
            collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
        return collection

    # --- Pages ----------------------------------------------------------------------------------

    @staticmethod
    def ensure_site_address(site: Site, site_url: str) -> None:
        address = urlsplit(site_url or "")
        # Wagtail's default (localhost:80), or a local address this command set on an earlier
        # run (another PORT): the API's and the pages' URLs start where the site now runs.
        local = site.hostname in ("localhost", "127.0.0.1")
        if (
            local
            and address.hostname
            and (site.hostname, site.port)
            != (
                address.hostname,
                address.port or (443 if address.scheme == "https" else 80),
            )
        ):
            site.hostname = address.hostname
            site.port = address.port or (443 if address.scheme == "https" else 80)
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()

    def ensure_index(self, site: Site) -> CaseStudyIndexPage:
        index = CaseStudyIndexPage.objects.filter(slug=content.INDEX["slug"]).first()
        if index is None:
            index = CaseStudyIndexPage(
                title=content.INDEX["title"],
                slug=content.INDEX["slug"],
                introduction=content.INDEX["introduction"],
                submission_guidance=content.INDEX["submission_guidance"],
                covid_promo_text=content.INDEX["covid_promo_text"],
                template_document=self.make_document(
                    "Case study template", "case-study-template.docx", build_template_document()
                ),
            )
            Page.get_first_root_node().add_child(instance=index)
            index.save_revision().publish()
        if site.root_page_id != index.pk:
            # The library is the demo site's home page.
            site.root_page = index
            site.save()
        return index

    def ensure_hubs(self, index) -> dict[str, CovidHubPage]:
        """The hub and its sub-collections, created empty: their themes name case studies, so
        ``fill_hubs`` adds them once every case study exists."""
        hub = CovidHubPage.objects.child_of(index).filter(slug=content.HUB["slug"]).first()
        if hub is None:
            hub = CovidHubPage(
                title=content.HUB["title"],
                slug=content.HUB["slug"],
                introduction=content.HUB["introduction"],
                how_to_submit=content.HUB["how_to_submit"],
            )
            index.add_child(instance=hub)
            hub.save_revision().publish()
        hubs = {"": hub}
        for spec in content.HUB["collections"]:
            child = CovidHubPage.objects.child_of(hub).filter(slug=spec["slug"]).first()
            if child is None:
                child = CovidHubPage(
                    title=spec["title"],
                    slug=spec["slug"],
                    introduction=spec["introduction"],
                    list_unfeatured=False,
                )
                hub.add_child(instance=child)
                child.save_revision().publish()
            hubs[spec["key"]] = child
        return hubs

    def fill_hubs(self, index, hubs) -> None:
        by_slug = {page.slug: page for page in self.english_case_studies()}

        def themes(specs):
            stream = []
            for heading, introduction, entries in specs:
                items = []
                for entry in entries:
                    if isinstance(entry, dict):
                        items.append(("external", entry))
                    else:
                        items.append(("case_study", by_slug[entry]))
                stream.append(
                    (
                        "theme",
                        {
                            "heading": heading,
                            "introduction": RichText(introduction),
                            "entries": items,
                        },
                    )
                )
            return stream

        hub = hubs[""]
        if not hub.themes:
            hub.themes = themes(content.HUB["themes"])
            for order, slug in enumerate(content.HUB["featured"]):
                hub.featured_links.add(
                    CovidHubFeaturedCaseStudy(case_study=by_slug[slug], sort_order=order)
                )
            hub.save_revision().publish()
        for spec in content.HUB["collections"]:
            child = hubs[spec["key"]].specific
            if not child.themes:
                child.themes = themes(spec["themes"])
                child.save_revision().publish()
        if index.covid_hub_id != hub.pk:
            index.covid_hub = hub
            index.save_revision().publish()

    def ensure_submission_page(self, index) -> None:
        if CaseStudySubmissionPage.objects.child_of(index).exists():
            return
        page = CaseStudySubmissionPage(
            title="Submit a case study",
            slug="submit",
            introduction="<p>Councils: tell us about your work using the case study template. "
            "An editor reviews every submission before it is published.</p>",
            thank_you_text="<p>Thank you. We will be in touch before your case study is "
            "published.</p>",
        )
        index.add_child(instance=page)
        page.save_revision().publish()

    # --- Case studies ---------------------------------------------------------------------------

    def case_study_entries(self) -> list[dict]:
        """The hand-written case studies, then each initiative with each of its councils."""
        if hasattr(self, "_entries"):
            return self._entries
        entries = [dict(entry) for entry in content.CASE_STUDIES]
        for initiative in content.INITIATIVES:
            for councils in content.INITIATIVE_COUNCILS[initiative["key"]]:
                entries.append(self.initiative_entry(initiative, list(councils)))
        self._entries = entries
        return entries

    def initiative_entry(self, initiative: dict, councils: list[str]) -> dict:
        """One council's telling of a piece of work many councils do."""
        from wagtail_casestudies.councils import read_register

        if not hasattr(self, "_register"):
            self._register = {record.gss_code: record for record in read_register()}
        lead = self._register[councils[0]]
        key = f"{initiative['key']}-{councils[0].lower()}"
        covid = initiative.get("covid", False)
        rng = random.Random(key)
        if covid:
            date = datetime.date(2020, 5, 1) + datetime.timedelta(days=rng.randrange(0, 400))
        else:
            date = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 2350))
        values = {
            "council": lead.name,
            "short": lead.short_name or lead.name,
            "pct": content.vary(key + "pct", 12, 38),
            "homes": content.vary(key + "homes", 40, 400),
            "people": f"{content.vary(key + 'people', 8, 95) * 100:,}",
            "count": content.vary(key + "count", 8, 60),
            "money": f"{content.vary(key + 'money', 6, 90) * 5000}",
        }
        values["money_text"] = f"{int(values['money']):,}"
        entry = {
            "slug": key,
            "councils": councils,
            "covid": covid,
            "date": date.isoformat(),
            # The Welsh translation (ensure_welsh) fills the same placeholders.
            "initiative": initiative["key"],
            "values": values,
        }
        for field, value in initiative.items():
            if field in ("key",):
                continue
            entry[field] = value.format(**values) if isinstance(value, str) else value
        if rng.random() < 0.5:
            contact = self.contact_for(key, entry.get("topics") or [])
            entry["quote"] = (
                "We tested it small, listened to residents and staff, and only then rolled it "
                "out. That is why it has stuck.",
                f"{contact[0]} {contact[1]}",
                f"{contact[2]}, {lead.name}",
            )
        if rng.random() < 0.4:
            entry["figures"] = [
                (f"{values['pct']}%", "change in the headline measure"),
                (str(values["count"]), "teams or sites involved"),
            ]
        return entry

    @staticmethod
    def contact_for(key: str, topics: list[str]) -> tuple[str, str, str]:
        """A contact whose job fits the case study's main topic (the first)."""
        first, last = content.CONTACT_NAMES[content.vary(key, 0, len(content.CONTACT_NAMES) - 1)]
        role = content.TOPIC_ROLES.get(topics[0]) if topics else None
        if role is None:
            roles = content.CONTACT_ROLES
            role = roles[content.vary(key + "role", 0, len(roles) - 1)]
        return first, last, role

    def ensure_case_study(self, parent, entry, topics, support_types, councils) -> bool:
        if CaseStudyPage.objects.filter(slug=entry["slug"]).exists():
            return False
        lead = councils[entry["councils"][0]]
        page = CaseStudyPage(
            title=entry["title"],
            slug=entry["slug"],
            summary=entry["summary"],
            is_covid19=entry.get("covid", False),
            publication_date=datetime.date.fromisoformat(entry["date"]),
            support_type=support_types.get(entry.get("support_type")),
            main_topic=topics[entry["topics"][0]],
            series=entry.get("series", ""),
            hero_image=self.make_image(entry["title"], entry["slug"], entry["topics"][0]),
            hero_image_alt="",
            body=self.body_for(entry, lead),
        )
        page.topics = [topics[name] for name in entry["topics"]]
        for order, key in enumerate(entry["councils"]):
            page.council_links.add(CaseStudyCouncil(council=councils[key], sort_order=order))
        for order, (name, kind) in enumerate(entry.get("partners", [])):
            page.partners.add(CaseStudyPartner(name=name, kind=kind, sort_order=order))
        if entry.get("tags"):
            page.tags.add(*entry["tags"])
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"  {page.title}")
        return True

    @staticmethod
    def english_case_studies():
        """The originals (translations share their slugs)."""
        return CaseStudyPage.objects.filter(locale=Locale.get_default())

    def ensure_related(self) -> None:
        by_slug = {page.slug: page for page in self.english_case_studies()}
        for entry in self.case_study_entries():
            if not entry.get("related"):
                continue
            page = by_slug[entry["slug"]]
            if page.related_links.exists():
                continue
            for order, slug in enumerate(entry["related"]):
                page.related_links.add(
                    CaseStudyRelatedPage(related_case_study=by_slug[slug], sort_order=order)
                )
            page.save_revision().publish()

    def body_for(self, entry, lead_council) -> list:
        """The template sections in order, then the optional material the entry has."""

        def rich(text):
            return RichText(text if text.startswith("<") else f"<p>{text}</p>")

        body = []
        if entry.get("context"):
            body.append(("local_context", {"text": rich(entry["context"])}))
        body += [
            ("challenge", {"text": rich(entry["challenge"])}),
            ("solution", {"text": rich(entry["solution"])}),
        ]
        if entry.get("image"):
            body.append(
                (
                    "image",
                    {
                        "image": self.make_image(
                            entry["image"],
                            entry["slug"] + "-photo",
                            entry["topics"][-1],
                            size=(1200, 800),
                        ),
                        "alt_text": entry["image"],
                        "caption": entry["image"] + ".",
                        "credit": f"Photo: {lead_council.short_name or lead_council.name}",
                    },
                )
            )
        if entry.get("quote"):
            text, name, role = entry["quote"]
            body.append(("quote", {"text": text, "name": name, "role": role}))
        body.append(
            (
                "impact",
                {
                    "text": rich(entry["impact"]),
                    "cost_saving": Decimal(entry["cost_saving"])
                    if entry.get("cost_saving")
                    else None,
                    "income_generated": Decimal(entry["income_generated"])
                    if entry.get("income_generated")
                    else None,
                    "figures_note": entry.get("figures_note", ""),
                },
            )
        )
        if entry.get("figures"):
            body.append(
                (
                    "key_figures",
                    {
                        "heading": "Key figures",
                        "figures": [
                            {"value": value, "label": label} for value, label in entry["figures"]
                        ],
                    },
                )
            )
        if entry.get("embed"):
            body.append(("embed", EmbedValue(DEMO_VIDEO_PREFIX + entry["slug"])))
        body += [
            ("sustainability", {"text": rich(entry["sustained"])}),
            ("lessons_learned", {"text": rich(entry["lessons"])}),
        ]
        if entry.get("points"):
            body.append(("key_points", {"heading": "Key points", "points": entry["points"]}))
        if entry.get("action_plan"):
            body.append(
                (
                    "action_plan",
                    {
                        "title": "Action plan",
                        "rows": [
                            {
                                "priority_area": area,
                                "action": action,
                                "start": datetime.date.fromisoformat(start) if start else None,
                                "due": datetime.date.fromisoformat(due) if due else None,
                                "barriers": barriers,
                                "outcome": outcome,
                            }
                            for area, action, start, due, barriers, outcome in entry["action_plan"]
                        ],
                    },
                )
            )
        for heading, paragraph in entry.get("extra", []):
            body += [("heading", heading), ("paragraph", rich(paragraph))]
        if entry.get("document"):
            title, description = entry["document"]
            body.append(
                (
                    "document",
                    {
                        "document": self.make_report(title, entry),
                        "title": title,
                        "description": description,
                    },
                )
            )
        first, last, role = self.contact_for(entry["slug"], entry.get("topics") or [])
        body.append(
            (
                "contact",
                {
                    "name": f"{first} {last}",
                    "job_title": role,
                    "council": lead_council,
                    "organisation": "",
                    "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}@example.gov.uk",
                    "phone": f"01632 {content.vary(entry['slug'] + 'phone', 100000, 999999)}",
                    "publish_contact_details": content.vary(entry["slug"] + "publish", 0, 2) > 0,
                },
            )
        )
        return body

    # --- Welsh ----------------------------------------------------------------------------------

    def ensure_welsh(self, index, hubs, topics, support_types, councils) -> None:
        """The Welsh library: each piece a translation of its English original (same
        translation key), made once; the Welsh pages below the Welsh copy of the home page."""
        locale, _ = Locale.objects.get_or_create(language_code=content.WELSH_LANGUAGE_CODE)
        for english, (name, description) in content.WELSH_TOPICS.items():
            self.ensure_snippet_translation(topics[english], locale, name, description)
        for english, (name, description) in content.WELSH_SUPPORT_TYPES.items():
            self.ensure_snippet_translation(support_types[english], locale, name, description)

        welsh_index = self.ensure_page_translation(index, locale, content.WELSH_INDEX)
        hub_words = content.WELSH_HUB
        welsh_hub = self.ensure_page_translation(
            hubs[""],
            locale,
            {field: hub_words[field] for field in ("title", "introduction", "how_to_submit")},
        )
        for key, words in hub_words["collections"].items():
            self.ensure_page_translation(hubs[key], locale, words)
        submission_page = CaseStudySubmissionPage.objects.child_of(index).first()
        if submission_page is not None:
            self.ensure_page_translation(submission_page, locale, content.WELSH_SUBMISSION_PAGE)
        if welsh_index.covid_hub_id != welsh_hub.pk:
            # Read again: the copies above added children, and saving the copy made before them
            # would write back its old count of children (treebeard's numchild).
            welsh_index = CaseStudyIndexPage.objects.get(pk=welsh_index.pk)
            welsh_index.covid_hub = welsh_hub
            welsh_index.save_revision().publish()

        by_slug = {page.slug: page for page in self.english_case_studies()}
        for entry in self.case_study_entries():
            lead = councils[entry["councils"][0]]
            if not (lead.gss_code or "").startswith("W06"):
                continue
            words = content.WELSH_CASE_STUDIES.get(entry.get("initiative") or entry["slug"])
            if words is None:
                raise CommandError(
                    f"The case study {entry['slug']} has a Welsh lead council but no Welsh "
                    "text: add it to WELSH_CASE_STUDIES in demo/content.py."
                )
            page = by_slug[entry["slug"]]
            if page.get_translation_or_none(locale) is not None:
                continue
            welsh_name = lead.welsh_name or lead.name
            values = {
                **entry.get("values", {}),
                "council": welsh_name,
                "short": welsh_name.removeprefix("Cyngor ").removeprefix("Dinas "),
            }
            words = {field: text.format(**values) for field, text in words.items()}
            translation = page.copy_for_translation(locale)
            translation.title = words["title"]
            translation.summary = words["summary"]
            translation.hero_image_alt = words["title"]  # not the English picture's title
            translation.body = self.welsh_body(translation.body, words)
            translation.save_revision().publish()
            self.log(f"  {translation.title}")

    @staticmethod
    def ensure_snippet_translation(original, locale, name: str, description: str) -> None:
        """A topic or support programme in Welsh: same slug, so filters work in both."""
        if original.get_translation_or_none(locale) is not None:
            return
        translation = original.copy_for_translation(locale)
        translation.name = name
        translation.description = description
        translation.save()

    @staticmethod
    def ensure_page_translation(page, locale, words: dict):
        """The page in ``locale`` with these fields in its language, published."""
        translation = page.get_translation_or_none(locale)
        if translation is not None:
            return translation.specific
        translation = page.copy_for_translation(locale)
        for field, value in words.items():
            setattr(translation, field, value)
        translation.save_revision().publish()
        return translation

    @staticmethod
    def welsh_body(body, words: dict) -> list:
        """The English body with each template section's text in Welsh, and the optional
        blocks' headings and fixed words too (the rest, such as names, stays as it is)."""
        sections = {
            "local_context": "context",
            "challenge": "challenge",
            "solution": "solution",
            "impact": "impact",
            "sustainability": "sustained",
            "lessons_learned": "lessons",
        }
        fixed = content.WELSH_BLOCK_WORDS
        blocks = []
        for block in body:
            value = block.value
            if block.block_type in sections and words.get(sections[block.block_type]):
                value["text"] = RichText(f"<p>{words[sections[block.block_type]]}</p>")
            elif block.block_type == "quote":
                value["text"] = fixed.get(value["text"], value["text"])
            elif block.block_type in ("key_figures", "key_points"):
                value["heading"] = fixed.get(value["heading"], value["heading"])
                for figure in value.get("figures", []):
                    figure["label"] = fixed.get(figure["label"], figure["label"])
            elif block.block_type == "action_plan":
                value["title"] = fixed.get(value["title"], value["title"])
            blocks.append((block.block_type, value))
        return blocks

    # --- Generated media ------------------------------------------------------------------------

    def make_image(self, title: str, key: str, topic: str, size=(1280, 720)):
        """A generated picture in the topic's colours, so the demo needs no downloads."""
        Image_ = get_image_model()
        existing = Image_.objects.filter(collection=self.collection, title=title).first()
        if existing:
            return existing
        topic_names = [name for name, _ in content.TOPICS]
        colour = PALETTE[topic_names.index(topic) % len(PALETTE)]
        rng = random.Random(key)
        width, height = size
        picture = Image.new("RGB", size, colour)
        draw = ImageDraw.Draw(picture)
        light = tuple(min(255, c + 70) for c in colour)
        dark = tuple(max(0, c - 40) for c in colour)
        for _ in range(9):
            x, y = rng.randrange(-200, width), rng.randrange(-200, height)
            r = rng.randrange(80, 360)
            draw.ellipse((x, y, x + r, y + r), fill=rng.choice([light, dark]))
        for step in range(0, width, 80):
            draw.line((step, height, step + height // 2, 0), fill=light, width=2)
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=78)
        return Image_.objects.create(
            title=title,
            collection=self.collection,
            file=ContentFile(buffer.getvalue(), name=f"demo-{key}.jpg"),
        )

    def make_document(self, title: str, filename: str, data: bytes):
        Document = get_document_model()
        existing = Document.objects.filter(collection=self.collection, title=title).first()
        if existing:
            return existing
        return Document.objects.create(
            title=title, collection=self.collection, file=ContentFile(data, name=filename)
        )

    def make_report(self, title: str, entry: dict):
        """A short Word report made with python-docx (which the package already needs)."""
        import docx

        document = docx.Document()
        document.add_heading(title, level=1)
        document.add_paragraph(entry["summary"])
        for heading, key in (
            ("Background", "challenge"),
            ("What we did", "solution"),
            ("Results", "impact"),
            ("Next steps", "sustained"),
        ):
            document.add_heading(heading, level=2)
            document.add_paragraph(entry[key])
        buffer = io.BytesIO()
        document.save(buffer)
        return self.make_document(title, f"{entry['slug']}-report.docx", buffer.getvalue())

    def prepare_renditions(self) -> None:
        """Make the renditions the API serves now, so the first visit is not slow."""
        from wagtail_casestudies.representation import image_specs

        specs = image_specs()
        for image in get_image_model().objects.filter(collection=self.collection):
            try:
                image.get_renditions(*specs)
            except Exception as error:  # a missing file must not stop the demo
                self.stderr.write(f"Could not make renditions of {image.title}: {error}")
