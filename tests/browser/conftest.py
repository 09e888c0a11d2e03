"""Browser tests of the example site: Playwright for Python driving Debian's Chromium.

They run against a real server: the example site (``example_site.settings``) set up the way
``scripts/example`` sets it up (migrate, the council register, the demo content) in a temporary
SQLite database, served by ``manage.py runserver`` on a free port of 127.0.0.1. Run them with::

    PYTHONPATH=example_site pytest -p no:cacheprovider --ds example_site.settings tests/browser

(``scripts/test`` does, in the newest environment). Under the package's own test settings they
are not collected. Screenshots go to tests/artifacts/screenshots/.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

EXAMPLE_SETTINGS = "example_site.settings"
if os.environ.get("DJANGO_SETTINGS_MODULE") != EXAMPLE_SETTINGS:
    collect_ignore_glob = ["test_*.py"]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = ROOT / "example_site"
SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ADMIN = ("admin", "changeme")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def site_env(folder: Path, database: Path, base_url: str = "http://127.0.0.1:8000") -> dict:
    """The environment the example site's processes run in."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": EXAMPLE_SETTINGS,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "WAGTAILADMIN_BASE_URL": base_url,
        "PYTHONPATH": f"{EXAMPLE_DIR}{os.pathsep}{ROOT}",
    }


def run_in_site(env: dict, *commands: list[str]) -> None:
    """Run management commands in one process of the example site (each process spends seconds
    importing Django and Wagtail), as ``manage.py`` would run them one by one."""
    script = (
        "import django\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "from django.db import connections\n"
        f"for command in {list(commands)!r}:\n"
        "    call_command(*command)\n"
        # Closing the last connection writes SQLite's write-ahead log into the file, for copying.
        "connections.close_all()\n"
    )
    subprocess.run(
        [sys.executable, "-c", script],
        cwd=EXAMPLE_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> Path:
    """A SQLite file with the example site's migrations applied and nothing else: the server's
    database starts as a copy of it, and so does the one the in-process tests use (which spares
    migrating a second time)."""
    folder = tmp_path_factory.mktemp("example-site-template")
    database = folder / "migrated.sqlite3"
    run_in_site(site_env(folder, database), ["migrate", "--no-input"])
    return database


@pytest.fixture(scope="session")
def django_db_setup(request, tmp_path_factory, django_db_blocker):
    """In-process tests (the ones using ``db``) run on a copy of the migrated database, each in a
    transaction rolled back after it, instead of migrating a test database of their own."""
    from django.db import connections

    connection = connections["default"]
    if connection.vendor != "sqlite":  # DATABASE_URL set to another database: make a test one
        from django.test.utils import setup_databases, teardown_databases

        with django_db_blocker.unblock():
            config = setup_databases(verbosity=0, interactive=False)
        yield
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=0)
        return
    database = tmp_path_factory.mktemp("example-site-tests") / "tests.sqlite3"
    shutil.copyfile(request.getfixturevalue("migrated_database"), database)
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict["NAME"] = str(database)
    yield


@pytest.fixture(scope="session")
def second_origin_port() -> int:
    """The port the front end is also served from, as another origin (test_cross_origin.py):
    chosen before the main server starts, which must list it in CORS_ALLOWED_ORIGINS."""
    return free_port()


_SERVER_ENV: dict = {}


