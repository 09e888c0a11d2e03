"""A council officer uploads a Word document that lacks something, on a phone and on a desktop:
the page keeps it under a reference and shows the form filled with what was read (plain text,
never markup), with what is missing marked; it passes axe-core; sending it completes it."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from .test_package_pages import SIZES, serious_violations

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def council_document() -> bytes:
    """A council's own document, headings as bold lines, no consent box (it never saw the
    template), with a Welsh word longer than a phone is wide."""
    document = Document()
    document.add_paragraph(
        "Cyngor Sir Ynys Môn: Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch "
        "library hub"
    )
    document.add_paragraph("Anglesey turned its libraries into community hubs.")
    for heading, text in (
        ("The challenge", "Libraries were closing and residents travelled far for services."),
        ("The solution", "We opened hubs with the health board and volunteers."),
        ("The impact", "Visits rose by a quarter in the first year."),
        ("How is the new approach being sustained?", "The hubs are in the library strategy."),
        ("Lessons learned", "Start with what residents ask for."),
        ("Contact", "Siân Jones, Library Manager, sian.jones@example.gov.uk"),
    ):
        document.add_paragraph().add_run(heading).bold = True
        paragraph = document.add_paragraph(text.split(" ", 1)[0] + " ")
        paragraph.add_run(text.split(" ", 1)[1]).bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("size", SIZES)
def test_an_incomplete_word_document_is_kept_and_completed(server, page, screenshot, size):
    page.set_viewport_size(SIZES[size])
    page.goto(f"{server}/submit/")
    page.set_input_files(
        "#cs-word-document",
        files=[{"name": f"anglesey-{size}.docx", "mimeType": DOCX, "buffer": council_document()}],
    )
    page.get_by_role("button", name="Send the Word document").click()

    panel = page.locator("#cs-completing")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text(re.compile(r"CS-[A-Z0-9]{4}-[A-Z0-9]{4}"))
    expect(page.locator(".cs-error-summary")).to_be_visible()
    challenge = page.locator("textarea[name=challenge]")
    expect(challenge).to_have_value(re.compile("Libraries were closing"))
    assert "<" not in challenge.input_value()
    # Nothing runs off a phone's screen, the long Welsh word included.
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map(element => `${element.tagName}.${element.className}#${element.id}:`
                + Math.round(element.getBoundingClientRect().right))"""
    )
    assert wide == [], wide
    screenshot(page, f"word-completion-{size}", full_page=False)
    assert serious_violations(page) == []

    anglesey = page.evaluate(
        "() => [...document.querySelector('select[name=lead_council]').options]"
        ".find(option => /Anglesey/.test(option.text)).value"
    )
    page.locator("select[name=lead_council]").select_option(anglesey)
    page.locator("input[name=consent_publish]").last.check()
    page.get_by_role("button", name="Send the case study").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
