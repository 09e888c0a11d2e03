"""The privacy matrix: every way into the library, against every way a case study must stay out
of public view.

Hidden: a draft, a page's unpublished changes, a page behind a login restriction, a page in a
password-protected section, a page on another site, and a page Wagtail's scheduler expired; plus
the email and phone of a contact whose editor did not publish them. Each hidden page carries a
marker word (``library.marker``) and shares a topic, council, tag and programme with visible
pages, and the visible ones reference it (related links, hub themes, hub featured list).

Every way in is checked for: no hidden title, marker or unpublished contact detail anywhere in
the response, and counts (totals, facets, council/topic/programme counts) equal to those of the
visible pages alone, worked out here from the pages themselves rather than by the code under test.
"""

from __future__ import annotations

import collections
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests import factories
from tests.reliability.library import marker, shared_reliability_library
from wagtail_casestudies.compat import HAS_API_V3
from wagtail_casestudies.models import CaseStudyPage

V2 = "/api/v2"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    yield from shared_reliability_library(django_db_blocker)


def hidden_pages(lib) -> dict[str, CaseStudyPage]:
    return {
        **lib.hidden,
        "draft_plain": lib.draft,
        "password_section": lib.private,
        "other_site_plain": lib.elsewhere,
    }


def forbidden_strings(lib) -> list[str]:
    titles = [page.title for page in hidden_pages(lib).values()]
    return [*titles, *lib.secrets]


def assert_nothing_hidden(lib, label: str, response, requested: str = "") -> None:
    content = response.content.decode("utf-8", "replace")
    if requested:  # A page may repeat the URL it was asked for (a login's return URL).
        content = content.replace(requested, "")
    # JSON escapes non-ASCII and slashes differently from HTML; compare on the decoded text too.
    texts = [content]
    if response.get("Content-Type", "").startswith(("application/json", "application/problem")):
        texts.append(json.dumps(response.json(), ensure_ascii=False))
    for text in texts:
        for secret in forbidden_strings(lib):
            assert secret not in text, f"{label}: {secret!r} leaked"


def visible(lib) -> list[CaseStudyPage]:
    """The case studies the default site shows, by construction (not by the code under test)."""
    return list(
        CaseStudyPage.objects.filter(pk__in=[page.pk for page in lib.visible]).prefetch_related(
            "topics", "council_links__council", "tags"
        )
    )


def ids(data) -> list[int]:
    return [item["id"] for item in data["items"]]


def get(client, url, params=None, status=200, **extra):
    response = client.get(url, params or {}, **extra)
    assert response.status_code == status, (url, params, response.status_code, response.content)
    return response


# --- The ways in ---------------------------------------------------------------------------------

LISTING_FILTERS = [
    {},
    {"topic": "waste"},
    {"council": "kent-county-council"},
    {"council": "E10000016", "include_districts": "true"},
    {"council_type": "county"},
    {"region": "south_east"},
    {"support_type": "one-public-estate"},
    {"tag": "bins"},
    {"covid": "true"},
    {"year": "2021"},
    {"date_from": "2021-01-01", "date_to": "2021-12-31"},
    {"order": "title"},
    {"order": "-title"},
    {"order": "date"},
]


def expected_ids(lib, params) -> set[int]:
    """Which visible case studies a filter selects, from the pages' own attributes."""
    result = set()
    for page in visible(lib):
        councils = [link.council for link in page.council_links.all()]
        date = page.publication_date
        checks = {
            "topic": lambda v, page=page: v in {t.slug for t in page.topics.all()},
            "council": lambda v, c=councils: (
                any(v in (x.slug, x.gss_code) for x in c)
                or (
                    params.get("include_districts")
                    and any(x.parent_id and x.parent.gss_code == v for x in c)
                )
            ),
            "council_type": lambda v, c=councils: any(x.council_type == v for x in c),
            "region": lambda v, c=councils: any(x.region == v for x in c),
            "support_type": lambda v, page=page: (
                bool(page.support_type) and page.support_type.slug == v
            ),
            "tag": lambda v, page=page: v in {t.slug for t in page.tags.all()},
            "covid": lambda v, page=page: page.is_covid19 == (v == "true"),
            "year": lambda v, d=date: bool(d) and d.year == int(v),
            "date_from": lambda v, d=date: bool(d) and d >= datetime.date.fromisoformat(v),
            "date_to": lambda v, d=date: bool(d) and d <= datetime.date.fromisoformat(v),
        }
        if all(checks[name](value) for name, value in params.items() if name in checks):
            result.add(page.pk)
    return result


@pytest.mark.parametrize("params", LISTING_FILTERS, ids=lambda p: "&".join(p) or "all")
def test_listing_and_its_filters(client, lib, params, figures):
    for prefix in [V2, *(["/api/v3"] if HAS_API_V3 else [])]:
        response = get(client, f"{prefix}/case-studies/", {**params, "limit": 100})
        assert_nothing_hidden(lib, f"listing {params}", response)
        data = response.json()
        found = set(ids(data))
        assert found == expected_ids(lib, params), params
        total = data["meta"]["total_count"] if prefix == V2 else data["count"]
        assert total == len(found)
        figures.add("privacy matrix", "listing and filter requests")


