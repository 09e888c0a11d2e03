"""A structure-aware fuzzer for the Word reader: valid .docx files (headings, lists, a table, a
hyperlink, a picture) mutated at the zip level (parts dropped, duplicated, renamed, bytes
corrupted, compression changed, truncated), the XML level (elements deleted, duplicated, moved,
attribute values swapped for junk, unknown elements, deep nesting, entities) and the
relationship level (dangling and mismatched targets, wrong types).

Every document must be checked and read to a return or a ValidationError (never another
exception), within a bounded time, and the intake's endpoint must answer 200, 201 or 400, never
a 5xx. ``RELIABILITY_EXAMPLES`` scales it, ``RELIABILITY_FUZZ=0`` skips it; the number of
documents tried is in the run's "reliability figures".
"""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from tests.reliability.conftest import FIGURES, fuzzer
from tests.reliability.fuzzing import fuzz_settings
from tests.word_hostile_support import (
    BILLION_LAUGHS,
    DOCUMENT_PART,
    DOCUMENT_RELS,
    jpeg_with_location,
    nested_tables,
    parts,
    rezip,
    valid_document,
)
from wagtail_casestudies.importing.word import read_word
from wagtail_casestudies.importing.word_file import check_word_file

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/casestudies/submit/"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Generous: a document is read in well under a second; the budget (WORD_READ_SECONDS) is 10.
SECONDS_PER_DOCUMENT = 15

SEEDS = [
    valid_document(),
    valid_document(picture=jpeg_with_location()),
    valid_document(paragraphs=30),
]
JUNK_VALUES = [
    "",
    "bogus",
    "-1",
    "0",
    "99999999999",
    "x" * 300,
    "rId404",
    "../../../etc/passwd",
    "restart",
    "continue",
    "true",
    "&amp;",
    "\u202e",
    "1e309",
]
XML_INSERTS = [
    b"<w:unknown/>",
    b'<x:thing xmlns:x="urn:x"><x:more/></x:thing>',
    b"<w:p><w:r><w:t>inserted</w:t></w:r></w:p>",
    b'<w:p><w:hyperlink r:id="rId999"><w:r><w:t>dangling</w:t></w:r></w:hyperlink></w:p>',
    b'<w:p><w:r><w:rPr><w:b w:val="maybe"/></w:rPr><w:t>x</w:t></w:r></w:p>',
    b'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>',
    b"<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>",
    b'<w:p><w:pPr><w:pStyle w:val="NoSuchStyle"/><w:numPr><w:numId w:val="77"/></w:numPr>'
    b"</w:pPr><w:r><w:t>x</w:t></w:r></w:p>",
    b'<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/'
    b'main" r:embed="rId404"/></w:drawing></w:r></w:p>',
    b"<w:p><w:r><w:t>&#0;</w:t></w:r></w:p>",
    b"<w:p><w:r><w:t>" + b"a@b." * 5000 + b"</w:t></w:r></w:p>",
]
EXTERNAL_ENTITY = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
REL_TYPES = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
    "urn:nonsense",
]


# --- Mutations ------------------------------------------------------------------------------------


def _xml_part_names(items: dict[str, bytes]) -> list[str]:
    return sorted(name for name in items if name.endswith((".xml", ".rels")))


