"""Check attachments by what they contain, not by what they are called.

A document must open as the type its name claims (PDF by its header; Office Open XML and
OpenDocument files by the parts inside their zip container); an image must be decoded by Pillow as
the format its name claims. Anything else, however it is named, is refused.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from ..conf import settings as casestudy_settings

DOCUMENT = "document"
IMAGE = "image"


@dataclass(frozen=True)
class FileType:
    key: str
    kind: str
    content_type: str
    extensions: tuple[str, ...]


FILE_TYPES: dict[str, FileType] = {
    t.key: t
    for t in (
        FileType("pdf", DOCUMENT, "application/pdf", (".pdf",)),
        FileType(
            "docx",
            DOCUMENT,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (".docx",),
        ),
        FileType(
            "xlsx",
            DOCUMENT,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (".xlsx",),
        ),
        FileType(
            "pptx",
            DOCUMENT,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            (".pptx",),
        ),
        FileType("odt", DOCUMENT, "application/vnd.oasis.opendocument.text", (".odt",)),
        FileType("ods", DOCUMENT, "application/vnd.oasis.opendocument.spreadsheet", (".ods",)),
        FileType("odp", DOCUMENT, "application/vnd.oasis.opendocument.presentation", (".odp",)),
        FileType("jpeg", IMAGE, "image/jpeg", (".jpg", ".jpeg")),
        FileType("png", IMAGE, "image/png", (".png",)),
        FileType("gif", IMAGE, "image/gif", (".gif",)),
        FileType("webp", IMAGE, "image/webp", (".webp",)),
    )
}

# The folder inside an Office Open XML package that says which application wrote it.
_OOXML_PARTS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
_ODF_MIMETYPES = {FILE_TYPES[k].content_type: k for k in ("odt", "ods", "odp")}
_PILLOW_FORMATS = {"JPEG": "jpeg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# A zip that would unpack to over 10 MiB at more than 100 times its size is a zip bomb, whatever
# its parts are called (real Office files compress a few times, rarely twenty).
ZIP_BOMB_SIZE = 10 * 1024 * 1024
ZIP_BOMB_RATIO = 100
# Macros: a .docx, .xlsx or .pptx cannot hold them (Office refuses such a file by that name).
_MACRO_PARTS = ("vbaproject.bin",)


@dataclass(frozen=True)
class CheckedFile:
    """What a checked upload really is."""

    file_type: FileType
    size: int
    width: int | None = None
    height: int | None = None


def _detect_zip_type(fileobj) -> str | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
            names = [info.filename for info in infos]
            unpacked = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
            if unpacked > ZIP_BOMB_SIZE and unpacked / packed > ZIP_BOMB_RATIO:
                return None
            if any(name.lower().rsplit("/", 1)[-1] in _MACRO_PARTS for name in names):
                return None
            if "mimetype" in names:
                with archive.open("mimetype") as part:
                    mimetype = part.read(100).decode("ascii", "replace").strip()
                return _ODF_MIMETYPES.get(mimetype)
            if "[Content_Types].xml" in names:
                for prefix, key in _OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return key
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    return None


def detect_document_type(fileobj) -> str | None:
    """The document type key ('pdf', 'docx', …) the content shows, or None."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"PK\x03\x04"):
            return _detect_zip_type(fileobj)
        return None
    finally:
        fileobj.seek(0)


def _extension(name: str) -> str:
    return PurePath(name or "").suffix.lower()


def _names(keys) -> str:
    return ", ".join(ext for key in keys for ext in FILE_TYPES[key].extensions)


