"""One rule for whether a council is active, on one clock: the date in the site's time zone.

The model, the admin's filter, the API's ``active`` filter and every card and detail agree on
it, and a response's ETag changes at midnight, when ``is_active`` may. The clock is moved by
replacing ``django.utils.timezone.now`` (what ``timezone.localdate()`` reads), in the test only.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from tests import factories
from wagtail_casestudies.models import Council

# 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): the server's UTC clock says June.
LATE_JUNE_UTC = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)
JUNE_30 = datetime.date(2026, 6, 30)
JULY_1 = datetime.date(2026, 7, 1)


@pytest.fixture
def clock(monkeypatch, settings):
    """The time, which a test moves with ``clock.set(aware datetime)``."""
    settings.TIME_ZONE = "Europe/London"

    class Clock:
        now = LATE_JUNE_UTC

        def set(self, value: datetime.datetime) -> None:
            self.now = value

    fixed = Clock()
    monkeypatch.setattr(timezone, "now", lambda: fixed.now)
    cache.clear()
    return fixed


@pytest.fixture
def councils(db, clock):
    """One council whose last day was yesterday (30 June, London time), one whose last day is
    today (1 July), one not yet formed (from tomorrow), each lead council of a case study."""
    index = factories.make_index_page()
    ended = factories.make_council("Ended Yesterday Council", valid_to=JUNE_30)
    ending = factories.make_council("Ending Today Council", valid_to=JULY_1)
    future = factories.make_council(
        "Formed Tomorrow Council", valid_from=JULY_1 + datetime.timedelta(days=1)
    )
    pages = {
        council.slug: factories.make_case_study(index, f"{council.name}: work", councils=[council])
        for council in (ended, ending, future)
    }
    return ended, ending, future, pages


def test_the_day_is_the_sites_not_the_servers(clock):
    from wagtail_casestudies.models.snippets import today

    assert today() == JULY_1  # London, though it is still 30 June in UTC


def test_the_model_and_its_querysets_agree(councils):
    ended, ending, future, _pages = councils
    assert not ended.is_active and ending.is_active and not future.is_active
    assert set(Council.objects.active()) == {ending}
    # "Abolished" is exactly what is not active, wherever it is asked.
    assert set(Council.objects.abolished()) == {ended, future}
    assert str(ended) == "Ended Yesterday Council (until 2026)"
    assert str(ending) == "Ending Today Council"


def test_the_admin_filter_uses_the_rule(admin_client, councils):
    ended, ending, future, _pages = councils
    url = reverse("wagtailsnippets_wagtail_casestudies_council:list")
    active = admin_client.get(url, {"status": "active"})
    assert active.status_code == 200
    assert [c.pk for c in active.context["object_list"]] == [ending.pk]
    abolished = admin_client.get(url, {"status": "abolished"})
    assert {c.pk for c in abolished.context["object_list"]} == {ended.pk, future.pk}


def test_the_api_filter_uses_the_rule(client, councils):
    ended, ending, future, _pages = councils
    active = client.get("/api/v2/councils/", {"active": "true"}).json()
    assert [item["id"] for item in active["items"]] == [ending.pk]
    assert active["items"][0]["is_active"] is True
    inactive = client.get("/api/v2/councils/", {"active": "false"}).json()
    assert {item["id"] for item in inactive["items"]} == {ended.pk, future.pk}
    assert {item["is_active"] for item in inactive["items"]} == {False}


def test_cards_and_details_use_the_rule(client, councils):
    ended, ending, future, pages = councils
    cards = {
        card["lead_council"]["slug"]: card["lead_council"]["is_active"]
        for card in client.get("/api/v2/case-studies/").json()["items"]
    }
    assert cards == {ended.slug: False, ending.slug: True, future.slug: False}
    detail = client.get(f"/api/v2/case-studies/{pages[ending.slug].pk}/").json()
    assert detail["lead_council"]["is_active"] is True
    assert detail["councils"][0]["is_active"] is True
    detail = client.get(f"/api/v2/case-studies/{pages[ended.slug].pk}/").json()
    assert detail["councils"][0]["is_active"] is False


def test_the_etag_changes_at_midnight(client, councils, clock):
    ended, ending, future, pages = councils
    url = f"/api/v2/case-studies/{pages[ending.slug].pk}/"
    # 23:59 on 1 July in London: the council's last day.
    clock.set(datetime.datetime(2026, 7, 1, 22, 59, tzinfo=datetime.UTC))
    first = client.get(url)
    assert first.json()["lead_council"]["is_active"] is True
    etag = first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # Two minutes later it is 2 July: the same content, but not the same answer.
    clock.set(datetime.datetime(2026, 7, 1, 23, 1, tzinfo=datetime.UTC))
    after = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert after["ETag"] != etag
    assert after.json()["lead_council"]["is_active"] is False
    # The listing changes too: one council ended, another formed.
    items = client.get("/api/v2/case-studies/").json()["items"]
    active = {card["lead_council"]["slug"]: card["lead_council"]["is_active"] for card in items}
    assert active == {ended.slug: False, ending.slug: False, future.slug: True}
