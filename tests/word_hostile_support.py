"""Word documents built to break a reader: a valid python-docx document, then its zip, XML or
relationships edited into each kind of malformed .docx an outside attack found, and the
documents at and past each of the reader's limits.

Shared by ``tests/reliability/test_word_hostile.py``, the Word fuzzer and the benchmark.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable

from docx import Document
from PIL import Image

# Re-exported: the hostile tests and the benchmark take it from here.
from tests.word_support import add_link, jpeg_with_location  # noqa: F401

DOCUMENT_PART = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
MAIN_CONTENT_TYPE = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def png_bytes(size=(40, 30), colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def valid_document(*, picture: bytes | None = None, paragraphs: int = 0) -> bytes:
    """A council's case study with headings, bold, a list, a table, a hyperlink and a picture."""
    document = Document()
    document.core_properties.title = "Cornwall Council: the decision wheel"
    document.add_paragraph("Cornwall Council: the decision wheel", style="Title")
    document.add_paragraph("Cornwall built a decision wheel with residents.")
    document.add_heading("The challenge", level=2)
    paragraph = document.add_paragraph("Calls kept ")
    paragraph.add_run("rising").bold = True
    paragraph.add_run(" and ")
    paragraph.add_run("waiting").italic = True
    paragraph.add_run(" grew; see ")
    add_link(paragraph, "the review", "https://example.org/review")
    document.add_heading("The solution", level=2)
    document.add_paragraph("We built a decision wheel.")
    document.add_paragraph("Start small.", style="List Bullet")
    document.add_paragraph("Involve residents.", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Year", "Calls"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "2023", "12,000"
    document.add_paragraph().add_run().add_picture(io.BytesIO(picture or png_bytes()))
    document.add_heading("The impact", level=2)
    for number in range(paragraphs):
        document.add_paragraph(f"Paragraph {number} of the impact.")
    document.add_paragraph("Calls fell by a third.")
    document.add_heading("Contact", level=2)
    document.add_paragraph("Jane Smith, Head of Digital, jane.smith@cornwall.gov.uk")
    return to_bytes(document)


# --- Editing a package --------------------------------------------------------------------------


def parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(
    items: dict[str, bytes] | list[tuple[str, bytes]],
    *,
    compression: int = zipfile.ZIP_DEFLATED,
    stored: tuple[str, ...] = (),
) -> bytes:
    """A zip of ``items`` (name to bytes, or pairs to allow duplicate names)."""
    buffer = io.BytesIO()
    pairs = items.items() if isinstance(items, dict) else items
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in pairs:
            method = zipfile.ZIP_STORED if name in stored else compression
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, method)
    return buffer.getvalue()


def edit(content: bytes, **changes: Callable[[bytes], bytes | None] | bytes | None) -> bytes:
    """``content`` with parts replaced (bytes), rewritten (a function of the old bytes) or
    dropped (None). Part names are given with "/" as "__" and "." as "_"; use :func:`edit_parts`
    for any name."""
    return edit_parts(content, {_part_name(key): value for key, value in changes.items()})


def _part_name(key: str) -> str:
    return {
        "document": DOCUMENT_PART,
        "document_rels": DOCUMENT_RELS,
        "content_types": "[Content_Types].xml",
        "root_rels": "_rels/.rels",
        "styles": "word/styles.xml",
        "core": "docProps/core.xml",
    }[key]


def edit_parts(content: bytes, changes: dict) -> bytes:
    items = parts(content)
    for name, change in changes.items():
        if change is None:
            items.pop(name, None)
        elif callable(change):
            items[name] = change(items[name])
        else:
            items[name] = change
    return rezip(items)


def _in_body(xml: bytes) -> Callable[[bytes], bytes]:
    """Put ``xml`` at the start of the document's body."""
    return lambda data: data.replace(b"<w:body>", b"<w:body>" + xml, 1)


def _corrupt_crc(content: bytes, name: str = DOCUMENT_PART) -> bytes:
    """The part's stored CRC-32 changed in both headers, so only decompressing finds it."""
    data = bytearray(content)
    encoded = name.encode()
    for signature, crc_at, name_at in ((b"PK\x03\x04", 14, 30), (b"PK\x01\x02", 16, 46)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            if data[start + name_at : start + name_at + len(encoded)] == encoded:
                (crc,) = struct.unpack_from("<I", data, start + crc_at)
                struct.pack_into("<I", data, start + crc_at, crc ^ 0xFFFFFFFF)
            start += 4
    return bytes(data)


def nested_tables(depth: int) -> bytes:
    inner = b"<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = b"<w:tbl><w:tr><w:tc>" + inner + b"<w:p/></w:tc></w:tr></w:tbl>"
    return inner


BILLION_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b"<!DOCTYPE w:document [\n"
    b'<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'.encode()
        for n in range(1, 10)
    )
    + b"]>\n"
    b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r>'
    b"</w:p></w:body></w:document>"
)


def _no_style_name(data: bytes) -> bytes:
    return re.sub(rb"<w:name [^>]*/>", b"", data)


def _dangling(data: bytes) -> bytes:
    return data.replace(b"</Relationships>", DANGLING_REL + b"</Relationships>")


DANGLING_REL = (
    b'<Relationship Id="rId999" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/image" Target="media/missing.png"/>'
)