def check_document(upload) -> CheckedFile:
    """Raise ValidationError unless ``upload`` is an accepted document, named for what it is."""
    name = upload.name or ""
    limit = casestudy_settings.SUBMISSION_MAX_DOCUMENT_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("%(name)s is %(size)s; documents may be at most %(limit)s."),
            code="file_too_large",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )
    allowed = [k for k in casestudy_settings.SUBMISSION_DOCUMENT_TYPES if k in FILE_TYPES]
    detected = detect_document_type(upload)
    if detected is None or detected not in allowed:
        raise ValidationError(
            _("%(name)s is not a document we accept. Send %(types)s files."),
            code="file_type",
            params={"name": name, "types": _names(allowed)},
        )
    file_type = FILE_TYPES[detected]
    if _extension(name) not in file_type.extensions:
        raise ValidationError(
            _(
                "%(name)s is a %(real)s file but its name says otherwise; rename it to end in "
                "%(ext)s."
            ),
            code="file_type_mismatch",
            params={"name": name, "real": detected.upper(), "ext": file_type.extensions[0]},
        )
    return CheckedFile(file_type=file_type, size=upload.size)


def check_image(upload) -> CheckedFile:
    """Raise ValidationError unless Pillow decodes ``upload`` as an accepted format that its name
    agrees with."""
    name = upload.name or ""
    limit = casestudy_settings.SUBMISSION_MAX_IMAGE_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("%(name)s is %(size)s; images may be at most %(limit)s."),
            code="file_too_large",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )
    allowed = [k for k in casestudy_settings.SUBMISSION_IMAGE_TYPES if k in FILE_TYPES]
    not_an_image = ValidationError(
        _("%(name)s is not an image we accept. Send %(types)s files."),
        code="file_type",
        params={"name": name, "types": _names(allowed)},
    )
    max_pixels = getattr(django_settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            detected = _PILLOW_FORMATS.get(image.format or "")
            width, height = image.size
            if width * height > max_pixels:
                raise ValidationError(
                    _("%(name)s is too large an image (%(width)d × %(height)d pixels)."),
                    code="image_too_many_pixels",
                    params={"name": name, "width": width, "height": height},
                )
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_an_image from None
    finally:
        upload.seek(0)
    if detected is None or detected not in allowed:
        raise not_an_image
    file_type = FILE_TYPES[detected]
    if _extension(name) not in file_type.extensions:
        raise ValidationError(
            _(
                "%(name)s is a %(real)s image but its name says otherwise; rename it to end in "
                "%(ext)s."
            ),
            code="file_type_mismatch",
            params={"name": name, "real": detected.upper(), "ext": file_type.extensions[0]},
        )
    return CheckedFile(file_type=file_type, size=upload.size, width=width, height=height)


# --- Personal metadata ------------------------------------------------------------------------

# Saving with these emptied writes no EXIF (GPS position, camera serial, owner), XMP or comment.
_NO_METADATA = {"exif": b"", "xmp": b"", "comment": b""}


def without_personal_metadata(fileobj, name: str) -> ContentFile:
    """The image re-encoded without its metadata, for storing: EXIF (GPS position, camera and
    owner), XMP and comments are dropped, so neither the original nor any rendition Wagtail
    makes from it can publish where a photo was taken. The pixels are first turned the way EXIF
    said to show them; the colour profile is kept. Every stored image goes through here (the
    intake's attachments and images taken out of Word documents alike).

    ``fileobj`` must be an image ``check_image`` accepted.
    """
    fileobj.seek(0)
    with Image.open(fileobj) as image:
        image_format = image.format
        options = dict(_NO_METADATA)
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        if getattr(image, "n_frames", 1) > 1:
            # Animated GIF or WebP: keep every frame and its timing.
            options["save_all"] = True
            for key in ("duration", "loop", "disposal", "background"):
                if key in image.info:
                    options[key] = image.info[key]
            output = image
        else:
            output = ImageOps.exif_transpose(image)
        if image_format == "JPEG":
            options["quality"] = 95
        elif image_format == "WEBP":
            options["lossless"] = bool(image.info.get("lossless"))
            options.setdefault("quality", 95)
        buffer = io.BytesIO()
        output.save(buffer, format=image_format, **options)
    fileobj.seek(0)
    return ContentFile(buffer.getvalue(), name=name)
