"""The OpenAPI documents are valid, and real responses (200s and 400s, v2 and v3) match them."""

import re

import pytest
from django.core.cache import cache
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from tests import factories
from wagtail_casestudies.compat import HAS_API_V3

FACETS = "topic,council_type,region,support_type,year,covid"


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    yield from factories.shared_library(django_db_blocker)


@pytest.fixture(autouse=True)
def clear_cache(db):
    cache.clear()


def operation_for(document, url):
    """The GET operation whose path template matches ``url`` (without the query)."""
    path = url.split("?")[0]
    for template, item in document["paths"].items():
        pattern = "^" + re.sub(r"\\{[^}]+\\}", r"[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path):
            return item["get"]
    raise AssertionError(f"{path} is not in the OpenAPI document")


def check(client, document, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content)
    schema = operation_for(document, url)["responses"][str(status)]["content"]
    schema = next(iter(schema.values()))["schema"]
    wrapper = {
        "$id": "urn:openapi",
        "components": document.get("components", {}),
        "allOf": [schema],
    }
    errors = sorted(Draft202012Validator(wrapper).iter_errors(response.json()), key=str)
    assert not errors, (url, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]])
    return response.json()


def urls(lib, prefix):
    return [
        f"{prefix}/case-studies/",
        f"{prefix}/case-studies/?facets={FACETS}&covid=true&topic=waste,housing",
        f"{prefix}/case-studies/?search=bins&fields=*",
        f"{prefix}/case-studies/?fields=_,title,body,tags,councils,hero_image,partners",
        f"{prefix}/case-studies/{lib.full.pk}/",
        f"{prefix}/case-studies/find/?slug={lib.bins.slug}",
        f"{prefix}/councils/?region=south_east",
        f"{prefix}/councils/{lib.dover.pk}/",
        f"{prefix}/councils/find/?gss_code=E10000016",
        f"{prefix}/topics/?has_case_studies=true",
        f"{prefix}/topics/{lib.waste.pk}/",
        f"{prefix}/support-types/",
        f"{prefix}/support-types/find/?slug=one-public-estate",
    ]


BAD = [
    "/case-studies/?topic=nope",
    "/case-studies/?limit=-1",
    "/case-studies/?date_from=2022-01-01&date_to=2021-01-01",
    "/councils/?region=atlantis",
    "/topics/?bogus=1",
]


@pytest.fixture
def full(lib):
    image = factories.make_image()
    lib.full = factories.make_case_study(
        lib.index_page,
        "Kent: all blocks",
        councils=[lib.kent],
        topics=[lib.waste],
        body=factories.full_body(lib.kent, image=image, document=factories.make_document()),
        hero_image=image,
        tags=["bins"],
    )
    factories.add_partner(lib.full, "A charity", kind="charity")
    return lib


def test_v2_document_is_valid_and_describes_real_responses(client, full):
    document = client.get("/api/v2/case-studies/openapi.json").json()
    validate(document)
    assert "/api/v2/case-studies/{id}/" in document["paths"]
    for url in urls(full, "/api/v2"):
        check(client, document, url)
    for url in BAD:
        body = check(client, document, "/api/v2" + url, status=400)
        assert body["parameter"]
    missing = client.get("/api/v2/case-studies/999999/")
    assert missing.status_code == 404


@pytest.mark.skipif(not HAS_API_V3, reason="Wagtail < 8.0 has no v3 API")
def test_v3_document_describes_real_responses(client, full):
    document = client.get("/api/v3/openapi.json").json()
    for name in ("/api/v3/case-studies/", "/api/v3/councils/{pk}/", "/api/v3/topics/find/"):
        assert name in document["paths"], sorted(document["paths"])
    for url in urls(full, "/api/v3"):
        check(client, document, url)
    for url in BAD:
        response = client.get("/api/v3" + url)
        assert response.status_code == 400
        assert response["Content-Type"] == "application/problem+json"
        problem = response.json()
        assert problem["errors"][0]["loc"][0] == "query"
    page = client.get(f"/api/v3/pages/{full.full.pk}/").json()
    assert page["lead_council"]["slug"] == "kent-county-council"
    assert page["hero_image"]["renditions"]
