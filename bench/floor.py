"""The floor: a hand-written Django view that returns the same JSON as the package's
``case-studies`` listing (newest first, cards, ``meta.total_count``), written the way one would
write it for a single site by hand: ``values()`` rows instead of model instances, one query per
related table, no framework. It reads the stock tables (it knows nothing of any cache or
denormalised column the package keeps), applies the same visibility rules (live, not
view-restricted, in the request's site), and is what a perfect implementation approaches.
"""

from __future__ import annotations

import json

from django.core.files.storage import default_storage
from django.db.models import F, Q
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site

from wagtail_casestudies.models import CaseStudyCouncil, CaseStudyPage, CouncilType, Region
from wagtail_casestudies.representation import base_url, format_datetime, image_specs

COUNCIL_TYPE_LABELS = {value: str(label) for value, label in CouncilType.choices}
REGION_LABELS = {value: str(label) for value, label in Region.choices}
PAGE_COLUMNS = (
    "pk",
    "locale__language_code",
    "title",
    "slug",
    "url_path",
    "first_published_at",
    "summary",
    "publication_date",
    "is_covid19",
    "main_topic_id",
    "main_topic__name",
    "main_topic__slug",
    "support_type_id",
    "support_type__name",
    "support_type__slug",
    "support_type__link",
    "hero_image_id",
    "hero_image_alt",
)
COUNCIL_COLUMNS = (
    "page_id",
    "council_id",
    "council__name",
    "council__short_name",
    "council__slug",
    "council__gss_code",
    "council__council_type",
    "council__region",
    "council__nation",
    "council__parent_id",
    "council__valid_from",
    "council__valid_to",
    "council__website",
)


def visible(site):
    """Live, not view-restricted, in ``site``: as ``live().public().in_site(site)``."""
    condition = Q(live=True, path__startswith=site.root_page.path, depth__gte=site.root_page.depth)
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        condition &= ~Q(path__startswith=path)
    return CaseStudyPage.objects.filter(condition)


def floor_listing(request):
    limit = min(int(request.GET.get("limit", 20)), 100)
    site = Site.find_for_request(request)
    pages = visible(site)
    total = pages.count()
    rows = list(
        pages.order_by(F("publication_date").desc(nulls_last=True), "-pk").values(*PAGE_COLUMNS)[
            :limit
        ]
    )
    return HttpResponse(
        json.dumps(
            {"meta": {"total_count": total}, "items": cards(request, site, rows)},
            separators=(",", ":"),
            ensure_ascii=False,
        ),
        content_type="application/json",
    )


def cards(request, site, rows):
    ids = [row["pk"] for row in rows]
    leads = {}
    for link in (
        CaseStudyCouncil.objects.filter(page_id__in=ids)
        .order_by("page_id", "-sort_order")
        .values(*COUNCIL_COLUMNS)
    ):
        leads[link["page_id"]] = link  # the last one written is the first in sort order
    topics = {}
    through = CaseStudyPage.topics.through
    for topic in (
        through.objects.filter(casestudypage_id__in=ids)
        .order_by("topic__name")
        .values("casestudypage_id", "topic_id", "topic__name", "topic__slug")
    ):
        topics.setdefault(topic["casestudypage_id"], []).append(
            {"id": topic["topic_id"], "name": topic["topic__name"], "slug": topic["topic__slug"]}
        )
    image_ids = {row["hero_image_id"] for row in rows if row["hero_image_id"]}
    images = {
        image["pk"]: image
        for image in get_image_model()
        .objects.filter(pk__in=image_ids)
        .values("pk", "title", "description")
    }
    renditions = {}
    rendition_model = get_image_model().get_rendition_model()
    specs = image_specs()
    for rendition in rendition_model.objects.filter(
        image_id__in=image_ids, filter_spec__in=specs
    ).values("image_id", "filter_spec", "width", "height", "file"):
        renditions.setdefault(rendition["image_id"], {})[rendition["filter_spec"]] = rendition

    host = base_url(request)
    marker = 987654321
    detail_before, detail_after = (
        host + reverse("wagtailapi:case-studies:detail", args=(marker,))
    ).split(str(marker))
    root_path = site.root_page.url_path
    root_url = site.root_url
    serve_prefix = reverse("wagtail_serve", args=("",))
    today = timezone.localdate()

    items = []
    for row in rows:
        pk = row["pk"]
        path = serve_prefix + row["url_path"][len(root_path) :]
        url = root_url + path
        date = row["publication_date"] or (
            timezone.localdate(row["first_published_at"]) if row["first_published_at"] else None
        )
        lead = leads.get(pk)
        thumbnail = None
        if row["hero_image_id"]:
            image = images[row["hero_image_id"]]
            by_width = {}
            for spec in specs:
                rendition = renditions.get(row["hero_image_id"], {}).get(spec)
                if rendition:
                    by_width.setdefault(
                        rendition["width"],
                        {
                            "width": rendition["width"],
                            "height": rendition["height"],
                            "url": host + default_storage.url(rendition["file"]),
                        },
                    )
            sizes = sorted(by_width.values(), key=lambda item: item["width"])
            if sizes:
                thumbnail = {
                    "url": sizes[0]["url"],
                    "width": sizes[0]["width"],
                    "height": sizes[0]["height"],
                    "alt": row["hero_image_alt"] or image["description"] or image["title"],
                    "srcset": ", ".join(f"{s['url']} {s['width']}w" for s in sizes),
                }
        items.append(
            {
                "id": pk,
                "meta": {
                    "type": "wagtail_casestudies.CaseStudyPage",
                    "detail_url": f"{detail_before}{pk}{detail_after}",
                    "html_url": url,
                    "slug": row["slug"],
                    "first_published_at": format_datetime(row["first_published_at"]),
                    "locale": row["locale__language_code"],
                    # The generated library is in one language: no page has a translation.
                    "translations": [],
                },
                "title": row["title"],
                "summary": row["summary"],
                "url": url,
                "path": path,
                "date": date.isoformat() if date else None,
                "lead_council": council(lead, today) if lead else None,
                "topics": topics.get(pk, []),
                "main_topic": {
                    "id": row["main_topic_id"],
                    "name": row["main_topic__name"],
                    "slug": row["main_topic__slug"],
                }
                if row["main_topic_id"]
                else None,
                "support_type": {
                    "id": row["support_type_id"],
                    "name": row["support_type__name"],
                    "slug": row["support_type__slug"],
                    "link": row["support_type__link"],
                }
                if row["support_type_id"]
                else None,
                "is_covid19": row["is_covid19"],
                "hero_thumbnail": thumbnail,
            }
        )
    return items


def council(link, today):
    valid_from, valid_to = link["council__valid_from"], link["council__valid_to"]
    region = link["council__region"]
    return {
        "id": link["council_id"],
        "name": link["council__name"],
        "short_name": link["council__short_name"],
        "slug": link["council__slug"],
        "gss_code": link["council__gss_code"],
        "council_type": link["council__council_type"],
        "council_type_label": COUNCIL_TYPE_LABELS[link["council__council_type"]],
        "region": region,
        "region_label": REGION_LABELS[region] if region else "",
        "nation": link["council__nation"],
        "parent_id": link["council__parent_id"],
        "is_active": (valid_from is None or valid_from <= today)
        and (valid_to is None or valid_to >= today),
        "website": link["council__website"],
    }


def health(request):
    return JsonResponse({"ok": True})
