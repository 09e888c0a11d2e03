"""Resolve a council name a submitter typed to a council in the register.

The register's own matcher, ``wagtail_casestudies.councils.match_council(text) -> Council | None``,
knows about short names, "Council"/"Borough" suffixes and abolished councils; this adapter uses it
when it is there and otherwise falls back to an exact, case-insensitive match on the name, the
short name or the GSS code, so the intake works before the register is loaded.
"""

from __future__ import annotations

from django.db.models import Q

from ..models import Council


def _exact_match(text: str) -> Council | None:
    text = " ".join(text.split())
    if not text:
        return None
    matches = list(
        Council.objects.filter(
            Q(name__iexact=text) | Q(short_name__iexact=text) | Q(gss_code__iexact=text)
        )[:2]
    )
    # An ambiguous name resolves to nothing: the editor chooses.
    return matches[0] if len(matches) == 1 else None


def match_council(text: str) -> Council | None:
    """The register's council for ``text``, or None when there is no single clear match."""
    try:
        from ..councils import match_council as register_match_council
    except ImportError:  # The council register module is not there (yet).
        return _exact_match(text)
    return register_match_council(text)
