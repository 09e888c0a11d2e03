"""Pictures taken out of a document lose their location before they are stored.

A photo taken on a phone carries where it was taken (EXIF GPS). The intake's attachment storage
does not strip it (yet), so pictures from a Word document are cleaned here, before they become
attachments or Wagtail images.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

GPS_IFD = 0x8825  # ExifTags.IFD.GPSInfo


def strip_location(content: bytes) -> bytes:
    """``content`` without GPS metadata; unchanged when it has none or is not an image Pillow
    reads (the attachment check refuses those later)."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            exif = image.getexif()
            if GPS_IFD not in exif:
                return content
            del exif[GPS_IFD]
            buffer = io.BytesIO()
            options = {"exif": exif.tobytes()}
            if image.format == "JPEG":
                options["quality"] = "keep"
            image.save(buffer, format=image.format, **options)
            return buffer.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return content
