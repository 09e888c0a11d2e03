"""The content version: one number that changes whenever anything the package serves does.

Publishing, unpublishing, moving or deleting a page, a card change, and saving or deleting a
council, topic, support type, image, document, tag, site or view restriction each bump it
(``signal_handlers.py``), in the same transaction as the change. The API derives its ETags and
cache keys from it, so a change orphans every cached response at once.

It lives in one database row (``models.ContentVersion``), read once per request: every process
(web workers, ``publish_scheduled`` from cron, a ``manage.py shell``) sees a change on its next
request with Django's default per-process cache. A shared cache (Redis) only makes the
responses themselves shared. The row's lock also serialises writers that change cards, so the
per-site counts they add to stay exact (see ``cards/counts.py``).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar

from django.db import IntegrityError, transaction
from django.db.models import BigIntegerField, F, Value
from django.db.models.functions import Greatest

from .models import ContentVersion

ROW_ID = 1

# The version a request was answered under: read once, at its start.
_pinned: ContextVar[int | None] = ContextVar("casestudies_content_version", default=None)


def fresh_version() -> int:
    """A version to start from: the clock in microseconds, so a version never repeats after the
    row is lost (a flushed database) and an old ETag can never match new content."""
    return time.time_ns() // 1000


def read() -> int | None:
    """The version in the database now; None if the row is missing (nothing may be cached)."""
    return ContentVersion.objects.filter(pk=ROW_ID).values_list("version", flat=True).first()


def current() -> int | None:
    """The version pinned for this request (``pinned()``), or the database's."""
    version = _pinned.get()
    return version if version is not None else read()


@contextlib.contextmanager
def pinned() -> Iterator[int | None]:
    """Read the version once and answer everything inside the block under it."""
    if _pinned.get() is not None:  # nested: the outer block's version holds
        yield _pinned.get()
        return
    version = read()
    token = _pinned.set(version)
    try:
        yield version
    finally:
        _pinned.reset(token)


def bump() -> None:
    """Change the version, in the caller's transaction: other processes see the new number when
    it commits, together with the change. Writers queue on the row until then.

    The new version is the clock in microseconds (or one more than the last, if the clock is
    behind it), so the version also says when the content last changed: the API's
    ``Last-Modified`` (``api/cache.py``)."""
    bumped = Greatest(F("version") + 1, Value(fresh_version(), output_field=BigIntegerField()))
    if ContentVersion.objects.filter(pk=ROW_ID).update(version=bumped):
        return
    try:
        with transaction.atomic():
            ContentVersion.objects.create(pk=ROW_ID, version=fresh_version())
    except IntegrityError:  # another process created it meanwhile
        ContentVersion.objects.filter(pk=ROW_ID).update(version=bumped)
