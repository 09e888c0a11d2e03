"""A front end on another origin reads everything: the CORS settings that docs/headless.md
gives (read from the page itself, and the same as the example site's) cover every public JSON
URL, preflights included, let a script revalidate (If-None-Match, If-Modified-Since) and read
the validators; and every URL in the API's fields, rich text included, is absolute."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from django.core.cache import cache

from tests import factories
from tests.settings import MIDDLEWARE
from wagtail_casestudies.compat import HAS_API_V3

corsheaders = pytest.importorskip("corsheaders", reason="django-cors-headers (the example site's)")

ROOT = Path(__file__).resolve().parents[1]
FRONT_END = "https://casestudies.example.org"
CORS_NAMES = ("CORS_URLS_REGEX", "CORS_ALLOW_HEADERS", "CORS_EXPOSE_HEADERS")


def documented_settings() -> dict:
    """The Python block of docs/headless.md's CORS section, run as a settings file would be."""
    text = (ROOT / "docs" / "headless.md").read_text()
    section = text.split("## A front end on another origin: CORS", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S)[1]
    namespace: dict = {"INSTALLED_APPS": [], "MIDDLEWARE": list(MIDDLEWARE)}
    exec(block, namespace)
    return namespace


def test_the_example_site_uses_the_documented_settings():
    example = runpy.run_path(str(ROOT / "example_site" / "example_site" / "settings.py"))
    documented = documented_settings()
    for name in CORS_NAMES:
        assert example[name] == documented[name], name


@pytest.fixture
def cors(settings, db):
    documented = documented_settings()
    for name in CORS_NAMES:
        setattr(settings, name, documented[name])
    settings.MIDDLEWARE = documented["MIDDLEWARE"]
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END]
    cache.clear()
    yield documented
    cache.clear()


@pytest.fixture
def case_study(cors):
    index = factories.make_index_page()
    return factories.make_case_study(index, "Kent: fewer missed bins")


def public_json_urls(page) -> list[str]:
    urls = [
        "/api/v2/case-studies/",
        f"/api/v2/case-studies/{page.pk}/",
        f"/api/v2/case-studies/find/?html_path={page.url}",
        "/api/v2/councils/",
        "/api/v2/topics/",
        "/api/v2/support-types/",
        f"/api/v2/pages/{page.pk}/",
        "/casestudies/template.schema.json",
    ]
    if HAS_API_V3:
        urls += ["/api/v3/case-studies/", f"/api/v3/case-studies/{page.pk}/", "/api/v3/topics/"]
    return urls


def header_names(value: str) -> set[str]:
    return {name.strip().lower() for name in value.split(",")}


def test_every_public_json_url_answers_the_front_end(client, case_study):
    for url in public_json_urls(case_study):
        response = client.get(url, headers={"Origin": FRONT_END})
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == FRONT_END, url
        exposed = header_names(response["Access-Control-Expose-Headers"])
        assert {"etag", "last-modified", "content-language"} <= exposed, url
        assert "origin" in header_names(response["Vary"]), url
        # Another origin is not named.
        other = client.get(url, headers={"Origin": "https://elsewhere.example"})
        assert "Access-Control-Allow-Origin" not in other, url


def test_a_revalidation_preflight_is_answered_and_its_304_is_readable(client, case_study):
    for url in public_json_urls(case_study):
        preflight = client.options(
            url,
            headers={
                "Origin": FRONT_END,
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "if-none-match, if-modified-since",
            },
        )
        assert preflight.status_code == 200, url
        assert preflight["Access-Control-Allow-Origin"] == FRONT_END, url
        allowed = header_names(preflight["Access-Control-Allow-Headers"])
        assert {"if-none-match", "if-modified-since"} <= allowed, url

    url = f"/api/v2/case-studies/{case_study.pk}/"
    etag = client.get(url, headers={"Origin": FRONT_END})["ETag"]
    again = client.get(url, headers={"Origin": FRONT_END, "If-None-Match": etag})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == FRONT_END


def test_the_submission_endpoint_and_the_preview_data_are_covered(client, cors):
    preflight = client.options(
        "/casestudies/submit/",
        headers={
            "Origin": FRONT_END,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, idempotency-key",
        },
    )
    assert preflight.status_code == 200
    assert "idempotency-key" in header_names(preflight["Access-Control-Allow-Headers"])
    template = client.get("/casestudies/template.docx", headers={"Origin": FRONT_END})
    assert template["Access-Control-Allow-Origin"] == FRONT_END
    # The headless preview's data is the example site's URL (tests/browser reads it across
    # origins); the admin and the rendered pages are not covered.
    pattern = re.compile(cors["CORS_URLS_REGEX"])
    assert pattern.match("/frontend/preview/data/")
    for path in ("/admin/", "/case-studies/", "/casestudies/", "/frontend/"):
        assert not pattern.match(path), path


# --- Absolute URLs in rich text ------------------------------------------------------------------


@pytest.fixture
def linked(db):
    cache.clear()
    index = factories.make_index_page()
    target = factories.make_case_study(index, "Dover: homes for key workers")
    document = factories.make_document()
    image = factories.make_image()
    body = [
        (
            "paragraph",
            f'<p>See <a linktype="page" id="{target.pk}">Dover</a>, '
            f'<a linktype="document" id="{document.pk}">the report</a> and '
            '<a href="#contact">the contact</a>.</p>'
            f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="A chart"/>',
        )
    ]
    page = factories.make_case_study(index, "Kent: links", body=body)
    yield page, target, document
    cache.clear()


def paragraph(client, version: str, page) -> str:
    data = client.get(f"/api/{version}/case-studies/{page.pk}/").json()
    return next(block["value"] for block in data["body"] if block["type"] == "paragraph")


@pytest.mark.parametrize("version", ["v2", "v3"] if HAS_API_V3 else ["v2"])
def test_rich_text_links_are_absolute(client, linked, version, settings):
    page, target, document = linked
    html = paragraph(client, version, page)
    assert f'href="http://localhost{target.url}"' in html
    assert f'href="http://localhost/documents/{document.pk}/' in html
    assert re.search(r'<img [^>]*src="http://localhost/', html)
    assert 'href="#contact"' in html  # an anchor stays as it is
    assert 'href="/' not in html and 'src="/' not in html

    # Wagtail's API rule: files start with WAGTAILAPI_BASE_URL, when set, before the Site's
    # root URL; a page is where the Site serves it, as its html_url is.
    settings.WAGTAILAPI_BASE_URL = "https://cms.example.org/ignored/path"
    cache.clear()
    html = paragraph(client, version, page)
    assert f'href="https://cms.example.org/documents/{document.pk}/' in html
    assert re.search(r'<img [^>]*src="https://cms.example.org/', html)
    assert f'href="http://localhost{target.url}"' in html
