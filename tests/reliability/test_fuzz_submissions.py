"""The submission endpoint under arbitrary bodies: any JSON (of any shape, nesting and size), the
template's fields with hostile values, malformed bytes, and multipart forms with arbitrary fields
and files.

Every answer is one the endpoint documents (201, 200, 400, 409, 413, 415), never a 5xx; every
error is ``{"errors": {field: [{"message", "code"}]}}``; a 201's reference names a stored
submission; and no attachment file outlives a refused submission.
"""

from __future__ import annotations

import json

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from tests import factories
from tests.reliability.conftest import FIGURES, fuzzer
from tests.reliability.fuzzing import HTML, NASTY, NUMBERS, SQL, fuzz_settings
from tests.submissions_support import docx_bytes, png_bytes, valid_payload
from wagtail_casestudies.models import CaseStudySubmission
from wagtail_casestudies.submissions.forms import SubmissionForm
from wagtail_casestudies.submissions.models import SubmissionAttachment

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/casestudies/submit/"
ANSWERS = {200, 201, 400, 409, 413, 415}

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(SQL + HTML + NUMBERS),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture
def open_endpoint(settings):
    # The fuzzers send many requests from one address: lift the rate limit for them.
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_RATE_LIMIT": 10**9}


@pytest.fixture
def register(db):
    council = factories.make_council("Cornwall Council", short_name="Cornwall")
    topic = factories.make_topic("Digital")
    return council, topic


def field_names() -> list[str]:
    return list(SubmissionForm().fields)


def stored_files() -> set[str]:
    from wagtail_casestudies.submissions.storage import private_storage

    if not private_storage.exists("casestudy_submissions"):
        return set()
    folders, _files = private_storage.listdir("casestudy_submissions")
    return {
        f"casestudy_submissions/{folder}/{name}"
        for folder in folders
        for name in private_storage.listdir(f"casestudy_submissions/{folder}")[1]
    }


def check_answer(response, label) -> dict:
    if response.status_code >= 500:
        from tests.reliability.conftest import FIGURES

        FIGURES.add("submission fuzzing: 5xx", str(response.status_code))
    assert response.status_code in ANSWERS, (label, response.status_code, response.content[:300])
    body = json.loads(response.content)
    if response.status_code in (200, 201):
        assert CaseStudySubmission.objects.filter(reference=body["reference"]).exists()
    else:
        assert isinstance(body["errors"], dict) and body["errors"], (label, body)
        for field, errors in body["errors"].items():
            assert isinstance(field, str)
            for error in errors:
                assert isinstance(error["message"], str) and error["message"], (label, error)
                assert isinstance(error["code"], str), (label, error)
    # Nothing is kept on disk that no stored attachment names.
    kept = set(SubmissionAttachment.objects.values_list("file", flat=True))
    assert stored_files() <= kept, (label, stored_files() - kept)
    return body


@fuzzer
def test_any_json_body(client, register, open_endpoint, figures):
    council, topic = register
    names = field_names()

    def template_like(overrides):
        payload = valid_payload(councils=[council], topics=[topic])
        payload.update(overrides)
        return payload

    bodies = st.one_of(
        JSON_VALUES,  # any JSON at all
        st.dictionaries(st.sampled_from(names), JSON_VALUES, max_size=8),
        st.dictionaries(st.sampled_from(names), JSON_VALUES, max_size=3).map(template_like),
        st.dictionaries(st.sampled_from(names), NASTY, max_size=5).map(template_like),
    )

    @fuzz_settings(60)
    @given(body=bodies)
    def check(body):
        response = client.post(SUBMIT_URL, data=json.dumps(body), content_type="application/json")
        figures.add("submission fuzzing: requests", "JSON bodies")
        figures.add("submission fuzzing: answers", str(response.status_code))
        check_answer(response, body)

    check()


RAW_BODIES = [
    b"",
    b"{",
    b"null",
    b"[]",
    b'"x"',
    b"\xff\xfe\x00{",
    b'{"title": "\\ud800"}',
    b'{"title": 1e999999}',
    b'{"title": NaN}',
    b"[" * 100_000 + b"]" * 100_000,  # deeper than Python's recursion limit
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b'{"title": "' + b"x" * 3_000_000 + b'"}',  # beyond DATA_UPLOAD_MAX_MEMORY_SIZE
    json.dumps({"councils": list(range(100_000))}).encode(),
    json.dumps({"partners": [{"name": "x"}] * 10_000}).encode(),
]


@pytest.mark.parametrize("body", RAW_BODIES, ids=[repr(body[:20]) for body in RAW_BODIES])
def test_malformed_json_bytes(client, register, open_endpoint, body, figures):
    response = client.post(SUBMIT_URL, data=body, content_type="application/json")
    figures.add("submission fuzzing: requests", "malformed JSON bytes")
    check_answer(response, body[:40])


