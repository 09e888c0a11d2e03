"""Make submitted text safe to store, show to editors and turn into Wagtail rich text.

nh3 (the Rust ``ammonia`` sanitiser) does the work; the allow-list mirrors the features the
case-study rich text blocks offer (``blocks.RICH_TEXT_FEATURES``), so nothing a submitter sends
can reach a page that an editor could not have typed.
"""

from __future__ import annotations

import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

_BLOCK_TAG = re.compile(r"<(p|h3|h4|ol|ul)\b", re.IGNORECASE)
# Wagtail's rich text database format uses <b>, <i> and <br/>: its editor refuses a draft
# with nh3's <br> ("Unmatched tags: expected br, got p"), a 500 on the edit view.
_TAG_RENAMES = (
    (re.compile(r"<(/?)strong>"), r"<\1b>"),
    (re.compile(r"<(/?)em>"), r"<\1i>"),
    (re.compile(r"<br\s*/?>"), "<br/>"),
)


# How many layers of entity encoding clean_text peels off ("&amp;lt;b&amp;gt;" is two).
MAX_DECODE_ROUNDS = 5


def clean_text(value: str | None) -> str:
    """Plain text: every tag removed (script and style with their content), entities decoded.

    The result is text, not HTML: templates escape it when they show it. Decoding entities may
    reveal markup ("&lt;img onerror=…&gt;"), so tags are stripped again until nothing changes:
    no markup survives, even for a front end that puts the text into innerHTML.
    """
    if not value:
        return ""
    text = str(value)
    for _round in range(MAX_DECODE_ROUNDS):
        cleaned = html.unescape(nh3.clean(text, tags=set()))
        if cleaned == text:
            return cleaned.strip()
        text = cleaned
    return nh3.clean(text, tags=set()).strip()  # still decoding: leave the rest escaped


def clean_rich_text(value: str | None) -> str:
    """Rich text limited to the case-study features.

    Plain text (no paragraph or list markup) is turned into paragraphs: a blank line starts a new
    paragraph and a single line break is kept as ``<br>``.
    """
    if not value or not str(value).strip():
        return ""
    cleaned = nh3.clean(
        str(value).replace("\r\n", "\n"),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    ).strip()
    for pattern, replacement in _TAG_RENAMES:
        cleaned = pattern.sub(replacement, cleaned)
    if not html_to_text(cleaned):
        return ""  # Markup with no words in it, e.g. "<p><script>…</script></p>".
    if not _BLOCK_TAG.search(cleaned):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", cleaned) if p.strip()]
        cleaned = "".join(
            "<p>{}</p>".format("<br/>".join(line.strip() for line in p.split("\n")))
            for p in paragraphs
        )
    return cleaned


def html_to_text(value: str | None) -> str:
    """The words of an HTML fragment, for word counts, spreadsheets and plain-text email."""
    if not value:
        return ""
    spaced = re.sub(r"<(br|/p|/li|/h3|/h4)\b[^>]*>", "\n", str(value), flags=re.IGNORECASE)
    return html.unescape(nh3.clean(spaced, tags=set())).strip()
