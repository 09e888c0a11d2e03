"""HTML safety: script, event handlers and javascript: links in submitted text never reach the
API, the rendered pages, the inbox or the editors' email, however they are dressed up (mixed
case, entities, double encoding, broken-up tags, SVG and MathML, data: URLs, file names).

A submission carries every vector in every text field and file name; an editor converts it into
a case study and publishes it (the import path). Then every place it shows is scanned with an
HTML parser: no <script> with the marker, no on* attribute with it, no javascript:/vbscript:/
data:text/html URL. JSON strings are scanned as if a front end put them in innerHTML, whether
the API documents them as HTML or as text.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import factories
from tests.submissions_support import as_form_data, pdf_file, png_bytes, valid_payload
from wagtail_casestudies.compat import HAS_API_V3
from wagtail_casestudies.models import CaseStudySubmission
from wagtail_casestudies.submissions.services import convert_submission

pytestmark = pytest.mark.django_db

MARK = "XSS"
VECTORS = [
    f"<script>alert('{MARK}')</script>",
    f"<img src=x onerror=\"alert('{MARK}')\">",
    f"<a href=\"javascript:alert('{MARK}')\">click</a>",
    f"<a href=\"JaVaScRiPt:alert('{MARK}')\">mixed case</a>",
    f"<a href=\"java&#x09;script:alert('{MARK}')\">tab</a>",
    f"<a href=\" &#14;javascript:alert('{MARK}')\">control char</a>",
    f"&lt;script&gt;alert('{MARK}')&lt;/script&gt;",
    f"&amp;lt;script&amp;gt;alert('{MARK}')&amp;lt;/script&amp;gt;",
    f"&lt;img src=x onerror=alert('{MARK}')&gt;",
    f"<svg><script>alert('{MARK}')</script></svg>",
    f"<svg onload=alert('{MARK}')>",
    f"<iframe src=\"javascript:alert('{MARK}')\"></iframe>",
    f"<p style=\"background:url(javascript:alert('{MARK}'))\">styled</p>",
    f"<scr<script>ipt>alert('{MARK}')</scr</script>ipt>",
    f"<a href=\"data:text/html,<script>alert('{MARK}')</script>\">data</a>",
    f"<math><mtext><table><mglyph><style><img src=x onerror=alert('{MARK}')>",
    f"<details open ontoggle=alert('{MARK}')>",
    f"<a href=\"vbscript:msgbox('{MARK}')\">vb</a>",
    f"<b onmouseover=alert('{MARK}')>bold</b>",
    f"\"><script>alert('{MARK}')</script>",
]
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "poster"}


class Scanner(HTMLParser):
    """Finds what would run in a browser: marked scripts, marked handlers, script URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.in_script = True
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARK in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            compact = re.sub(r"[\x00-\x20]", "", value).lower()
            if name in URL_ATTRIBUTES and compact.startswith(BAD_SCHEMES):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name == "style" and "javascript:" in compact:
                self.found.append(f"<{tag} style={value!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and MARK in data:
            self.found.append(f"<script>{data}</script>")


def dangers(html: str) -> list[str]:
    scanner = Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found


def json_strings(value, path="$"):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from json_strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_strings(item, f"{path}[{index}]")


def assert_safe_json(label, data):
    for path, text in json_strings(data):
        found = dangers(text)
        assert not found, f"{label} {path}: {found}"


def assert_safe_html(label, html):
    found = dangers(html)
    assert not found, f"{label}: {found}"


def hostile_payload(council, topic) -> dict:
    payload = valid_payload(councils=[council], topics=[topic])
    vectors = iter(VECTORS * 4)
    for key, value in payload.items():
        if isinstance(value, str) and key not in ("contact_email", "impact_cost_saving"):
            payload[key] = f"Words {next(vectors)} more words"
    payload["council_names"] = [f"Parish {vector}" for vector in VECTORS[:3]]
    payload["partners"] = [
        {"name": f"Partner {vector}", "kind": "charity", "website": ""} for vector in VECTORS[:5]
    ]
    payload["impact_income_generated"] = None
    return payload


@pytest.fixture
def published(client, admin_user, settings, django_capture_on_commit_callbacks):
    """A hostile submission, sent with hostile file names, converted and published."""
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_NOTIFY_EMAILS": ["editors@example.gov.uk"]}
    index_page = factories.make_index_page()
    council = factories.make_council("Cornwall Council")
    topic = factories.make_topic("Digital")
    payload = hostile_payload(council, topic)
    files = {
        "images": [SimpleUploadedFile(f"<img src=x onerror=alert('{MARK}')>.png", png_bytes())],
        "documents": [
            SimpleUploadedFile(f"<script>alert('{MARK}')</script>.pdf", pdf_file().read())
        ],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/casestudies/submit/", data={**as_form_data(payload), **files})
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get(reference=response.json()["reference"])
    result = convert_submission(submission, index_page, admin_user)
    page = result.page
    page.save_revision().publish()
    page.refresh_from_db()
    return submission, page, index_page


def test_submitted_vectors_never_reach_the_api(client, published, figures):
    _submission, page, _index = published
    urls = [
        f"/api/v2/case-studies/{page.pk}/?fields=*",
        "/api/v2/case-studies/?fields=*",
        "/api/v2/case-studies/?search=words&fields=*",
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/?type=wagtail_casestudies.CaseStudyPage&fields=*",
        "/api/v2/councils/",
    ]
    if HAS_API_V3:
        urls += [f"/api/v3/case-studies/{page.pk}/?fields=*", f"/api/v3/pages/{page.pk}/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        data = response.json()
        if "councils" not in url:
            assert "Words" in json.dumps(data), url  # the text itself arrived
        assert_safe_json(url, data)
        figures.add("html safety", "API responses scanned")
    figures.add("html safety", "vectors", len(VECTORS))


def test_submitted_vectors_never_run_in_the_rendered_pages(client, published, figures):
    _submission, page, index_page = published
    for url in (page.url, index_page.url):
        response = client.get(url)
        assert response.status_code == 200
        assert_safe_html(url, response.content.decode())
        figures.add("html safety", "rendered pages scanned")


def test_submitted_vectors_never_run_in_the_inbox_or_the_email(admin_client, published, figures):
    submission, _page, _index = published
    for name, args in (("index", []), ("inspect", [submission.pk]), ("edit", [submission.pk])):
        url = reverse(f"wagtail_casestudies_casestudysubmission_modeladmin_{name}", args=args)
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_safe_html(url, response.content.decode())
        figures.add("html safety", "inbox pages scanned")
    # The email is plain text; a mail client that renders it as HTML must not run anything.
    for message in mail.outbox:
        assert_safe_html("email subject", message.subject)
        assert_safe_html("email body", message.body)


def test_javascript_links_are_refused_as_partner_websites(client, db):
    council = factories.make_council("Cornwall Council")
    for website in (
        f"javascript:alert('{MARK}')",
        " javascript:alert(1)",
        "data:text/html,x",
        "vbscript:msgbox(1)",
    ):
        payload = valid_payload(councils=[council])
        payload["partners"] = [{"name": "A charity", "kind": "charity", "website": website}]
        response = client.post(
            "/casestudies/submit/", data=json.dumps(payload), content_type="application/json"
        )
        assert response.status_code == 400, website
        assert "partners" in response.json()["errors"]