@st.composite
def zip_mutation(draw, items: dict[str, bytes]) -> tuple[str, dict | bytes]:
    names = sorted(items)
    action = draw(st.sampled_from(["drop", "duplicate", "rename", "stored", "bzip2"]))
    name = draw(st.sampled_from(names))
    if action == "drop":
        items.pop(name)
    elif action == "duplicate":
        return action, list(items.items()) + [(name, items[name][: len(items[name]) // 2])]
    elif action == "rename":
        items[draw(st.sampled_from(["word/Document.xml", "x/" + name, name + ".bak"]))] = items.pop(
            name
        )
    elif action == "stored":
        return action, rezip(items, compression=zipfile.ZIP_STORED)
    elif action == "bzip2":
        return action, rezip(items, compression=zipfile.ZIP_BZIP2)
    return action, items


@st.composite
def xml_mutation(draw, items: dict[str, bytes]) -> str:
    name = draw(st.sampled_from([DOCUMENT_PART] * 3 + _xml_part_names(items)))
    if name not in items:
        return "none"
    data = items[name]
    elements = [m.span() for m in re.finditer(rb"<[\w:]+[^<>]*/>|<([\w:]+)[^<>]*>[^<]*</\1>", data)]
    action = draw(
        st.sampled_from(["delete", "duplicate", "move", "attribute", "insert", "nest", "entity"])
    )
    if action in ("delete", "duplicate", "move") and elements:
        start, end = draw(st.sampled_from(elements))
        piece = data[start:end]
        if action == "delete":
            data = data[:start] + data[end:]
        elif action == "duplicate":
            data = data[:end] + piece + data[end:]
        else:
            data = data[:start] + data[end:]
            at = draw(st.integers(0, len(data)))
            data = data[:at] + piece + data[at:]
    elif action == "attribute":
        values = list(re.finditer(rb'="([^"]*)"', data))
        if values:
            match = draw(st.sampled_from(values))
            junk = draw(st.sampled_from(JUNK_VALUES)).encode("utf-8")
            data = data[: match.start(1)] + junk + data[match.end(1) :]
    elif action == "insert" and b"<w:body>" in data:
        data = data.replace(b"<w:body>", b"<w:body>" + draw(st.sampled_from(XML_INSERTS)), 1)
    elif action == "nest" and b"<w:body>" in data:
        depth = draw(st.sampled_from([3, 6, 40, 70, 300]))
        data = data.replace(b"<w:body>", b"<w:body>" + nested_tables(depth), 1)
    elif action == "entity":
        data = draw(
            st.sampled_from(
                [
                    BILLION_LAUGHS,
                    data.replace(
                        b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1
                    ),
                    data.replace(b"<w:t>", b"<w:t>&undefined;", 1),
                ]
            )
        )
    items[name] = data
    return f"{action} {name}"


@st.composite
def relationship_mutation(draw, items: dict[str, bytes]) -> str:
    rels = [name for name in items if name.endswith(".rels")]
    if not rels:
        return "none"
    name = draw(st.sampled_from(rels))
    data = items[name]
    action = draw(st.sampled_from(["target", "type", "id", "add", "external"]))
    if action == "target":
        target = draw(st.sampled_from(["media/none.png", "", "/", "../../x.xml", "styles.xml"]))
        data = re.sub(rb'Target="[^"]*"', f'Target="{target}"'.encode(), data, count=1)
    elif action == "type":
        kind = draw(st.sampled_from(REL_TYPES))
        data = re.sub(rb'Type="[^"]*"', f'Type="{kind}"'.encode(), data, count=1)
    elif action == "id":
        data = re.sub(rb'Id="[^"]*"', b'Id="rId1"', data)
    elif action == "add":
        kind = draw(st.sampled_from(REL_TYPES))
        data = data.replace(
            b"</Relationships>",
            f'<Relationship Id="rIdF" Type="{kind}" Target="word/nowhere.xml"/>'.encode()
            + b"</Relationships>",
        )
    elif action == "external":
        data = data.replace(b'Target="', b'TargetMode="External" Target="', 1)
    items[name] = data
    return f"{action} {name}"


@st.composite
def byte_mutation(draw, content: bytes) -> tuple[str, bytes]:
    action = draw(st.sampled_from(["corrupt", "truncate", "append"]))
    data = bytearray(content)
    if action == "corrupt":
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
    elif action == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    else:
        data += draw(st.binary(max_size=64))
    return action, bytes(data)


@st.composite
def mutated_documents(draw) -> tuple[list[str], bytes]:
    content = draw(st.sampled_from(SEEDS))
    items = parts(content)
    steps = []
    for _ in range(draw(st.integers(1, 3))):
        level = draw(st.sampled_from(["zip", "xml", "xml", "relationships", "bytes"]))
        if level == "xml":
            steps.append(draw(xml_mutation(items)))
        elif level == "relationships":
            steps.append(draw(relationship_mutation(items)))
        elif level == "zip":
            action, result = draw(zip_mutation(items))
            steps.append(f"zip {action}")
            if isinstance(result, bytes):
                return steps, result
            if isinstance(result, list):
                return steps, rezip(result)
            items = result
        else:
            action, result = draw(byte_mutation(rezip(items)))
            steps.append(f"bytes {action}")
            return steps, result
    return steps, rezip(items)


# --- The properties ------------------------------------------------------------------------------


@fuzzer
@given(document=mutated_documents())
@fuzz_settings(100)
def test_every_mutated_document_is_read_or_refused_with_a_validation_error(document):
    steps, content = document
    FIGURES.add("Word fuzzer", "documents checked and read")
    started = time.perf_counter()
    try:
        check_word_file(content, "fuzzed.docx")
        read_word(content, "fuzzed.docx")
        FIGURES.add("Word fuzzer", "read")
    except ValidationError as error:
        assert error.code, steps
        FIGURES.add("Word fuzzer", f"refused: {error.code}")
    assert time.perf_counter() - started < SECONDS_PER_DOCUMENT, steps


@pytest.fixture
def open_intake(settings):
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_RATE_LIMIT": 10**9}


@fuzzer
def test_every_mutated_document_posted_is_answered_without_a_5xx(client, open_intake):
    """The same mutations, sent to the intake's endpoint (a fixed sample drawn by Hypothesis, so
    a test client and the database are shared)."""

    @given(document=mutated_documents())
    @fuzz_settings(25)
    def post(document):
        steps, content = document
        started = time.perf_counter()
        response = client.post(
            SUBMIT_URL,
            data=content,
            content_type=DOCX_CONTENT_TYPE,
            headers={"Content-Disposition": 'attachment; filename="fuzzed.docx"'},
        )
        FIGURES.add("Word fuzzer", "documents posted")
        if response.status_code >= 500:
            FIGURES.add("Word fuzzer", "5xx")
        assert response.status_code in (200, 201, 400), (steps, response.content[:300])
        if response.status_code == 400:
            assert "errors" in response.json(), steps
        assert time.perf_counter() - started < SECONDS_PER_DOCUMENT, steps

    post()


def test_the_seeds_are_valid_documents():
    for content in SEEDS:
        check_word_file(content, "seed.docx")
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            assert DOCUMENT_RELS in archive.namelist()
