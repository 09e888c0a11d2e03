"""What must not be evicted (issue 13): the submission rate limit holds under a load of distinct
API requests that fills Django's default cache (LocMemCache, 300 entries by default).

The counts used to live in that cache beside the API's responses; 500 distinct searches evicted
them, and a client that had been refused was let through again. (The preview drafts of the
example front end have the same test in tests/browser/test_preview_data.py.)
"""

from __future__ import annotations

import json
import secrets

import pytest
from django.core.cache import caches

from tests import factories
from tests.submissions_support import valid_payload

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/casestudies/submit/"
DISTINCT_API_REQUESTS = 500


def test_the_test_cache_is_the_default_one(settings):
    # The eviction below depends on Django's default LocMemCache (MAX_ENTRIES 300).
    backend = settings.CACHES["default"]
    assert backend["BACKEND"].endswith("LocMemCache") and "OPTIONS" not in backend
    assert caches["default"]._max_entries == 300


def test_the_rate_limit_still_refuses_after_500_distinct_api_requests(client, settings):
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_RATE_LIMIT": 3, "SUBMISSION_RATE_WINDOW": 3600}
    index = factories.make_index_page()
    factories.make_case_study(index, "Cornwall Council: the decision wheel")
    council = factories.make_council("Cornwall Council")
    payload = valid_payload(councils=[council])

    def submit():
        return client.post(SUBMIT_URL, data=json.dumps(payload), content_type="application/json")

    answers = [submit().status_code for _ in range(4)]
    assert answers[-1] == 429, answers

    for _ in range(DISTINCT_API_REQUESTS):
        response = client.get("/api/v2/case-studies/", {"search": secrets.token_hex(6)})
        assert response.status_code == 200

    assert submit().status_code == 429
