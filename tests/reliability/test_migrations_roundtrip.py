"""Migrations with data present: down one step at a time, forward again, to zero and back, on
whichever database the suite runs on; and an upgrade test for every migration that changes data.

Migrating the package to zero while its pages exist is refused (``migration_guard``): the pages'
rows in Wagtail's page tree would be left pointing at dropped tables. Without pages it succeeds
and drops the snippets and submissions, as zero means.
"""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython, RunSQL
from wagtail.blocks import StreamValue
from wagtail.models import Page, Site

from tests import factories
from tests.submissions_support import valid_payload
from wagtail_casestudies.models import CaseStudyPage, Council, Topic
from wagtail_casestudies.submissions.models import CaseStudySubmission

APP = "wagtail_casestudies"
# Migrations that change data (RunPython/RunSQL), each with an upgrade test in this module.
DATA_MIGRATIONS = {
    "0003_card_cache": "check_0003_filled_the_card_cache",
    "0004_card_counts": "check_0004_filled_the_topic_ids",
    "0005_content_version": "check_0005_started_the_content_version",
    "0010_fill_locales": "check_0010_filled_the_locales",
    "0014_admin_shaped_block_values": "check_0014_shaped_the_stored_blocks",
}

# Real migrations on the test database, so transactional; serialized_rollback: start from the
# migrated database's own data (root page, site, locale).
migrating = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def migrate(target: str | None = None) -> None:
    args = [APP, target] if target else [APP]
    call_command("migrate", *args, verbosity=0, stdout=io.StringIO())


def migrations() -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    names = sorted(name for app, name in loader.disk_migrations if app == APP)
    return names


def tables() -> set[str]:
    return {name for name in connection.introspection.table_names() if name.startswith(APP)}


def unapplied() -> list[str]:
    """The package's migrations not applied to the test database."""
    loader = MigrationLoader(connection)
    return sorted(
        name
        for app, name in loader.disk_migrations
        if app == APP and (app, name) not in loader.applied_migrations
    )


@pytest.fixture
def at_latest():
    """Whatever a test does, the database ends with every migration applied. (Only migrated when
    it is not: a migrate that has nothing to do still builds every app's state and sends
    post_migrate, seconds for nothing.)"""
    yield
    if unapplied():
        migrate()


def default_site():
    """Transactional tests start from an emptied database: make the root page and the site."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=Page(title="Home", slug="home"))
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return site


def listing(client) -> dict:
    cache.clear()
    response = client.get("/api/v2/case-studies/", {"fields": "*", "facets": "topic,region"})
    assert response.status_code == 200, response.content
    return response.json()


def make_content():
    default_site()
    index_page = factories.make_index_page()
    lib = factories.make_api_library(index_page)
    lib.index_page = index_page
    lib.hub = factories.make_hub_page(index_page)
    council = lib.kent
    CaseStudySubmission.objects.create(
        source="api",
        title="A submission",
        summary="Short.",
        contact_name="Sam",
        contact_email="sam@example.org",
        data=valid_payload(councils=[council]),
        payload_hash="x",
    )
    # A body as imports stored it before the blocks shaped their values: 0014 repairs it.
    field = CaseStudyPage._meta.get_field("body")
    stored = [*CaseStudyPage.objects.get(pk=lib.bins.pk).body.raw_data, UNSHAPED_IMPACT]
    CaseStudyPage.objects.filter(pk=lib.bins.pk).update(
        body=StreamValue(field.stream_block, stored, is_lazy=True)
    )
    return lib


UNSHAPED_IMPACT = {
    "type": "impact",
    "value": {"text": "<p>Collections rose.</p>", "figures_note": None},
    "id": "unshaped-impact",
}


def test_every_data_migration_has_an_upgrade_test():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    changing = {
        name
        for (app, name), migration in loader.disk_migrations.items()
        if app == APP
        and any(isinstance(operation, RunPython | RunSQL) for operation in migration.operations)
    }
    assert changing == set(DATA_MIGRATIONS), (
        "A migration changes data: add an upgrade test for it here and list it in DATA_MIGRATIONS"
    )
    for test_name in DATA_MIGRATIONS.values():
        assert test_name in globals(), test_name


@migrating
def test_down_step_by_step_and_up_again_with_data(client, at_latest, figures):
    lib = make_content()
    before = listing(client)
    pages = CaseStudyPage.objects.count()
    names = migrations()
    # Down one migration at a time to the first: the content stays.
    for target in reversed(names[:-1]):
        migrate(target)
        assert CaseStudyPage.objects.count() == pages
        assert Council.objects.filter(pk=lib.kent.pk).exists()
        figures.add("migrations", f"steps down with data ({connection.vendor})")
    # Up one at a time to the latest, checking what each data migration did: the API answers
    # as it did.
    for target in names[1:]:
        migrate(target)
        figures.add("migrations", f"steps up with data ({connection.vendor})")
        check = globals().get(DATA_MIGRATIONS.get(target, ""))
        if check is not None:
            check(lib)
            figures.add("migrations", f"data upgrades checked ({connection.vendor})")
    assert listing(client) == before


def check_0003_filled_the_card_cache(lib):
    """0003 made a card row for every live, public case study, with the filter columns."""
    from wagtail_casestudies.models.cards import CaseStudyCard, council_type_bit, region_bit

    # Only the columns 0003 made (later migrations add others).
    columns = ("path", "title", "publication_date", "year", "is_covid19", "support_type")
    only = CaseStudyCard.objects.only(*columns, "council_types", "regions")
    cards = {card.page_id: card for card in only}
    # Live and public, on any site (the listing filters by site on the copied path): not the
    # draft, not the page in the password-protected section.
    assert set(cards) == {lib.bins.pk, lib.homes.pk, lib.security.pk, lib.elsewhere.pk}
    bins = cards[lib.bins.pk]
    assert (bins.title, bins.publication_date, bins.year) == (
        lib.bins.title,
        lib.bins.publication_date,
        2021,
    )
    assert bins.support_type_id == lib.ope.pk and bins.is_covid19 is False
    assert bins.council_types == council_type_bit("county")
    assert bins.regions == region_bit("south_east")
    assert cards[lib.homes.pk].council_types == council_type_bit("district")
    assert bins.path == CaseStudyPage.objects.get(pk=lib.bins.pk).path


def check_0004_filled_the_topic_ids(lib):
    """0004 gave every card the ids of its case study's topics."""
    from wagtail_casestudies.models.cards import CaseStudyCard

    through = CaseStudyPage.topics.through
    cards = dict(CaseStudyCard.objects.values_list("pk", "topic_ids"))
    assert cards[lib.bins.pk] == [lib.waste.pk]
    for pk, topic_ids in cards.items():
        links = through.objects.filter(casestudypage_id=pk).order_by("topic_id")
        assert topic_ids == list(links.values_list("topic_id", flat=True))


