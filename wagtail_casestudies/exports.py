"""Spreadsheet exports that cannot run a formula in an editor's spreadsheet.

Every CSV the package writes goes through Wagtail's ``SpreadsheetExportMixin`` (the snippet
listings and the submissions inbox); ``SafeSpreadsheetExportMixin`` neutralises formulas there,
once, for all of them. A public submitter's title or a council name starting with ``=`` would
otherwise run as a formula when an editor opens the CSV (CSV injection). XLSX cells are already
kept as strings by Wagtail.
"""

from __future__ import annotations

from typing import Any

# The OWASP rule: a cell starting with one of these is read as a formula by spreadsheet software.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """Text that a spreadsheet would read as a formula, prefixed with ``'`` so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin``: CSV cells never hold a formula."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_formula(value)
        return value
