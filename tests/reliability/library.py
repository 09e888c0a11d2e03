"""The content the reliability tests run against: the API test library (tests/factories.py) plus
one page for every way a case study must stay out of public view, each carrying a marker word
that must never appear in a public response, and a visible case study whose contact details the
editor did not publish.

Every hidden page shares a topic, a council, a tag and a programme with the visible ones, so any
filter, facet, count, search or related list that forgot a visibility rule would pick it up.
"""

from __future__ import annotations

import datetime
import io

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import factories
from wagtail_casestudies.models import CaseStudyRelatedPage, CovidHubFeaturedCaseStudy

# Contact details on a live case study whose editor left "publish these contact details" unticked.
UNPUBLISHED_EMAIL = "hidden.officer@example.gov.uk"
UNPUBLISHED_PHONE = "07700 900461"


def marker(kind: str) -> str:
    """A word that appears only in the hidden page of that kind (letters only, so every search
    backend tokenises it as one word)."""
    return f"zq{kind.replace('_', '')}marker"


def _hidden(parent, kind: str, lib, **kwargs):
    word = marker(kind)
    return factories.make_case_study(
        parent,
        f"Kent: {kind.replace('_', ' ')} bins {word}",
        councils=[lib.kent],
        topics=[lib.waste],
        summary=f"Hidden bins case study {word}.",
        body=[("challenge", {"text": f"<p>Bins {word}.</p>"})],
        support_type=lib.ope,
        tags=["bins", word],
        publication_date=datetime.date(2021, 4, 1),
        is_covid19=True,
        **kwargs,
    )


def make_reliability_library(index_page):
    lib = factories.make_api_library(index_page)
    lib.index_page = index_page
    hidden = {}

    # Never published.
    hidden["draft"] = _hidden(index_page, "draft", lib, publish=False)

    # Published, then edited without publishing: the draft's words must stay out of view.
    changed = factories.make_case_study(
        index_page,
        "Kent: recycling centres",
        councils=[lib.kent],
        topics=[lib.waste],
        publication_date=datetime.date(2021, 2, 1),
        support_type=lib.ope,
    )
    word = marker("unpublished_changes")
    changed.title = f"Kent: recycling centres {word}"
    changed.summary = f"Draft summary {word}."
    changed.body = [("challenge", {"text": f"<p>Draft text {word}.</p>"})]
    changed.save_revision()
    lib.changed = changed

    # Behind a login restriction on the page itself, and (from make_api_library) under a
    # password-protected index.
    hidden["restricted"] = _hidden(index_page, "restricted", lib)
    PageViewRestriction.objects.create(
        page=hidden["restricted"], restriction_type=PageViewRestriction.LOGIN
    )
    hidden["private_section"] = _hidden(lib.private.get_parent(), "private_section", lib)

    # On another site.
    hidden["other_site"] = _hidden(lib.elsewhere.get_parent(), "other_site", lib)

    # Expired: published with an expiry date that has passed, then Wagtail's scheduler ran.
    expired = _hidden(index_page, "expired", lib)
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save(update_fields=["expire_at"])
    call_command("publish_scheduled", stdout=io.StringIO())
    expired.refresh_from_db()
    assert expired.expired and not expired.live
    hidden["expired"] = expired

    # A live case study whose contact details were not published.
    lib.contact = factories.make_case_study(
        index_page,
        "Leeds: telephone triage",
        councils=[lib.leeds],
        topics=[lib.cyber],
        publication_date=datetime.date(2019, 5, 1),
        body=[
            (
                "contact",
                {
                    "name": "Hidden Officer",
                    "job_title": "Head of Triage",
                    "council": lib.leeds,
                    "organisation": "",
                    "email": UNPUBLISHED_EMAIL,
                    "phone": UNPUBLISHED_PHONE,
                    "publish_contact_details": False,
                },
            )
        ],
    )

    # Every way a hidden page could be pulled in by reference: an editor's related choice, the
    # hub's themes and its featured list.
    for order, page in enumerate(hidden.values()):
        CaseStudyRelatedPage.objects.create(
            page=lib.bins, related_case_study=page, sort_order=order
        )
    lib.hub = factories.make_hub_page(
        index_page,
        themes=[
            (
                "theme",
                {
                    "heading": "Everything",
                    "introduction": "",
                    "entries": [("case_study", page) for page in [lib.homes, *hidden.values()]],
                },
            )
        ],
    )
    for order, page in enumerate([lib.security, *hidden.values()]):
        CovidHubFeaturedCaseStudy.objects.create(page=lib.hub, case_study=page, sort_order=order)
    lib.hub.save_revision().publish()

    lib.hidden = hidden
    lib.visible = [lib.homes, lib.bins, lib.security, changed, lib.contact]
    lib.markers = [marker(kind) for kind in [*hidden, "unpublished_changes"]]
    lib.secrets = [*lib.markers, UNPUBLISHED_EMAIL, UNPUBLISHED_PHONE]
    return lib


def shared_reliability_library(django_db_blocker):
    """``make_reliability_library`` once per module, rolled back at the end (see
    ``factories.rolled_back``)."""
    with factories.rolled_back(django_db_blocker):
        index_page = factories.make_index_page(title="Case studies")
        yield make_reliability_library(index_page)
