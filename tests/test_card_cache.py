"""The card cache (models.CaseStudyCard) stays equal to the live, public case studies and to the
cards built from the pages, through every kind of change; the API never shows what it must not."""

import datetime
import io
import threading

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections, models, transaction
from django.db.models.deletion import Collector
from django.db.models.signals import pre_delete
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from tests import factories
from tests.urls import api_router
from wagtail_casestudies import representation
from wagtail_casestudies.api.facets import count_facets, facets_from_counts
from wagtail_casestudies.api.filters import CaseStudyFilter
from wagtail_casestudies.api.parameters import FACETS, parse_case_study_query
from wagtail_casestudies.cards import build, counts, sync
from wagtail_casestudies.compat import get_base_page_model
from wagtail_casestudies.models import (
    CaseStudyCard,
    CaseStudyCardCounts,
    CaseStudyCouncil,
    CaseStudyPage,
    CouncilType,
    Region,
)
from wagtail_casestudies.visibility import visible_cards_of

URL = "/api/v2/case-studies/"
Page = get_base_page_model()  # the site's base page model, swapped or not


@pytest.fixture(autouse=True)
def clear_cache(db):
    cache.clear()


@pytest.fixture
def lib(index_page):
    library = factories.make_api_library(index_page)
    library.index_page = index_page
    # Counted now, so every change below is added to the counts rather than counted afresh.
    counts.recount_all()
    return library


def card_ids() -> set[int]:
    return set(CaseStudyCard.objects.values_list("pk", flat=True))


def visible_ids() -> set[int]:
    return set(CaseStudyPage.objects.live().public().values_list("pk", flat=True))


def expected_cards(host: str = "testserver") -> list[dict]:
    """The cards as built from the pages (the pre-cache way), newest first, for this host."""
    request = RequestFactory().get(URL, HTTP_HOST=host)
    request.wagtailapi_router = api_router
    site = Site.find_for_request(request)
    pages = representation.card_queryset(
        CaseStudyPage.objects.live().public().in_site(site)
    ).order_by("-publication_date", "-pk")
    context = representation.CardContext(request)
    return [representation.card_data(page, context) for page in pages]


def listed(client, host: str = "testserver") -> list[dict]:
    cache.clear()
    response = client.get(URL, {"limit": 100}, HTTP_HOST=host)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def assert_counts_exact() -> None:
    """Each site's stored counts equal a count from scratch, and the unfiltered facets read
    from them equal the facets counted by query."""
    stored = list(CaseStudyCardCounts.objects.select_related("site__root_page"))
    assert stored, "the counts should have been built"
    query = parse_case_study_query(QueryDict(), [])
    for row in stored:
        assert row.counts == counts.count(row.root_paths, row.locale_id), row.site
        selection = CaseStudyFilter(
            query, visible_cards_of(row.site, row.locale_id), locale_id=row.locale_id
        )
        total, counted = count_facets(selection, list(FACETS))
        assert row.counts.get("total", 0) == total
        assert facets_from_counts(selection, row.counts, list(FACETS)) == counted


def assert_consistent(client) -> None:
    assert card_ids() == visible_ids()
    assert listed(client) == expected_cards()
    assert listed(client, "other.example") == expected_cards("other.example")
    assert_counts_exact()


def test_cards_exist_for_visible_case_studies_only(client, lib):
    assert lib.draft.pk not in card_ids()
    assert lib.private.pk not in card_ids()
    assert lib.elsewhere.pk in card_ids()  # filtered by site when listed
    assert_consistent(client)
    titles = [item["title"] for item in listed(client)]
    assert "Kent: a draft about bins" not in titles
    assert "Kent: private bins" not in titles
    assert "Kent: bins on another site" not in titles


def test_served_card_equals_the_card_built_from_the_page_with_hero_image(client, index_page):
    image = factories.make_image(width=800, height=600)
    council = factories.make_council(
        "Old District Council",
        council_type=CouncilType.DISTRICT,
        region=Region.SOUTH_WEST,
        valid_to=timezone.localdate() - datetime.timedelta(days=1),
    )
    factories.make_case_study(
        index_page,
        councils=[council, factories.make_council()],
        hero_image=image,
        hero_image_alt="A bin lorry",
        topics=[factories.make_topic(), factories.make_topic()],
        support_type=factories.make_support_type(),
    )
    assert listed(client) == expected_cards()
    card = listed(client)[0]
    assert card["lead_council"]["is_active"] is False
    assert card["hero_thumbnail"]["url"].startswith("http://localhost/")
    # The card's thumbnail and the detail's hero image are one image, served by one builder.
    detail = client.get(f"{URL}{card['id']}/").json()
    assert card["hero_thumbnail"]["srcset"] == detail["hero_image"]["srcset"]
    assert detail["hero_image"]["srcset"].startswith(card["hero_thumbnail"]["url"] + " ")
    assert detail["councils"][0] == card["lead_council"]


