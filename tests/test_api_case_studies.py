"""The case-studies listing: cards, filters, search, ordering, pagination, facets, bad input."""

import pytest
from django.core.cache import cache

from tests import factories

URL = "/api/v2/case-studies/"


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    yield from factories.shared_library(django_db_blocker)


@pytest.fixture(autouse=True)
def clear_cache(db):
    cache.clear()


def get(client, url=URL, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


def test_listing_shows_only_live_public_pages_of_this_site_as_cards(client, lib):
    data = get(client)
    assert data["meta"]["total_count"] == 3
    # Newest first by default.
    assert [item["id"] for item in data["items"]] == [p.pk for p in lib.visible]
    card = data["items"][1]
    assert card["title"] == "Kent: fewer missed bins"
    assert card["meta"]["type"] == "wagtail_casestudies.CaseStudyPage"
    assert card["meta"]["detail_url"] == f"http://localhost/api/v2/case-studies/{lib.bins.pk}/"
    assert card["path"] == "/case-studies/kent-fewer-missed-bins/"
    assert card["url"].endswith(card["path"])
    assert card["date"] == "2021-03-01"
    assert card["lead_council"]["name"] == "Kent County Council"
    assert card["lead_council"]["gss_code"] == "E10000016"
    assert card["lead_council"]["council_type"] == "county"
    assert card["lead_council"]["region"] == "south_east"
    assert card["topics"] == [{"id": lib.waste.pk, "name": "Waste", "slug": "waste"}]
    assert card["main_topic"]["slug"] == "waste"
    assert card["support_type"]["slug"] == "one-public-estate"
    assert card["is_covid19"] is False
    assert card["hero_thumbnail"] is None
    assert "body" not in card

    # The other site sees only its own case study.
    other = client.get(URL, HTTP_HOST="other.example").json()
    assert titles(other) == ["Kent: bins on another site"]


def test_hero_thumbnail_is_a_rendition_with_srcset(client, index_page):
    image = factories.make_image(width=800, height=600)
    factories.make_case_study(index_page, hero_image=image, hero_image_alt="A bin lorry")
    thumb = get(client)["items"][0]["hero_thumbnail"]
    assert thumb["width"] == 320 and thumb["height"] == 240
    assert thumb["alt"] == "A bin lorry"
    assert thumb["url"].startswith("http://localhost/")
    assert thumb["srcset"].endswith(" 800w")  # width-1024 and width-1600 do not upscale
    assert thumb["srcset"].count("w,") == 2


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"topic": "waste"}, ["homes", "bins"]),
        ({"topic": "housing,cyber"}, ["homes", "security"]),
        ({"council": "kent-county-council"}, ["bins"]),
        ({"council": "E08000035"}, ["security"]),
        ({"council": "e10000016", "include_districts": "true"}, ["homes", "bins"]),
        ({"council_type": "district,metropolitan_borough"}, ["homes", "security"]),
        ({"region": "south_east"}, ["homes", "bins"]),
        ({"support_type": "one-public-estate"}, ["bins"]),
        ({"tag": "bins"}, ["bins"]),
        ({"tag": "cyber,bins"}, ["bins", "security"]),
        ({"covid": "true"}, ["homes", "security"]),
        ({"covid": "false"}, ["bins"]),
        ({"date_from": "2021-01-01"}, ["homes", "bins"]),
        ({"date_to": "2021-12-31"}, ["bins", "security"]),
        ({"date_from": "2021-01-01", "date_to": "2021-12-31"}, ["bins"]),
        ({"year": "2020,2022"}, ["homes", "security"]),
        ({"topic": "waste", "covid": "true"}, ["homes"]),
        ({"topic": "waste", "region": "yorkshire_and_the_humber"}, []),
    ],
)
def test_filters_or_within_and_across(client, lib, params, expected):
    data = get(client, **params)
    assert [item["id"] for item in data["items"]] == [getattr(lib, name).pk for name in expected]
    assert data["meta"]["total_count"] == len(expected)


def test_repeated_parameter_is_a_list_and_blank_values_are_unset(client, lib):
    assert get(client, topic=["housing", "cyber"])["meta"]["total_count"] == 2
    # An HTML form's blank fields.
    data = client.get(URL + "?topic=&council=&date_from=&date_to=&search=&order=&limit=").json()
    assert data["meta"]["total_count"] == 3


def test_search_combines_with_filters_and_orders_by_relevance(client, lib):
    assert titles(get(client, search="bins")) == ["Kent: fewer missed bins"]
    assert titles(get(client, search="security", covid="true")) == ["Leeds: cyber security drills"]
    assert get(client, search="security", covid="false")["meta"]["total_count"] == 0
    # Drafts, private pages and other sites never match.
    assert get(client, search="Kent")["meta"]["total_count"] == 1
    # Searching, ordered by date instead of relevance.
    data = get(client, search="Leeds Kent Dover", search_operator="or", order="date")
    assert titles(data) == [
        "Leeds: cyber security drills",
        "Kent: fewer missed bins",
        "Dover: homes for key workers",
    ]


def test_order_and_pagination(client, lib):
    assert titles(get(client, order="title")) == [
        "Dover: homes for key workers",
        "Kent: fewer missed bins",
        "Leeds: cyber security drills",
    ]
    assert titles(get(client, order="-title"))[0] == "Leeds: cyber security drills"
    assert titles(get(client, order="date"))[0] == "Leeds: cyber security drills"
    page = get(client, order="title", limit=1, offset=1)
    assert page["meta"]["total_count"] == 3
    assert titles(page) == ["Kent: fewer missed bins"]
    assert get(client, limit=0)["items"] == []
    assert get(client, offset=50)["items"] == []


