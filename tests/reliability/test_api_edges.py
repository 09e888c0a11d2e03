"""The API's edges found from outside in the second security round (issue 15), each at the
depth where it belongs, on v2 and v3 and on both databases.

- A search is text: quotes and query syntax, balanced or not, are searched as words.
- A tag filter answers the same for a tag used only on a draft as for a tag never used.
- The browsable API's HTML is private and never cached.
- Too many query parameters is a JSON 400, like any other bad parameter.
- ``If-None-Match: *`` matches only what exists: a missing detail is a 404, a bad query a 400.
- A host that no site serves, on an install with no default site, lists nothing (not a 500).
"""

from __future__ import annotations

import pytest
from wagtail.models import Site

from tests import factories
from tests.reliability.fuzzing import SEARCH_SYNTAX
from wagtail_casestudies.compat import HAS_API_V3

pytestmark = pytest.mark.django_db

VERSIONS = ["/api/v2", "/api/v3"] if HAS_API_V3 else ["/api/v2"]


@pytest.fixture
def lib(index_page):
    kent = factories.make_council("Kent County Council")
    bins = factories.make_case_study(
        index_page, 'Kent: "fewer" missed bins', councils=[kent], tags=["bins"]
    )
    draft = factories.make_case_study(
        index_page, "Kent: a draft", councils=[kent], tags=["zqdraftword"], publish=False
    )
    return bins, draft


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("search", SEARCH_SYNTAX)
def test_search_syntax_is_searched_as_text(client, lib, version, search):
    response = client.get(f"{version}/case-studies/", {"search": search})
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("version", VERSIONS)
def test_a_quoted_word_finds_the_word(client, lib, version):
    bins, _draft = lib
    for search in ('"fewer', 'fewer"', '"fewer"', 'fewer" missed'):
        response = client.get(f"{version}/case-studies/", {"search": search})
        assert response.status_code == 200, (search, response.content)
        assert [item["id"] for item in response.json()["items"]] == [bins.pk], search


@pytest.mark.parametrize("version", VERSIONS)
def test_a_tag_only_on_a_draft_is_answered_as_an_unknown_tag(client, lib, version):
    used_on_draft = client.get(f"{version}/case-studies/", {"tag": "zqdraftword"})
    never_used = client.get(f"{version}/case-studies/", {"tag": "zqneverused"})
    assert used_on_draft.status_code == never_used.status_code == 400
    assert (
        used_on_draft.json().get("message", used_on_draft.json().get("detail")).split(":")[0]
        == never_used.json().get("message", never_used.json().get("detail")).split(":")[0]
    )
    assert client.get(f"{version}/case-studies/", {"tag": "bins"}).status_code == 200


def test_the_browsable_api_is_private(admin_client, lib):
    response = admin_client.get("/api/v2/case-studies/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "ETag" not in response
    json_response = admin_client.get("/api/v2/case-studies/")
    assert json_response["Cache-Control"].startswith("public")


@pytest.mark.parametrize("version", VERSIONS)
def test_too_many_query_parameters_is_a_json_400(client, lib, version, settings):
    query = "&".join(f"p{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"{version}/case-studies/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith(("application/json", "application/problem+json"))
    assert "too many query parameters" in response.content.decode()


@pytest.mark.parametrize("version", VERSIONS)
def test_if_none_match_star_matches_only_what_exists(client, lib, version):
    bins, draft = lib
    star = {"HTTP_IF_NONE_MATCH": "*"}
    assert client.get(f"{version}/case-studies/{bins.pk}/", **star).status_code == 304
    assert client.get(f"{version}/case-studies/{draft.pk}/", **star).status_code == 404
    assert client.get(f"{version}/case-studies/999999/", **star).status_code == 404
    assert client.get(f"{version}/case-studies/", {"limit": "x"}, **star).status_code == 400


@pytest.mark.parametrize("version", VERSIONS)
def test_no_site_for_the_host_lists_nothing(client, lib, version):
    Site.objects.update(is_default_site=False)
    response = client.get(
        f"{version}/case-studies/", {"facets": "year,topic"}, HTTP_HOST="nowhere.example"
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data.get("meta", data).get("total_count", data.get("count")) == 0
    assert data["items"] == []
    bins, _draft = lib
    assert (
        client.get(f"{version}/case-studies/{bins.pk}/", HTTP_HOST="nowhere.example").status_code
        == 404
    )
