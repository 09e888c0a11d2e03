"""An editor's round trip: log in to the Wagtail admin, write a case study with every template
section, preview the unsaved draft in the headless front end, publish it, and find it there.

The draft must never be readable through the public API before it is published."""

from __future__ import annotations

import json
import re
import time
import urllib.parse
import urllib.request

from playwright.sync_api import expect

from .conftest import ADMIN

TITLE = "Frome Town Council: a repair café in every ward"
SUMMARY = "Frome's repair cafés fix hundreds of items a month that would have been thrown away."
SECTIONS = {
    "The challenge": "Repairable goods went to landfill while residents struggled with costs.",
    "The solution": "Volunteers run monthly repair cafés in community halls, with tools on loan.",
    "The impact": "Four tonnes of goods repaired in the first year.",
    "How is the new approach being sustained?": "A small grant and volunteers keep it going.",
    "Lessons learned": "Start in one hall, then follow the volunteers.",
}


def api(server: str, path: str, **params) -> dict:
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{server}/api/v2/{path}?{query}") as response:
        return json.load(response)


def in_public_api(server: str, title: str) -> bool:
    """Whether any public API listing or search shows the title."""
    found = api(server, "case-studies/", search=title, limit=100)["items"]
    listed = api(server, "pages/", search=title, limit=20)["items"]
    return any(item["title"] == title for item in found + listed)


def log_in(page, server):
    page.goto(f"{server}/admin/")
    if "/login/" not in page.url:
        return  # the browser context is still logged in from an earlier test
    page.get_by_label("Username").fill(ADMIN[0])
    page.get_by_label("Password").fill(ADMIN[1])
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{server}/admin/")


EDITORS = "[data-contentpath=body] .public-DraftEditor-content"


def fill_section(page, position: int, text: str) -> None:
    """Type a template section's text into its editor: a new case study opens with the
    sections already in the body, in template order."""
    editor = page.locator(EDITORS).nth(position)
    editor.click()
    expect(editor).to_be_focused()
    page.keyboard.type(text)
    expect(editor).to_have_text(text)


def test_write_preview_publish(server, page, screenshot):
    index_id = api(server, "pages/", type="wagtail_casestudies.CaseStudyIndexPage")["items"][0][
        "id"
    ]
    assert not in_public_api(server, TITLE)
    log_in(page, server)
    screenshot(page, "admin-dashboard", full_page=False, docs=True)
    page.goto(f"{server}/admin/pages/add/wagtail_casestudies/casestudypage/{index_id}/")

    # The template: title, summary and every body section, in order; the body opens with
    # the six sections ready to fill.
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Frome's repair cafés fix things.")
    expect(page.locator(EDITORS)).to_have_count(len(SECTIONS))
    for position, (heading, text) in enumerate(SECTIONS.items()):
        expect(page.get_by_text(heading, exact=True).first).to_be_visible()
        fill_section(page, position, text)
        if heading == "The impact":
            page.locator("input[name$='-value-cost_saving']").last.fill("12000")
    page.locator("input[name$='-value-name']").last.fill("Jo Example")
    page.locator("input[name$='-value-job_title']").last.fill("Town Clerk")
    page.locator("input[name$='-value-email']").last.fill("jo@example.gov.uk")
    page.locator("input[name$='-value-publish_contact_details']").last.check()
    screenshot(page, "admin-editing", full_page=False, docs=True)

    # Councils and topics.
    page.get_by_role("tab", name="Councils and topics").click()
    page.get_by_role("button", name=re.compile("^Choose (a )?council$")).first.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("textbox").first.fill("Frome")
    modal.get_by_role("link", name="Frome Town Council").click()
    expect(modal).to_be_hidden()
    page.get_by_role("checkbox", name="Waste and recycling").check()
    page.get_by_role("tab", name="Case study").click()

    # Save a draft (Wagtail 8 may already have autosaved one), then change it without saving.
    page.get_by_role("button", name="Save draft").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    page.locator("#id_summary").fill(SUMMARY)
    # Preview: the unsaved draft, rendered by the front end from the preview data.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe[id='w-preview-iframe']")
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE, timeout=20_000)
    expect(preview.get_by_role("note")).to_contain_text("unsaved draft")
    expect(preview.get_by_text(SUMMARY)).to_be_visible()
    for heading, text in SECTIONS.items():
        expect(preview.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        expect(preview.get_by_text(text), f"{heading}: {text}").to_be_visible()
    expect(preview.get_by_text("£12,000")).to_be_visible()
    expect(preview.get_by_role("link", name="jo@example.gov.uk")).to_be_visible()
    screenshot(page, "admin-preview", full_page=False, docs=True)
    preview_src = page.locator("iframe[id='w-preview-iframe']").get_attribute("src")
    assert "/preview" in preview_src
    # Still nothing in the public API: the draft lives only in the preview data.
    assert not in_public_api(server, TITLE)

    # Publish, then find it in the front end.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(re.compile("has been published"))).to_be_visible()
    deadline = time.monotonic() + 10
    while not in_public_api(server, TITLE) and time.monotonic() < deadline:
        time.sleep(0.5)  # the API's ETag cache is versioned on publish; allow a moment
    assert in_public_api(server, TITLE)

    page.goto(f"{server}/frontend/")
    page.get_by_label("Search case studies").fill("repair café")
    page.keyboard.press("Enter")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_role("link", name="Frome Town Council").first).to_be_visible()
    expect(page.get_by_role("note")).to_have_count(0)  # not the preview banner
    screenshot(page, "frontend-published")


def test_admin_registers_and_inbox(server, page, screenshot):
    """The screens the editor's guide shows: the council register, the hub and the inbox."""
    log_in(page, server)
    page.get_by_role("button", name="Case studies").click()
    page.get_by_role("link", name="Councils").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Councils")
    page.get_by_role("textbox", name=re.compile("Search")).first.fill("Somerset")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Somerset County Council")).to_be_visible()
    screenshot(page, "admin-councils", full_page=False, docs=True)
    page.goto(f"{server}/admin/")
    page.get_by_role("link", name="Submissions").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("submissions")
    hub_id = api(server, "pages/", type="wagtail_casestudies.CovidHubPage", slug="covid-19")[
        "items"
    ][0]["id"]
    page.goto(f"{server}/admin/pages/{hub_id}/edit/")
    expect(page.locator("#id_title")).to_have_value("COVID-19 case studies")
    screenshot(page, "admin-hub", full_page=False, docs=True)
