"""CORS and the Content-Security-Policy of the example site, through its real middleware
(django-cors-headers, django-csp) and URLs. The real cross-origin request from Chromium is in
test_cross_origin.py."""

from __future__ import annotations

import pytest

FRONT_END = "http://127.0.0.1:3000"
SUBMIT_URL = "/casestudies/submit/"


@pytest.fixture
def allowed_origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END]


@pytest.mark.parametrize("path", [SUBMIT_URL, "/api/v2/case-studies/"])
def test_a_preflight_from_a_listed_origin_is_answered(client, db, allowed_origin, path):
    response = client.options(
        path,
        headers={
            "Origin": FRONT_END,
            "Access-Control-Request-Method": "POST" if path == SUBMIT_URL else "GET",
            "Access-Control-Request-Headers": "content-type, idempotency-key",
        },
    )
    assert response.status_code == 200  # the endpoint itself takes only POST: it was 405
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "idempotency-key" in response["Access-Control-Allow-Headers"]


def test_answers_name_a_listed_origin_and_no_other(client, db, allowed_origin):
    response = client.get("/api/v2/case-studies/", headers={"Origin": FRONT_END})
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    response = client.get("/api/v2/case-studies/", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response
    # The admin is not an API: no CORS there, whatever the origin.
    response = client.get("/admin/login/", headers={"Origin": FRONT_END})
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("path", ["/frontend/", "/frontend/case-studies/x/"])
def test_the_front_end_has_a_policy_without_inline_script(client, db, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_admin_keeps_its_own_scripts(client, db):
    assert "Content-Security-Policy" not in client.get("/admin/login/")
