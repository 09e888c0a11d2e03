"""The headless front end speaks Welsh on a Welsh page: dates are written from the language it
shows (not the browser's), the hub, the councils page and the submission page have Welsh and a
language switcher, and the template download follows the page's language."""

from __future__ import annotations

import datetime
import json
import re
import urllib.request

import pytest
from playwright.sync_api import expect

WELSH_MONTHS = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
]
ENGLISH_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(f"{server}/api/v2/{path}") as response:
        return json.load(response)


def welsh_date(iso: str) -> str:
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {WELSH_MONTHS[day.month - 1]} {day.year}"


def switcher(page):
    return page.get_by_role("navigation", name=re.compile(r"^(Language|Iaith)$"))


@pytest.fixture
def english_browser(browser_context):
    """A page whose browser prefers English (en-US, so an English date would read
    'February 19, 2023'): what it shows in Welsh comes from the page, not the browser."""
    page = browser_context.new_page()
    page.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.9"})
    yield page
    page.close()


def test_a_welsh_case_study_writes_its_dates_in_welsh(server, english_browser):
    page = english_browser
    [item] = api(server, "case-studies/?locale=cy&limit=1&order=-date")["items"]
    page.goto(f"{server}/frontend{item['path']}")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    published = page.locator(".facts time")
    expect(published).to_have_text(welsh_date(item["date"]))
    expect(published).to_have_attribute("datetime", item["date"])
    expect(page.locator(".skip-link")).to_have_text("Neidio i'r prif gynnwys")
    assert not re.search(ENGLISH_MONTHS, page.locator("main").inner_text())

    # The Welsh listing's cards too; the English listing in English.
    page.goto(f"{server}/frontend/?locale=cy&order=-date")
    first = page.locator(".cards .card").first.locator("time")
    expect(first).to_have_text(welsh_date(item["date"]))
    english = api(server, "case-studies/?limit=1&order=-date")["items"][0]
    page.goto(f"{server}/frontend/?order=-date")
    day = datetime.date.fromisoformat(english["date"])
    expect(page.locator(".cards .card").first.locator("time")).to_have_text(
        f"{day.day} {day.strftime('%B')} {day.year}"
    )


def test_the_hub_has_a_language_switcher_and_speaks_welsh(server, english_browser, screenshot):
    page = english_browser
    page.goto(f"{server}/frontend/covid-19/")
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")
    nav = switcher(page)
    expect(nav.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")
    nav.get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(f"{server}/frontend/cy/covid-19/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    nav = switcher(page)
    expect(nav).to_have_attribute("aria-label", "Iaith")
    expect(nav.get_by_role("link", name="Cymraeg")).to_have_attribute("aria-current", "true")
    expect(nav.get_by_role("link", name="English")).to_have_attribute("href", "/frontend/covid-19/")
    main = page.locator("main")
    expect(main.locator(".theme h3.visually-hidden").first).to_have_text("Cofnodion")
    text = main.inner_text()
    for english in ("More collections", "How to submit", "See all"):
        assert english not in text, english
    # The Welsh copy of the hub still names the English case studies: each entry links its
    # Welsh translation, named as the API names it in Welsh (not the English short name).
    cardiff = main.locator(".hub-entry", has_text="Caerdydd: gwasanaeth Profi, Olrhain")
    expect(cardiff.get_by_role("link")).to_have_attribute(
        "href", "/frontend/cy/covid-19/testing/cardiff-test-trace-protect/"
    )
    expect(cardiff.locator(".muted")).to_have_text("(Cyngor Caerdydd)")
    docx = main.get_by_role("link", name="templed astudiaeth achos (Word)")
    if docx.count():
        expect(docx).to_have_attribute("href", re.compile(r"template\.docx\?locale=cy$"))
    screenshot(page, "frontend-hub-welsh", full_page=False)
    nav.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{server}/frontend/covid-19/")
    expect(page.locator("html")).to_have_attribute("lang", "en-GB")


def test_the_councils_and_submission_pages_have_welsh(server, english_browser):
    page = english_browser
    page.goto(f"{server}/frontend/councils/?locale=cy")
    expect(page.locator("h1")).to_have_text("Cynghorau")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(switcher(page).get_by_role("link", name="English")).to_have_attribute(
        "href", "/frontend/councils/"
    )
    expect(page.get_by_role("heading", name="Awdurdodau unedol Cymru")).to_be_visible()
    [cardiff] = [
        council
        for council in api(server, "councils/?locale=cy&has_case_studies=true&limit=100")["items"]
        if council["gss_code"] == "W06000015"
    ]
    assert cardiff["name"] == "Cyngor Caerdydd"
    expect(page.get_by_role("link", name="Cyngor Caerdydd")).to_have_attribute(
        "href", f"/frontend/councils/{cardiff['slug']}/?locale=cy"
    )
    page.get_by_role("link", name="Cyngor Caerdydd").click()
    expect(page.locator("h1")).to_have_text("Cyngor Caerdydd")
    expect(page.locator(".results__count")).to_contain_text("Astudiaethau achos sy'n enwi")

    page.goto(f"{server}/frontend/submit/?locale=cy")
    expect(page.locator("h1")).to_have_text("Cyflwyno astudiaeth achos")
    expect(page.get_by_role("button", name="Anfon yr astudiaeth achos")).to_be_visible()
    expect(page.get_by_text("Yr her", exact=True).first).to_be_visible()
    expect(page.get_by_role("link", name="templed fel dogfen Word")).to_have_attribute(
        "href", re.compile(r"template\.docx\?locale=cy$")
    )
    expect(page.locator("#field-lead_council option", has_text="Cyngor Caerdydd")).to_have_count(1)
    switcher(page).get_by_role("link", name="English").click()
    expect(page.locator("h1")).to_have_text("Submit a case study")
    expect(page.get_by_text("The challenge", exact=True).first).to_be_visible()
