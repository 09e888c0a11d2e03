"""What one process changes, the others see on their next request, with Django's default cache.

A real site runs several processes: web workers, ``publish_scheduled`` from cron, a ``manage.py
shell``. Here a development server on 127.0.0.1 answers the API, with the test settings' default
per-process cache, while other processes expire and unpublish case studies in the same SQLite
database. The server must answer from the new content on its very next request: no stale
listing, facet, search or detail, and no 304 for an ETag of content that has gone.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="the processes share a SQLite file; the behaviour does not depend on the database",
)

SETUP = """
import datetime
from django.utils import timezone
from tests import factories
from wagtail_casestudies.models import CaseStudyPage

index = factories.make_index_page()
kent = factories.make_council("Kent County Council")
for title in ("Kent: expiring wombats", "Kent: unpublished otters", "Kent: staying badgers"):
    factories.make_case_study(index, title, councils=[kent])
# Expired a minute ago: publish_scheduled unpublishes it.
CaseStudyPage.objects.filter(title__contains="wombats").update(
    expire_at=timezone.now() - datetime.timedelta(minutes=1)
)
print(
    json.dumps(dict(CaseStudyPage.objects.values_list("slug", "pk"))),
)
"""

UNPUBLISH = """
from wagtail_casestudies.models import CaseStudyPage
CaseStudyPage.objects.get(title__contains="otters").unpublish()
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    """The API of a server on 127.0.0.1, and the environment of its other processes."""

    def __init__(self, env: dict, base_url: str):
        self.env = env
        self.base_url = base_url

    def run(self, *args: str, script: str | None = None) -> str:
        command = [sys.executable, "-m", "django", *args]
        if script is not None:
            command = [sys.executable, "-c", "import json, django\ndjango.setup()\n" + script]
        done = subprocess.run(
            command, cwd=ROOT, env=self.env, check=True, capture_output=True, text=True
        )
        return done.stdout

    def get(self, path: str, **headers) -> tuple[int, dict, dict]:
        request = urllib.request.Request(self.base_url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = response.read()
                return response.status, dict(response.headers), json.loads(body or b"{}")
        except urllib.error.HTTPError as error:
            body = error.read()
            return error.code, dict(error.headers), json.loads(body) if body else {}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("processes")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    port = free_port()
    site = Site(env, f"http://127.0.0.1:{port}")
    site.run("migrate", "--no-input")
    site.ids = json.loads(site.run(script=SETUP).strip().splitlines()[-1])
    log = open(folder / "server.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                site.get("/api/v2/topics/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


LISTING = "/api/v2/case-studies/?facets=year,region&limit=10"


def listing(site: Site) -> dict:
    status, _headers, data = site.get(LISTING)
    assert status == 200, data
    return data


def search_total(site: Site, word: str) -> tuple[int, int]:
    status, _headers, data = site.get(f"/api/v2/case-studies/?search={word}")
    assert status == 200, data
    return data["meta"]["total_count"], len(data["items"])


def test_changes_made_by_other_processes_are_served_at_once(site):
    wombats = site.ids["kent-expiring-wombats"]
    otters = site.ids["kent-unpublished-otters"]
    # The server answers, and keeps each answer in its own (per-process) cache.
    status, headers, _data = site.get(f"/api/v2/case-studies/{wombats}/")
    assert status == 200
    old_etag = headers["ETag"]
    assert site.get(f"/api/v2/case-studies/{wombats}/", **{"If-None-Match": old_etag})[0] == 304
    assert listing(site)["meta"]["total_count"] == 3
    assert search_total(site, "wombats") == (1, 1)

    # Cron runs publish_scheduled in its own process: the page expires.
    site.run("publish_scheduled")
    status, _headers, _data = site.get(f"/api/v2/case-studies/{wombats}/")
    assert status == 404
    status, _headers, _data = site.get(
        f"/api/v2/case-studies/{wombats}/", **{"If-None-Match": old_etag}
    )
    assert status == 404  # never a 304 for content that has gone
    data = listing(site)
    assert data["meta"]["total_count"] == 2
    assert sum(item["count"] for item in data["meta"]["facets"]["year"]) == 2
    assert wombats not in [item["id"] for item in data["items"]]
    assert search_total(site, "wombats") == (0, 0)

    # An editor unpublishes another from a manage.py shell.
    status, headers, _data = site.get(f"/api/v2/case-studies/{otters}/")
    assert status == 200
    otters_etag = headers["ETag"]
    listing_etag = site.get(LISTING)[1]["ETag"]
    site.run("shell", "--command", UNPUBLISH)
    assert site.get(f"/api/v2/case-studies/{otters}/")[0] == 404
    assert site.get(f"/api/v2/case-studies/{otters}/", **{"If-None-Match": otters_etag})[0] == 404
    assert site.get(LISTING, **{"If-None-Match": listing_etag})[0] == 200
    data = listing(site)
    assert data["meta"]["total_count"] == 1
    assert sum(item["count"] for item in data["meta"]["facets"]["year"]) == 1
    assert search_total(site, "otters") == (0, 0)