def test_topics_have_one_order_everywhere(client, index_page):
    """By name, case and accents aside: the card, the detail's topics, the facets and the
    topics listing agree (a database's collation and Python's ``sorted`` do not)."""
    names = ["waste", "Ŵyn", "Wellbeing", "Adult care"]
    topics = [factories.make_topic(name) for name in names]
    page = factories.make_case_study(index_page, topics=topics)
    expected = ["Adult care", "waste", "Wellbeing", "Ŵyn"]
    card = listed(client)[0]
    assert [topic["name"] for topic in card["topics"]] == expected
    stock = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert [topic["name"] for topic in stock["topics"]] == expected
    facets = client.get(URL, {"facets": "topic"}).json()["meta"]["facets"]["topic"]
    assert [item["label"] for item in facets] == expected
    listing = client.get("/api/v2/topics/").json()["items"]
    assert [topic["name"] for topic in listing] == expected
    second = client.get("/api/v2/topics/", {"limit": 2, "offset": 2}).json()
    assert second["meta"]["total_count"] == 4
    assert [topic["name"] for topic in second["items"]] == expected[2:]


def test_publish_unpublish_and_drafts(client, lib):
    lib.draft.save_revision().publish()
    assert lib.draft.pk in card_ids()
    lib.bins.unpublish()
    assert lib.bins.pk not in card_ids()
    # A new draft of a live page changes nothing until it is published.
    lib.homes.title = "Dover: a retitled draft"
    lib.homes.save_revision()
    assert CaseStudyCard.objects.get(pk=lib.homes.pk).title == "Dover: homes for key workers"
    lib.homes.get_latest_revision().publish()
    assert CaseStudyCard.objects.get(pk=lib.homes.pk).title == "Dover: a retitled draft"
    assert_consistent(client)


def test_live_page_created_in_code_gets_its_councils_and_topics(client, index_page):
    """add_child of a live page (no revision): modelcluster saves the councils and topics after
    the page row, and the card follows."""
    kent, leeds = factories.make_council("Kent"), factories.make_council("Leeds")
    waste = factories.make_topic("Waste")
    page = CaseStudyPage(
        title="In code",
        slug="in-code",
        summary="S.",
        live=True,
        main_topic=waste,
        first_published_at=timezone.now(),
        publication_date=datetime.date(2022, 1, 1),
    )
    page.topics = [waste]
    page.council_links.add(CaseStudyCouncil(council=kent, sort_order=0))
    page.council_links.add(CaseStudyCouncil(council=leeds, sort_order=1))
    counts.recount_all()
    index_page.add_child(instance=page)
    card = listed(client)[0]
    assert card["lead_council"]["name"] == "Kent"
    assert card["topics"][0]["name"] == "Waste"
    assert_consistent(client)


def test_publishing_builds_the_card_once(client, index_page):
    """The page row, each council link and the topics each send a signal that refreshes the
    card; the save builds it once, after all of them."""
    councils = [factories.make_council(name) for name in ("Kent", "Leeds", "Dover")]
    topics = [factories.make_topic("Waste"), factories.make_topic("Housing")]
    page = factories.make_case_study(index_page, "Three councils", councils=councils, topics=topics)
    page.title = "Three councils, renamed"
    with CaptureQueriesContext(connection) as queries:
        page.save_revision().publish()
    card_table = CaseStudyCard._meta.db_table
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith(f'INSERT INTO "{card_table}"')
    ]
    assert len(writes) == 1, writes
    assert listed(client)[0]["title"] == "Three councils, renamed"
    assert_consistent(client)


