"""Template tags for the package's rendered pages: what they show in the page's language, by
the same rules as the API (``representation.py``).

The page's language is active while its template renders (``models.pages.PageLanguageMixin``);
these tags pick, for what a page links, the rows and pages of its locale.
"""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from ..models.pages import CARD_TRANSLATIONS

register = template.Library()


@register.simple_tag(takes_context=True)
def in_page_locale(context, snippet, page):
    """A topic or support programme ``page`` links, as its translation in the page's locale
    where there is one (``Translations.in_locale``, loaded by the page's ``get_context``)."""
    translations = context.get(CARD_TRANSLATIONS)
    if snippet is None or translations is None:
        return snippet
    return translations.in_locale(snippet, page.locale_id)


@register.simple_tag(takes_context=True)
def theme_entry(context, case_study):
    """The case study a hub's theme entry shows: its translation in the hub's language, or
    None when it is not visible here (the hub's ``theme_case_studies``). A theme rendered
    outside a hub shows the chosen page when it is live."""
    if case_study is None:
        return None
    shown = context.get("theme_case_studies")
    if shown is not None:
        return shown.get(case_study.pk)
    visible = context.get("visible_case_study_ids")
    if not case_study.live or (visible is not None and case_study.pk not in visible):
        return None
    return case_study.specific


@register.filter
def council_short_name(council) -> str:
    """How a council is written in running text. Its short name is written in English (the
    register is one row in every language): in Welsh the council's name in Welsh is used, as
    the API's ``name`` gives it, and the front end does the same."""
    if council is None:
        return ""
    if (get_language() or "").split("-")[0] == "cy":
        return council.name_in_active_language
    return council.short_name or council.name
