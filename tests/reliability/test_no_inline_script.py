"""The package's rendered pages work under a Content-Security-Policy without 'unsafe-inline'
(issue 15): no inline script, no event-handler attribute, no style attribute. A site's policy is
then a second line of defence for them, as the example site's is (docs/installation.md).

The submission page's honeypot carried a style attribute before.
"""

from __future__ import annotations

import re

import pytest

from tests import factories
from wagtail_casestudies.models import CaseStudySubmissionPage

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")")
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


def test_the_package_pages_need_no_inline_script_or_style(client):
    index = factories.make_index_page()
    council = factories.make_council("Cornwall Council")
    topic = factories.make_topic("Digital")
    case_study = factories.make_case_study(index, councils=[council], topics=[topic])
    hub = factories.make_hub_page()
    submit = CaseStudySubmissionPage(title="Send us a case study", slug="submit")
    index.add_child(instance=submit)
    submit.save_revision().publish()

    for page in (index, case_study, hub, submit):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        for name, pattern in (
            ("inline script", INLINE_SCRIPT),
            ("event handler", EVENT_HANDLER),
            ("style attribute", STYLE_ATTRIBUTE),
        ):
            found = pattern.search(html)
            assert found is None, (page.url, name, html[found.start() : found.start() + 120])
