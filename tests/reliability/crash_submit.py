"""Run as a separate process by the durability tests: send one submission through the real
endpoint, with a mail backend that kills this process after the submission is committed.

    DATABASE_URL=postgres://…/test_db python -m tests.reliability.crash_submit '<json payload>'
"""

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.test import Client, override_settings  # noqa: E402

with override_settings(
    EMAIL_BACKEND="tests.reliability.support.DyingEmailBackend",
    WAGTAIL_CASESTUDIES={"SUBMISSION_NOTIFY_EMAILS": ["editors@example.gov.uk"]},
):
    response = Client().post(
        "/casestudies/submit/", data=sys.argv[1], content_type="application/json"
    )
# Only reached if the process was not killed.
print(json.dumps({"status": response.status_code, "body": response.json()}))
