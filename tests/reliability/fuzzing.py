"""Hypothesis strategies for hostile input, and the checks every fuzzed response must pass."""

from __future__ import annotations

import json
import re
import string

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tests.reliability.conftest import examples

SQL = [
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    "1' UNION SELECT password FROM auth_user --",
    "%",
    "_",
    "\\",
    "')) OR 1=1 --",
    "1 AND SLEEP(5)",
    "$1",
    "?",
]
HTML = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "&lt;script&gt;",
    "{{ 7*7 }}",
    "{% debug %}",
]
NUMBERS = [
    "0",
    "-1",
    "-0",
    "+5",
    " 5",
    "5 ",
    "1e309",
    "NaN",
    "Infinity",
    "0x10",
    "1_000",
    "²",
    "٣",
    "１２",
    "9" * 40,
    str(2**63),
    str(-(2**63) - 1),
    str(2**64),
    str(2**31),
    "3.5",
    "1e20",
    "1.0",
    "-0.0",
]
# Search syntax as people type it, balanced or not: the database backends' query languages must
# never see it raw (SQLite's FTS5 fails on an odd double quote).
SEARCH_SYNTAX = [
    '"',
    '""',
    '"""',
    'a"b',
    '"bins',
    'bins"',
    "'",
    "(bins",
    "bins)",
    "NEAR(bins",
    "bins*",
    "*",
    "^bins",
    "title:bins",
    "bins AND",
    "OR",
    "NOT",
    "-",
    "+bins",
    "{bins}",
    "[bins",
    "bins\\",
    "&|!",
    ":*",
]
ODD = [
    "",
    " ",
    ",",
    ",,,",
    "\t",
    "\x00",
    "a\x00b",
    "\u202e",
    "\u200b",
    "e\u0301",
    "🦆",
    "\ufeff",
    "../../etc/passwd",
    "/",
    "//",
    "#",
    "&",
    "=",
    "a" * 2000,
    "2021-02-30",
    "0000-01-01",
    "9999-12-31",
    "2021-1-1",
    "+2021-01-01",
    "TRUE",
    "yes",
    "on",
    "2",
    "*",
    "_",
    "-",
    "-title",
    "title(body)",
    "*,-*",
    "(",
    ")",
    "title,",
    "-_",
    "body,body",
]

NASTY = st.one_of(
    st.sampled_from(SQL + HTML + NUMBERS + ODD + SEARCH_SYNTAX),
    st.text(alphabet="\"()*:^-+'&|! binsORANDNEAR", max_size=12),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.text(string.digits + ",-", max_size=12),
)


def query_strategy(valid: dict[str, list[str]], extra_keys=("foo", "", "LIMIT", "limit[]")):
    """Lists of (key, value) pairs: known parameters with valid or hostile values, unknown
    parameters, and repeated keys."""
    keys = sorted(valid)
    known = st.sampled_from(keys).flatmap(
        lambda key: st.tuples(
            st.just(key),
            st.one_of(st.sampled_from(valid[key] or [""]), NASTY, comma_list(valid[key])),
        )
    )
    unknown = st.tuples(st.sampled_from(list(extra_keys)), NASTY)
    pairs = st.lists(st.one_of(known, known, known, unknown), max_size=6)
    return pairs.flatmap(
        lambda items: st.just(items) | st.just(items + items[:1])  # a repeated key
    )


def comma_list(values: list[str]):
    if not values:
        return st.just("")
    return st.lists(st.sampled_from(values), min_size=2, max_size=4).map(",".join)


def fuzz_settings(base: int):
    return settings(
        max_examples=examples(base),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


# --- Checks ---------------------------------------------------------------------------------------


class OpenAPIResponses:
    """Validates a response body against the schema an OpenAPI document gives its status."""

    def __init__(self, document: dict):
        self.document = document
        self.templates = [
            (re.compile("^" + re.sub(r"\\{[^}]+\\}", r"[^/]+", re.escape(path)) + "$"), item)
            for path, item in document["paths"].items()
        ]

    def operation(self, path: str) -> dict | None:
        for pattern, item in self.templates:
            if pattern.match(path):
                return item.get("get")
        return None

    def errors(self, path: str, status: int, body) -> list[str]:
        operation = self.operation(path)
        if operation is None:
            return [f"{path} is not in the document"]
        response = operation["responses"].get(str(status))
        if response is None:
            return [f"{status} is not documented for {path}"]
        content = response.get("content")
        if not content:
            return []
        schema = next(iter(content.values()))["schema"]
        wrapper = {
            "$id": "urn:openapi",
            "components": self.document.get("components", {}),
            "allOf": [schema],
        }
        return [
            f"{list(error.absolute_path)}: {error.message}"
            for error in Draft202012Validator(wrapper).iter_errors(body)
        ][:5]


def check_response(response, *, label, secrets, documents: OpenAPIResponses | None, v3=False):
    """The properties every fuzzed API response must have; returns the parsed body."""
    status = response.status_code
    assert status < 500, (label, status, response.content[:500])
    content_type = response.get("Content-Type", "")
    if status in (200, 400, 404):
        assert "json" in content_type, (label, status, content_type)
        body = json.loads(response.content)
    else:
        body = None
    if 400 <= status < 500:
        if v3:
            assert isinstance(body.get("title"), str) and body.get("status") == status, body
        else:
            assert isinstance(body.get("message"), str) and body["message"], (label, body)
            if status == 400 and "parameter" in body:
                assert isinstance(body["parameter"], str)
    if documents is not None and body is not None:
        errors = documents.errors(response.wsgi_request.path, status, body)
        assert not errors, (label, status, errors)
    text = response.content.decode("utf-8", "replace")
    for secret in secrets:
        assert secret not in text, (label, secret)
    return body
