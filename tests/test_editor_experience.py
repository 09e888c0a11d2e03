"""What an editor meets first in the admin: a new case study that opens on the template, the
"Add case study" button, the section icons and the "All case studies" listing."""

import html
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.icons import get_icons

from tests import factories
from tests.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_casestudies.blocks import CaseStudyBodyBlock
from wagtail_casestudies.compat import BLOCKS_DEFER_REQUIRED_FOR_DRAFTS
from wagtail_casestudies.models import CaseStudyPage
from wagtail_casestudies.template import BODY_SECTION_KEYS, SECTIONS_BY_KEY

pytestmark = pytest.mark.django_db


def add_url(parent):
    return reverse(
        "wagtailadmin_pages:add", args=("wagtail_casestudies", "casestudypage", parent.pk)
    )


def body_in_editor(response) -> list[dict]:
    """The body's blocks as the page editor's StreamField receives them."""
    content = response.content.decode()
    match = re.search(r'data-w-block-arguments-value="([^"]*)"', content)
    assert match, "the editor has no StreamField"
    value, _errors = json.loads(html.unescape(match.group(1)))
    return value


def test_new_case_study_opens_on_the_template_sections(admin_client, index_page):
    response = admin_client.get(add_url(index_page))
    assert response.status_code == 200
    blocks = body_in_editor(response)
    assert [block["type"] for block in blocks] == list(BODY_SECTION_KEYS)
    assert BODY_SECTION_KEYS == (
        "challenge",
        "solution",
        "impact",
        "sustainability",
        "lessons_learned",
        "contact",
    )
    # Each section is empty, ready to fill, and the editor shows its guidance.
    assert blocks[0]["value"]["text"] in ("", None) or "blocks" in blocks[0]["value"]["text"]
    content = html.unescape(response.content.decode())
    for key in BODY_SECTION_KEYS:
        assert str(SECTIONS_BY_KEY[key].guidance) in content, key


def test_new_case_study_saves_as_a_draft_with_sections_still_empty(admin_client, index_page):
    council = factories.make_council("Cornwall Council")
    empty_sections = streamfield(
        [
            ("challenge", {"text": rich_text("<p>Missed bins.</p>")}),
            ("solution", {"text": rich_text("")}),
            ("impact", {"text": rich_text(""), "cost_saving": "", "income_generated": ""}),
            ("sustainability", {"text": rich_text("")}),
            ("lessons_learned", {"text": rich_text("")}),
            (
                "contact",
                {"name": "", "job_title": "", "council": "", "organisation": "", "email": ""},
            ),
        ]
    )
    data = nested_form_data(
        {
            "title": "Cornwall Council: bins",
            "slug": "cornwall-bins",
            "summary": "Fewer missed bins.",
            "body": empty_sections,
            "council_links": inline_formset([{"council": str(council.pk)}], min=1),
            "partners": inline_formset([]),
            "related_links": inline_formset([]),
            "tags": "",
        }
    )
    response = admin_client.post(add_url(index_page), data)
    assert response.status_code == 302, response.context["form"].errors
    page = CaseStudyPage.objects.get(slug="cornwall-bins")
    assert not page.live
    saved = [block.block_type for block in page.body]
    if BLOCKS_DEFER_REQUIRED_FOR_DRAFTS:
        assert saved == list(BODY_SECTION_KEYS)
    else:  # Wagtail 7.0: the sections not started are left out of the draft
        assert saved == ["challenge"]


def test_existing_case_studies_keep_their_body(admin_client, index_page):
    page = factories.make_case_study(index_page, body=[])
    page.refresh_from_db()
    assert list(page.body) == []
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert body_in_editor(response) == []


def test_every_template_section_has_its_own_icon():
    registered = {re.sub(r"^.*/|\.svg$", "", path) for path in get_icons_paths()}
    body = CaseStudyBodyBlock()
    icons = {key: body.child_blocks[key].meta.icon for key in BODY_SECTION_KEYS}
    assert icons["challenge"] != "warning", "the challenge looks like a validation error"
    for key, icon in icons.items():
        assert icon in registered, f"{key}: no icon named {icon!r}"
    assert len(set(icons.values())) == len(icons)


def get_icons_paths() -> list[str]:
    # The sprite lists every registered icon as <symbol id="icon-NAME">.
    return re.findall(r'id="icon-([\w-]+)"', get_icons())


def test_add_case_study_goes_straight_to_the_only_index(admin_client, index_page):
    # A case study may also live under a COVID-19 hub, so Wagtail alone would ask.
    factories.make_hub_page(index_page)
    url = reverse("all_case_studies:choose_parent")
    response = admin_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == add_url(index_page)

    second = factories.make_index_page(title="Archive")
    response = admin_client.get(url)
    # Two indexes: the editor chooses.
    assert response.status_code == 200
    assert "parent_page" in response.context["form"].fields
    assert second.pk != index_page.pk


