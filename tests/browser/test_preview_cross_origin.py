"""Headless preview with the front end on another origin, in Chromium: the CMS on 127.0.0.1,
the front end on localhost (another origin, and another cookie jar). An editor changes a case
study without saving and presses Preview: Wagtail's panel is sent to the front end's origin,
which reads the draft from the CMS's origin across origins (CORS) with its token alone, and
shows it. Nothing is refused by CORS, the Content-Security-Policy or X-Frame-Options."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import _SERVER_ENV, EXAMPLE_DIR, free_port, wait_for
from .test_admin_preview import api, log_in

DRAFT_TITLE = "Draft: previewed on the front end's own origin"


@contextlib.contextmanager
def run_server(env: dict, port: int, log_path: Path) -> Iterator[subprocess.Popen]:
    """``manage.py runserver`` on 127.0.0.1:``port`` until the block ends (the conftest's
    ``served``, without waiting: both origins start at once, then ``wait_for`` each)."""
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=EXAMPLE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def two_origins(server):
    """(CMS, front end): the example site on its database, twice. The CMS sends previews to
    the front end (FRONTEND_URL) and lets it read (CORS_ALLOWED_ORIGINS); the front end reads
    the CMS's API and preview data (FRONTEND_API_ORIGIN) and lets the CMS's admin frame it."""
    if not _SERVER_ENV:
        pytest.skip("BROWSER_TEST_SERVER: start a CMS and a front end by hand for this test")
    cms_port, front_port = free_port(), free_port()
    while front_port == cms_port:
        front_port = free_port()
    cms, front_end = f"http://127.0.0.1:{cms_port}", f"http://localhost:{front_port}"
    env = dict(_SERVER_ENV)
    folder = Path(env.pop("SERVER_LOG_FOLDER"))
    cms_env = {
        **env,
        "WAGTAILADMIN_BASE_URL": cms,
        "FRONTEND_URL": f"{front_end}/frontend/",
        "CORS_ALLOWED_ORIGINS": front_end,
    }
    front_env = {**env, "FRONTEND_API_ORIGIN": cms}
    with (
        run_server(cms_env, cms_port, folder / "preview-cms.log"),
        run_server(front_env, front_port, folder / "preview-front-end.log"),
    ):
        # Two processes importing Django and Wagtail on a busy machine: allow them time.
        wait_for(f"{cms}/frontend/", timeout=240)
        wait_for(f"http://127.0.0.1:{front_port}/frontend/", timeout=240)
        yield cms, front_end


def test_an_editors_draft_shows_on_a_front_end_on_another_origin(two_origins, page, screenshot):
    cms, front_end = two_origins
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    data_responses = []
    page.on(
        "response",
        lambda response: (
            data_responses.append(response) if "/frontend/preview/data/" in response.url else None
        ),
    )
    case_study = api(cms, "case-studies/", limit=1)["items"][0]
    log_in(page, cms)
    page.goto(f"{cms}/admin/pages/{case_study['id']}/edit/")
    page.locator("#id_title").fill(DRAFT_TITLE)  # changed, not saved

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe[id='w-preview-iframe']")
    expect(preview.get_by_role("heading", level=1)).to_have_text(DRAFT_TITLE, timeout=20_000)
    expect(preview.get_by_role("note")).to_contain_text("unsaved draft")
    screenshot(page, "admin-preview-cross-origin", full_page=False)

    # The panel shows the front end's origin, which read the draft from the CMS's.
    frames = [frame.url for frame in page.frames if frame.url.startswith(front_end)]
    assert frames and "/frontend/preview/?token=" in frames[-1], [f.url for f in page.frames]
    assert data_responses, "the front end never asked for the preview data"
    response = data_responses[-1]
    assert response.url.startswith(f"{cms}/frontend/preview/data/?token=")
    assert response.status == 200
    assert response.headers["access-control-allow-origin"] == front_end
    # The token is the only credential: no cookie of the CMS went with it.
    assert "cookie" not in response.request.all_headers()

    # Images are not checked: their URLs come from the Site record, which names the first
    # server's port (the one the demo content was loaded for), not this CMS's.
    refused = [
        text
        for text in console
        if ("CORS" in text or "X-Frame-Options" in text or "Content Security Policy" in text)
        and "img-src" not in text
    ]
    assert not refused, refused
    # The draft is still nowhere in the public API.
    found = api(cms, "case-studies/", search=DRAFT_TITLE, limit=100)["items"]
    assert all(item["title"] != DRAFT_TITLE for item in found)
