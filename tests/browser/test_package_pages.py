"""The package's own pages (not the headless front end) inside the example site's layout
(example_site/templates/base.html): the library's form without JavaScript, a case study, and
axe-core on both at desktop and phone sizes."""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SERIOUS = ("serious", "critical")


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(f"{server}/api/v2/{path}") as response:
        return json.load(response)


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical findings, one line each (rule, impact, where)."""
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


@pytest.fixture
def no_javascript(page):
    """The page, with every script request refused: the package's pages must work without."""
    page.route(re.compile(r".*\.m?js(\?.*)?$"), lambda route: route.abort())
    return page


def test_the_library_filters_without_javascript(server, no_javascript, screenshot):
    page = no_javascript
    total = api(server, "case-studies/?limit=0")["meta"]["total_count"]
    page.goto(f"{server}/")
    # Inside the example site's own layout.
    expect(page.get_by_role("navigation", name="Site")).to_be_visible()
    expect(page.locator(".cs-count")).to_have_text(f"Your search returned {total} results")

    # Open the topic filter, tick a topic: its count is what the API gives.
    page.locator("summary", has_text="Topic").click()
    topic = page.get_by_role("checkbox", name=re.compile(r"^Public health \(\d+\)$"))
    label = page.locator(f"label[for='{topic.get_attribute('id')}']").inner_text()
    count = int(re.search(r"\((\d+)\)", label).group(1))
    assert count == api(server, "case-studies/?topic=public-health&limit=0")["meta"]["total_count"]
    topic.check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"topic=public-health"))
    expect(page.locator(".cs-count")).to_have_text(f"Your search returned {count} results")
    screenshot(page, "package-index", full_page=False, docs=True)
    # The other facets now count within the topic, as the API does.
    within = api(server, "case-studies/?topic=public-health&covid=true&limit=0")
    page.locator("summary", has_text=re.compile(r"^COVID-19")).click()
    covid = page.get_by_role("radio", name=re.compile(r"^COVID-19 \(\d+\)$"))
    expect(covid).to_have_accessible_name(f"COVID-19 ({within['meta']['total_count']})")

    # A keyword, sorted by title; then the next page keeps both.
    page.get_by_label("Search by keyword").fill("council")
    page.get_by_label("Sort by").select_option("title")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"search=council.*order=title|order=title.*search=council"))
    # The URL changes when the answer starts to arrive; wait for the new page's own form and cards
    # (all_inner_texts() does not wait, and read an empty page in CI once).
    expect(page.get_by_label("Search by keyword")).to_have_value("council")
    expect(page.locator(".cs-card__title").first).to_be_visible()
    titles = page.locator(".cs-card__title").all_inner_texts()
    assert titles and titles == sorted(titles, key=str.lower)
    next_link = page.get_by_role("link", name="Next page")
    if next_link.count():
        next_link.click()
        expect(page).to_have_url(re.compile(r"page=2"))
        expect(page.get_by_label("Search by keyword")).to_have_value("council")


@pytest.mark.parametrize("size", SIZES)
def test_package_pages_pass_axe(server, page, screenshot, size):
    page.set_viewport_size(SIZES[size])
    found = {}
    page.goto(f"{server}/?topic=public-health&covid=true")
    if size == "phone":
        page.locator("form.cs-filters").scroll_into_view_if_needed()
        screenshot(page, "package-index-phone", full_page=False, docs=True)
    # Every filter open, so axe checks each checkbox and its label too.
    page.evaluate("document.querySelectorAll('details').forEach(details => details.open = true)")
    found["index"] = serious_violations(page)
    page.locator(".cs-card__title a").first.click()
    expect(page.locator(".cs-breadcrumb")).to_be_visible()
    found["case study"] = serious_violations(page)
    if size == "desktop":
        screenshot(page, "package-case-study", full_page=False, docs=True)
    page.goto(f"{server}/covid-19/")
    found["hub"] = serious_violations(page)
    page.goto(f"{server}/?date_from=not-a-date")
    expect(page.locator(".cs-error-summary")).to_be_visible()
    found["index with an error"] = serious_violations(page)
    # The package's submission form page (the lead council, the Word upload) is one of its pages.
    page.goto(f"{server}/submit/")
    expect(page.get_by_label("Lead council")).to_be_visible()
    found["submission form"] = serious_violations(page)
    assert found == {name: [] for name in found}, found


def test_package_pages_run_under_the_example_sites_policy(server, page):
    """The example site's Content-Security-Policy (no inline script or style) covers the
    package's own pages, not only the front end, and refuses nothing on them (issue 15)."""
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{server}/")
    case_study = page.locator(".cs-card__title a").first.get_attribute("href")
    for url in (
        f"{server}/",
        urllib.parse.urljoin(f"{server}/", case_study),
        f"{server}/covid-19/",
    ):
        response = page.goto(url)
        assert response.status == 200, url
        directives = dict(
            part.strip().split(" ", 1)
            for part in response.headers["content-security-policy"].split(";")
            if part.strip()
        )
        assert directives["script-src"] == directives["style-src"] == "'self'", url
    refused = [text for text in console if "Content Security Policy" in text]
    assert not refused, refused
