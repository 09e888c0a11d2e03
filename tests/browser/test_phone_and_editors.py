"""Issue 16, editors and council officers, in Chromium at 1280x900 and 390x844 with axe-core:
the library on a phone, the action plan by keyboard, the lead council through the front end's
form, the Submissions inbox, the case-study editor and every front-end page."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import ADMIN, DESKTOP, PHONE

SIZES = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]


def api(server: str, path: str) -> dict:
    with urllib.request.urlopen(f"{server}/api/v2/{path}") as response:
        return json.load(response)


def council_id(server: str, name: str) -> int:
    items = api(server, f"councils/?search={urllib.parse.quote(name)}&limit=5")["items"]
    return next(item["id"] for item in items if item["name"] == name)


def case_study_path(server: str, slug: str) -> str:
    item = api(server, f"pages/?type=wagtail_casestudies.CaseStudyPage&slug={slug}")["items"][0]
    return urllib.parse.urlparse(item["meta"]["html_url"]).path


@pytest.fixture
def sized_page(browser_context):
    """A page at a given viewport size; JavaScript errors fail the test."""
    pages = []

    def make(size: dict):
        page = browser_context.new_page()
        page.set_viewport_size(size)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        pages.append((page, errors))
        return page

    yield make
    for page, errors in pages:
        page.close()
        assert not errors, f"JavaScript errors: {errors}"


def log_in(page, server):
    page.goto(f"{server}/admin/")
    if "/login/" in page.url:
        page.get_by_label("Username").fill(ADMIN[0])
        page.get_by_label("Password").fill(ADMIN[1])
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_url(f"{server}/admin/")


def test_library_on_a_phone_folds_the_filters(server, sized_page, screenshot, axe_violations):
    page = sized_page(PHONE)
    page.goto(f"{server}/frontend/")
    total = api(server, "case-studies/?limit=0")["meta"]["total_count"]
    expect(page.locator("#results-heading")).to_have_text(f"Your search returned {total} results")
    toggle = page.get_by_role("button", name="Show filters")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#filters")).to_be_hidden()
    # The count is on the first screen and the results start right after it (with every
    # filter open they started 3.7 screens down).
    count_box = page.locator("#results-heading").bounding_box()
    assert count_box["y"] + count_box["height"] < PHONE["height"], count_box
    first_card = page.locator(".cards > .card").first.bounding_box()
    assert first_card["y"] < 1.25 * PHONE["height"], first_card
    assert axe_violations(page) == []
    screenshot(page, "frontend-phone-library", full_page=False, docs=True)

    toggle.click()
    expect(page.get_by_role("button", name="Hide filters")).to_have_attribute(
        "aria-expanded", "true"
    )
    topic = page.get_by_role("checkbox", name=re.compile(r"^Public health \(\d+\)$"))
    label = topic.evaluate("e => e.labels[0].textContent")
    count = int(re.search(r"\((\d+)\)", label).group(1))
    topic.check()
    # The count stays in view while the reader is among the filters.
    filters_count = page.locator("#filters-count")
    expect(filters_count).to_have_text(f"Your search returned {count} results")
    expect(filters_count).to_be_in_viewport()
    assert axe_violations(page) == []
    screenshot(page, "frontend-phone-filters", full_page=False, docs=True)

    page.get_by_role("button", name="Show results").click()
    expect(page.locator("#filters")).to_be_hidden()
    expect(page.locator("#results-heading")).to_be_focused()
    expect(page.locator("#results-heading")).to_have_text(f"Your search returned {count} results")

    # With the filters folded away the empty message does not send the reader to them.
    page.get_by_label("Search case studies").fill("zzzzqqqq")
    page.keyboard.press("Enter")
    expect(page.locator("#results")).to_contain_text("No case studies match")
    expect(page.locator("#results")).not_to_contain_text("Try fewer filters")


def test_action_plan_scrolls_by_keyboard_on_a_phone(server, sized_page, axe_violations):
    page = sized_page(PHONE)
    path = case_study_path(server, "cornwall-development-and-decision-wheel")
    page.goto(f"{server}/frontend{path}")
    region = page.get_by_role("region", name=re.compile("plan", re.I))
    expect(region).to_be_visible()
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('.action-plan').scrollLeft > 0", timeout=5_000
    )
    # The hero image does not say the title again.
    hero = page.locator(".hero img")
    if hero.count():
        assert hero.get_attribute("alt") != page.locator("h1").inner_text()
    assert axe_violations(page) == []


@pytest.mark.parametrize("size", SIZES)
def test_front_end_pages_pass_axe(server, sized_page, axe_violations, size):
    page = sized_page(size)
    paths = [
        "/frontend/",
        "/frontend/councils/",
        "/frontend/councils/wigan-council/",
        "/frontend/covid-19/",
        "/frontend/submit/",
        "/frontend" + case_study_path(server, "ealing-covid-19-vaccine-working-group"),
    ]
    for path in paths:
        page.goto(server + path)
        expect(page.locator("h1")).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert axe_violations(page) == [], path
    # Councils: plural headings in a set order, each section named by its heading.
    page.goto(f"{server}/frontend/councils/")
    headings = page.locator("section h2").all_inner_texts()
    assert headings and all(h.endswith("s") for h in headings), headings
    for section in page.locator("section[aria-labelledby]").all():
        assert page.locator(f"#{section.get_attribute('aria-labelledby')}").count() == 1
    # Card images are decorative: the title beside them says what they would.
    page.goto(f"{server}/frontend/")
    for alt in page.locator(".card__image").evaluate_all("imgs => imgs.map(i => i.alt)"):
        assert alt == ""
    # The groups come in a set order (app.js COUNCIL_GROUPS), not in the order met.
    page.goto(f"{server}/frontend/councils/")
    order = [
        "County councils",
        "District councils",
        "Unitary authorities",
        "Metropolitan boroughs",
        "London boroughs",
        "Welsh unitary authorities",
    ]
    found = [h for h in page.locator("section h2").all_inner_texts() if h in order]
    assert len(found) > 1 and found == sorted(found, key=order.index), found
    # A council named by one case study: "1 case study names …".
    one = next(
        c
        for c in api(server, "councils/?has_case_studies=true&limit=100")["items"]
        if c["case_study_count"] == 1
    )
    page.goto(f"{server}/frontend/councils/{one['slug']}/")
    expect(page.locator("p.results__count")).to_have_text(
        f"1 case study names {one['short_name'] or one['name']}."
    )
    # The hub's "How to submit" links to the form and the Word template of the hub's language.
    page.goto(f"{server}/frontend/covid-19/")
    how = page.locator("section", has=page.get_by_role("heading", name="How to submit"))
    expect(how.get_by_role("link", name="Submit a case study")).to_have_attribute(
        "href", re.compile(r"/frontend/submit/$")
    )
    expect(how.get_by_role("link", name=re.compile("template"))).to_have_attribute(
        "href", re.compile(r"template\.docx\?locale=en-gb$")
    )


def test_unknown_front_end_path_is_404(server):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(f"{server}/frontend/no-such-page/")
    assert error.value.code == 404


def test_front_end_form_keeps_the_lead_council(server, sized_page, screenshot, axe_violations):
    page = sized_page(DESKTOP)
    page.goto(f"{server}/frontend/submit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Submit a case study")
    expect(page.locator("main")).not_to_contain_text("Hold Ctrl")
    expect(page.locator("main")).not_to_contain_text("JSON only")
    # The attachments line sends the reader to the package's own form page, not to "/".
    attachments = page.get_by_role("link", name="submission form with attachments")
    assert attachments.get_attribute("href") not in ("", "/")
    with urllib.request.urlopen(server + attachments.get_attribute("href")) as response:
        assert 'name="documents"' in response.read().decode()
    kinds = page.locator("#partner-0-kind option").all_inner_texts()
    assert "NHS body" in kinds and "nhs" not in kinds
    title = "Wigan Council: shared bin rounds with Bolton"
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Summary", exact=True).fill("Two councils shared their bin rounds.")
    for label, text in (
        ("The challenge", "Rounds overlapped at the boundary."),
        ("The solution", "One shared round plan."),
        ("The impact", "Fewer miles driven."),
        ("How is the new approach being sustained?", "A joint committee runs it."),
        ("Lessons learned", "Share the data first."),
    ):
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_label("Name", exact=True).fill("Sam Example")
    page.get_by_label("Email", exact=True).fill("sam@example.gov.uk")
    # The lead comes last in the alphabet: a multiple select alone would lose it.
    page.get_by_label("Lead council").select_option(label="Wigan Council")
    page.get_by_label("Other councils in the register").select_option(label="Bolton Council")
    # Its label shows (the group's legend says only "Councils", the lead is beside it).
    assert page.locator("label[for='field-councils']").bounding_box()["width"] > 20
    # The docs' screenshot shows the two council fields (ticking consent scrolls to the end).
    lead = page.get_by_label("Lead council")
    lead.evaluate("e => e.closest('fieldset').scrollIntoView({block: 'start'})")
    expect(lead).to_be_in_viewport()
    screenshot(page, "frontend-submit-lead-council", full_page=False, docs=True)
    page.get_by_label(re.compile("^I agree")).check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send the case study").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    reference = page.locator(".reference").inner_text()

    log_in(page, server)
    page.goto(f"{server}/admin/wagtail_casestudies/casestudysubmission/?q={reference}")
    row = page.locator("tr", has_text=reference)
    expect(row).to_contain_text("Wigan Council, Bolton Council")


def post_submission(server: str) -> str:
    payload = {
        "title": "Bolton Council: warm spaces",
        "summary": "Libraries opened as warm spaces through the winter.",
        "challenge": "Residents could not afford to heat their homes.",
        "solution": "Warm spaces in every library.",
        "impact": "3,000 visits a week.",
        "sustainability": "Part of the library plan.",
        "lessons_learned": "Ask residents what they need.",
        "contact_name": "Alex Officer",
        "contact_email": "alex@example.gov.uk",
        "lead_council": council_id(server, "Bolton Council"),
        "councils": [council_id(server, "Wigan Council")],
        "partners": [{"name": "NHS Bolton", "kind": "nhs", "website": ""}],
        "consent_publish": True,
    }
    request = urllib.request.Request(
        f"{server}/casestudies/submit/",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)["reference"]


@pytest.mark.parametrize("size", SIZES)
def test_inbox_looks_like_the_admin_and_passes_axe(
    server, sized_page, screenshot, axe_violations, size
):
    reference = post_submission(server)
    page = sized_page(size)
    log_in(page, server)
    page.goto(f"{server}/admin/wagtail_casestudies/casestudysubmission/")
    row = page.locator("tr", has_text=reference)
    expect(row).to_contain_text("Bolton Council, Wigan Council")
    # The convert button holds its label; no word is broken inside.
    convert = row.get_by_role("link", name="Convert to case study")
    box = convert.evaluate("e => [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight]")
    assert box[0] <= box[1] + 1 and box[2] <= box[3] + 1, box
    assert row.locator("td").first.evaluate("e => getComputedStyle(e).wordBreak") == "normal"
    expect(page.locator(".changelist-filter")).not_to_contain_text(re.compile(r"^\s*-\s*$"))
    assert axe_violations(page) == []
    name = "admin-inbox" + ("-phone" if size == PHONE else "")
    row.scroll_into_view_if_needed()
    screenshot(page, name, full_page=False, docs=True)

    row.get_by_role("link", name="Inspect").click()
    expect(page.locator(".cs-submission-inspect")).to_contain_text("NHS Bolton (NHS body)")
    assert axe_violations(page) == []
    screenshot(page, "admin-inbox-inspect" + ("-phone" if size == PHONE else ""), docs=True)


@pytest.mark.parametrize("size", SIZES)
def test_new_case_study_editor_passes_axe(server, sized_page, screenshot, axe_violations, size):
    page = sized_page(size)
    log_in(page, server)
    page.goto(f"{server}/admin/all_case_studies/")
    expect(page.get_by_role("heading", level=1)).to_have_text("All case studies")
    assert axe_violations(page) == []
    page.get_by_role("link", name=re.compile("Add case study")).first.click()
    # Straight to the editor under the only case-study index, on the six sections.
    expect(page).to_have_url(re.compile(r"/admin/pages/add/wagtail_casestudies/casestudypage/"))
    for heading in ("The challenge", "The solution", "Lessons learned", "Contact"):
        expect(page.get_by_text(heading, exact=True).first).to_be_visible()
    assert axe_violations(page, exclude_core_widgets=True) == []
    if size == DESKTOP:
        screenshot(page, "admin-new-case-study", full_page=False, docs=True)
    # On a phone an open preview panel (remembered from an earlier test) covers the tabs.
    page.get_by_role("tab", name="Councils and topics").dispatch_event("click")
    expect(page.get_by_role("tab", name="Councils and topics")).to_have_attribute(
        "aria-selected", "true"
    )
    assert axe_violations(page, exclude_core_widgets=True) == []
    # The main topic is chosen among the ticked topics only, the first ticked until chosen.
    main_topic = page.locator("select[data-casestudies-main-topic]")
    # (Clicked by event: on a phone the open preview panel covers the checkboxes too.)
    for topic in ("Waste and recycling", "Public health"):
        page.get_by_role("checkbox", name=topic, exact=True).dispatch_event("click")
        expect(page.get_by_role("checkbox", name=topic, exact=True)).to_be_checked()
    offered = main_topic.evaluate(
        "s => [...s.options].filter(o => o.value && !o.disabled).map(o => o.textContent.trim())"
    )
    assert offered == ["Public health", "Waste and recycling"]
    chosen = "s => s.selectedOptions[0].textContent.trim()"
    assert main_topic.evaluate(chosen) == "Waste and recycling"  # the first one ticked
    page.get_by_role("checkbox", name="Waste and recycling", exact=True).dispatch_event("click")
    assert main_topic.evaluate(chosen) == "Public health"


def test_councils_ticked_in_one_chooser_keep_the_order_ticked(server, sized_page):
    """Ticking Wigan, then (after a search in the same modal) Bolton makes Wigan the lead
    council: the modal would send them in the listing's order, Bolton first."""
    page = sized_page(DESKTOP)
    log_in(page, server)
    page.goto(f"{server}/admin/all_case_studies/")
    page.get_by_role("link", name=re.compile("Add case study")).first.click()
    page.get_by_role("tab", name="Councils and topics").dispatch_event("click")
    page.get_by_role("button", name="Add councils").click()
    modal = page.locator(".modal-dialog")
    for name in ("Wigan Council", "Bolton Council"):
        modal.get_by_role("textbox", name="Search term").fill(name.split()[0])
        checkbox = modal.locator(f"input[data-multiple-choice-select][title='Select {name}']")
        checkbox.check()
    # Back to Wigan: still ticked, and still first.
    modal.get_by_role("textbox", name="Search term").fill("Wigan")
    expect(
        modal.locator("input[data-multiple-choice-select][title='Select Wigan Council']")
    ).to_be_checked()
    modal.get_by_role("button", name="Confirm selection").click()
    expect(modal).to_be_hidden()
    chosen = page.locator("#id_council_links-FORMS [data-chooser-title]")
    expect(chosen.filter(has_text="Bolton Council")).to_have_count(1)
    titles = [title.strip() for title in chosen.all_inner_texts() if title.strip()]
    assert titles == ["Wigan Council", "Bolton Council"]
