"""Whether some bytes are a Word document we can read, and opening one safely.

Everything that reads Word documents (the intake's endpoint and form page, the admin's "Import
from Word", ``casestudies_import``) comes through here first: :func:`check_word_file` refuses
what is not a Word document, is encrypted, holds macros, is too large, too complex or
malformed, with an error that says which; :func:`open_word_document` opens one that passed;
:func:`reading_errors` turns whatever a reader still trips over into the same kind of error, so
a document is never a 500.

The check opens the zip once and unpacks every part once, in steps, counting what comes out
(``submissions.packages``); the XML parts are scanned as they unpack by a parser that builds no
tree, loads no DTD and expands no entity, counting paragraphs, table cells, nesting and
elements against the ``WORD_*`` settings, so a document past a limit is refused before
python-docx builds anything. The limits and what they cost are in docs/configuration.md and
docs/benchmark.md ("Word documents").
"""

from __future__ import annotations

import contextlib
import io
import logging
import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from docx import Document
from lxml import etree

from ..conf import settings as casestudy_settings
from ..submissions import packages
from ..submissions.packages import PackageError

logger = logging.getLogger(__name__)

# An encrypted .docx (and a Word 97-2003 .doc) is an OLE compound file, not a zip.
OLE_SIGNATURE = packages.OLE_SIGNATURE
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
WORD_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Deeper XML than any document Word writes (a table five deep is ~30 levels); libxml2 itself
# stops at 256.
MAX_XML_DEPTH = 128
# Word's own limit on a table's columns.
MAX_TABLE_COLUMNS = 63
# python-docx reads these as on/off and fails on any other value.
ON_OFF = frozenset(
    W + name
    for name in (
        "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
        "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "specVanish",
        "rtl", "cs", "oMath", "keepNext", "keepLines", "pageBreakBefore", "widowControl",
    )
)  # fmt: skip
ON_OFF_VALUES = frozenset({"1", "0", "true", "false", "on", "off"})
VALUE = W + "val"


# --- Refusing what is not a Word document we can read --------------------------------------------


def check_word_file(content: bytes, name: str = "") -> None:
    """Raise ValidationError unless ``content`` is a .docx we may read: ``too_large``,
    ``encrypted``, ``old_word_format``, ``not_word``, ``macro_enabled``, ``unreadable``
    (damaged: a zip, XML or relationship that does not hold together) or ``too_complex``
    (past a limit on paragraphs, table cells, nesting, elements or time)."""
    name = name or _("The document")
    limit = casestudy_settings.SUBMISSION_MAX_DOCUMENT_SIZE
    if len(content) > limit:
        raise ValidationError(
            _("%(name)s is %(size)s; a Word document may be at most %(limit)s."),
            code="too_large",
            params={
                "name": name,
                "size": filesizeformat(len(content)),
                "limit": filesizeformat(limit),
            },
        )
    if content.startswith(OLE_SIGNATURE):
        if ENCRYPTION_STREAM in content:
            raise ValidationError(
                _(
                    "%(name)s is protected with a password, so it cannot be read. Remove the "
                    "password in Word (File, Info, Protect Document) and send it again."
                ),
                code="encrypted",
                params={"name": name},
            )
        raise ValidationError(
            _("%(name)s is an old Word 97-2003 file. Save it as a .docx and send it again."),
            code="old_word_format",
            params={"name": name},
        )
    if not content.startswith(b"PK\x03\x04"):
        raise _not_word(name)
    try:
        _check_package(content, name)
    except PackageError as error:
        raise _package_error(error, name) from None
    except _Refused as refused:
        raise refused.error(name) from None


def _not_word(name) -> ValidationError:
    return ValidationError(
        _("%(name)s is not a Word document. Send the filled-in template as a .docx file."),
        code="not_word",
        params={"name": name},
    )


def _unreadable(name) -> ValidationError:
    return ValidationError(
        _(
            "%(name)s is damaged and could not be read as a Word document. Open it in Word, "
            "save it as a .docx (File, Save As, Word Document) and send it again."
        ),
        code="unreadable",
        params={"name": name},
    )


