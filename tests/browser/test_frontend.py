"""The headless front end, as a visitor uses it: search, filters with facet counts, pagination,
a case study, the COVID-19 hub, a council page and the submission form."""

from __future__ import annotations

import json
import re
import urllib.request

from playwright.sync_api import expect


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(f"{server}/api/v2/{path}") as response:
        return json.load(response)


def results_heading(page):
    return page.locator("#results-heading")


def test_library_search_filter_paginate(server, page, screenshot):
    total = api(server, "case-studies/?limit=0")["meta"]["total_count"]
    assert total >= 60
    page.goto(f"{server}/frontend/")
    expect(results_heading(page)).to_have_text(f"Your search returned {total} results")
    expect(page.locator(".cards > .card")).to_have_count(10)
    screenshot(page, "frontend-library", full_page=False, docs=True)

    # A topic's facet count is what filtering by it returns.
    topic = page.get_by_role("checkbox", name=re.compile(r"^Public health \(\d+\)$"))
    label = page.locator(f"label[for='{topic.get_attribute('id')}']").inner_text()
    count = int(re.search(r"\((\d+)\)", label).group(1))
    topic.check()
    expect(results_heading(page)).to_have_text(f"Your search returned {count} results")
    expect(page).to_have_url(re.compile(r"topic=public-health"))
    # Facet counts now apply the topic: the COVID-19 facet counts only public health work.
    expected = api(server, "case-studies/?topic=public-health&covid=true&limit=0")
    covid = page.get_by_role("checkbox", name=re.compile(r"^COVID-19 \(\d+\)$"))
    expect(covid).to_have_accessible_name(f"COVID-19 ({expected['meta']['total_count']})")
    screenshot(page, "frontend-library-filtered", full_page=False, docs=True)
    topic.uncheck()
    expect(results_heading(page)).to_have_text(f"Your search returned {total} results")

    # Pagination, from the keyboard.
    next_link = page.get_by_role("navigation", name="Pagination").get_by_role(
        "link", name="Next page"
    )
    next_link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.locator(".pagination a[aria-current='page']")).to_have_text("Page 2")
    expect(results_heading(page)).to_be_focused()

    # Keyword search, then sort.
    page.get_by_label("Search case studies").fill("vaccine")
    page.keyboard.press("Enter")
    searched = api(server, "case-studies/?search=vaccine&limit=0")["meta"]["total_count"]
    assert 0 < searched < total
    expect(results_heading(page)).to_have_text(
        f"Your search returned {searched} result{'s' if searched != 1 else ''}"
    )
    page.get_by_label("Sort by").select_option("title")
    expect(page).to_have_url(re.compile(r"order=title"))
    expect(page.locator("#results")).not_to_have_attribute("aria-busy", "true")
    titles = page.locator(".card__title").all_inner_texts()
    assert titles == sorted(titles, key=str.lower)
    screenshot(page, "frontend-search", full_page=False)


def test_case_study_page(server, page, screenshot):
    page.goto(f"{server}/frontend/")
    page.get_by_label("Search case studies").fill("decision wheel")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Cornwall Council: the development and decision wheel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cornwall Council: the development and decision wheel"
    )
    expect(page).to_have_title(re.compile("^Cornwall Council: the development"))
    # Every kind of body block this case study uses is rendered.
    for block in (
        "local_context",
        "challenge",
        "solution",
        "image",
        "quote",
        "impact",
        "key_figures",
        "embed",
        "sustainability",
        "lessons_learned",
        "key_points",
        "action_plan",
        "heading",
        "paragraph",
        "document",
        "contact",
    ):
        expect(page.locator(f"[data-block='{block}']").first).to_be_visible()
    for heading in (
        "The challenge",
        "The solution",
        "The impact",
        "How is the new approach being sustained?",
        "Lessons learned",
        "Contact",
    ):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_role("table", name="Action plan")).to_be_visible()
    related = page.get_by_role("region", name="Related case studies")
    expect(related.locator(".card").first).to_be_visible()
    # The editor's chosen related case study comes first.
    expect(related.locator(".card__title").first).to_have_text(
        "Cheltenham: a climate impact assessment tool"
    )
    screenshot(page, "frontend-case-study", full_page=False, docs=True)
    page.get_by_role("link", name="Cornwall Council", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cornwall Council")
    expect(page.get_by_text("Unitary authority")).to_be_visible()


def test_covid_hub_and_collection(server, page, screenshot):
    page.goto(f"{server}/frontend/")
    page.get_by_role("link", name="Visit the COVID-19 case studies hub").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("COVID-19 case studies")
    for theme in (
        "Communications",
        "Adult social care",
        "Public health and vaccination",
        "Business support",
        "Volunteering and community hubs",
    ):
        expect(page.get_by_role("heading", level=2, name=theme, exact=True)).to_be_visible()
    # External entries and case-study entries both appear, with their council.
    expect(page.get_by_role("link", name="Supporting mutual aid groups")).to_be_visible()
    screenshot(page, "frontend-hub", full_page=False, docs=True)
    page.get_by_role("link", name="Testing case studies").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Testing case studies")
    page.get_by_role("link", name="Belfast: testing sites in community venues").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Belfast: testing sites in community venues"
    )


def test_abolished_council_page(server, page, screenshot):
    page.goto(f"{server}/frontend/councils/somerset-county-council/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Somerset County Council")
    expect(page.get_by_text("succeeded by")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("extra care housing"))).to_be_visible()
    screenshot(page, "frontend-council")


def test_submission_form_posts_json(server, page, screenshot):
    page.goto(f"{server}/frontend/submit/")
    page.get_by_role("button", name="Send the case study").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Title")
    page.get_by_label("Title", exact=True).fill("Frome Town Council: a repair café network")
    page.get_by_label("Summary", exact=True).fill("Volunteers fix things instead of binning them.")
    for label, text in (
        ("The challenge", "Repairable goods were thrown away."),
        ("The solution", "Monthly repair cafés in three venues."),
        ("The impact", "Two tonnes of goods repaired in a year."),
        ("How is the new approach being sustained?", "Volunteers run it with a small grant."),
        ("Lessons learned", "Start with one venue."),
    ):
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_label("Name", exact=True).fill("Sam Example")
    page.get_by_label("Email", exact=True).fill("sam@example.gov.uk")
    page.get_by_label("Lead council").select_option(label="Somerset Council")
    page.get_by_label("Waste and recycling").check()
    page.get_by_label(re.compile("^I agree")).check()
    page.get_by_role("button", name="Send the case study").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    expect(page.locator(".reference")).to_have_text(re.compile(r"^CS-[A-Z0-9]{4}-[A-Z0-9]{4}$"))
    screenshot(page, "frontend-submitted", full_page=False)