def test_search_finds_no_hidden_words(client, lib, figures):
    for word in [*lib.markers, "bins", "Hidden", "triage", "900461", "hidden.officer"]:
        for params in (
            {"search": word},
            {"search": word, "search_operator": "or"},
            {"search": word, "order": "title", "facets": "topic,covid"},
        ):
            response = get(client, f"{V2}/case-studies/", params)
            assert_nothing_hidden(lib, f"search {params}", response)
            assert set(ids(response.json())) <= {page.pk for page in lib.visible}
            figures.add("privacy matrix", "search requests")
        for word_marker in lib.markers:
            assert get(client, f"{V2}/case-studies/", {"search": word_marker}).json()["items"] == []
    # The contact's unpublished phone number and email are not searchable either.
    for secret in ("07700 900461", "hidden.officer@example.gov.uk"):
        data = get(client, f"{V2}/case-studies/", {"search": secret}).json()
        assert lib.contact.pk not in ids(data), f"searching {secret!r} finds the contact's page"


def facet_counts(lib, params) -> dict[str, collections.Counter]:
    """Each facet's counts over the visible pages, applying every other filter in ``params``."""
    counts = {
        name: collections.Counter()
        for name in ("topic", "council_type", "region", "support_type", "year", "covid")
    }
    pages = {page.pk: page for page in visible(lib)}
    facet_filter = {
        "topic": "topic",
        "council_type": "council_type",
        "region": "region",
        "support_type": "support_type",
        "year": "year",
        "covid": "covid",
    }
    for facet, own in facet_filter.items():
        others = {k: v for k, v in params.items() if k != own}
        for pk in expected_ids(lib, others):
            page = pages[pk]
            councils = [link.council for link in page.council_links.all()]
            values = {
                "topic": [t.slug for t in page.topics.all()],
                "council_type": sorted({c.council_type for c in councils}),
                "region": sorted({c.region for c in councils if c.region}),
                "support_type": [page.support_type.slug] if page.support_type else [],
                "year": [page.publication_date.year] if page.publication_date else [],
                "covid": [page.is_covid19],
            }[facet]
            counts[facet].update(values)
    return counts


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"topic": "waste"},
        {"covid": "true"},
        {"council": "kent-county-council"},
        {"search": "bins"},
    ],
    ids=lambda p: "&".join(p) or "none",
)
def test_facet_counts_are_those_of_visible_pages(client, lib, params, figures):
    all_facets = "topic,council_type,region,support_type,year,covid"
    response = get(client, f"{V2}/case-studies/", {**params, "facets": all_facets, "limit": 0})
    assert_nothing_hidden(lib, f"facets {params}", response)
    facets = response.json()["meta"]["facets"]
    if "search" in params:
        # Search narrows by words, which this test does not model: only bound the counts.
        for items in facets.values():
            assert sum(item["count"] for item in items) <= 3 * len(lib.visible)
        return
    expected = facet_counts(lib, params)
    for facet, items in facets.items():
        got = {item["value"]: item["count"] for item in items if item["count"]}
        assert got == dict(expected[facet]), (facet, params)
    figures.add("privacy matrix", "facet requests")


def test_detail_and_find_refuse_every_hidden_page(client, lib, figures):
    for kind, page in hidden_pages(lib).items():
        html_path = page.url_path.split("/", 2)[2]  # the path below the site's root page
        for url, params in [
            (f"{V2}/case-studies/{page.pk}/", {}),
            (f"{V2}/case-studies/find/", {"id": page.pk}),
            (f"{V2}/case-studies/find/", {"slug": page.slug}),
            (f"{V2}/case-studies/find/", {"html_path": "/" + html_path}),
            (f"{V2}/pages/{page.pk}/", {}),
            (f"{V2}/pages/find/", {"html_path": "/" + html_path}),
        ]:
            response = client.get(url, params)
            assert response.status_code == 404, (kind, url, params, response.status_code)
            assert_nothing_hidden(lib, f"{kind}: {url}", response)
            figures.add("privacy matrix", "detail and find requests")
        if HAS_API_V3:
            for url in (f"/api/v3/case-studies/{page.pk}/", f"/api/v3/pages/{page.pk}/"):
                response = client.get(url)
                assert response.status_code == 404, (kind, url, response.status_code)
                figures.add("privacy matrix", "detail and find requests")