def _package_error(error: PackageError, name) -> ValidationError:
    if error.kind == "damaged":
        logger.info("Refused the damaged Word document %r: %s", name, error.detail)
        return _unreadable(name)
    if error.kind == "too_many_parts":
        return _too_complex(name, _("parts"), error.params["limit"])
    if error.params.get("part"):
        return ValidationError(
            _(
                "%(name)s holds a part (%(part)s) that unpacks to more than %(limit)s. "
                "Make the pictures in it smaller (in Word: Picture Format, Compress Pictures) "
                "and send it again."
            ),
            code="too_large",
            params={
                "name": name,
                "part": error.params["part"],
                "limit": filesizeformat(error.params["limit"]),
            },
        )
    return ValidationError(
        _(
            "%(name)s unpacks to more than %(limit)s. Make the pictures in it smaller (in "
            "Word: Picture Format, Compress Pictures) or split it, and send it again."
        ),
        code="too_large",
        params={"name": name, "limit": filesizeformat(error.params["limit"])},
    )


def _too_complex(name, what, limit) -> ValidationError:
    return ValidationError(
        _(
            "%(name)s has more %(what)s than we can read (at most %(limit)s). Split it into "
            "smaller documents, or send the case study through the form, and try again."
        ),
        code="too_complex",
        params={"name": name, "what": what, "limit": f"{limit:,}"},
    )


class _Refused(Exception):
    """Raised inside the scan; turned into the ValidationError once the name is known."""

    def __init__(self, code: str, what: str = "", limit: int = 0):
        super().__init__(code)
        self.code, self.what, self.limit = code, what, limit

    def error(self, name) -> ValidationError:
        if self.code == "too_complex":
            return _too_complex(name, self.what, self.limit)
        if self.code == "timeout":
            return Deadline.error()
        if self.code == "macro_enabled":
            return _macro_error(name)
        if self.code == "not_word":
            return _not_word(name)
        return _unreadable(name)


def _macro_error(name) -> ValidationError:
    return ValidationError(
        _(
            "%(name)s contains macros, which we do not accept. Save it as a Word Document "
            "(.docx) rather than a macro-enabled one (.docm) and send it again."
        ),
        code="macro_enabled",
        params={"name": name},
    )


def _is_structure(part: str) -> bool:
    lowered = part.lower()
    return lowered == packages.CONTENT_TYPES.lower() or lowered.endswith(".rels")


def _check_package(content: bytes, name) -> None:
    deadline = Deadline()
    with packages.open_zip(content) as archive:
        part_limit = casestudy_settings.WORD_MAX_PART_SIZE
        # The structure first (small parts): which part is the document, of what type.
        structure = packages.unpack(
            archive, part_limit=part_limit, only=_is_structure, keep=_is_structure
        )
        if not {packages.CONTENT_TYPES, packages.ROOT_RELS} <= set(structure.kept):
            # A zip, but not an Office package at all.
            raise _Refused("not_word")
        types = packages.content_types(structure.kept, structure.names)
        if packages.has_macros(structure, types):
            raise _Refused("macro_enabled")
        main = _main_part(structure, types)
        reachable = _reachable_parts(structure, types, main)
        # Then every part, once, in steps: the sizes counted, the XML scanned.
        elements = _ElementCount(casestudy_settings.WORD_MAX_XML_ELEMENTS, deadline)
        scans: dict[str, _Scan] = {}

        def feed(part: str):
            kind = types.of(part) or ""
            if _is_structure(part) or not (kind.endswith("xml") or part.endswith(".xml")):
                return None
            scan = scans[part] = _Scan(elements, is_main=part == main)
            return scan.feed

        unpacked = packages.unpack(
            archive,
            part_limit=part_limit,
            total_limit=casestudy_settings.WORD_MAX_UNPACKED_SIZE,
            feed=feed,
        )
        if unpacked.vba_parts:
            raise _Refused("macro_enabled")
        for scan in scans.values():
            scan.finish()
        missing = scans[main].references - {relationship.id for relationship in reachable[main]}
        if missing:
            logger.info("%r refers to relationships it does not have: %s", name, missing)
            raise _Refused("unreadable")


