"""The API's HTTP headers, v2 and v3, listing and detail, and the template's JSON Schema:
``Vary`` only on what a body varies by, ``Content-Language`` the language of the content,
``Last-Modified`` with ``If-Modified-Since``, and 304s that carry the 200's validators and
caching headers but nothing that describes a body. The middleware is the example site's: the
session and ``LocaleMiddleware`` add ``Vary: Cookie, Accept-Language`` to everything."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from wagtail.models import Locale

from tests import factories
from wagtail_casestudies.compat import HAS_API_V3
from wagtail_casestudies.models import ContentVersion

SITE_MIDDLEWARE = [
    "wagtail_casestudies.middleware.ExactHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
VERSIONS = ["v2", "v3"] if HAS_API_V3 else ["v2"]


@pytest.fixture
def library(db, settings, django_capture_on_commit_callbacks):
    """An English case study and its Welsh translation, with the example site's middleware."""
    settings.MIDDLEWARE = SITE_MIDDLEWARE
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("en-gb", "English"),
        ("cy", "Cymraeg"),
    ]
    cache.clear()
    welsh = Locale.objects.create(language_code="cy")
    cardiff = factories.make_council("Cardiff Council", welsh_name="Cyngor Caerdydd")
    index = factories.make_index_page()
    english = factories.make_case_study(index, "Cardiff: contact tracing", councils=[cardiff])
    with django_capture_on_commit_callbacks(execute=True):
        translated = english.copy_for_translation(welsh, copy_parents=True)
        translated.title = "Caerdydd: olrhain cysylltiadau"
        translated.save_revision().publish()
    yield english, translated
    cache.clear()


def urls(version: str, page) -> dict[str, str]:
    return {
        "listing": f"/api/{version}/case-studies/",
        "detail": f"/api/{version}/case-studies/{page.pk}/",
        "topics": f"/api/{version}/topics/",
    }


def vary(response) -> set[str]:
    return {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("kind", ["listing", "detail", "topics"])
def test_a_200_varies_only_by_what_its_body_does(client, library, version, kind):
    english, _welsh = library
    url = urls(version, english)[kind]
    # A Welsh browser with a session cookie gets the same body as anyone: the default language.
    client.cookies["sessionid"] = "anything"
    response = client.get(url, headers={"Accept-Language": "cy"})
    assert response.status_code == 200
    assert vary(response) == ({"accept"} if version == "v2" else set())
    assert response["Content-Language"] == "en-gb"
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"].startswith('W/"')
    # WSGI (PEP 3333) takes header values of type str only, not a subclass (wsgiref: a 500).
    assert all(type(value) is str for value in response.headers.values())
    last_modified = parse_http_date(response["Last-Modified"])
    assert abs(last_modified - datetime.datetime.now().timestamp()) < 3600 * 24
    plain = client.get(url)
    assert plain.content == response.content and plain["ETag"] == response["ETag"]


@pytest.mark.parametrize("version", VERSIONS)
def test_content_language_is_the_contents(client, library, version):
    _english, welsh = library
    detail = client.get(f"/api/{version}/case-studies/{welsh.pk}/")
    assert detail.json()["meta"]["locale"] == "cy"
    assert detail["Content-Language"] == "cy"  # it said en-gb, the request's language
    listing = client.get(f"/api/{version}/case-studies/", {"locale": "cy"})
    assert listing["Content-Language"] == "cy"
    topics = client.get(f"/api/{version}/topics/", {"locale": "cy"})
    assert topics["Content-Language"] == "cy"


def test_content_language_is_right_without_the_packages_middleware(client, library, settings):
    """LocaleMiddleware only sets Content-Language where the view has not: the language is right
    without ExactHeadersMiddleware; only Vary is wider."""
    settings.MIDDLEWARE = SITE_MIDDLEWARE[1:]
    _english, welsh = library
    response = client.get(f"/api/v2/case-studies/{welsh.pk}/")
    assert response["Content-Language"] == "cy"
    assert "accept-language" in vary(response)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("kind", ["listing", "detail"])
def test_a_304_carries_the_200s_headers_and_no_body_type(
    client, library, version, kind, django_assert_num_queries
):
    english, _welsh = library
    url = urls(version, english)[kind]
    first = client.get(url)
    with django_assert_num_queries(1):  # the content version, nothing else
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    for name in ("ETag", "Last-Modified", "Cache-Control"):
        assert again[name] == first[name], name
    assert vary(again) == vary(first)
    assert "Content-Type" not in again  # v3 said text/html
    assert "Content-Language" not in again  # describes a body there is not


@pytest.mark.parametrize("version", VERSIONS)
def test_if_modified_since(client, library, version, django_capture_on_commit_callbacks):
    english, _welsh = library
    # The last change a minute ago: the version is the time of the last change, in
    # microseconds; Last-Modified is that, or midnight if later (councils' is_active changes).
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    ContentVersion.objects.update(version=int(a_minute_ago.timestamp() * 1_000_000))
    midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))
    url = f"/api/{version}/case-studies/"
    first = client.get(url)
    assert first["Last-Modified"] == http_date(max(a_minute_ago, midnight).timestamp())
    last_modified = first["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304
    earlier = http_date(parse_http_date(last_modified) - 1)
    assert client.get(url, headers={"If-Modified-Since": earlier}).status_code == 200
    # If-None-Match decides when both are sent (RFC 9110 13.1.3).
    both = {"If-Modified-Since": last_modified, "If-None-Match": 'W/"other"'}
    assert client.get(url, headers=both).status_code == 200

    # A change moves Last-Modified on: the old date no longer gets a 304.
    with django_capture_on_commit_callbacks(execute=True):
        factories.make_case_study(english.get_parent(), "Cardiff: a second one")
    changed = client.get(url, headers={"If-Modified-Since": last_modified})
    assert changed.status_code == 200
    assert parse_http_date(changed["Last-Modified"]) > parse_http_date(last_modified)
    assert changed["ETag"] != first["ETag"]


SCHEMA = "/casestudies/template.schema.json"


def test_the_schema_id_comes_from_the_site_not_the_host_header(client, library):
    response = client.get(SCHEMA, headers={"Host": "attacker.example"})
    assert response.status_code == 200
    # The default site (localhost:80) answers an unknown host, and its root URL makes the $id.
    assert response.json()["$id"] == "http://localhost/casestudies/template.schema.json"
    assert response["Cache-Control"] == "public, max-age=300"

    factories.make_site("other.example")
    response = client.get(SCHEMA, headers={"Host": "other.example"})
    assert response.json()["$id"] == "http://other.example/casestudies/template.schema.json"


def test_the_schema_says_its_language_and_varies_by_it(client, library):
    """The schema's words follow the request's language (LocaleMiddleware): it says which, and
    that it varies by Accept-Language; nothing in it varies by a session cookie."""
    english = client.get(SCHEMA)
    welsh = client.get(SCHEMA, headers={"Accept-Language": "cy"})
    assert english["Content-Language"] == "en-gb"
    assert welsh["Content-Language"] == "cy"
    assert "accept-language" in vary(welsh)
    assert "cookie" not in vary(welsh)


def test_a_schema_asked_for_in_welsh_says_so(client, library):
    """``?locale=cy`` writes the schema in Welsh whatever the browser prefers: it said
    ``Content-Language: en-gb``, the request's language."""
    response = client.get(SCHEMA, {"locale": "cy"}, headers={"Accept-Language": "en-gb"})
    assert response.status_code == 200
    assert response["Content-Language"] == "cy"
    docx = client.get("/casestudies/template.docx", {"locale": "cy"})
    assert docx["Content-Language"] == "cy"
