"""Split body HTML from another system into the template's sections.

Exports (JSON Lines, CSV) carry a case study's body as one HTML string with the template's
headings in it (``<h2>The challenge</h2>``, or ``<p><strong>The impact</strong></p>``). The same
heading matcher and :class:`~.document.Assembler` as for Word place each part, so a body and a
Word document with the same headings give the same sections.
"""

from __future__ import annotations

from html import escape

import lxml.html
from lxml import etree

from .document import Assembler, Fragment, ImportedCaseStudy
from .headings import MAX_HEADING_LENGTH, heading_key

HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
CONTAINER_TAGS = {"div", "section", "article", "main", "body", "html", "header", "footer"}
LIST_TAGS = {"ul", "ol"}


def read_html(body: str, *, title: str = "", summary: str = "") -> ImportedCaseStudy:
    """The case study in ``body``; ``title`` and ``summary``, when given, are kept as they are."""
    assembler = Assembler(title=title, summary=summary)
    if body and body.strip():
        for item in lxml.html.fragments_fromstring(body):
            if isinstance(item, str):
                _text(assembler, item)
            else:
                _element(assembler, item)
    return assembler.finish()


def _text(assembler: Assembler, text: str) -> None:
    if text and text.strip():
        assembler.fragment(Fragment(f"<p>{escape(text.strip())}</p>", text.strip()))


def _words(element) -> str:
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return element.text_content()


def _element(assembler: Assembler, element) -> None:
    if not isinstance(element.tag, str):  # a comment or processing instruction
        _text(assembler, element.tail)
        return
    tag = element.tag.lower()
    if tag in HEADING_TAGS:
        assembler.heading(_words(element), is_title=tag == "h1")
    elif tag in CONTAINER_TAGS:
        _text(assembler, element.text)
        for child in element:
            _element(assembler, child)
    elif tag == "table":
        rows = [
            [" ".join(_words(cell).split()) for cell in row if cell.tag in ("td", "th")]
            for row in element.iter("tr")
        ]
        assembler.table(rows)
    elif tag == "img":
        source = element.get("src") or ""
        if source:
            label = escape(element.get("alt") or source)
            assembler.fragment(
                Fragment(
                    f'<p>Image not imported: <a href="{escape(source)}">{label}</a></p>',
                    f"Image not imported: {source}",
                )
            )
    else:
        markup = etree.tostring(element, encoding="unicode", method="html", with_tail=False)
        words = _words(element).strip()
        if tag not in LIST_TAGS and len(words) <= MAX_HEADING_LENGTH and heading_key(words):
            assembler.heading(words)  # "<p><strong>The challenge</strong></p>"
        else:
            if tag in LIST_TAGS:
                words = "\n".join(" ".join(li.text_content().split()) for li in element.iter("li"))
            assembler.fragment(Fragment(markup, words))
    _text(assembler, element.tail)
