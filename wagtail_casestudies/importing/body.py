"""The page-body blocks for what a reader found beyond the template's section texts: key points,
local context, tables under their section, and what could not be placed.

``submissions.services.build_body`` calls these for a submission that came from a document, and
the library import for each case study, so both put the same things in the same places.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.rich_text import RichText

from .document import UNPLACED

UNPLACED_HEADING = gettext_lazy("Not placed by the import: move or delete before publishing")


def leading_blocks(imported: dict) -> list[tuple[str, dict]]:
    """Key points and local context, which open a case study."""
    blocks = []
    if imported.get("key_points"):
        points = [point for point in imported["key_points"] if point][:50]
        blocks.append(("key_points", {"heading": _("Key points"), "points": points}))
    if imported.get("local_context"):
        blocks.append(("local_context", {"text": RichText(imported["local_context"])}))
    return blocks


def table_block(rows: list[list[str]]) -> tuple[str, dict]:
    width = max(len(row) for row in rows)
    rows = [[cell[:2000] for cell in row] + [""] * (width - len(row)) for row in rows]
    return ("table", {"caption": "", "header_row": len(rows) > 1, "rows": rows})


def section_tables(imported: dict, key: str) -> list[tuple[str, dict]]:
    """The tables written under section ``key``, in order."""
    return [table_block(rows) for section, rows in imported.get("tables") or [] if section == key]


def unplaced_blocks(imported: dict, *, flagged: bool = True) -> list[tuple[str, object]]:
    """What could not be placed, in order; ``flagged`` puts a heading above it telling the editor
    (a draft), otherwise it follows the sections as plain paragraphs (a published import)."""
    items = list(imported.get(UNPLACED) or [])
    if not items:
        return []
    blocks: list[tuple[str, object]] = [("heading", str(UNPLACED_HEADING))] if flagged else []
    for kind, value in items:
        if kind == "table":
            blocks.append(table_block(value))
        else:
            blocks.append(("paragraph", RichText(value)))
    return blocks
