"""A front end on another origin, in Chromium: the example front end served from a second port
reads the API of the first across origins, and posts to the submission endpoint with the
preflight a JSON body and an Idempotency-Key header call for (it was answered 405 before CORS).
No request is refused by CORS or by the Content-Security-Policy on the way."""

from __future__ import annotations

from playwright.sync_api import expect

POST_JSON = """async (url) => {
    const response = await fetch(url, {
        method: "POST",
        headers: {"Content-Type": "application/json", "Idempotency-Key": "cross-origin-test"},
        body: JSON.stringify({title: "Only a title"}),
    });
    return {status: response.status, body: await response.json()};
}"""


def test_a_front_end_on_another_origin_lists_and_submits(server, cross_origin_frontend, page):
    assert cross_origin_frontend != server
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{cross_origin_frontend}/frontend/")
    expect(page.locator(".cards > .card")).to_have_count(10)

    answer = page.evaluate(POST_JSON, f"{server}/casestudies/submit/")
    assert answer["status"] == 400  # read across origins: the preflight was answered
    assert "summary" in answer["body"]["errors"]

    refused = [text for text in console if "CORS" in text or "Content Security Policy" in text]
    assert not refused, refused
