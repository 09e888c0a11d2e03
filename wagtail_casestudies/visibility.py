"""What the public may see, written once and used by every reader.

A case study is visible when it is live and no view restriction covers it or an ancestor; a
site shows the visible case studies below its root page or, with ``WAGTAIL_I18N_ENABLED``,
below a translation of it (each language's pages sit below that language's copy of the home
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
from django.conf import settings
from django.db.models import Q, QuerySet
from wagtail.models import Locale, PageViewRestriction, Site

from .compat import get_base_page_model


def _model(name: str):
    return apps.get_model("wagtail_casestudies", name)


def site_root_paths(site: Site) -> list[str]:
    """The tree paths of the site's root page and of its translations, sorted. Kept on the
    site object (which the API caches per content version), so a request asks once."""
    paths = getattr(site, "_casestudies_root_paths", None)
    if paths is None:
        root = site.root_page
        paths = [root.path]
        # As Wagtail's own site root paths: translations count only on a site with i18n on.
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            pages = get_base_page_model().objects  # the site's base page model, swapped or not
            translations = pages.filter(translation_key=root.translation_key)
            paths = sorted({root.path, *translations.values_list("path", flat=True)})
        site._casestudies_root_paths = paths
    return paths


def default_locale_of(site: Site) -> Locale:
    """The locale a listing of the site lists when none is asked for: its root page's. Kept
    on the site object, as ``site_root_paths`` is."""
    locale = getattr(site, "_casestudies_default_locale", None)
    if locale is None:
        locale = site._casestudies_default_locale = Locale.objects.get(pk=site.root_page.locale_id)
    return locale


def below_any(paths: list[str], field: str = "path") -> Q:
    """At or below any of these tree paths (``field`` holds the tree path)."""
    return reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths))


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


def translation_lookup(ids, locale_ids, visible: QuerySet):
    """A function giving, for one of these case-study ids and one of these locales, the id of
    its visible translation in that locale, or the id itself where it has none (a page
    translated from another language still names the source language's case studies). Two
    queries, however many ids and locales."""
    keys = dict(
        _model("CaseStudyPage").objects.filter(pk__in=ids).values_list("pk", "translation_key")
    )
    translated = {
        (key, locale_id): pk
        for key, locale_id, pk in visible.filter(
            translation_key__in=keys.values(), locale_id__in=locale_ids
        ).values_list("translation_key", "locale_id", "pk")
    }
    return lambda pk, locale_id: translated.get((keys.get(pk), locale_id), pk)


def in_locale(ids: list[int], locale_id: int, visible: QuerySet) -> list[int]:
    """Each case study as its visible translation in the locale, where it has one."""
    lookup = translation_lookup(ids, [locale_id], visible)
    return list(dict.fromkeys(lookup(pk, locale_id) for pk in ids))


def visible_case_studies_by_card(
    site: Site | None, root_paths: list[str] | None = None
) -> QuerySet:
    """The same case studies as ``visible_case_studies_of(site)``, found through their cards:
    a join on the card table's tree path instead of testing every view restriction."""
    if site is None:
        return _model("CaseStudyPage").objects.none()
    paths = root_paths or site_root_paths(site)
    return _model("CaseStudyPage").objects.filter(below_any(paths, "api_card__path"))


def visible_case_studies_for_search_backend(
    site: Site | None, locale: Locale | int | None = None
) -> QuerySet:
    """The same case studies as ``visible_case_studies_of(site)`` (of one locale when given),
    written only with page fields a search backend indexes (``live``, ``path``, ``locale``), so
    that Elasticsearch or OpenSearch filters them itself instead of being sent their ids: the
    view restrictions become the subtrees they cover, of which a site has a few."""
    pages = _model("CaseStudyPage").objects
    if site is None:
        return pages.none()
    visible = pages.filter(below_any(site_root_paths(site)), live=True)
    if locale is not None:
        visible = visible.filter(locale=locale)
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
    for path in sorted(restricted):
        visible = visible.exclude(path__startswith=path)
    return visible
