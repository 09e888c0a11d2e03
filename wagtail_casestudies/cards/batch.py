"""One card refresh per case study per save.

Saving a case study saves its row, then each council link and its topics, and each sends a
signal that asks for its card to be refreshed: without batching, publishing a case study with
three councils built its card five times. ``CaseStudyPage.save`` runs inside
``one_refresh_per_page()``, which collects the requests and refreshes each card once when the
save ends, in the save's transaction: if either fails, both are rolled back.

This module imports no models, so that the models can use it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator

from django.db import transaction

_local = threading.local()


@contextlib.contextmanager
def one_refresh_per_page() -> Iterator[None]:
    if getattr(_local, "pending", None) is not None:  # nested: the outermost block refreshes
        yield
        return
    with transaction.atomic():
        _local.pending = pending = set()
        try:
            yield
        finally:
            _local.pending = None
        # The refresh needs the models, which import this module.
        from .sync import refresh_cards

        refresh_cards(pending)


def defer(ids: Iterable[int]) -> bool:
    """Inside ``one_refresh_per_page()``: note the ids for its end, and say so."""
    pending = getattr(_local, "pending", None)
    if pending is None:
        return False
    pending.update(ids)
    return True
