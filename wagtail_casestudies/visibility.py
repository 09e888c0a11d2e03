"""What the public may see, written once and used by every reader.

A case study is visible when it is live and no view restriction covers it or an ancestor; a
site shows the visible case studies below its root page or below a translation of it (on a
site in several languages, each language's pages sit below that language's copy of the home
page, as Wagtail's own site root paths have them). A listing lists one locale.

The listing, the facets and the search read the card cache (``models.CaseStudyCard``), which
holds exactly the visible case studies (``cards/``); the detail, the related lists, the hub and
the rendered pages read the pages through the same rule here.

The models import this module, so it names them through the app registry.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Q, QuerySet
from wagtail.models import Locale, Page, Site


def _model(name: str):
    return apps.get_model("wagtail_casestudies", name)


def site_root_paths(site: Site) -> list[str]:
    """The tree paths of the site's root page and of its translations, sorted. Kept on the
    site object (which the API caches per content version), so a request asks once."""
    paths = getattr(site, "_casestudies_root_paths", None)
    if paths is None:
        root = site.root_page
        translations = Page.objects.filter(translation_key=root.translation_key)
        paths = sorted({root.path, *translations.values_list("path", flat=True)})
        site._casestudies_root_paths = paths
    return paths


def default_locale_of(site: Site) -> Locale:
    """The locale a listing of the site lists when none is asked for: its root page's. Kept
    on the site object, as ``site_root_paths`` is."""
    locale = getattr(site, "_casestudies_default_locale", None)
    if locale is None:
        locale = site._casestudies_default_locale = site.root_page.locale
    return locale


def below_any(paths: list[str]) -> Q:
    """At or below any of these tree paths."""
    return reduce(or_, (Q(path__startswith=path) for path in paths))


def visible_case_studies() -> QuerySet:
    """Live, public case studies of every site: what the card cache holds."""
    return _model("CaseStudyPage").objects.live().public()


def visible_case_studies_of(site: Site | None, root_paths: list[str] | None = None) -> QuerySet:
    """Live, public case studies of ``site`` in every language; none when no site serves the
    request. ``root_paths`` saves looking up ``site_root_paths(site)`` again."""
    if site is None:
        return _model("CaseStudyPage").objects.none()
    return visible_case_studies().filter(below_any(root_paths or site_root_paths(site)))


def visible_cards_of(
    site: Site | None, locale: Locale | int | None = None, root_paths: list[str] | None = None
) -> QuerySet:
    """The cards of ``site``'s visible case studies, of one locale when given (a prefix test on
    the copied tree path)."""
    cards = _model("CaseStudyCard").objects
    if site is None:
        return cards.none()
    cards = cards.filter(below_any(root_paths or site_root_paths(site)))
    if locale is not None:
        cards = cards.filter(locale=locale)
    return cards


def in_locale(ids: list[int], locale_id: int, visible: QuerySet) -> list[int]:
    """Each case study as its visible translation in the locale, where it has one (a page
    translated from another language still names the source language's case studies)."""
    keys = dict(
        _model("CaseStudyPage").objects.filter(pk__in=ids).values_list("pk", "translation_key")
    )
    translated = dict(
        visible.filter(translation_key__in=keys.values(), locale_id=locale_id).values_list(
            "translation_key", "pk"
        )
    )
    return list(dict.fromkeys(translated.get(keys.get(pk), pk) for pk in ids))
