"""The OpenAPI documents are valid, and real responses (200s, 400s and 404s, v2 and v3) match
them. (Outside tools' verdicts on them: test_openapi_tools.py.)"""

import json
import re
from pathlib import Path

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


def strict_json(content: bytes):
    """JSON as outside tools load it: a key twice in one object is an error, not the last one."""

    def refuse_duplicates(pairs):
        keys = [key for key, _value in pairs]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        assert not duplicates, f"keys given twice: {duplicates}"
        return dict(pairs)

    return json.loads(content, object_pairs_hook=refuse_duplicates)


def operation_for(document, url):
    """The GET operation whose path template matches ``url`` (without the query)."""
    path = url.split("?")[0]
    if path in document["paths"]:  # find/ is its own path, not an {id}
        return document["paths"][path]["get"]
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
    document = strict_json(client.get("/api/v2/case-studies/openapi.json").content)
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
    document = strict_json(client.get("/api/v3/openapi.json").content)
    validate(document)
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


DETAILS = ("case-studies", "councils", "topics", "support-types")
NOT_IDS = ("-1", "x", "1.5", "0", "99999999999999999999999")


def test_v2_detail_routes_answer_any_bad_id_with_the_documented_json_404(client, db):
    document = client.get("/api/v2/case-studies/openapi.json").json()
    for resource in DETAILS:
        for bad in NOT_IDS:
            body = check(client, document, f"/api/v2/{resource}/{bad}/", status=404)
            assert body["message"]


@pytest.mark.skipif(not HAS_API_V3, reason="Wagtail < 8.0 has no v3 API")
def test_v3_detail_routes_answer_any_bad_id_with_the_documented_problem(client, db):
    document = client.get("/api/v3/openapi.json").json()
    for resource in DETAILS:
        for bad in NOT_IDS:
            url = f"/api/v3/{resource}/{bad}/"
            response = client.get(url)
            assert response.status_code == 404, (url, response.content[:200])
            assert response["Content-Type"] == "application/problem+json"
            schema = operation_for(document, url)["responses"]["404"]["content"]
            schema = schema["application/problem+json"]["schema"]
            wrapper = {"$id": "urn:openapi", "components": document["components"], **schema}
            assert not list(Draft202012Validator(wrapper).iter_errors(response.json()))
            assert response.json()["status"] == 404


def parameters_of(operation):
    return {parameter["name"]: parameter for parameter in operation["parameters"]}


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_parameters_state_their_types_choices_bounds_and_lists(client, db, version):
    """What the parsing accepts, the documents state: a filter's list as an array sent
    comma-separated, fixed choices as enums, the pagination bounds; the same in v2 and v3."""
    if version == "v3" and not HAS_API_V3:
        pytest.skip("Wagtail < 8.0 has no v3 API")
    url = {"v2": "/api/v2/case-studies/openapi.json", "v3": "/api/v3/openapi.json"}[version]
    document = client.get(url).json()
    listing = parameters_of(operation_for(document, f"/api/{version}/case-studies/"))
    for name in ("topic", "council", "council_type", "region", "support_type", "tag", "year"):
        parameter = listing[name]
        assert parameter["schema"]["type"] == "array", name
        assert (parameter["style"], parameter["explode"]) == ("form", False), name
    assert listing["year"]["schema"]["items"]["type"] == "integer"
    region = listing["region"]["schema"]["items"]["enum"]
    assert "south_east" in region and "wales" in region
    assert "district" in listing["council_type"]["schema"]["items"]["enum"]
    assert set(listing["facets"]["schema"]["items"]["enum"]) == {
        "topic",
        "council_type",
        "region",
        "support_type",
        "year",
        "covid",
    }
    assert listing["limit"]["schema"]["minimum"] == 0
    assert listing["limit"]["schema"]["maximum"] == 100  # API_MAX_LIMIT
    assert listing["offset"]["schema"]["maximum"] == 1_000_000
    councils = parameters_of(operation_for(document, f"/api/{version}/councils/"))
    assert "wales" in councils["region"]["schema"]["items"]["enum"]

    # ... and the endpoints take what is stated: a list comma-separated and repeated, the bounds.
    base = f"/api/{version}/case-studies/"
    assert client.get(base + "?region=wales,south_east&region=london").status_code == 200
    assert client.get(base + "?limit=100&offset=1000000").status_code == 200
    assert client.get(base + "?limit=101").status_code == 400
    assert client.get(base + "?offset=1000001").status_code == 400
    assert client.get(base + "?council_type=parish").status_code == 400


@pytest.mark.skipif(not HAS_API_V3, reason="Wagtail < 8.0 has no v3 API")
def test_v3_document_security_and_servers_are_what_tools_accept(client, db):
    document = client.get("/api/v3/openapi.json").json()
    for name, scheme in document["components"].get("securitySchemes", {}).items():
        if scheme["type"] == "http":
            assert scheme.get("scheme"), name
    assert document["servers"]
    ours = operation_for(document, "/api/v3/case-studies/")
    assert ours["security"] == []
    assert ours["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CaseStudyPage"
    }


EXAMPLES = Path(__file__).parent.parent / "docs" / "api-examples.md"
EXAMPLE = re.compile(
    r"```http\nGET (?P<url>\S+)\n```\n\n`(?P<status>\d+)`\n\n```json\n(?P<body>.*?)\n```", re.S
)


def test_every_example_in_the_docs_matches_the_documents(client, db):
    """docs/api-examples.md (written from real responses by the example site's
    write_api_examples) shows only what the OpenAPI documents allow: each example validates
    against the response schema of its path and status."""
    examples = EXAMPLE.findall(EXAMPLES.read_text())
    assert len(examples) > 30
    documents = {"/api/v2/": client.get("/api/v2/case-studies/openapi.json").json()}
    if HAS_API_V3:
        documents["/api/v3/"] = client.get("/api/v3/openapi.json").json()
    checked = 0
    for url, status, body in examples:
        if url.startswith("/api/v2/pages/"):
            continue  # Wagtail's own pages endpoint, not in the package's document
        if url[:8] not in documents:
            continue  # v3, on Wagtail < 8.0
        document = documents[url[:8]]
        content = operation_for(document, url)["responses"][status]["content"]
        schema = next(iter(content.values()))["schema"]
        wrapper = {"$id": "urn:openapi", "components": document["components"], "allOf": [schema]}
        errors = list(Draft202012Validator(wrapper).iter_errors(strict_json(body.encode())))
        assert not errors, (url, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]])
        checked += 1
    assert checked >= (30 if HAS_API_V3 else 25)