def test_a_failed_card_build_leaves_the_page_unsaved(index_page, monkeypatch):
    """The card is built in the page save's own transaction: if building it fails, the page
    change is rolled back with it, and the card still matches the page."""
    from django.db import DatabaseError

    page = factories.make_case_study(index_page, "Before", councils=[factories.make_council()])

    def fail(ids):
        raise DatabaseError("the card could not be written")

    monkeypatch.setattr(sync, "build_rows", fail)
    page.title = "After"
    with pytest.raises(DatabaseError):
        page.save()
    monkeypatch.undo()
    assert CaseStudyPage.objects.get(pk=page.pk).title == "Before"
    assert CaseStudyCard.objects.get(pk=page.pk).title == "Before"


def test_privacy_changes(client, lib):
    restriction = PageViewRestriction.objects.create(
        page=lib.index_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert not card_ids() & {page.pk for page in lib.visible}
    assert listed(client) == []
    restriction.delete()
    assert {page.pk for page in lib.visible} <= card_ids()
    # Lifting the members-only section's restriction shows its case study.
    PageViewRestriction.objects.filter(page__title="Members only").delete()
    assert lib.private.pk in card_ids()
    assert_consistent(client)


def test_moves_and_slug_changes(client, lib, django_capture_on_commit_callbacks):
    members_only = Page.objects.get(title="Members only")
    lib.bins.refresh_from_db()
    lib.bins.move(members_only, pos="last-child")
    assert lib.bins.pk not in card_ids()
    Page.objects.get(pk=lib.bins.pk).move(lib.index_page, pos="last-child")
    assert lib.bins.pk in card_ids()
    # A new slug on the index changes every URL below it: Wagtail rewrites their URL paths after
    # the index's own save, so their cards are refreshed when the change commits.
    lib.index_page.refresh_from_db()
    lib.index_page.slug = "library"
    with django_capture_on_commit_callbacks(execute=True):
        lib.index_page.save_revision().publish()
    assert {item["path"].split("/")[1] for item in listed(client)} == {"library"}
    assert_consistent(client)


def test_deleting_pages_and_sections(client, lib):
    Page.objects.get(pk=lib.security.pk).delete()
    assert lib.security.pk not in card_ids()
    # A whole section with view restrictions, council links and topics goes at once.
    Page.objects.get(title="Members only").delete()
    lib.index_page.delete()
    assert card_ids() == {lib.elsewhere.pk}
    assert_consistent(client)


def test_snippet_image_and_site_changes(client, lib):
    lib.kent.name = "Kent Council"
    lib.kent.region = Region.LONDON
    lib.kent.save()
    lib.waste.name = "Waste and recycling"
    lib.waste.save()
    lib.ope.name = "OPE"
    lib.ope.save()
    card = next(item for item in listed(client) if item["id"] == lib.bins.pk)
    assert card["lead_council"]["name"] == "Kent Council"
    assert card["topics"][0]["name"] == "Waste and recycling"
    assert card["support_type"]["name"] == "OPE"
    assert CaseStudyCard.objects.get(pk=lib.bins.pk).regions == 1 << Region.values.index("london")
    image = factories.make_image()
    lib.bins.hero_image = image
    lib.bins.save_revision().publish()
    image.title = "Renamed"
    image.save()
    card = next(item for item in listed(client) if item["id"] == lib.bins.pk)
    assert card["hero_thumbnail"]["alt"] == "Renamed"
    image.delete()
    assert next(i for i in listed(client) if i["id"] == lib.bins.pk)["hero_thumbnail"] is None
    lib.ope.delete()
    lib.waste.delete()
    site = Site.objects.get(is_default_site=True)
    site.port = 8080
    site.save()
    assert all(":8080/" in item["url"] for item in listed(client, "testserver"))
    assert_consistent(client)


def test_cards_of_another_format_are_built_when_served_and_stored_after_migrate(client, lib):
    """A card of another format (an upgrade, a changed setting) is served built afresh, but
    reading never writes: the next migrate (or casestudies_rebuild_cards) stores it."""
    CaseStudyCard.objects.update(data={}, format=0)
    with CaptureQueriesContext(connection) as queries:
        assert listed(client) == expected_cards()
    assert not [q["sql"] for q in queries.captured_queries if not q["sql"].startswith("SELECT")]
    assert set(CaseStudyCard.objects.values_list("format", flat=True)) == {0}
    sync.refresh_after_migrate()
    assert set(CaseStudyCard.objects.values_list("format", flat=True)) == {build.card_format()}
    assert listed(client) == expected_cards()


def test_rebuild_all_matches_the_signal_maintained_table(client, lib):
    before = {
        card.pk: (card.path, card.data, card.council_types, card.regions)
        for card in CaseStudyCard.objects.all()
    }
    CaseStudyCard.objects.all().delete()
    assert sync.rebuild_all() == len(before)
    after = {
        card.pk: (card.path, card.data, card.council_types, card.regions)
        for card in CaseStudyCard.objects.all()
    }
    assert after == before


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: real concurrent transactions (SQLite lets one writer in at a time)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_changes_keep_the_counts_exact():
    """Writers publishing and unpublishing at once, each in its own transaction: every one's
    difference lands on the others' (the counts lock), none is lost."""
    if not Site.objects.filter(is_default_site=True).exists():
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=Page(title="Home", slug="home"))
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    index_page = factories.make_index_page()
    topics = [factories.make_topic(f"Topic {n}") for n in range(3)]
    pages = [
        factories.make_case_study(index_page, title=f"Case study {n}", topics=[topics[n % 3]])
        for n in range(8)
    ]
    counts.recount_all()
    errors = []
    writers = 6
    barrier = threading.Barrier(writers)

    def writer(page_id: int) -> None:
        try:
            page = CaseStudyPage.objects.get(pk=page_id)
            barrier.wait()
            for _ in range(5):
                page.unpublish()
                page.save_revision().publish()
                page.refresh_from_db()  # publish() saved a copy
            page.unpublish()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(page.pk,)) for page in pages[:writers]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert card_ids() == {page.pk for page in pages[writers:]}
    assert_counts_exact()
    assert CaseStudyCardCounts.objects.get().counts["total"] == 2


