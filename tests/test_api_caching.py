"""Caching headers, and invalidation (with front-end cache purges) when content changes."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Page

from tests import factories
from tests.recording_purge_backend import PURGED

URL = "/api/v2/case-studies/"


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    yield from factories.shared_library(django_db_blocker)


@pytest.fixture(autouse=True)
def clean(db):
    cache.clear()
    PURGED.clear()


def total(client, **params):
    return client.get(URL, params).json()["meta"]["total_count"]


def test_etag_cache_control_and_304(client, lib):
    response = client.get(URL)
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"].startswith('W/"')
    again = client.get(URL, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == response["ETag"]
    assert client.get(URL + "?limit=1", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200
    with override_settings(WAGTAIL_CASESTUDIES={"API_CACHE_CONTROL": "no-cache"}):
        assert client.get("/api/v2/topics/")["Cache-Control"] == "no-cache"
    assert client.get(f"{URL}{lib.bins.pk}/")["ETag"] != response["ETag"]


def test_publishing_invalidates_and_purges(client, lib, django_capture_on_commit_callbacks):
    etag = client.get(URL)["ETag"]
    before = total(client)
    with django_capture_on_commit_callbacks(execute=True):
        page = factories.make_case_study(lib.index_page, "Kent: new", councils=[lib.kent])
    assert total(client) == before + 1
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert "http://localhost/api/v2/case-studies/" in PURGED
    assert f"http://localhost/api/v2/case-studies/{page.pk}/" in PURGED
    assert f"http://localhost/api/v3/case-studies/{page.pk}/" in PURGED or not _has_v3()
    assert "http://localhost/api/v2/councils/" in PURGED
    assert "http://other.example/api/v2/topics/" in PURGED


def _has_v3():
    from wagtail_casestudies.compat import HAS_API_V3

    return HAS_API_V3


def test_unpublishing_moving_and_deleting_invalidate(
    client, lib, django_capture_on_commit_callbacks
):
    assert total(client) == 3
    with django_capture_on_commit_callbacks(execute=True):
        lib.homes.unpublish()
    assert total(client) == 2
    assert f"http://localhost/api/v2/case-studies/{lib.homes.pk}/" in PURGED

    other_index = factories.make_index_page(title="Archive")
    lib.bins.refresh_from_db()
    lib.bins.move(other_index, pos="last-child")
    card = client.get(URL, {"council": "kent-county-council"}).json()["items"][0]
    assert card["path"] == "/archive/kent-fewer-missed-bins/"

    Page.objects.get(pk=lib.security.pk).delete()
    assert total(client) == 1


def test_snippet_changes_invalidate(client, lib):
    assert client.get(URL).json()["items"][1]["lead_council"]["name"] == "Kent County Council"
    lib.kent.name = "Kent Council"
    lib.kent.save()
    assert client.get(URL).json()["items"][1]["lead_council"]["name"] == "Kent Council"
    lib.waste.name = "Waste and recycling"
    lib.waste.save()
    topics = client.get("/api/v2/topics/").json()["items"]
    assert "Waste and recycling" in [t["name"] for t in topics]


def test_making_a_section_private_hides_it_at_once(client, lib):
    assert total(client) == 3
    factories.make_private(lib.index_page)
    assert total(client) == 0
    assert client.get(f"{URL}{lib.bins.pk}/").status_code == 404
    assert client.get("/api/v2/councils/?has_case_studies=true").json()["items"] == []


def test_site_changes_are_seen_at_once(client, lib):
    """The site serving a host is kept in the cache per content version; saving a site bumps
    the version. (New query strings, so no cached response hides a stale site.)"""

    def count(host, **params):
        return client.get(URL, params, HTTP_HOST=host).json()["meta"]["total_count"]

    assert count("other.example") == 1
    assert count("unknown.example") == 3  # no site of its own: the default site
    lib.other_site.hostname = "renamed.example"
    lib.other_site.save()
    assert count("other.example", limit=5) == 3
    assert count("renamed.example", limit=5) == 1


def test_a_search_text_cannot_borrow_another_requests_cache_entry(client, lib):
    """Cache keys keep their parts apart: a search text holding the old separator and the
    other parts of a filtered search's key must not fill that search's cache entry."""
    filtered = client.get(URL, {"topic": "waste", "search": "bins"}).json()
    cache.clear()
    crafted = "\x1f".join([repr([("topic", ["waste"])]), "False", "", "bins"])
    client.get(URL, {"search": crafted})
    assert client.get(URL, {"topic": "waste", "search": "bins"}).json() == filtered
