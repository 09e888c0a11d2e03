"""Topics, support types and councils through the real snippet admin views."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from tests import factories
from wagtail_casestudies.models import Council, SupportType, Topic

pytestmark = pytest.mark.django_db


def snippet_url(model, action, *args):
    return reverse(
        f"wagtailsnippets_wagtail_casestudies_{model._meta.model_name}:{action}", args=args
    )


def test_topic_create_edit_and_parent_loop_refused(admin_client):
    response = admin_client.post(
        snippet_url(Topic, "add"), {"name": "Public health", "slug": "", "description": ""}
    )
    assert response.status_code == 302
    topic = Topic.objects.get(name="Public health")
    assert topic.slug == "public-health"

    response = admin_client.post(
        snippet_url(Topic, "edit", topic.pk),
        {
            "name": "Public health",
            "slug": "public-health",
            "description": "Health",
            "parent": str(topic.pk),
        },
    )
    assert response.status_code == 200
    assert "cannot be its own parent" in response.content.decode()


def test_support_type_create_and_duplicate_slug_refused(admin_client):
    data = {"name": "One Public Estate", "slug": "ope", "description": "", "link": ""}
    assert admin_client.post(snippet_url(SupportType, "add"), data).status_code == 302
    response = admin_client.post(snippet_url(SupportType, "add"), {**data, "name": "Other"})
    assert response.status_code == 200
    assert SupportType.objects.count() == 1


def test_topic_listing_search_filter_and_count(admin_client, index_page):
    health = factories.make_topic("Public health")
    child = factories.make_topic("Vaccination", parent=health)
    factories.make_topic("Housing")
    factories.make_case_study(index_page, topics=[health])
    factories.make_case_study(index_page, topics=[health, child])

    response = admin_client.get(snippet_url(Topic, "list") + "?q=vaccin")
    assert [t.name for t in response.context["object_list"]] == ["Vaccination"]

    response = admin_client.get(snippet_url(Topic, "list") + f"?parent={health.pk}")
    assert [t.name for t in response.context["object_list"]] == ["Vaccination"]

    response = admin_client.get(snippet_url(Topic, "list"))
    counts = {t.name: t.case_study_count for t in response.context["object_list"]}
    assert counts == {"Housing": 0, "Public health": 2, "Vaccination": 1}


def test_topic_export_csv_and_xlsx(admin_client, index_page):
    topic = factories.make_topic("Cyber")
    factories.make_case_study(index_page, topics=[topic])

    response = admin_client.get(snippet_url(Topic, "list") + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Name"] == "Cyber"
    assert rows[0]["Case studies"] == "1"

    response = admin_client.get(snippet_url(Topic, "list") + "?export=xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert values[1][0] == "Cyber"


def test_support_type_export_names_every_programme(admin_client):
    factories.make_support_type("Behavioural Insights")
    factories.make_support_type("Planning Advisory Service")
    response = admin_client.get(snippet_url(SupportType, "list") + "?export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "Behavioural Insights" in text and "Planning Advisory Service" in text


def council_form(**overrides):
    data = {
        "name": "Cornwall Council",
        "short_name": "Cornwall",
        "slug": "",
        "council_type": "unitary",
        "gss_code": "E06000052",
        "region": "south_west",
        "nation": "",
        "parent": "",
        "website": "",
        "logo": "",
        "valid_from": "",
        "valid_to": "",
        "successor": "",
    }
    data.update(overrides)
    return data


def test_council_create_fills_slug_and_nation(admin_client):
    response = admin_client.post(snippet_url(Council, "add"), council_form())
    assert response.status_code == 302
    council = Council.objects.get()
    assert (council.slug, council.nation, council.gss_code) == (
        "cornwall-council",
        "england",
        "E06000052",
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"gss_code": "E6000052"}, "is not an ONS/GSS code"),
        ({"council_type": "county"}, "A E06 code belongs to a unitary authority"),
        ({"region": "wales"}, "places this council in England"),
        ({"valid_from": "2020-01-01", "valid_to": "2019-01-01"}, "on or after"),
    ],
)
def test_council_validation_messages(admin_client, overrides, message):
    response = admin_client.post(snippet_url(Council, "add"), council_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Council.objects.exists()


def test_council_cannot_be_its_own_parent_or_successor(admin_client):
    council = factories.make_council(
        "Somerset County Council", council_type="county", gss_code="E10000027"
    )
    district = factories.make_council(
        "Mendip District Council", council_type="district", parent=council
    )
    url = snippet_url(Council, "edit", council.pk)
    response = admin_client.post(
        url,
        council_form(
            name=council.name,
            council_type="county",
            gss_code="E10000027",
            parent=str(council.pk),
            successor=str(council.pk),
        ),
    )
    html = response.content.decode()
    assert "cannot be its own parent" in html and "cannot be its own successor" in html

    response = admin_client.post(
        url,
        council_form(
            name=council.name, council_type="county", gss_code="E10000027", parent=str(district.pk)
        ),
    )
    assert "would make a loop" in response.content.decode()


def test_council_used_by_a_case_study_cannot_be_deleted(admin_client, index_page):
    council = factories.make_council("Wigan Council")
    factories.make_case_study(index_page, councils=[council])
    response = admin_client.post(snippet_url(Council, "delete", council.pk))
    assert response.status_code in (302, 403)
    assert Council.objects.filter(pk=council.pk).exists()


def test_case_studies_menu_groups_the_snippets(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    for label in ["Case studies", "All case studies", "Councils", "Topics", "Support programmes"]:
        assert label in html


def test_editor_without_permissions_cannot_see_snippets(client, db):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    user = get_user_model().objects.create_user("editor", "e@example.com", "pw")
    group = Group.objects.create(name="No snippet rights")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    assert client.get(snippet_url(Topic, "list")).status_code in (302, 403)
    assert client.post(snippet_url(Topic, "add"), {"name": "Sneaky"}).status_code in (302, 403)
    assert not Topic.objects.filter(name="Sneaky").exists()
