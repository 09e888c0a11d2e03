"""The one rule for whether a council exists on a day, and the one clock it is decided by.

Below the models and the representations, which both use it: ``Council.is_active`` and its
querysets, the register's records, the cards served from the card table and the API's cache
keys (a new day is a new version of whatever shows ``is_active``).
"""

from __future__ import annotations

import datetime

from django.utils import timezone


def today() -> datetime.date:
    """The date in the site's time zone (``TIME_ZONE``), not the server clock's."""
    return timezone.localdate()


def active_on(
    valid_from: datetime.date | None, valid_to: datetime.date | None, day: datetime.date
) -> bool:
    """A council exists from ``valid_from`` to ``valid_to``, both days included, either
    open-ended. ``CouncilQuerySet.active`` is the same rule in SQL."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or valid_to >= day)
