"""Reading Word documents: time and peak memory per document, for a normal report and for the
worst case each of the reader's limits allows.

Each case runs in a fresh process (``bench/manage.py bench_word --child CASE FILE``), so its
peak resident memory (``ru_maxrss``) is its own: the child loads the document's bytes, notes
its resident memory, then checks and reads the document as the intake does (``check_word_file`` then
``read_word``; for a picture, ``check_image``, which decodes it, turns it and re-encodes it
without metadata), and reports the wall time and how far the peak rose.

The documents are built by ``tests/word_hostile_support.py`` (the same ones the reliability
tests send), at the limits in force (the ``WAGTAIL_CASESTUDIES`` settings of the run).
"""

from __future__ import annotations

import io
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from wagtail_casestudies.conf import settings as casestudy_settings

BENCH_DIR = Path(__file__).resolve().parent


@dataclass
class Case:
    key: str
    label: str
    kind: str = "word"  # "word": check and read; "image": check_image


CASES = [
    Case("report", "A 60-page report (1,500 paragraphs, 20 tables, 10 pictures)"),
    Case("unpacked", "Largest unpacked size (all parts, and the largest part)"),
    Case("paragraphs", "Most paragraphs"),
    Case("cells", "Most table cells"),
    Case("nesting", "Deepest tables inside tables, as many as the cells allow"),
    Case("elements", "Most XML elements (runs) in the paragraphs allowed"),
    Case("largest_part", "The largest document part: the paragraphs allowed, full of text"),
    Case("long_line", "One line of 80,000 characters (and a contact line as long)"),
    Case("picture", "The largest picture allowed (RGBA, turned by its EXIF)", "image"),
]