def check_0005_started_the_content_version(lib):
    """0005 made the content version's row, starting from the clock (microseconds), so no
    version an old ETag or cache key holds can come again."""
    from wagtail_casestudies.models import ContentVersion

    [row] = ContentVersion.objects.all()
    assert row.pk == 1
    assert row.version > 1_600_000_000 * 10**6  # after 2020, in microseconds


def check_0014_shaped_the_stored_blocks(lib):
    """0014 gave a struct value stored with a null text and missing children the editor's shape,
    keeping its text."""
    body = list(CaseStudyPage.objects.get(pk=lib.bins.pk).body.raw_data)
    (impact,) = [block for block in body if block["id"] == UNSHAPED_IMPACT["id"]]
    assert impact["value"] == {
        "text": "<p>Collections rose.</p>",
        "cost_saving": None,
        "income_generated": None,
        "figures_note": "",
    }


def check_0010_filled_the_locales(lib):
    """0010 put every topic and support programme in the default locale, each with a
    translation key of its own, and every card in its page's locale."""
    from wagtail.models import Locale

    from wagtail_casestudies.models import CaseStudyCard, SupportType

    default = Locale.get_default()
    for model in (Topic, SupportType):
        rows = list(model.objects.values_list("locale_id", "translation_key"))
        assert rows and {locale for locale, _key in rows} == {default.pk}
        assert len({key for _locale, key in rows}) == len(rows)
    cards = CaseStudyCard.objects.values_list("locale_id", "page__locale_id")
    assert cards and all(card == page for card, page in cards)


@migrating
def test_zero_is_refused_while_pages_exist_and_then_runs_both_ways(client, at_latest, figures):
    lib = make_content()
    with pytest.raises(CommandError, match=r"page\(s\) of its types still exist"):
        migrate("zero")
    # Refused before any operation ran: every table and row is still there.
    assert tables() and CaseStudyPage.objects.filter(pk=lib.bins.pk).exists()
    assert listing(client)["meta"]["total_count"] == 3

    # Once an editor has deleted the pages, zero drops the package's tables ...
    for page in (lib.index_page, lib.private.get_parent(), lib.elsewhere.get_parent()):
        page.delete()
    assert not CaseStudyPage.objects.exists()
    migrate("zero")
    assert tables() == set()
    # ... and the package migrates up from nothing again.
    migrate()
    assert tables()
    assert not Council.objects.exists() and not Topic.objects.exists()
    assert listing(client)["meta"]["total_count"] == 0
    figures.add("migrations", f"zero and back ({connection.vendor})")
