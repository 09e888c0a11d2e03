"""Shared by the reliability tests: how many examples to try, the figures they record, and a
WSGI app the fuzzers call in-process.

``RELIABILITY_EXAMPLES`` scales every fuzzer (default 1: CI-sized; e.g. 10 for a long run by
hand). The figures (requests sent per endpoint, inputs tried, 5xx seen) are printed at the end of
the run and, with ``RELIABILITY_REPORT=path.json``, written to a file.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os

import pytest
from django.core.cache import cache

SCALE = max(1, int(os.environ.get("RELIABILITY_EXAMPLES", "1") or 1))

# RELIABILITY_FUZZ=0 skips the generated-input loops (marked ``@fuzzer``) and keeps every fixed
# case, including the requests the fuzzers once found failing. scripts/test sets it for the one
# run whose fuzzing the others repeat: Wagtail 7 on SQLite (the same examples run there on
# PostgreSQL, and the SQLite backend is fuzzed on Wagtail 8, v2 and v3).
FUZZ = os.environ.get("RELIABILITY_FUZZ", "1") != "0"
fuzzer = pytest.mark.skipif(
    not FUZZ, reason="RELIABILITY_FUZZ=0: fuzzed in the other runs of scripts/test"
)


def examples(base: int) -> int:
    """Hypothesis ``max_examples`` for a fuzzer whose CI-sized run tries ``base`` examples."""
    return base * SCALE


class Figures:
    """Counts the reliability tests report: {(section, name): count}."""

    def __init__(self):
        self.counts: dict[tuple[str, str], int] = collections.Counter()

    def add(self, section: str, name: str, count: int = 1) -> None:
        self.counts[(section, name)] += count

    def as_dict(self) -> dict[str, dict[str, int]]:
        result: dict[str, dict[str, int]] = {}
        for (section, name), count in sorted(self.counts.items()):
            result.setdefault(section, {})[name] = count
        return result


FIGURES = Figures()


@pytest.fixture
def figures() -> Figures:
    return FIGURES


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    data = FIGURES.as_dict()
    if not data:
        return
    server_errors = sum(sum(counts.values()) for name, counts in data.items() if "5xx" in name)
    terminalreporter.section("reliability figures")
    terminalreporter.write_line(f"5xx seen: {server_errors}")
    for section, counts in data.items():
        terminalreporter.write_line(f"{section}:")
        for name, count in counts.items():
            terminalreporter.write_line(f"    {name}: {count}")
    path = os.environ.get("RELIABILITY_REPORT")
    if path:
        with open(path, "w") as handle:
            json.dump(
                {"scale": SCALE, "5xx seen": server_errors, **data},
                handle,
                indent=2,
                sort_keys=True,
            )


@contextlib.contextmanager
def in_process_wsgi():
    """Django's WSGI handler, called in this thread on the test's own database connection.

    Django closes "old" connections at the start and end of every request; inside a test's
    transaction that would close it under the test. Django's test client avoids this by
    disconnecting the handler, and so does this.
    """
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