def _status_mib(field: str) -> float | None:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _reset_peak() -> None:
    """Start the peak (VmHWM) again from the memory now, so starting Django does not count."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass


def _peak_mib() -> float:
    peak = _status_mib("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_mib() -> float:
    """The resident memory now (Linux), else the peak so far."""
    current = _status_mib("VmRSS")
    return current if current is not None else _peak_mib()


def prepare_database(folder: Path, environment: dict | None = None) -> dict:
    """The environment of a child: a migrated SQLite database of its own in ``folder`` (the
    reader looks councils up)."""
    env = {**(environment or os.environ), "BENCH_DATABASE_URL": f"sqlite:///{folder}/word.db"}
    subprocess.run(
        [sys.executable, str(BENCH_DIR / "manage.py"), "migrate", "-v0"],
        env=env,
        check=True,
        capture_output=True,
    )
    return env


def run_child(case_key: str, path: Path, env: dict) -> dict:
    completed = subprocess.run(
        [sys.executable, str(BENCH_DIR / "manage.py"), "bench_word", "--child", case_key]
        + ["--file", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode or not lines:
        return {"case": case_key, "error": completed.stderr[-2000:]}
    return json.loads(lines[-1])


# --- The documents ------------------------------------------------------------------------------


def report() -> bytes:
    from tests.word_hostile_support import add_link, jpeg_with_location, to_bytes

    document = Document()
    document.add_paragraph("Cornwall Council: a year of the decision wheel", style="Title")
    document.add_paragraph("Cornwall built a decision wheel with residents.")
    sentence = "Calls to the contact centre fell as residents found the right service first. "
    headings = ["The challenge", "The solution", "The impact", "Lessons learned"]
    for number in range(1500):
        if number % 75 == 0:
            document.add_heading(headings[(number // 75) % 4], level=2)
        paragraph = document.add_paragraph(sentence * 3)
        paragraph.add_run(" Bold words.").bold = True
        if number % 100 == 0:
            add_link(paragraph, "the review", "https://example.org/review")
        if number % 75 == 37:
            table = document.add_table(rows=8, cols=6)
            for row in table.rows:
                for cell in row.cells:
                    cell.text = "12,000"
        if number % 150 == 0:
            document.add_paragraph().add_run().add_picture(
                io.BytesIO(jpeg_with_location((1200, 800)))
            )
    document.add_heading("Contact", level=2)
    document.add_paragraph("Jane Smith, Head of Digital, jane.smith@cornwall.gov.uk")
    return to_bytes(document)


def unpacked() -> bytes:
    """Parts of zeros, each just under the part limit, as pictures the document relates to (so
    python-docx loads every one), up to just under the total."""
    from tests.word_hostile_support import DOCUMENT_RELS, parts, rezip, valid_document

    part_size = casestudy_settings.WORD_MAX_PART_SIZE - 1024
    items = parts(valid_document())
    room = casestudy_settings.WORD_MAX_UNPACKED_SIZE - sum(map(len, items.values())) - 4096
    rels = []
    for number in range(room // part_size):
        items[f"word/media/big{number}.png"] = b"\0" * part_size
        rels.append(
            f'<Relationship Id="rIdBig{number}" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/image" Target="media/big{number}.png"/>'
        )
    items[DOCUMENT_RELS] = items[DOCUMENT_RELS].replace(
        b"</Relationships>", "".join(rels).encode() + b"</Relationships>"
    )
    return rezip(items)


def paragraphs() -> bytes:
    from tests.word_hostile_support import many_paragraphs

    return many_paragraphs(casestudy_settings.WORD_MAX_PARAGRAPHS - 100)


def cells() -> bytes:
    from tests.word_hostile_support import many_cells

    return many_cells(casestudy_settings.WORD_MAX_TABLE_CELLS - 100)


def nesting() -> bytes:
    from tests.word_hostile_support import edit, nested_tables

    depth = casestudy_settings.WORD_MAX_NESTING
    count = min(
        (casestudy_settings.WORD_MAX_TABLE_CELLS - 100) // depth,
        (casestudy_settings.WORD_MAX_PARAGRAPHS - 100) // (depth + 1),
    )
    body = nested_tables(depth) * count
    return edit(_plain(), document=lambda data: data.replace(b"<w:body>", b"<w:body>" + body))


def elements() -> bytes:
    from tests.word_hostile_support import edit

    count = casestudy_settings.WORD_MAX_PARAGRAPHS - 100
    runs = (casestudy_settings.WORD_MAX_XML_ELEMENTS - 2000) // count // 4
    run = b"<w:r><w:rPr><w:b/></w:rPr><w:t>w</w:t></w:r>"
    body = (b"<w:p>" + run * (runs - 1) + b"</w:p>") * count
    return edit(_plain(), document=lambda data: data.replace(b"<w:body>", b"<w:body>" + body))


def largest_part() -> bytes:
    from tests.word_hostile_support import edit

    count = casestudy_settings.WORD_MAX_PARAGRAPHS - 100
    length = (casestudy_settings.WORD_MAX_PART_SIZE - 64 * 1024) // count - 40
    text = (b"Residents found the right service first. " * (length // 41 + 1))[:length]
    body = (b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>") * count
    return edit(_plain(), document=lambda data: data.replace(b"<w:body>", b"<w:body>" + body))


def long_line() -> bytes:
    from tests.word_hostile_support import long_line as build

    return build(80_000)


def _plain() -> bytes:
    from tests.word_hostile_support import to_bytes

    document = Document()
    document.add_paragraph("Cornwall Council: the limits")
    return to_bytes(document)


def picture() -> bytes:
    """The largest RGBA PNG the pixel limit allows, its EXIF saying to turn it a quarter (so
    cleaning it holds the decoded picture twice); built row by row, never holding its pixels."""
    pixels = casestudy_settings.SUBMISSION_MAX_IMAGE_PIXELS
    width = int(pixels**0.5)
    height = pixels // width
    compressor = zlib.compressobj(6)
    data = bytearray()
    row = b"\0" + bytes(range(256)) * (width * 4 // 256) + b"\0" * (width * 4 % 256)
    for _ in range(height):
        data += compressor.compress(row)
    data += compressor.flush()
    exif = b"MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0"

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
        + chunk(b"eXIf", exif)
        + chunk(b"IDAT", bytes(data))
        + chunk(b"IEND", b"")
    )


BUILDERS = {
    "report": report,
    "unpacked": unpacked,
    "paragraphs": paragraphs,
    "cells": cells,
    "nesting": nesting,
    "elements": elements,
    "largest_part": largest_part,
    "long_line": long_line,
    "picture": picture,
}


# --- Measuring ----------------------------------------------------------------------------------


def measure_child(case_key: str, path: str) -> dict:
    """In the child: read ``path`` as the intake would and say what it cost."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail_casestudies.importing.word import read_word
    from wagtail_casestudies.importing.word_file import check_word_file
    from wagtail_casestudies.submissions.files import check_image

    content = Path(path).read_bytes()
    case = next(c for c in CASES if c.key == case_key)
    _reset_peak()
    before = _current_mib()
    started = time.perf_counter()
    checked = None
    outcome = "read"
    try:
        if case.kind == "image":
            check_image(SimpleUploadedFile("picture.png", content))
            outcome = "accepted"
        else:
            check_word_file(content, "case.docx")
            checked = time.perf_counter() - started
            read_word(content, "case.docx")
    except ValidationError as error:
        outcome = f"refused ({error.code})"
    seconds = time.perf_counter() - started
    return {
        "case": case_key,
        "bytes": len(content),
        "seconds": round(seconds, 3),
        "check_seconds": round(checked, 3) if checked is not None else None,
        # From the resident memory before to the peak during: what the document cost.
        "peak_growth_mib": round(_peak_mib() - before, 1),
        "outcome": outcome,
    }


def run(only: list[str] | None = None) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        env = prepare_database(Path(folder))
        for case in CASES:
            if only and case.key not in only:
                continue
            path = Path(folder) / f"{case.key}.bin"
            path.write_bytes(BUILDERS[case.key]())
            result = run_child(case.key, path, env)
            result["label"] = case.label
            results.append(result)
    return results


def limits() -> dict:
    keys = [
        "WORD_MAX_UNPACKED_SIZE",
        "WORD_MAX_PART_SIZE",
        "WORD_MAX_PARAGRAPHS",
        "WORD_MAX_TABLE_CELLS",
        "WORD_MAX_NESTING",
        "WORD_MAX_XML_ELEMENTS",
        "WORD_READ_SECONDS",
        "SUBMISSION_MAX_IMAGE_PIXELS",
    ]
    return {key: getattr(casestudy_settings, key) for key in keys}


def markdown(results: list[dict]) -> str:
    lines = [
        "| document | size | check | check and read | peak memory growth | outcome |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for result in results:
        if "error" in result:
            lines.append(f"| {result['case']} | | | | | failed: see the JSON |")
            continue
        check = f"{result['check_seconds']:.2f} s" if result.get("check_seconds") else "–"
        lines.append(
            f"| {result['label']} | {result['bytes'] / 1024:,.0f} KiB | {check} | "
            f"{result['seconds']:.2f} s | {result['peak_growth_mib']:.0f} MiB | "
            f"{result['outcome']} |"
        )
    return "\n".join(lines)