@contextlib.contextmanager
def served(env: dict, port: int, log_path: Path) -> Iterator[str]:
    """The example site run by ``manage.py runserver`` on 127.0.0.1:``port`` until the block
    ends; yields its base URL once it answers."""
    base_url = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=EXAMPLE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(base_url + "/frontend/")
            yield base_url
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(request, tmp_path_factory, second_origin_port):
    """The example site, set up from scratch and served on 127.0.0.1; yields its base URL.

    BROWSER_TEST_SERVER=http://127.0.0.1:8000 uses a server you already run instead (with the
    demo content loaded), which is quicker while writing tests."""
    if os.environ.get("BROWSER_TEST_SERVER"):
        yield os.environ["BROWSER_TEST_SERVER"].rstrip("/")
        return
    folder = tmp_path_factory.mktemp("example-site")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    # As scripts/example does: migrate, the council register, the demo content. On SQLite the
    # migrations are already in the copy.
    setup = [["casestudies_load_councils"], ["load_demo_content"]]
    if os.environ.get("BROWSER_TEST_DATABASE_URL"):
        env = site_env(folder, folder / "unused", base_url)
        env["DATABASE_URL"] = os.environ["BROWSER_TEST_DATABASE_URL"]
        setup.insert(0, ["migrate", "--no-input"])
    else:
        database = folder / "db.sqlite3"
        shutil.copyfile(request.getfixturevalue("migrated_database"), database)
        env = site_env(folder, database, base_url)
    run_in_site(env, *setup)
    env["CORS_ALLOWED_ORIGINS"] = f"http://127.0.0.1:{second_origin_port}"
    _SERVER_ENV.update(env, SERVER_LOG_FOLDER=str(folder))
    with served(env, port, folder / "server.log") as served_url:
        yield served_url


@pytest.fixture(scope="session")
def cross_origin_frontend(server, second_origin_port):
    """The same front end served from a second origin (another port), reading the API of
    ``server`` across origins, as a headless site on its own domain does."""
    if not _SERVER_ENV:
        pytest.skip("BROWSER_TEST_SERVER: start a second origin by hand to test CORS")
    env = {**_SERVER_ENV, "FRONTEND_API_ORIGIN": server}
    folder = Path(env.pop("SERVER_LOG_FOLDER"))
    with served(env, second_origin_port, folder / "second-origin.log") as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser_context():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/_env.sh does).")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(15_000)
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert not errors, f"JavaScript errors: {errors}"


DOCS_IMAGES = ROOT / "docs" / "img"


@pytest.fixture
def screenshot():
    """Save a screenshot to tests/artifacts/screenshots/. With DOCS_SCREENSHOTS=1, the ones
    marked ``docs=True`` are also written, small (1000 px wide, 256 colours), to docs/img/."""

    def take(page, name: str, *, full_page: bool = True, docs: bool = False) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=path, full_page=full_page)
        if docs and os.environ.get("DOCS_SCREENSHOTS") == "1":
            from PIL import Image

            image = Image.open(path).convert("RGB")
            if image.width > 1000:
                image = image.resize((1000, round(image.height * 1000 / image.width)))
            DOCS_IMAGES.mkdir(exist_ok=True)
            image.quantize(colors=256).save(DOCS_IMAGES / f"{name}.png", optimize=True)
        return path

    return take


# Wagtail core's own widgets that axe flags in the page editor, told apart from the package's
# fields (docs/editors-guide.md lists them): Draftail editors inside a StructBlock have no
# accessible name of their own, and the tag widget's typing box (jQuery UI tag-it) no label.
WAGTAIL_CORE_FINDINGS = {
    "aria-input-field-name": "div[aria-describedby^='placeholder-']",
    "label": ".ui-autocomplete-input",
}


@pytest.fixture
def axe_violations():
    """The serious and critical axe-core violations on a page, as (rule, impact, targets)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(page, *, exclude_core_widgets: bool = False) -> list[tuple[str, str, list]]:
        found = []
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] not in ("serious", "critical"):
                continue
            targets = [node["target"] for node in violation["nodes"]]
            if exclude_core_widgets and violation["id"] in WAGTAIL_CORE_FINDINGS:
                matches_core = f"e => e.matches({WAGTAIL_CORE_FINDINGS[violation['id']]!r})"
                targets = [t for t in targets if not page.locator(t[0]).evaluate(matches_core)]
                if not targets:
                    continue
            found.append((violation["id"], violation["impact"], targets))
        return found

    return run


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
