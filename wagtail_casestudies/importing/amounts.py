"""Amounts of money as councils type them: "£12,500", "£1.2m", "12k", "£3 million", "GBP 4,000".

The one parser for the template's number fields (the impact's cost saving and income generated),
whichever way a document reached us, so the intake and the import read the same value. Anything
that is not an amount ("about half", "see the report") is not guessed at: the reader keeps it as
text for the editor.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MULTIPLIERS = {
    "": 1,
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mil": 1_000_000,
    "million": 1_000_000,
    "miliwn": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "billion": 1_000_000_000,
    "biliwn": 1_000_000_000,
}
# Bounded and anchored, so a long cell costs no more than reading it.
_AMOUNT = re.compile(
    r"^(?:£|gbp|gbp£)?\s{0,3}"
    r"(?P<number>\d{1,3}(?:,\d{3}){1,6}|\d{1,15})(?:\.(?P<fraction>\d{1,6}))?"
    r"\s{0,3}(?P<multiplier>[a-z]{0,8})"
    r"\s{0,3}(?:pounds|punt)?\.?$",
    re.IGNORECASE,
)
MAX_LENGTH = 60


def parse_amount(text: str | None, *, decimal_places: int | None = 2) -> Decimal | None:
    """The amount ``text`` states, in pounds, or None when it is not one amount."""
    text = " ".join(str(text or "").split())
    if not text or len(text) > MAX_LENGTH:
        return None
    found = _AMOUNT.match(text)
    if found is None:
        return None
    multiplier = MULTIPLIERS.get(found["multiplier"].lower())
    if multiplier is None:
        return None
    try:
        value = Decimal(found["number"].replace(",", "") + "." + (found["fraction"] or "0"))
    except InvalidOperation:
        return None
    value *= multiplier
    if decimal_places is not None:
        value = value.quantize(Decimal(1).scaleb(-decimal_places))
    return Decimal(int(value)) if value == value.to_integral_value() else value
