"""What the public may see, written once and used by every reader.

A case study is visible when it is live and no view restriction covers it or an ancestor; a
site shows the visible case studies below its root page. The listing, the facets and the search
read the card cache (``models.CaseStudyCard``), which holds exactly the visible case studies
(``cards/``); the detail, the related lists, the hub and the rendered pages read the pages
through the same rule here.

The models import this module, so it names them through the app registry.
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import QuerySet
from wagtail.models import PageViewRestriction, Site


def _model(name: str):
    return apps.get_model("wagtail_casestudies", name)


def visible_case_studies() -> QuerySet:
    """Live, public case studies of every site: what the card cache holds."""
    return _model("CaseStudyPage").objects.live().public()


def visible_case_studies_of(site: Site | None) -> QuerySet:
    """Live, public case studies of ``site``; none when no site serves the request."""
    if site is None:
        return _model("CaseStudyPage").objects.none()
    return visible_case_studies().in_site(site)


def visible_cards_of(site: Site | None) -> QuerySet:
    """The cards of ``site``'s visible case studies (a prefix test on the copied tree path)."""
    cards = _model("CaseStudyCard").objects
    if site is None:
        return cards.none()
    return cards.filter(path__startswith=site.root_page.path)


def visible_case_studies_by_card(site: Site | None) -> QuerySet:
    """The same case studies as ``visible_case_studies_of(site)``, found through their cards:
    a join on the card table's tree path instead of testing every view restriction."""
    if site is None:
        return _model("CaseStudyPage").objects.none()
    return _model("CaseStudyPage").objects.filter(api_card__path__startswith=site.root_page.path)


def visible_case_studies_for_search_backend(site: Site | None) -> QuerySet:
    """The same case studies as ``visible_case_studies_of(site)``, written only with page
    fields a search backend indexes (``live``, ``path``), so that Elasticsearch or OpenSearch
    filters them itself instead of being sent their ids: the view restrictions become the
    subtrees they cover, of which a site has a few."""
    pages = _model("CaseStudyPage").objects
    if site is None:
        return pages.none()
    visible = pages.filter(live=True, path__startswith=site.root_page.path)
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
    for path in sorted(restricted):
        visible = visible.exclude(path__startswith=path)
    return visible