def test_visible_details_show_live_content_without_hidden_related_or_contact(client, lib, figures):
    v3 = ["/api/v3/case-studies/{}/?fields=*", "/api/v3/pages/{}/"] if HAS_API_V3 else []
    for page in lib.visible:
        for template in [f"{V2}/case-studies/{{}}/?fields=*", f"{V2}/pages/{{}}/", *v3]:
            url = template.format(page.pk)
            response = get(client, url)
            assert_nothing_hidden(lib, url, response)
            figures.add("privacy matrix", "visible detail requests")
    # The page with unpublished changes shows its published title.
    data = get(client, f"{V2}/case-studies/{lib.changed.pk}/").json()
    assert data["title"] == "Kent: recycling centres"
    # bins links every hidden page as related: none of them is listed.
    related = get(client, f"{V2}/case-studies/{lib.bins.pk}/").json()["related"]
    hidden_ids = {page.pk for page in hidden_pages(lib).values()}
    assert not hidden_ids & {card["id"] for card in related}
    stock = get(client, f"{V2}/pages/{lib.bins.pk}/").json()
    assert not hidden_ids & {card["id"] for card in stock["related_case_studies"]}
    # The contact's name shows; the details the editor did not publish do not.
    contact = next(
        block["value"]
        for block in get(client, f"{V2}/case-studies/{lib.contact.pk}/?fields=body").json()["body"]
        if block["type"] == "contact"
    )
    assert contact["name"] == "Hidden Officer"
    assert "email" not in contact and "phone" not in contact


def test_hub_lists_no_hidden_case_study(client, lib, figures):
    urls = [f"{V2}/pages/{lib.hub.pk}/", *([f"/api/v3/pages/{lib.hub.pk}/"] if HAS_API_V3 else [])]
    for url in urls:
        response = get(client, url)
        assert_nothing_hidden(lib, url, response)
        data = response.json()
        entries = data["themes"][0]["value"]["entries"]
        assert [entry["value"]["id"] for entry in entries] == [lib.homes.pk]
        assert [card["id"] for card in data["featured_case_studies"]] == [lib.security.pk]
        figures.add("privacy matrix", "hub requests")


def test_council_topic_and_programme_counts_count_only_visible_pages(client, lib, figures):
    pages = visible(lib)
    council_counts = collections.Counter(
        link.council.slug for page in pages for link in page.council_links.all()
    )
    topic_counts = collections.Counter(t.slug for page in pages for t in page.topics.all())
    programme_counts = collections.Counter(p.support_type.slug for p in pages if p.support_type)
    for resource, expected in (
        ("councils", council_counts),
        ("topics", topic_counts),
        ("support-types", programme_counts),
    ):
        for params in ({"limit": 100}, {"limit": 100, "has_case_studies": "true"}):
            response = get(client, f"{V2}/{resource}/", params)
            assert_nothing_hidden(lib, resource, response)
            got = {
                item["slug"]: item["case_study_count"]
                for item in response.json()["items"]
                if item["case_study_count"]
            }
            assert got == dict(expected), resource
            figures.add("privacy matrix", "count requests")
        for item in response.json()["items"]:
            detail = get(client, f"{V2}/{resource}/{item['id']}/").json()
            assert detail["case_study_count"] == expected.get(item["slug"], 0)
            figures.add("privacy matrix", "count requests")


def test_stock_pages_endpoint_lists_no_hidden_page(client, lib, figures):
    hidden_ids = {page.pk for page in hidden_pages(lib).values()}
    for params in (
        {"type": "wagtail_casestudies.CaseStudyPage", "fields": "*", "limit": 100},
        {"limit": 100},
        {"child_of": lib.index_page.pk, "limit": 100},
        {"descendant_of": lib.index_page.pk, "limit": 100},
        *({"search": word, "limit": 100} for word in [*lib.markers, "bins"]),
    ):
        response = get(client, f"{V2}/pages/", params)
        assert_nothing_hidden(lib, f"pages {params}", response)
        assert not hidden_ids & set(ids(response.json())), params
        figures.add("privacy matrix", "stock pages requests")


def test_rendered_pages_show_no_hidden_page(client, lib, figures):
    for page in [lib.index_page, lib.hub, *lib.visible]:
        response = get(client, page.url)
        assert_nothing_hidden(lib, page.url, response)
        figures.add("privacy matrix", "rendered page requests")
    for kind, page in hidden_pages(lib).items():
        path = page.get_url_parts()[2]
        response = client.get(path)
        assert response.status_code in (302, 401, 404) or b"Password required" in response.content
        assert_nothing_hidden(lib, f"{kind} rendered", response, requested=path)
        figures.add("privacy matrix", "rendered page requests")


# --- Time: expiry by Wagtail's scheduler invalidates what was cached ------------------------------


def test_expiry_by_the_scheduler_reaches_cached_responses_at_once(client, index_page, figures):
    page = factories.make_case_study(index_page, f"Soon gone {marker('expiring')}")
    page.expire_at = timezone.now() + datetime.timedelta(hours=1)
    page.save(update_fields=["expire_at"])
    urls = [f"{V2}/case-studies/", f"{V2}/case-studies/{page.pk}/", f"{V2}/pages/{page.pk}/"]
    etags = {}
    for url in urls:
        response = get(client, url)
        etags[url] = response.get("ETag")
    CaseStudyPage.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("publish_scheduled", stdout=io.StringIO())
    for url in urls:
        response = client.get(url, headers={"If-None-Match": etags[url]} if etags[url] else {})
        assert response.status_code in (200, 404), (url, response.status_code)
        assert marker("expiring").encode() not in response.content, url
        figures.add("privacy matrix", "expiry requests")