def _main_part(structure: packages.Unpacked, types: packages.ContentTypes) -> str:
    """The main document part, found as Word finds it: the package's officeDocument
    relationship, to a part of the WordprocessingML document type."""
    main = [
        relationship.target
        for relationship in packages.relationships(structure.kept, "")
        if relationship.type.endswith(packages.OFFICE_DOCUMENT) and not relationship.external
    ]
    if len(main) != 1:
        raise _Refused("not_word")
    if main[0] not in structure.names:
        raise _Refused("unreadable")
    if (types.of(main[0]) or "").lower() != WORD_CONTENT_TYPE:
        raise _Refused("not_word")
    return main[0]


def _reachable_parts(structure, types, main) -> dict[str, list[packages.Relationship]]:
    """Every part python-docx will load (it follows the relationships from the package's),
    with its relationships; each must exist and have a content type."""
    names = set(structure.names)
    found: dict[str, list[packages.Relationship]] = {}
    waiting = [""]
    while waiting:
        part = waiting.pop()
        relationships = packages.relationships(structure.kept, part)
        found[part] = relationships
        for relationship in relationships:
            if relationship.external or relationship.target in found:
                continue
            if relationship.target not in names or types.of(relationship.target) is None:
                logger.info("A relationship of %r points at %r", part, relationship.target)
                raise _Refused("unreadable")
            found[relationship.target] = []
            waiting.append(relationship.target)
    return found


# --- The streaming scan of an XML part ---------------------------------------------------------


class _ElementCount:
    """Elements across all the parts, checked against the limit and the time budget."""

    def __init__(self, limit: int, deadline: Deadline):
        self.limit, self.deadline, self.count = limit, deadline, 0

    def add(self) -> None:
        self.count += 1
        if self.count > self.limit:
            raise _Refused("too_complex", _("XML elements"), self.limit)
        if not self.count % 4096 and self.deadline.expired():
            raise _Refused("timeout")


@dataclass
class _Table:
    row: int = -1
    offset: int = 0
    starts: set[int] = field(default_factory=set)
    previous: set[int] = field(default_factory=set)
    cell_start: int = 0
    cell_span: int = 1


class _Scan:
    """A parser target: builds no tree and keeps nothing but counts, the table being read and
    the relationship ids the part refers to. Refuses a DTD (no Office part has one)."""

    def __init__(self, elements: _ElementCount, *, is_main: bool):
        self.elements = elements
        self.is_main = is_main
        self.depth = 0
        self.paragraphs = 0
        self.cells = 0
        self.tables: list[_Table] = []
        self.references: set[str] = set()
        self.parser = etree.XMLParser(
            target=self,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )

    def feed(self, chunk: bytes) -> None:
        try:
            self.parser.feed(chunk)
        except etree.XMLSyntaxError:
            raise _Refused("unreadable") from None

    def finish(self) -> None:
        try:
            self.parser.close()
        except etree.XMLSyntaxError:
            raise _Refused("unreadable") from None

    # The parser's target interface.

    def doctype(self, *args) -> None:
        raise _Refused("unreadable")

    def start(self, tag, attrib, nsmap=None) -> None:
        self.elements.add()
        self.depth += 1
        if self.depth > MAX_XML_DEPTH:
            raise _Refused("too_complex", _("levels of nesting"), MAX_XML_DEPTH)
        if tag in ON_OFF and attrib.get(VALUE, "true").lower() not in ON_OFF_VALUES:
            raise _Refused("unreadable")
        if not self.is_main:
            return
        for key, value in attrib.items():
            if key.startswith(R):
                self.references.add(value)
        if tag == W + "p":
            self.paragraphs += 1
            if self.paragraphs > casestudy_settings.WORD_MAX_PARAGRAPHS:
                limit = casestudy_settings.WORD_MAX_PARAGRAPHS
                raise _Refused("too_complex", _("paragraphs"), limit)
        elif tag == W + "tbl":
            self.tables.append(_Table())
            if len(self.tables) > casestudy_settings.WORD_MAX_NESTING:
                limit = casestudy_settings.WORD_MAX_NESTING
                raise _Refused("too_complex", _("tables inside tables"), limit)
        elif self.tables:
            self.table_start(tag, attrib, self.tables[-1])

    def table_start(self, tag, attrib, table: _Table) -> None:
        """Tables as python-docx reads their grid: a cell spans 1 to 63 columns, and one that
        continues a vertical merge has a cell above it where it starts."""
        if tag == W + "tr":
            table.row += 1
            table.previous, table.starts, table.offset = table.starts, set(), 0
        elif tag == W + "gridBefore":
            table.offset += _number(attrib, 0)
        elif tag == W + "tc":
            self.cells += 1
            if self.cells > casestudy_settings.WORD_MAX_TABLE_CELLS:
                limit = casestudy_settings.WORD_MAX_TABLE_CELLS
                raise _Refused("too_complex", _("table cells"), limit)
            table.cell_start, table.cell_span = table.offset, 1
            table.starts.add(table.offset)
        elif tag == W + "gridSpan":
            table.cell_span = _number(attrib, 1)
        elif tag == W + "vMerge":
            value = attrib.get(VALUE, "continue")
            if value not in ("continue", "restart"):
                raise _Refused("unreadable")
            if value == "continue" and table.cell_start not in table.previous:
                raise _Refused("unreadable")

    def end(self, tag) -> None:
        self.depth -= 1
        if not self.is_main or not self.tables:
            return
        table = self.tables[-1]
        if tag == W + "tbl":
            self.tables.pop()
        elif tag == W + "tc":
            table.offset += table.cell_span
            if table.offset > MAX_TABLE_COLUMNS:
                raise _Refused("too_complex", _("table columns"), MAX_TABLE_COLUMNS)

    def data(self, data) -> None:
        pass

    def comment(self, text) -> None:
        pass

    def pi(self, target, data=None) -> None:
        pass

    def close(self) -> None:
        pass