def test_a_page_delete_rolled_back_leaves_its_card_refreshed_by_later_changes(client, lib):
    """A delete that fails half way (here a later pre_delete receiver refuses it) is rolled
    back; the page's later changes still reach its card."""

    def refuse(sender, instance, **kwargs):
        raise RuntimeError("not today")

    pre_delete.connect(refuse, sender=CaseStudyPage, dispatch_uid="test_refuse_delete")
    try:
        with pytest.raises(RuntimeError), transaction.atomic():
            CaseStudyPage.objects.get(pk=lib.bins.pk).delete()
    finally:
        pre_delete.disconnect(dispatch_uid="test_refuse_delete", sender=CaseStudyPage)
    page = CaseStudyPage.objects.get(pk=lib.bins.pk)
    page.title = "Kent: bins, renamed after a failed delete"
    page.save_revision().publish()
    assert CaseStudyCard.objects.get(pk=page.pk).title == page.title
    assert_consistent(client)


def test_receivers_name_their_senders_so_django_can_still_fast_delete(db):
    """A receiver of pre_delete or post_delete for every sender would make Django load and
    signal each row of every model it deletes (sessions, log entries, …) instead of one
    DELETE."""
    for model in (Session, LogEntry):
        assert Collector(using="default").can_fast_delete(model.objects.all()), model


@pytest.mark.parametrize("choices", ["CouncilType", "Region"])
def test_the_card_format_follows_the_choice_lists_its_bit_masks_number(db, monkeypatch, choices):
    before = build.card_format()
    monkeypatch.setattr(
        build, choices, models.TextChoices(choices, [("east", "East"), ("west", "West")])
    )
    assert build.card_format() != before


def test_rebuild_cards_check_reports_what_bulk_writes_left_behind(lib):
    call_command("casestudies_rebuild_cards", "--check", stdout=io.StringIO())
    # Bulk writes bypass the signals, as they do for Wagtail's search index.
    CaseStudyPage.objects.filter(pk=lib.bins.pk).update(title="Renamed in bulk")
    CaseStudyPage.objects.filter(pk=lib.draft.pk).update(live=True)
    errors = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("casestudies_rebuild_cards", "--check", stderr=errors)
    assert raised.value.returncode == 1
    assert f"stale: 1 case studies ({lib.bins.pk})" in errors.getvalue()
    assert f"missing: 1 case studies ({lib.draft.pk})" in errors.getvalue()
    call_command("casestudies_rebuild_cards", stdout=io.StringIO())
    call_command("casestudies_rebuild_cards", "--check", stdout=io.StringIO())
    assert CaseStudyCard.objects.get(pk=lib.bins.pk).title == "Renamed in bulk"
