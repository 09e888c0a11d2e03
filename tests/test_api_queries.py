"""The case-study endpoints run a fixed number of queries, whatever the limit or content size."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories
from wagtail_casestudies.models import (
    CaseStudyCard,
    CaseStudyCouncil,
    CaseStudyPage,
    CaseStudyRelatedPage,
    ContentVersion,
)
from wagtail_casestudies.representation import image_specs

ALL_FACETS = "topic,council_type,region,support_type,year,covid"


@pytest.fixture(scope="module")
def many(django_db_setup, django_db_blocker):
    """120 live case studies with councils, topics, tags and hero images, built directly (no
    revisions) to keep the module fast."""
    with factories.rolled_back(django_db_blocker):
        index = factories.make_index_page(title="Many")
        councils = [factories.make_council() for _ in range(5)]
        topics = [factories.make_topic() for _ in range(4)]
        support = factories.make_support_type()
        images = [factories.make_image(title=f"Image {n}", width=700, height=400) for n in range(3)]
        for image in images:
            image.get_renditions(*image_specs())
        pages = []
        for n in range(120):
            page = CaseStudyPage(
                title=f"Case study {n:03d}",
                slug=f"case-study-{n}",
                summary="Summary.",
                publication_date=datetime.date(2018 + n % 5, 1 + n % 12, 1),
                is_covid19=n % 3 == 0,
                support_type=support if n % 2 else None,
                hero_image=images[n % 3],
                main_topic=topics[n % 4],
                live=True,
                first_published_at=timezone.now(),
            )
            page.topics = [topics[n % 4], topics[(n + 1) % 4]]
            for order, council in enumerate([councils[n % 5], councils[(n + 2) % 5]]):
                page.council_links.add(CaseStudyCouncil(council=council, sort_order=order))
            page.tags.add(f"tag-{n % 7}")
            index.add_child(instance=page)
            pages.append(page)
        yield pages


@pytest.fixture(autouse=True)
def clear_cache(db):
    cache.clear()


def count_queries(client, url):
    cache.clear()  # measure the uncached path
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


def test_listing_with_cards_and_all_facets_is_a_fixed_handful_of_queries(client, many):
    count_queries(client, f"/api/v2/case-studies/?limit=10&facets={ALL_FACETS}")  # warm-up
    at_10, data_10 = count_queries(client, f"/api/v2/case-studies/?limit=10&facets={ALL_FACETS}")
    at_100, data_100 = count_queries(client, f"/api/v2/case-studies/?limit=100&facets={ALL_FACETS}")
    assert len(data_10["items"]) == 10 and len(data_100["items"]) == 100
    assert all(item["hero_thumbnail"] for item in data_100["items"])
    assert at_10 == at_100
    # Site, view restrictions, total + six facets (one UNION), pages, council links, topics,
    # hero renditions, and Wagtail's site root paths (normally in the cache, cleared here).
    assert at_100 <= 8


def test_unfiltered_listing_reads_the_stored_counts_instead_of_counting(client, many):
    url = f"/api/v2/case-studies/?limit=20&facets={ALL_FACETS}"
    count_queries(client, url)  # warm-up: the site's counts are made on first use
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        data = client.get(url).json()
    card_table = CaseStudyCard._meta.db_table
    reads = [q["sql"] for q in queries if card_table + '"' in q["sql"]]
    # One query of the card table (the page of cards), none counting it.
    assert len(reads) == 1 and "COUNT(" not in reads[0].upper()
    assert data["meta"]["total_count"] == len(many)
    assert sum(item["count"] for item in data["meta"]["facets"]["covid"]) == len(many)


def test_filtered_search_listing_is_fixed_too(client, many):
    url = "/api/v2/case-studies/?search=case&covid=false&topic={}&limit={}&facets=" + ALL_FACETS
    topic = many[0].main_topic.slug
    at_10, _ = count_queries(client, url.format(topic, 10))
    at_100, data = count_queries(client, url.format(topic, 100))
    assert data["meta"]["total_count"] > 10
    assert at_10 == at_100


def test_detail_queries_do_not_grow_with_blocks_or_related(client, many):
    image = factories.make_image()
    small = factories.make_case_study(
        many[0].get_parent(), "Small", body=factories.full_body(image=image), topics=[]
    )
    big_body = (
        factories.full_body(image=image)
        + [
            (
                "image",
                {
                    "image": factories.make_image(title=f"Extra {n}"),
                    "alt_text": "",
                    "caption": "",
                    "credit": "",
                },
            )
            for n in range(4)
        ]
        + [("paragraph", f'<p><a linktype="page" id="{many[n].pk}">x</a></p>') for n in range(5)]
    )
    big = factories.make_case_study(many[0].get_parent(), "Big", body=big_body)
    for order, page in enumerate(many[:5]):
        CaseStudyRelatedPage.objects.create(page=big, related_case_study=page, sort_order=order)
    CaseStudyRelatedPage.objects.create(page=small, related_case_study=many[0], sort_order=0)
    big_body_small = factories.full_body(image=image) + [
        ("paragraph", f'<p><a linktype="page" id="{many[0].pk}">x</a></p>')
    ]
    small.body = big_body_small
    small.save_revision().publish()

    count_queries(client, f"/api/v2/case-studies/{small.pk}/")  # warm per-process caches
    small_count, small_data = count_queries(client, f"/api/v2/case-studies/{small.pk}/")
    big_count, big_data = count_queries(client, f"/api/v2/case-studies/{big.pk}/")
    assert len(big_data["related"]) == 6 and len(small_data["related"]) == 6
    assert len(big_data["body"]) > len(small_data["body"])
    assert small_count == big_count


def test_a_repeated_request_is_served_from_the_cache_reading_only_the_content_version(
    client, many, django_assert_num_queries
):
    """One query a request: the content version, which every process must read to know that
    the cached answer is still the content's."""
    url = f"/api/v2/case-studies/?limit=20&facets={ALL_FACETS}"
    first = client.get(url)
    with django_assert_num_queries(2) as queries:
        again = client.get(url)
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    version_table = ContentVersion._meta.db_table
    assert all(version_table in query["sql"] for query in queries.captured_queries)
    assert again.json() == first.json()
    assert not_modified.status_code == 304