def test_fields_adds_and_removes_like_api_v2(client, lib):
    item = get(client, fields="-summary,-topics,body,councils,tags")["items"][1]
    assert "summary" not in item and "topics" not in item
    assert item["councils"][0]["slug"] == "kent-county-council"
    assert item["tags"] == ["bins"]
    assert item["body"] == []
    only = get(client, fields="_,title")["items"][0]
    assert set(only) == {"id", "meta", "title"}
    everything = get(client, fields="*")["items"][0]
    assert {"body", "hero_image", "partners", "series", "publication_date"} <= set(everything)


def facet(data, name):
    return {item["value"]: item["count"] for item in data["meta"]["facets"][name]}


def test_facets_count_every_other_filter_but_not_their_own(client, lib):
    data = get(client, facets="topic,council_type,region,support_type,year,covid", covid="true")
    assert data["meta"]["total_count"] == 2
    # The covid facet ignores covid=true: what each choice would give.
    assert facet(data, "covid") == {True: 2, False: 1}
    assert [i["selected"] for i in data["meta"]["facets"]["covid"]] == [True, False]
    # The other facets apply covid=true.
    assert facet(data, "topic") == {"cyber": 1, "housing": 1, "waste": 1}
    assert facet(data, "year") == {2022: 1, 2020: 1}
    assert facet(data, "council_type")["district"] == 1
    assert facet(data, "council_type")["county"] == 0
    assert facet(data, "region") == {
        **dict.fromkeys(facet(data, "region"), 0),
        "south_east": 1,
        "yorkshire_and_the_humber": 1,
    }
    assert facet(data, "support_type") == {"one-public-estate": 0}
    labels = {item["value"]: item["label"] for item in data["meta"]["facets"]["council_type"]}
    assert labels["metropolitan_borough"] == "Metropolitan borough"

    # Two filters: each facet applies the other one (and the search).
    data = get(
        client,
        facets="topic,covid",
        topic="waste",
        covid="true",
        search="homes bins",
        search_operator="or",
    )
    assert facet(data, "topic") == {"cyber": 0, "housing": 1, "waste": 1}
    assert facet(data, "covid") == {True: 1, False: 1}
    assert data["meta"]["total_count"] == 1
    # The search then looked beyond the filters (for the facets); the results are the same as
    # without facets, or with a facet whose own filter is not set.
    searched = {"topic": "waste", "covid": "true", "search": "homes bins", "search_operator": "or"}
    for facets in ("topic,covid", "year", None):
        again = get(client, **searched, **({"facets": facets} if facets else {}))
        assert again["items"] == data["items"]
        assert again["meta"]["total_count"] == 1
    assert sum(facet(get(client, **searched, facets="year"), "year").values()) == 1


def test_counts_and_facets_never_include_hidden_pages(client, lib):
    data = get(client, facets="topic,year", topic="waste")
    assert data["meta"]["total_count"] == 2
    assert facet(data, "topic")["waste"] == 2
    assert 2021 in facet(data, "year") and facet(data, "year")[2021] == 1


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("bogus=1", "bogus"),
        ("topic=no-such-topic", "topic"),
        ("council=E99999999", "council"),
        ("tag=nope", "tag"),
        ("support_type=nope", "support_type"),
        ("council_type=castle", "council_type"),
        ("region=atlantis", "region"),
        ("covid=maybe", "covid"),
        ("date_from=2021-13-01", "date_from"),
        ("date_to=yesterday", "date_to"),
        ("date_from=2022-01-01&date_to=2021-01-01", "date_from"),
        ("year=21", "year"),
        ("facets=colour", "facets"),
        ("order=popularity", "order"),
        ("order=relevance", "order"),
        ("limit=ten", "limit"),
        ("limit=-1", "limit"),
        ("limit=101", "limit"),
        ("limit=99999999999999999999999", "limit"),
        ("offset=-5", "offset"),
        ("offset=1e3", "offset"),
        ("offset=99999999999999999999999", "offset"),
        ("limit=%D9%A1%D9%A2", "limit"),  # Arabic-Indic digits are not a number here
        ("fields=nope", "fields"),
        ("fields=topics(name)", "fields"),
        ("fields=related", "fields"),
        ("search=%00", "search"),
        ("topic=a%00b", "topic"),
        ("limit=1&limit=2", "limit"),
        ("search=" + "x" * 300, "search"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, lib, query, parameter):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["parameter"] == parameter
    assert body["message"].startswith(parameter)


def test_the_apis_own_urls_follow_wagtails_rule_like_the_stock_pages_api(client, lib, settings):
    """detail_url (and image and document URLs) start where the stock pages API's detail_url
    does: the root URL of the Site serving the request, whatever host the request named, or
    WAGTAILAPI_BASE_URL when it is set."""
    from urllib.parse import urlsplit

    def hosts(**headers):
        ours = client.get(URL, {"limit": 1}, **headers).json()["items"][0]["meta"]["detail_url"]
        stock = client.get(f"/api/v2/pages/{lib.bins.pk}/", **headers).json()["meta"]
        return [urlsplit(url)[:2] for url in (ours, stock["detail_url"], stock["html_url"])]

    ours, stock, html = hosts(HTTP_HOST="api.internal:8000")
    assert ours == stock == html == ("http", "localhost")
    settings.WAGTAILAPI_BASE_URL = "https://api.example.org"
    cache.clear()
    ours, stock, _ = hosts()
    assert ours == stock == ("https", "api.example.org")
