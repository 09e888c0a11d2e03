"""Whether some bytes are a Word document we can read, and opening one safely.

Everything that reads Word documents (the intake's endpoint and form page, the admin's "Import
from Word", ``casestudies_import``) comes through here first: :func:`check_word_file` refuses
what is not a Word document, is encrypted, holds macros, is too large or is malformed, with an
error that says which; :func:`open_word_document` opens one that passed; :func:`reading_errors`
turns whatever a reader still trips over into the same kind of error, so a document is never a
500.
"""

from __future__ import annotations

import contextlib
import io
import logging
import time
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from docx import Document

from ..conf import settings as casestudy_settings
from ..submissions.files import detect_document_type

logger = logging.getLogger(__name__)

# An encrypted .docx (and a Word 97-2003 .doc) is an OLE compound file, not a zip.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
MACRO_CONTENT_TYPE = "application/vnd.ms-word.document.macroEnabled"


# --- Refusing what is not a Word document we can read --------------------------------------------


def check_word_file(content: bytes, name: str = "") -> None:
    """Raise ValidationError (code ``too_large``, ``encrypted``, ``old_word_format``,
    ``macro_enabled`` or ``not_word``) unless ``content`` is a .docx we may read."""
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
    if _has_macros(content):
        raise ValidationError(
            _(
                "%(name)s contains macros, which we do not accept. Save it as a Word Document "
                "(.docx) rather than a macro-enabled one (.docm) and send it again."
            ),
            code="macro_enabled",
            params={"name": name},
        )
    if detect_document_type(io.BytesIO(content)) != "docx":
        raise ValidationError(
            _("%(name)s is not a Word document. Send the filled-in template as a .docx file."),
            code="not_word",
            params={"name": name},
        )


def _has_macros(content: bytes) -> bool:
    if not content.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = [n.lower() for n in archive.namelist()]
            if any(n.rsplit("/", 1)[-1] == "vbaproject.bin" for n in names):
                return True
            if "[content_types].xml" in names:
                real = next(n for n in archive.namelist() if n.lower() == "[content_types].xml")
                with archive.open(real) as part:
                    return MACRO_CONTENT_TYPE.encode() in part.read(1024 * 1024)
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return False


# --- Opening -----------------------------------------------------------------------------------


def open_word_document(content: bytes):
    """The python-docx ``Document`` of a .docx that passed :func:`check_word_file`."""
    return Document(io.BytesIO(content))


class Deadline:
    """A reader's time budget: ``check()`` raises once it is spent."""

    def __init__(self, seconds: float | None = None):
        self.ends = time.monotonic() + (seconds if seconds is not None else 10.0)

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise ValidationError(
                _("The document took too long to read. Simplify it and send it again."),
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
