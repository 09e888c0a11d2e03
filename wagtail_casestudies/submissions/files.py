"""Check attachments by what they contain, not by what they are called, and say what is stored.

A document must open as the type its name claims (PDF by its header; Office Open XML and
OpenDocument files by the parts inside their zip container, unpacked in steps under limits, with
no macros); an image must be decoded by Pillow as the format its name claims, within a pixel
limit read from its header before anything is decoded. Anything else, however it is named, is
refused.

What is stored (:func:`stored_copy`) carries no location: an image is re-encoded without its
metadata, and so is every picture inside an attached Office or OpenDocument file; an attachment
whose pictures cannot be cleaned is refused with the reason. The cleaning is done while checking,
so a refusal is a form error, never a failure while storing.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from ..conf import settings as casestudy_settings
from . import packages
from .packages import PackageError

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
# Pictures inside a package, found by their first bytes whatever their part is called, and
# re-encoded without metadata: the formats that carry EXIF, XMP or text (GIF and the vector
# formats carry no location).
_PICTURE_SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
# Every picture inside one package together: a package of many tiny pictures of huge size would
# otherwise cost minutes to clean.
PACKAGE_PICTURE_PIXELS_FACTOR = 4
# Cleaned copies larger than this wait on disk, not in memory.
_SPOOL_SIZE = 2 * 1024 * 1024


@dataclass(frozen=True)
class CheckedFile:
    """What a checked upload really is, and (``cleaned``) what is stored for it when that is
    not the upload itself."""

    file_type: FileType
    size: int
    width: int | None = None
    height: int | None = None
    cleaned: File | None = field(default=None, compare=False, repr=False)


def _structure(name: str) -> bool:
    lowered = name.lower()
    return lowered == packages.CONTENT_TYPES.lower() or lowered.endswith(".rels")


def _detect_zip_type(fileobj) -> str | None:
    """The type of a zip-based document; None for anything else, a zip bomb (any part over
    10 MiB at more than 100 times its packed size, or all parts over
    ``SUBMISSION_MAX_UNPACKED_SIZE``, counted while unpacking) or a package with macros."""
    try:
        with packages.open_zip(fileobj) as archive:
            unpacked = packages.unpack(
                archive,
                total_limit=casestudy_settings.SUBMISSION_MAX_UNPACKED_SIZE,
                bomb_ratio=True,
                keep=lambda name: _structure(name) or name == "mimetype",
            )
            names = unpacked.names
            types = None
            if packages.CONTENT_TYPES in unpacked.kept:
                types = packages.content_types(unpacked.kept, names)
            if packages.has_macros(unpacked, types):
                return None
            if "mimetype" in unpacked.kept:
                mimetype = unpacked.kept["mimetype"][:100].decode("ascii", "replace").strip()
                return _ODF_MIMETYPES.get(mimetype)
            if types is not None:
                for prefix, key in _OOXML_PARTS.items():
                    if any(name.startswith(prefix) for name in names):
                        return key
    except PackageError:
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
    cleaned = _clean_package(upload, name) if upload_is_zip(upload) else None
    return CheckedFile(file_type=file_type, size=upload.size, cleaned=cleaned)


def upload_is_zip(upload) -> bool:
    upload.seek(0)
    try:
        return upload.read(4) == b"PK\x03\x04"
    finally:
        upload.seek(0)


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
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            detected = _PILLOW_FORMATS.get(image.format or "")
            width, height = image.size
            # From the header: nothing is decoded before this.
            _check_pixels(name, width, height, getattr(image, "n_frames", 1))
            image.verify()
        # Cleaned now, so an image Pillow cannot decode after all is refused here, not while
        # storing.
        cleaned = without_personal_metadata(upload, name)
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise _too_many_pixels(name, None, None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, MemoryError):
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
    return CheckedFile(
        file_type=file_type, size=upload.size, width=width, height=height, cleaned=cleaned
    )


def max_image_pixels() -> int:
    """``SUBMISSION_MAX_IMAGE_PIXELS``, or Wagtail's own limit when the site set a lower one."""
    limit = casestudy_settings.SUBMISSION_MAX_IMAGE_PIXELS
    wagtail_limit = getattr(django_settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    return min(limit, wagtail_limit) if wagtail_limit else limit


def _too_many_pixels(name, width, height) -> ValidationError:
    limit = f"{max_image_pixels():,}"
    if width is None:
        return ValidationError(
            _("%(name)s has too many pixels; images may have at most %(limit)s."),
            code="image_too_many_pixels",
            params={"name": name, "limit": limit},
        )
    return ValidationError(
        _(
            "%(name)s is too large an image (%(width)d × %(height)d pixels); images may have at "
            "most %(limit)s pixels. Make it smaller and send it again."
        ),
        code="image_too_many_pixels",
        params={"name": name, "width": width, "height": height, "limit": limit},
    )


def _check_pixels(name, width: int, height: int, frames: int = 1) -> None:
    """Refuse an image whose header gives more pixels than the limit (an animation counts
    every frame), before anything decodes it."""
    if width * height * max(frames, 1) > max_image_pixels():
        raise _too_many_pixels(name, width, height)


# --- Personal metadata ------------------------------------------------------------------------

# Saving with these emptied writes no EXIF (GPS position, camera serial, owner), XMP or comment.
_NO_METADATA = {"exif": b"", "xmp": b"", "comment": b""}
_ORIENTATION = 0x0112


def without_personal_metadata(fileobj, name: str, *, transpose: bool = True) -> ContentFile:
    """The image re-encoded without its metadata, for storing: EXIF (GPS position, camera and
    owner), XMP and comments are dropped, so neither the original nor any rendition Wagtail
    makes from it can publish where a photo was taken. The pixels are first turned the way EXIF
    said to show them (``transpose=False``: not turned, the orientation alone kept, as for a
    picture inside a document that is laid out as it is); the colour profile is kept. Every
    stored image goes through here (the intake's attachments, images taken out of Word
    documents and pictures inside attached documents alike).

    ``fileobj`` must be an image ``check_image`` accepted (its pixels are within the limit).
    """
    fileobj.seek(0)
    with Image.open(fileobj) as image:
        image_format = image.format
        options = dict(_NO_METADATA)
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        orientation = image.getexif().get(_ORIENTATION, 1)
        if getattr(image, "n_frames", 1) > 1:
            if image_format == "TIFF":
                raise ValueError("A multi-page TIFF keeps its metadata in every page.")
            # Animated GIF or WebP: keep every frame and its timing.
            options["save_all"] = True
            for key in ("duration", "loop", "disposal", "background"):
                if key in image.info:
                    options[key] = image.info[key]
            output = image
        elif transpose and orientation != 1:
            output = ImageOps.exif_transpose(image)
        elif image_format == "TIFF":
            # A TIFF saves the tags it was opened with (XMP, IPTC) unless copied away from them.
            output = image.copy()
            options["compression"] = "tiff_lzw"
        else:
            output = image
        if not transpose and orientation != 1:
            exif = Image.Exif()
            exif[_ORIENTATION] = orientation
            options["exif"] = exif.tobytes()
        if image_format == "JPEG":
            options["quality"] = 95
        elif image_format == "WEBP":
            options["lossless"] = bool(image.info.get("lossless"))
            options.setdefault("quality", 95)
        buffer = io.BytesIO()
        output.save(buffer, format=image_format, **options)
    fileobj.seek(0)
    return ContentFile(buffer.getvalue(), name=name)


def stored_copy(kind: str, upload, checked: CheckedFile | None = None):
    """What is stored for an attachment: an image without its metadata, an Office or
    OpenDocument file with every picture inside it without its metadata, anything else as sent.
    ``checked`` (from ``check_image`` or ``check_document``) carries the copy already cleaned."""
    if checked is not None and checked.cleaned is not None:
        checked.cleaned.seek(0)
        return checked.cleaned
    if kind == IMAGE:
        return without_personal_metadata(upload, upload.name)
    if upload_is_zip(upload):
        return _clean_package(upload, upload.name)
    return upload


def _picture_format(head: bytes) -> str | None:
    for signature, image_format in _PICTURE_SIGNATURES:
        if head.startswith(signature):
            return image_format
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    return None


def _cannot_clean(name, part: str) -> ValidationError:
    return ValidationError(
        _(
            "A picture inside %(name)s (%(part)s) could not be checked for location data, so "
            "the file was not accepted. Replace or remove that picture, or save the file as a "
            "PDF, and send it again."
        ),
        code="picture_not_cleaned",
        params={"name": name, "part": part},
    )


def _clean_package(upload, name: str) -> File:
    """The package rewritten with every picture inside (JPEG, PNG, WebP or TIFF, found by its
    content) re-encoded without metadata; every other part is unpacked and written back with
    the same bytes, name, order and compression. Raises ValidationError when a picture cannot
    be cleaned, or the pictures together have too many pixels."""
    upload.seek(0)
    # Handed to the caller, which stores it: closed here only on failure.
    output = tempfile.SpooledTemporaryFile(max_size=_SPOOL_SIZE)  # noqa: SIM115
    budget = max_image_pixels() * PACKAGE_PICTURE_PIXELS_FACTOR
    try:
        with packages.open_zip(upload) as source, zipfile.ZipFile(output, "w") as target:
            for info in source.infolist():
                copy = zipfile.ZipInfo(info.filename, info.date_time)
                copy.compress_type = info.compress_type
                copy.external_attr = info.external_attr
                copy.comment = info.comment
                with source.open(info) as part:
                    head = part.read(16)
                    image_format = _picture_format(head)
                    if image_format is None:
                        with target.open(copy, "w") as written:
                            written.write(head)
                            while chunk := part.read(packages.CHUNK):
                                written.write(chunk)
                        continue
                    picture = io.BytesIO(head + part.read())
                budget -= _picture_pixels(picture, name, info.filename, image_format)
                if budget < 0:
                    raise ValidationError(
                        _(
                            "The pictures inside %(name)s have too many pixels together to be "
                            "checked for location data. Make them smaller (in Word: Picture "
                            "Format, Compress Pictures) and send it again."
                        ),
                        code="picture_not_cleaned",
                        params={"name": name},
                    )
                try:
                    cleaned = without_personal_metadata(picture, info.filename, transpose=False)
                except (OSError, SyntaxError, ValueError, EOFError, MemoryError):
                    raise _cannot_clean(name, info.filename) from None
                target.writestr(copy, cleaned.read())
    except (PackageError, zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        output.close()
        raise ValidationError(
            _("%(name)s could not be read. Save it again and send it again."),
            code="file_type",
            params={"name": name},
        ) from None
    except BaseException:
        output.close()
        raise
    finally:
        upload.seek(0)
    size = output.tell()
    output.seek(0)
    stored = File(output, name=name)
    stored.size = size
    return stored


def _picture_pixels(picture, name, part: str, image_format: str) -> int:
    """The picture's pixels from its header, refused past the limit or when it is no image."""
    try:
        with Image.open(picture) as image:
            if image.format != image_format:
                raise _cannot_clean(name, part)
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _cannot_clean(name, part) from None
    except Image.DecompressionBombError:
        raise _too_many_pixels(f"{name} ({part})", None, None) from None
    _check_pixels(f"{name} ({part})", width, height, frames)
    picture.seek(0)
    return width * height * max(frames, 1)