def test_detail_is_at_most_six_queries_and_equals_the_detail_built_from_the_page(client, many):
    """The detail reads the card, the councils, tags, partners, hero image and chosen related
    case studies from the case study's card row, and scores the related cards on the card
    table: the content version, the site, the page with its card, the body's images and their
    renditions, the related cards. What it serves equals what the page's own serializers give."""
    from django.test import RequestFactory

    from wagtail_casestudies import representation
    from wagtail_casestudies.api.views import CaseStudiesAPIViewSet

    image = factories.make_image(title="Body image")
    page = factories.make_case_study(
        many[0].get_parent(),
        "Detailed",
        councils=[many[0].council_links.first().council, many[1].council_links.first().council],
        topics=list(many[0].topics.all()),
        body=[("image", {"image": image, "alt_text": "", "caption": "", "credit": ""})],
        hero_image=image,
        tags=["alpha", "beta"],
    )
    factories.add_partner(page, "An NHS trust", kind="nhs")
    CaseStudyRelatedPage.objects.create(page=page, related_case_study=many[7], sort_order=0)
    url = f"/api/v2/case-studies/{page.pk}/"
    count_queries(client, url)  # warm per-process caches
    queries, data = count_queries(client, url)
    assert queries <= 6
    assert data["related"][0]["id"] == many[7].pk and len(data["related"]) == 6

    viewset = CaseStudiesAPIViewSet()
    request = RequestFactory().get(url)
    fields = [name for name in viewset.detail_field_names() if name != "related"]
    live_page = representation.card_queryset(
        CaseStudyPage.objects.filter(pk=page.pk), defer_body=False
    ).prefetch_related("partners", "tags")[0]
    context = representation.CardContext(request)
    extras = [name for name in fields if name not in representation.CARD_FIELDS]
    built = viewset.item_data(
        live_page, fields, context, viewset.bind_extra_fields(extras, request)
    )
    for name in fields:
        assert data[name] == built[name], name
    assert data["meta"]["html_url"] == built["meta"]["html_url"]


def test_related_are_the_chosen_alone_when_nothing_is_shared(client, many):
    """A case study sharing no topic, council or region lists only its editor's choices."""
    page = factories.make_case_study(many[0].get_parent(), "Alone", topics=[])
    page.council_links.all().delete()
    CaseStudyRelatedPage.objects.create(page=page, related_case_study=many[3], sort_order=0)
    CaseStudyRelatedPage.objects.create(page=page, related_case_study=many[1], sort_order=1)
    _, data = count_queries(client, f"/api/v2/case-studies/{page.pk}/")
    assert [card["id"] for card in data["related"]] == [many[3].pk, many[1].pk]
