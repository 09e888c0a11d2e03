"""The example site in English and Welsh: the headless front end's language switcher keeps a
listing's filters and follows a case study's translations, and Wagtail's pages speak Welsh under
/cy/."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import _SERVER_ENV, DESKTOP, EXAMPLE_DIR, PHONE

WELSH_CASE_STUDY = "/cy/covid-19/testing/cardiff-test-trace-protect/"
ENGLISH_CASE_STUDY = "/covid-19/testing/cardiff-test-trace-protect/"


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(f"{server}/api/v2/{path}") as response:
        return json.load(response)


def switcher(page):
    return page.get_by_role("navigation", name=re.compile(r"^(Language|Iaith)$"))


def test_switching_a_listing_keeps_its_filters(server, page, screenshot):
    welsh = api(server, "case-studies/?locale=cy&limit=0")["meta"]["total_count"]
    welsh_health = api(server, "case-studies/?locale=cy&topic=public-health&limit=0")
    assert 0 < welsh_health["meta"]["total_count"] < welsh
    page.goto(f"{server}/frontend/?topic=public-health&order=title")
    expect(page.locator("#results-heading")).to_contain_text("Your search returned")
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    english = switcher(page).get_by_role("link", name="English")
    expect(english).to_have_attribute("aria-current", "true")

    switcher(page).get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(re.compile(r"locale=cy"))
    expect(page).to_have_url(re.compile(r"topic=public-health"))
    expect(page).to_have_url(re.compile(r"order=title"))
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(switcher(page).get_by_role("link", name="Cymraeg")).to_have_attribute(
        "aria-current", "true"
    )
    expect(switcher(page).get_by_role("link", name="English")).to_have_attribute(
        "hreflang", "en-GB"
    )
    # Only Welsh case studies, as many as the API lists in Welsh, with Welsh topic names.
    expected = welsh_health["meta"]["total_count"]
    expect(page.locator("#results-heading")).to_have_text(f"Canlyniadau eich chwiliad: {expected}")
    expect(page.locator(".cards > .card")).to_have_count(expected)
    topic = page.get_by_role("checkbox", name=re.compile(r"^Iechyd y cyhoedd \(\d+\)$"))
    expect(topic).to_be_checked()
    expect(page.get_by_label("Trefnu yn ôl")).to_have_value("title")
    screenshot(page, "frontend-library-welsh", full_page=False)

    # Without the topic: every Welsh case study, each card in Welsh.
    topic.uncheck()
    expect(page.locator("#results-heading")).to_have_text(f"Canlyniadau eich chwiliad: {welsh}")
    expect(page).to_have_url(re.compile(r"locale=cy"))
    titles = page.locator(".cards .card__title").all_inner_texts()
    listed = api(server, f"case-studies/?locale=cy&order=title&limit={welsh}")
    assert titles == [item["title"] for item in listed["items"]]

    # And back: the English listing, the search kept.
    page.get_by_label("Chwilio'r astudiaethau achos").fill("Cardiff")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"search=Cardiff"))
    switcher(page).get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"search=Cardiff"))
    expect(page).not_to_have_url(re.compile(r"locale="))
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    expect(page.locator("#results-heading")).to_contain_text("Your search returned")


def test_a_case_study_switches_to_its_translation_and_back(server, page, screenshot):
    page.goto(f"{server}/frontend{ENGLISH_CASE_STUDY.rstrip('/')}/")
    expect(page.locator("h1")).to_have_text("Cardiff: a regional Test, Trace, Protect service")
    switcher(page).get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(f"{server}/frontend{WELSH_CASE_STUDY}")
    expect(page.locator("h1")).to_have_text(
        "Caerdydd: gwasanaeth Profi, Olrhain, Diogelu rhanbarthol"
    )
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator(".facts")).to_contain_text("Iechyd y cyhoedd")
    screenshot(page, "frontend-case-study-welsh", full_page=False)
    switcher(page).get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{server}/frontend{ENGLISH_CASE_STUDY}")
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")


def test_a_case_study_without_a_translation_says_so(server, page):
    english_only = api(server, "case-studies/?locale=en-gb&council_type=county&limit=1")
    item = english_only["items"][0]
    assert not item["meta"]["translations"]
    page.goto(f"{server}/frontend{item['path']}")
    expect(page.locator("h1")).to_have_text(item["title"])
    nav = switcher(page)
    expect(nav.get_by_role("link")).to_have_count(1)  # English, the current one
    expect(nav).to_contain_text("This case study has not been translated into Welsh.")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_welsh_pages_pass_axe(server, page, axe_violations, screenshot, size):
    page.set_viewport_size(size)
    name = "phone" if size is PHONE else "desktop"
    page.goto(f"{server}/frontend/?locale=cy")
    expect(page.locator(".cards > .card").first).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{server}/frontend{WELSH_CASE_STUDY}")
    expect(page.locator("h1")).to_contain_text("Caerdydd")
    assert axe_violations(page) == []
    screenshot(page, f"frontend-case-study-welsh-{name}")
    # The package's own pages, rendered in Welsh under /cy/.
    for path in ("/cy/", WELSH_CASE_STUDY):
        page.goto(f"{server}{path}")
        assert axe_violations(page) == [], path


@pytest.mark.parametrize(
    "path", ["/cy/", WELSH_CASE_STUDY, "/cy/covid-19/", "/cy/food-waste-trial-w06000002/"]
)
def test_wagtail_pages_speak_welsh_under_cy(server, path):
    with urllib.request.urlopen(f"{server}{path}") as response:
        assert response.status == 200
        body = response.read().decode()
    assert '<html lang="cy">' in body


def test_a_rendered_page_links_to_its_translation(server):
    """The example site's layout lists the page's translations (Wagtail's i18n)."""
    with urllib.request.urlopen(f"{server}{WELSH_CASE_STUDY}") as response:
        body = response.read().decode()
    assert f'href="{ENGLISH_CASE_STUDY}" lang="en-gb" hreflang="en-gb"' in body
    with urllib.request.urlopen(f"{server}{ENGLISH_CASE_STUDY}") as response:
        body = response.read().decode()
    assert f'href="{WELSH_CASE_STUDY}" lang="cy" hreflang="cy"' in body


def test_the_front_end_starts_in_the_language_it_shows(server):
    """<html lang> is right before the JavaScript runs (app.js sets it again)."""
    for path, lang in [
        ("/frontend/", "en-GB"),
        ("/frontend/?locale=cy&topic=public-health", "cy"),
        (f"/frontend{WELSH_CASE_STUDY}", "cy"),
    ]:
        with urllib.request.urlopen(f"{server}{path}") as response:
            assert f'<html lang="{lang}">' in response.read().decode(), path


def test_loading_the_demo_again_adds_nothing_and_cards_match(server):
    """load_demo_content is idempotent with the Welsh library too, and leaves every card (per
    locale) matching its page, as ``casestudies_rebuild_cards --check`` checks."""
    if not _SERVER_ENV:
        pytest.skip("BROWSER_TEST_SERVER: the server's database is not known here")
    env = {name: value for name, value in _SERVER_ENV.items() if name != "SERVER_LOG_FOLDER"}
    script = (
        "import django\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('load_demo_content')\n"
        "call_command('casestudies_rebuild_cards', '--check')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=EXAMPLE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 of them in Welsh (0 new)" in result.stdout, result.stdout
