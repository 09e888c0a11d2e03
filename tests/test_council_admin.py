"""The councils listing in the Wagtail admin, driven through the real admin views."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from wagtail_casestudies.councils import load_councils
from wagtail_casestudies.models import Council


@pytest.fixture(scope="module")
def register(django_db_setup, django_db_blocker):
    """The real register loaded once for this module and rolled back after it."""
    with factories.rolled_back(django_db_blocker):
        load_councils()
        yield


@pytest.fixture
def listing_url(register, db):
    return reverse("wagtailsnippets_wagtail_casestudies_council:list")


def export_rows(client, url, query: str = "") -> list[dict]:
    response = client.get(f"{url}?{query}&export=csv" if query else f"{url}?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    "query, count",
    [
        ("", 430),
        ("council_type=district", 204),
        ("council_type=district&status=active", 164),
        ("council_type=county&status=abolished", 6),
        ("council_type=unitary&council_type=metropolitan_borough", 101),
        ("region=london", 33),
        ("region=north_east&region=north_west", 12 + 43),
        ("nation=scotland", 32),
        ("nation=wales&nation=northern_ireland", 33),
        ("nation=england&status=active", 317),
        ("status=abolished", 48),
        ("status=active", 382),
    ],
)
def test_filters_narrow_the_listing_and_the_export(admin_client, listing_url, query, count):
    response = admin_client.get(f"{listing_url}?{query}")
    assert response.status_code == 200
    assert len(export_rows(admin_client, listing_url, query)) == count


def test_filter_by_parent_lists_a_countys_districts(admin_client, listing_url):
    kent = Council.objects.get(gss_code="E10000016")
    response = admin_client.get(listing_url, {"parent": kent.pk})
    assert response.status_code == 200
    assert "Maidstone Borough Council" in response.content.decode()
    assert "Cornwall Council" not in response.content.decode()
    rows = export_rows(admin_client, listing_url, f"parent={kent.pk}")
    assert len(rows) == 12
    assert {row["Parent GSS code"] for row in rows} == {"E10000016"}


def test_parent_filter_offers_only_councils_that_have_districts(admin_client, listing_url):
    response = admin_client.get(listing_url)
    choices = response.context["filters"].form.fields["parent"].queryset
    assert choices.count() == 27  # every county, including the abolished ones
    assert not choices.filter(gss_code="E06000052").exists()


def test_listing_shows_each_councils_case_study_count(admin_client, listing_url, index_page):
    cornwall = Council.objects.get(gss_code="E06000052")
    scilly = Council.objects.get(gss_code="E06000053")
    factories.make_case_study(index_page, "Cornwall Council: the wheel", councils=[cornwall])
    factories.make_case_study(
        index_page, "Cornwall and Scilly: ferries", councils=[cornwall, scilly], publish=False
    )

    response = admin_client.get(listing_url, {"ordering": "-case_study_count"})
    assert response.status_code == 200
    rows = list(response.context["object_list"])
    assert [(c.name, c.case_study_count) for c in rows[:2]] == [
        ("Cornwall Council", 2),
        ("Council of the Isles of Scilly", 1),
    ]
    assert rows[2].case_study_count == 0

    rows = export_rows(admin_client, listing_url)
    counts = {row["GSS code"]: row["Case studies"] for row in rows}
    assert (counts["E06000052"], counts["E06000053"], counts["E09000018"]) == ("2", "1", "0")


def test_csv_export_carries_codes_for_the_council_its_parent_and_successor(
    admin_client, listing_url
):
    rows = {row["GSS code"]: row for row in export_rows(admin_client, listing_url)}
    assert list(next(iter(rows.values()))) == [
        "Name",
        "Short name",
        "GSS code",
        "Council type",
        "Region or nation",
        "Nation",
        "Parent GSS code",
        "Parent council",
        "Valid from",
        "Valid to",
        "Successor GSS code",
        "Successor",
        "Website",
        "Slug",
        "Case studies",
    ]
    allerdale = rows["E07000026"]
    assert allerdale["Name"] == "Allerdale Borough Council"
    assert allerdale["Council type"] == "District council"
    assert allerdale["Region or nation"] == "North West"
    assert allerdale["Nation"] == "England"
    assert (allerdale["Parent GSS code"], allerdale["Parent council"]) == (
        "E10000006",
        "Cumbria County Council",
    )
    assert allerdale["Valid to"] == "2023-03-31"
    assert (allerdale["Successor GSS code"], allerdale["Successor"]) == (
        "E06000063",
        "Cumberland Council",
    )
    assert rows["E06000063"]["Valid from"] == "2023-04-01"
    assert rows["S12000013"]["Region or nation"] == "Scotland"


def test_xlsx_export(admin_client, listing_url):
    response = admin_client.get(listing_url, {"export": "xlsx", "nation": "wales"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    assert 'filename="councils.xlsx"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 22
    cardiff = dict(zip(header, next(r for r in body if r[0] == "Cardiff Council"), strict=True))
    assert cardiff["GSS code"] == "W06000015"
    assert cardiff["Council type"] == "Welsh unitary authority"
    assert cardiff["Parent GSS code"] is None


@pytest.mark.parametrize(
    "query, names",
    [
        ("E06000052", {"Cornwall Council"}),
        ("kingston", {"Royal Borough of Kingston upon Thames"}),
        ("Hull", {"Hull City Council", "Solihull Council"}),
    ],
)
def test_search_finds_codes_and_parts_of_names(admin_client, listing_url, query, names):
    response = admin_client.get(listing_url, {"q": query})
    assert response.status_code == 200
    assert {c.name for c in response.context["object_list"]} == names


def test_listing_query_count_does_not_grow_with_the_page(
    admin_client, listing_url, django_assert_max_num_queries
):
    admin_client.get(listing_url)  # warm per-request caches (site, permissions)
    # Nine queries on Wagtail 7.0 and 8.0 for 50 rows: parent, successor and counts are joined.
    with django_assert_max_num_queries(12):
        response = admin_client.get(listing_url, {"status": "active"})
    assert len(response.context["object_list"]) == 50