def _number(attrib, least: int) -> int:
    try:
        value = int(attrib.get(VALUE, ""))
    except ValueError:
        raise _Refused("unreadable") from None
    if not least <= value <= MAX_TABLE_COLUMNS:
        raise _Refused("unreadable")
    return value


# --- Opening -----------------------------------------------------------------------------------


def open_word_document(content: bytes):
    """The python-docx ``Document`` of a .docx that passed :func:`check_word_file`.

    python-docx parses every part with its own lxml parsers (``docx.oxml.parser.oxml_parser``
    and ``docx.opc.oxml.oxml_parser``), which expand no entity (``resolve_entities=False``),
    load no DTD and fetch nothing (lxml's defaults ``load_dtd=False``, ``no_network=True``) and
    keep libxml2's limits (``huge_tree=False``); the check has already refused any part with a
    DTD, past the limits or not well formed, so they only ever see what was counted.
    """
    return Document(io.BytesIO(content))


class Deadline:
    """A time budget (``WORD_READ_SECONDS`` by default): ``check()`` raises ValidationError
    ``too_complex`` once it is spent. A reader calls it for every paragraph and table cell, so a
    document that is slow to read for a reason no limit foresaw still ends in time."""

    def __init__(self, seconds: float | None = None):
        if seconds is None:
            seconds = casestudy_settings.WORD_READ_SECONDS
        self.seconds = seconds
        self.ends = time.monotonic() + seconds

    def expired(self) -> bool:
        return time.monotonic() > self.ends

    def check(self) -> None:
        if self.expired():
            raise self.error()

    @staticmethod
    def error() -> ValidationError:
        return ValidationError(
            _(
                "The document took too long to read. Split it into smaller documents, or "
                "send the case study through the form, and try again."
            ),
            code="too_complex",
        )


@contextlib.contextmanager
def reading_errors(name: str = ""):
    """Any error a reader trips over becomes a ValidationError saying the document cannot be
    read, logged for the developers."""
    try:
        yield
    except ValidationError:
        raise
    except Exception as error:
        logger.warning("Could not read the Word document %r", name, exc_info=True)
        raise ValidationError(
            _(
                "%(name)s could not be read as a Word document. Open it in Word, save it as a "
                ".docx and send it again."
            ),
            code="unreadable",
            params={"name": name or _("The document")},
        ) from error