def test_all_case_studies_listing_shows_councils_and_covid_as_words(admin_client, index_page):
    lead = factories.make_council("Wigan Council")
    partner = factories.make_council("Bolton Council")
    factories.make_case_study(index_page, "Wigan bins", councils=[lead, partner], is_covid19=True)
    factories.make_case_study(index_page, "Elsewhere", councils=[partner])
    url = reverse("all_case_studies:index")
    response = admin_client.get(url)
    content = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<h1[^>]*>\s*All case studies\s*</h1>", content)
    assert "Wigan Council, Bolton Council" in content
    assert ">Yes<" in content.replace(" ", "").replace("\n", "")
    assert "True" not in re.sub(r"<script.*?</script>", "", content, flags=re.S)

    # The councils come from one prefetch, not a query per row.
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for number in range(5):
        factories.make_case_study(index_page, f"More {number}", councils=[lead, partner])
    with CaptureQueriesContext(connection) as more:
        admin_client.get(url)
    assert len(more) == len(few), "\n".join(q["sql"][:150] for q in more.captured_queries)


def test_main_topic_is_offered_among_the_ticked_topics(admin_client, index_page):
    council = factories.make_council("Cornwall Council")
    waste = factories.make_topic("Waste")
    factories.make_topic("Housing")
    response = admin_client.get(add_url(index_page))
    content = response.content.decode()
    assert 'data-casestudies-main-topic="topics"' in content
    assert "wagtail_casestudies/admin/main-topic.js" in content

    # Ticking topics is enough: the first becomes the main topic.
    data = nested_form_data(
        {
            "title": "Cornwall Council: bins",
            "slug": "cornwall-bins",
            "summary": "Fewer missed bins.",
            "body": streamfield([("challenge", {"text": rich_text("<p>Missed bins.</p>")})]),
            "council_links": inline_formset([{"council": str(council.pk)}], min=1),
            "partners": inline_formset([]),
            "related_links": inline_formset([]),
            "tags": "",
            "main_topic": "",
        }
    )
    data["topics"] = [str(waste.pk)]
    response = admin_client.post(add_url(index_page), data)
    assert response.status_code == 302, response.context["form"].errors
    assert CaseStudyPage.objects.get(slug="cornwall-bins").main_topic == waste


def test_councils_are_chosen_several_at_once_and_keep_the_order_chosen(admin_client, index_page):
    """The councils panel is Wagtail's multiple chooser: one modal chooses several, each added
    in turn to the ordered list whose first is the lead council."""
    kent, dover, leeds = (factories.make_council(name) for name in ("Kent", "Dover", "Leeds"))
    response = admin_client.get(add_url(index_page))
    content = response.content.decode()
    assert 'id="id_council_links-OPEN_MODAL"' in content
    assert "new MultipleChooserPanel(" in content
    # Saved in the order the editor left them: the lead first.
    data = nested_form_data(
        {
            "title": "Dover, Kent and Leeds: bins",
            "slug": "three-councils-bins",
            "summary": "Fewer missed bins.",
            "body": streamfield([("challenge", {"text": rich_text("<p>Missed bins.</p>")})]),
            "council_links": inline_formset(
                [{"council": str(council.pk)} for council in (dover, kent, leeds)], min=1
            ),
            "partners": inline_formset([]),
            "related_links": inline_formset([]),
            "tags": "",
        }
    )
    response = admin_client.post(add_url(index_page), data)
    assert response.status_code == 302, response.context["form"].errors
    page = CaseStudyPage.objects.get(slug="three-councils-bins")
    assert page.councils == [dover, kent, leeds]
    assert page.lead_council == dover


def test_councils_chosen_together_come_back_in_the_order_ticked(admin_client, index_page):
    """The councils' chooser answers several councils in the order the modal sends them (the
    order they were ticked, chosen-order.js), not by name: the first ticked is the lead. The
    editor loads the script that sends them so."""
    wigan, bolton = (
        factories.make_council("Wigan Council"),
        factories.make_council("Bolton Council"),
    )
    url = reverse("wagtailsnippetchoosers_wagtail_casestudies_council:chosen_multiple")
    response = admin_client.get(url, {"id": [wigan.pk, bolton.pk, "x", wigan.pk]})
    assert [item["id"] for item in response.json()["result"]] == [str(wigan.pk), str(bolton.pk)]
    response = admin_client.get(url, {"id": [bolton.pk, wigan.pk]})
    assert [item["id"] for item in response.json()["result"]] == [str(bolton.pk), str(wigan.pk)]
    add = reverse(
        "wagtailadmin_pages:add", args=("wagtail_casestudies", "casestudypage", index_page.pk)
    )
    assert "wagtail_casestudies/admin/chosen-order.js" in admin_client.get(add).text
