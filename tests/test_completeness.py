"""Template completeness: the function, the admin listing's column and filter, and the optional
rule that only complete case studies may be published."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories
from tests.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_casestudies.completeness import completeness, completeness_of, word_count
from wagtail_casestudies.models import CaseStudyPage
from wagtail_casestudies.template import TEMPLATE_SECTIONS

pytestmark = pytest.mark.django_db


def partial_body():
    """Everything but the impact and lessons learned."""
    return [item for item in factories.full_body() if item[0] not in ("impact", "lessons_learned")]


def test_a_full_case_study_is_complete(index_page):
    page = factories.make_case_study(index_page, "Bins", body=factories.full_body())
    report = completeness(CaseStudyPage.objects.get(pk=page.pk))

    assert report.is_complete
    assert report.score == 100
    assert report.present == [s.key for s in TEMPLATE_SECTIONS]
    assert report.missing == []
    words = {s.key: s.words for s in report.sections}
    assert words["title"] == 1
    assert words["challenge"] == 8  # "Too many missed bin collections in rural wards."
    assert words["contact"] == 8  # name 2, job title 3, phone 2, and the email counts 1
    assert report.words == sum(words.values())


def test_missing_sections_are_reported_with_a_score(index_page):
    page = factories.make_case_study(index_page, "Bins", body=partial_body())
    report = completeness(CaseStudyPage.objects.get(pk=page.pk))

    assert not report.is_complete
    assert report.missing == ["impact", "lessons_learned"]
    assert report.missing_required == ["impact", "lessons_learned"]
    assert report.score == 75
    data = report.as_dict()
    assert data["score"] == 75
    assert data["sections"][4] == {
        "key": "impact",
        "heading": "The impact",
        "required": True,
        "present": False,
        "words": 0,
    }


def test_empty_text_and_a_nameless_contact_do_not_count():
    body = [
        {"type": "challenge", "value": {"text": "<p> </p>"}},
        {"type": "contact", "value": {"name": "", "email": "x@example.org"}},
    ]
    report = completeness_of("Title", "", body)
    assert "challenge" in report.missing
    assert "contact" in report.missing
    assert "summary" in report.missing


def test_word_count_reads_html():
    html = "<p>Missed&nbsp;bins <b>fell</b> by 40%.</p><ul><li>Crews’ idea</li></ul>"
    assert word_count(html) == 7


def test_listing_shows_completeness_and_filters_incomplete(admin_client, index_page):
    complete = factories.make_case_study(index_page, "Complete one", body=factories.full_body())
    partial = factories.make_case_study(index_page, "Partial one", body=partial_body())
    url = reverse("all_case_studies:index")

    html = admin_client.get(url).content.decode()
    assert "100%" in html
    assert "75% – missing: The impact, Lessons learned" in html

    response = admin_client.get(url + "?completeness=incomplete")
    assert [p.pk for p in response.context["pages"]] == [partial.pk]
    response = admin_client.get(url + "?completeness=complete")
    assert [p.pk for p in response.context["pages"]] == [complete.pk]


# --- Publishing can require completeness -----------------------------------------------------


def edit_post_data(page, body, action):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield(body),
            "council_links": inline_formset(
                [
                    {"id": str(link.pk), "council": str(link.council_id)}
                    for link in page.council_links.all()
                ],
                initial=page.council_links.count(),
                min=1,
            ),
            "partners": inline_formset([]),
            "related_links": inline_formset([]),
            "main_topic": "",
            "support_type": "",
            "series": "",
            "tags": "",
            "publication_date": "",
            "hero_image": "",
            "hero_image_alt": "",
        }
    )
    if action:
        data[action] = action
    return data


INCOMPLETE_BODY = [
    ("challenge", {"text": rich_text("<p>Missed bins.</p>")}),
    ("solution", {"text": rich_text("<p>New rounds.</p>")}),
]
COMPLETE_BODY = INCOMPLETE_BODY + [
    (
        "impact",
        {
            "text": rich_text("<p>Fewer misses.</p>"),
            "cost_saving": "",
            "income_generated": "",
            "figures_note": "",
        },
    ),
    ("sustainability", {"text": rich_text("<p>In the plan.</p>")}),
    ("lessons_learned", {"text": rich_text("<p>Ask the crews.</p>")}),
    (
        "contact",
        {
            "name": "Alex",
            "job_title": "",
            "council": "",
            "organisation": "",
            "email": "",
            "phone": "",
            "publish_contact_details": "",
        },
    ),
]


@pytest.fixture
def draft(index_page):
    council = factories.make_council("Wigan Council")
    page = factories.make_case_study(index_page, "Wigan bins", councils=[council], publish=False)
    return page, council


def test_publishing_an_incomplete_case_study_is_refused_when_required(
    admin_client, draft, settings
):
    settings.WAGTAIL_CASESTUDIES = {"REQUIRE_COMPLETE_TO_PUBLISH": True}
    page, council = draft
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))

    response = admin_client.post(url, edit_post_data(page, INCOMPLETE_BODY, "action-publish"))
    assert response.status_code == 200
    assert (
        "Add every required template section before publishing. Missing: The impact, "
        "How is the new approach being sustained?, Lessons learned, Contact."
        in response.content.decode().replace("&#x27;", "'")
    )
    page.refresh_from_db()
    assert not page.live

    # A draft may always be incomplete.
    response = admin_client.post(url, edit_post_data(page, INCOMPLETE_BODY, None))
    assert response.status_code == 302

    response = admin_client.post(url, edit_post_data(page, COMPLETE_BODY, "action-publish"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


def test_incomplete_case_studies_publish_when_the_rule_is_off(admin_client, draft):
    page, council = draft
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = admin_client.post(url, edit_post_data(page, INCOMPLETE_BODY, "action-publish"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