def hostile_documents() -> dict[str, bytes]:
    """The malformed .docx kinds the attack found (and a few more of the same families), each
    built from :func:`valid_document` by one edit."""
    good = valid_document()
    return {
        "document.xml not XML": edit(good, document=b"this is not <xml"),
        "no document part": edit(good, document=None),
        "main part of another content type": edit(
            good,
            content_types=lambda d: d.replace(MAIN_CONTENT_TYPE, b"application/xml"),
        ),
        "bad CRC": _corrupt_crc(good),
        "dangling relationship": edit(good, document_rels=_dangling),
        "hyperlink r:id with no relationship": edit(
            good,
            document=_in_body(
                b'<w:p><w:hyperlink r:id="rId404"><w:r><w:t>gone</w:t></w:r></w:hyperlink></w:p>'
            ),
        ),
        "bold with a bogus value": edit(
            good,
            document=_in_body(
                b'<w:p><w:r><w:rPr><w:b w:val="bogus"/></w:rPr><w:t>x</w:t></w:r></w:p>'
            ),
        ),
        "style with no name": edit(good, styles=_no_style_name),
        "tables nested 256 deep": edit(good, document=_in_body(nested_tables(256))),
        "entity expansion": edit(good, document=BILLION_LAUGHS),
        "malformed core properties": edit(good, core=b"<cp:coreProperties><dc:title>"),
        "vMerge without a start": edit(
            good,
            document=_in_body(
                b'<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:tcPr>'
                b'<w:vMerge w:val="continue"/></w:tcPr><w:p/></w:tc></w:tr><w:tr><w:tc><w:tcPr>'
                b"<w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"
            ),
        ),
        "gridSpan not a number": edit(
            good,
            document=_in_body(
                b'<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:tcPr>'
                b'<w:gridSpan w:val="x"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'
                b"</w:tr></w:tbl>"
            ),
        ),
        "truncated zip": good[: len(good) // 2],
        "relationships not XML": edit(good, document_rels=b"<Relationships"),
        "content types not XML": edit(good, content_types=b"\x00\x01not xml"),
    }


# --- At and past the limits -----------------------------------------------------------------------


def many_paragraphs(count: int, text: str = "A line.") -> bytes:
    """``count`` paragraphs, written straight into document.xml (python-docx takes minutes)."""
    body = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode() * count
    return edit(valid_document(), document=_in_body(body))


def many_cells(count: int, columns: int = 10) -> bytes:
    row = b"<w:tr>" + b"<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>" * columns + b"</w:tr>"
    grid = b"<w:tblGrid>" + b'<w:gridCol w:w="500"/>' * columns + b"</w:tblGrid>"
    return edit(
        valid_document(),
        document=_in_body(b"<w:tbl>" + grid + row * (count // columns) + b"</w:tbl>"),
    )


def long_line(characters: int = 80_000) -> bytes:
    """One paragraph of ``characters`` characters with no space, the way a pasted blob comes, and
    a run of "a@a.a" fragments that backtracking email patterns choke on."""
    text = ("a" * 40 + "@" + "b" * 20 + ".") * (characters // 62)
    document = Document()
    document.add_paragraph("Cornwall Council: a very long line")
    document.add_paragraph(text[:characters])
    document.add_paragraph("Contact")
    document.add_paragraph(("x." * (characters // 2))[:characters])
    return to_bytes(document)


def with_unpacked_part(size: int, *, random_part: int = 0, name: str = "word/media/zeros.bin"):
    """A document carrying a part of ``size`` zero bytes (compressing 1,000 times) and, so the
    ratio over the whole zip looks normal, a stored part of ``random_part`` random bytes."""
    items = parts(valid_document())
    items[name] = b"\0" * size
    stored = ()
    if random_part:
        items["word/media/noise.bin"] = os.urandom(random_part)
        stored = ("word/media/noise.bin",)
    return rezip(items, stored=stored)


def streamed_zero_bomb(size: int, *, random_part: int = 0) -> bytes:
    """As :func:`with_unpacked_part` but built without holding ``size`` bytes in memory."""
    items = parts(valid_document())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in items.items():
            archive.writestr(name, data)
        if random_part:
            archive.writestr("word/media/noise.bin", os.urandom(random_part), zipfile.ZIP_STORED)
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                part.write(chunk)
    return buffer.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG of ``width`` × ``height`` black pixels, tiny because it compresses to nothing; built
    row by row so it never holds the pixels."""
    raw_row = b"\0" + b"\0" * width  # filter byte, then one grey byte a pixel
    compressor = zlib.compressobj(9)
    data = bytearray()
    for _ in range(height):
        data += compressor.compress(raw_row)
    data += compressor.flush()

    return png_from_chunks(width, height, bytes(data), colour_type=0)


def png_chunk(kind: bytes, body: bytes) -> bytes:
    """One PNG chunk: its length, kind, body and CRC."""
    return (
        struct.pack(">I", len(body))
        + kind
        + body
        + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def png_from_chunks(width: int, height: int, idat: bytes, *, colour_type: int = 2) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels, whatever ``idat`` holds."""
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def macro_part_renamed(name: str = "word/settingsData.dat") -> bytes:
    """A VBA project under another name, declared by its content type and relationship only."""
    good = valid_document()
    vba_type = b"application/vnd.ms-office.vbaProject"
    vba_rel = (
        b'<Relationship Id="rId900" Type="http://schemas.microsoft.com/office/2006/relationships/'
        b'vbaProject" Target="' + name.removeprefix("word/").encode() + b'"/>'
    )
    return edit_parts(
        good,
        {
            "[Content_Types].xml": lambda d: d.replace(
                b"</Types>",
                b'<Override PartName="/'
                + name.encode()
                + b'" ContentType="'
                + vba_type
                + b'"/></Types>',
            ),
            DOCUMENT_RELS: lambda d: d.replace(b"</Relationships>", vba_rel + b"</Relationships>"),
            name: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
        },
    )
