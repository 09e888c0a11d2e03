"""Zip-based packages (Office Open XML, OpenDocument) read without trusting them.

A zip's headers say how large each part unpacks to, and a zip bomb lies. Everything here
decompresses in 64 KiB steps and counts what really comes out, stopping at a limit, so neither
a lying header nor a part of zeros that unpacks a thousand times can use more than one step of
memory. The checks of a Word document (``importing.word_file``) and of an attachment
(``files``) both go through :func:`unpack`; macros are found by the package's content types,
relationship types and the VBA projects inside its parts, whatever they are called.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree

CHUNK = 64 * 1024
# More parts than any real document has (a long report with a hundred pictures has ~150); a zip's
# directory of tiny parts would otherwise cost time before a byte is unpacked.
MAX_PARTS = 2000
# The structural parts ([Content_Types].xml, *.rels) are small in any real document.
MAX_STRUCTURE_SIZE = 2 * 1024 * 1024

CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
OFFICE_DOCUMENT = "/relationships/officeDocument"
# A VBA project: by content type (the part itself, or a macro-enabled main part) ...
MACRO_CONTENT_TYPES = ("application/vnd.ms-office.vbaproject", "macroenabled")
# ... by the relationship that points at it ...
MACRO_RELATIONSHIPS = ("/vbaproject", "/vbaprojectsignature", "/wordvbadata")
# ... or by its content: an OLE compound file holding a VBA project's directory.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
VBA_MARKERS = ("_VBA_PROJECT".encode("utf-16-le"), "VBA".encode("utf-16-le") + b"\0\0")
# The old rule, per part: over 10 MiB unpacked at more than 100 times its packed size.
BOMB_SIZE = 10 * 1024 * 1024
BOMB_RATIO = 100

# Parses the small structural parts: no DTD, no entities, no network, no huge trees.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
)


class PackageError(Exception):
    """The package cannot be read: damaged, or past a limit. ``kind`` says which."""

    def __init__(self, kind: str, detail: str = "", **params):
        super().__init__(detail or kind)
        self.kind = kind  # "damaged", "too_large", "too_many_parts", "bomb"
        self.detail = detail
        self.params = params


@dataclass
class Unpacked:
    """What one pass over a package found."""

    names: list[str]
    kept: dict[str, bytes] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    total: int = 0
    vba_parts: list[str] = field(default_factory=list)


def open_zip(content) -> zipfile.ZipFile:
    """The zip, or PackageError("damaged") when its directory cannot be read."""
    fileobj = io.BytesIO(content) if isinstance(content, bytes | bytearray) else content
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise PackageError("damaged", str(error)) from None
    if len(archive.infolist()) > MAX_PARTS:
        archive.close()
        raise PackageError("too_many_parts", limit=MAX_PARTS)
    return archive


def unpack(
    archive: zipfile.ZipFile,
    *,
    part_limit: int | None = None,
    total_limit: int | None = None,
    bomb_ratio: bool = False,
    only: Callable[[str], bool] | None = None,
    keep: Callable[[str], bool] = lambda name: False,
    feed: Callable[[str], Callable[[bytes], None] | None] = lambda name: None,
) -> Unpacked:
    """Decompress every part once, in steps, counting what comes out (the sizes in the headers
    are not trusted) and checking each part's CRC-32 as it ends.

    ``only(name)``: unpack only the parts it accepts. ``keep(name)``: keep the part's bytes
    (the small structural parts). ``feed(name)``: a function given each step of the part (a
    streaming XML scan). ``bomb_ratio``: also refuse a part over 10 MiB that unpacks to more
    than 100 times its packed size. Raises PackageError; whatever ``feed``'s functions raise
    passes through.
    """
    result = Unpacked(names=[info.filename for info in archive.infolist()])
    for info in archive.infolist():
        if only is not None and not only(info.filename):
            continue
        kept = [] if keep(info.filename) else None
        sink = feed(info.filename)
        vba = _VbaSniffer()
        size = 0
        try:
            with archive.open(info) as part:
                while chunk := part.read(CHUNK):
                    size += len(chunk)
                    result.total += len(chunk)
                    if part_limit is not None and size > part_limit:
                        raise PackageError("too_large", part=info.filename, limit=part_limit)
                    if total_limit is not None and result.total > total_limit:
                        raise PackageError("too_large", part="", limit=total_limit)
                    if (
                        bomb_ratio
                        and size > BOMB_SIZE
                        and size > BOMB_RATIO * max(info.compress_size, 1)
                    ):
                        raise PackageError("bomb", part=info.filename)
                    if kept is not None:
                        if size > MAX_STRUCTURE_SIZE:
                            raise PackageError(
                                "too_large", part=info.filename, limit=MAX_STRUCTURE_SIZE
                            )
                        kept.append(chunk)
                    vba.feed(chunk)
                    if sink is not None:
                        sink(chunk)
        except PackageError:
            raise
        except (
            zipfile.BadZipFile,
            NotImplementedError,  # a compression method zipfile does not know
            RuntimeError,  # a part encrypted with a zip password
            OSError,
            EOFError,
            ValueError,
            LookupError,
        ) as error:
            raise PackageError("damaged", f"{info.filename}: {error}") from None
        # zlib, bz2 and lzma raise their own errors on a corrupt stream.
        except Exception as error:
            if type(error).__module__ in ("zlib", "_bz2", "_lzma", "lzma", "bz2"):
                raise PackageError("damaged", f"{info.filename}: {error}") from None
            raise
        result.sizes[info.filename] = size
        if kept is not None:
            result.kept[info.filename] = b"".join(kept)
        if vba.found:
            result.vba_parts.append(info.filename)
    return result


class _VbaSniffer:
    """Whether a part is an OLE compound file holding a VBA project, seen one step at a time."""

    def __init__(self):
        self.head = b""
        self.tail = b""
        self.is_ole: bool | None = None
        self.found = False

    def feed(self, chunk: bytes) -> None:
        if self.found or self.is_ole is False:
            return
        if self.is_ole is None:
            self.head += chunk[:8]
            if len(self.head) < 8:
                return
            self.is_ole = self.head[:8] == OLE_SIGNATURE
            if not self.is_ole:
                return
        window = self.tail + chunk
        if any(marker in window for marker in VBA_MARKERS):
            self.found = True
        self.tail = window[-32:]


# --- Office Open XML structure --------------------------------------------------------------------


def parse_structure(content: bytes):
    """A structural part parsed safely (no DTD or entities), or PackageError("damaged")."""
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise PackageError("damaged", "a document type declaration in a package part")
    try:
        return etree.fromstring(content, SAFE_PARSER)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise PackageError("damaged", str(error)) from None


@dataclass
class ContentTypes:
    defaults: dict[str, str]  # extension (lower case) to content type
    overrides: dict[str, str]  # part name (lower case, no leading slash) to content type

    def of(self, part: str) -> str | None:
        part = part.lstrip("/").lower()
        if part in self.overrides:
            return self.overrides[part]
        extension = posixpath.splitext(part)[1].lstrip(".")
        return self.defaults.get(extension)

    def all(self) -> Iterable[str]:
        yield from self.defaults.values()
        yield from self.overrides.values()


def content_types(kept: dict[str, bytes], names: Iterable[str]) -> ContentTypes:
    name = next((n for n in names if n.lower() == CONTENT_TYPES.lower()), None)
    if name is None or name not in kept:
        raise PackageError("damaged", "no [Content_Types].xml")
    root = parse_structure(kept[name])
    defaults, overrides = {}, {}
    for element in root:
        if not isinstance(element.tag, str):
            continue
        tag = etree.QName(element).localname
        kind = (element.get("ContentType") or "").strip()
        if tag == "Default" and element.get("Extension"):
            defaults[element.get("Extension").lower()] = kind
        elif tag == "Override" and element.get("PartName"):
            overrides[element.get("PartName").lstrip("/").lower()] = kind
    return ContentTypes(defaults, overrides)


@dataclass(frozen=True)
class Relationship:
    id: str
    type: str
    target: str  # a part name (no leading slash) when internal, else the URL
    external: bool


def rels_name(part: str) -> str:
    """The relationships part of ``part`` ("" for the package itself)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def relationships(kept: dict[str, bytes], part: str) -> list[Relationship]:
    """The relationships of ``part`` ("" for the package), targets resolved to part names."""
    name = rels_name(part)
    if name not in kept:
        return []
    root = parse_structure(kept[name])
    base = posixpath.dirname(part)
    found = []
    for element in root:
        if not isinstance(element.tag, str):
            continue
        target = element.get("Target") or ""
        external = (element.get("TargetMode") or "").lower() == "external"
        if not external:
            target = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            ).lstrip("/")
        found.append(
            Relationship(element.get("Id") or "", element.get("Type") or "", target, external)
        )
    return found


def has_macros(unpacked: Unpacked, types: ContentTypes | None) -> bool:
    """A VBA project by name, by content type, by relationship type or by its content."""
    if unpacked.vba_parts:
        return True
    if any(name.lower().rsplit("/", 1)[-1] == "vbaproject.bin" for name in unpacked.names):
        return True
    if types is not None and any(
        marker in kind.lower() for kind in types.all() for marker in MACRO_CONTENT_TYPES
    ):
        return True
    for name, content in unpacked.kept.items():
        if name.endswith(".rels"):
            for element in parse_structure(content):
                kind = (element.get("Type") or "").lower() if isinstance(element.tag, str) else ""
                if kind.endswith(MACRO_RELATIONSHIPS):
                    return True
    return False