@fuzzer
def test_any_multipart_form(client, register, open_endpoint, figures):
    council, topic = register
    names = [name for name in field_names() if name not in ("documents", "images")]
    contents = st.sampled_from(
        [
            b"",
            b"%PDF-1.4\n%%EOF\n",
            png_bytes(),
            docx_bytes(),
            b"<script>alert(1)</script>",
            b"PK\x03\x04broken zip",
            b"GIF89a" + b"\x00" * 20,
        ]
    ) | st.binary(max_size=200)
    filenames = st.sampled_from(
        [
            "report.pdf",
            "a.png",
            "a.docx",
            "../../etc/passwd.pdf",
            "<img onerror=x>.png",
            "x" * 300 + ".pdf",
            "noext",
            ".pdf",
            "a.PDF",
            "a.svg",
            "con.pdf",
        ]
    )
    files = st.lists(
        st.tuples(st.sampled_from(["documents", "images", "other"]), filenames, contents),
        max_size=3,
    )
    fields = st.lists(
        st.tuples(st.sampled_from([*names, "partners-0-name", "partners-0-website", "x"]), NASTY),
        max_size=8,
    )

    @fuzz_settings(30)
    @given(fields=fields, files=files, base=st.booleans())
    def check(fields, files, base):
        data: dict[str, list] = {}
        if base:
            for key, value in valid_payload(councils=[council], topics=[topic]).items():
                if isinstance(value, list) and key != "partners":
                    data[key] = [str(item) for item in value]
                elif isinstance(value, bool):
                    data[key] = ["on"] if value else []
                elif value is not None and key != "partners":
                    data[key] = [str(value)]
        for key, value in fields:
            data.setdefault(key, []).append(value.replace("\x00", ""))
        for key, name, content in files:
            data.setdefault(key, []).append(SimpleUploadedFile(name, content))
        response = client.post(SUBMIT_URL, data=data)
        figures.add("submission fuzzing: requests", "multipart forms")
        figures.add("submission fuzzing: files sent", "multipart forms", len(files))
        figures.add("submission fuzzing: answers", str(response.status_code))
        check_answer(response, (fields, [(k, n) for k, n, _c in files]))

    check()


# Ids past 64 bits, negative overflow, floats and their spellings as text: wherever an id goes.
HOSTILE_IDS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.integers(min_value=2**63 - 2, max_value=2**63 + 2),
    st.integers(min_value=-(2**63) - 2, max_value=-(2**63) + 2),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e20, -1e20, 2.0**63, "1e20", "9223372036854775808", "-0", "0x10", "1.0"]),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
)
ID_FIELDS = ("councils", "topics")
# What a spreadsheet reads as a formula (the OWASP list), before any text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMULAS = st.tuples(
    st.sampled_from(FORMULA_PREFIXES),
    st.sampled_from(
        ["1+1", 'HYPERLINK("https://evil.example","x")', "cmd|' /C calc'!A0", "SUM(A1)"]
    ),
).map("".join)


@fuzzer
def test_hostile_ids_and_formulas_in_every_field(client, admin_client, register, open_endpoint):
    """Any id in councils and topics answers 400 naming the field (never a 500), and a formula
    in any text field is stored as text and neutralised in the inbox's CSV export."""
    import csv
    import io

    from django.urls import reverse

    council, topic = register
    form = SubmissionForm()
    text_fields = [
        name
        for name, form_field in form.fields.items()
        if isinstance(form_field, forms.CharField)
        and name not in ("homepage", "idempotency_key")
        and not isinstance(form_field, forms.EmailField)
    ]

    @fuzz_settings(40)
    @given(
        ids=st.dictionaries(
            st.sampled_from(ID_FIELDS), st.lists(HOSTILE_IDS, min_size=1, max_size=3)
        ),
        formulas=st.dictionaries(st.sampled_from(text_fields), FORMULAS, min_size=1, max_size=6),
    )
    def check(ids, formulas):
        payload = valid_payload(councils=[council], topics=[topic])
        payload.update(formulas)
        payload.update(ids)
        payload["partners"] = [{"name": next(iter(formulas.values())), "kind": "charity"}]
        response = client.post(
            SUBMIT_URL, data=json.dumps(payload), content_type="application/json"
        )
        FIGURES.add("submission fuzzing: requests", "hostile ids and formulas")
        FIGURES.add("submission fuzzing: answers", str(response.status_code))
        body = check_answer(response, (ids, formulas))
        if response.status_code == 400:
            # An id that is not one of the register's is refused under its own field's name.
            assert set(body["errors"]) & set(ids) or set(body["errors"]) - set(ID_FIELDS), body

    check()
    export = admin_client.get(
        reverse("wagtail_casestudies_casestudysubmission_modeladmin_index") + "?export=csv"
    )
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))[1:]
    FIGURES.add("submission fuzzing: CSV rows checked for formulas", "inbox export", len(rows))
    assert rows, "no submission was stored: the fuzzer tried nothing worth exporting"
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_PREFIXES), (row, cell)


def test_long_lists_are_refused_before_any_lookup(client, register, open_endpoint):
    """100,000 council ids took twelve seconds to refuse, one cheap request at a time."""
    import time

    council, topic = register
    payload = valid_payload(councils=[council], topics=[topic])
    payload.update(
        councils=list(range(100_000)),
        topics=list(range(51)),
        council_names=[f"Council {n}" for n in range(51)],
    )
    started = time.monotonic()
    response = client.post(SUBMIT_URL, data=json.dumps(payload), content_type="application/json")
    assert time.monotonic() - started < 2
    errors = response.json()["errors"]
    for field in ("councils", "topics", "council_names"):
        assert [error["code"] for error in errors[field]] == ["max_num"], errors
