"""Purging the API's URLs from the front-end cache (CDN) when content changes.

When ``wagtail.contrib.frontend_cache`` is installed, a change purges the endpoints' base
listing URLs and the changed objects' detail URLs, on v2 and v3, on every site's host, once the
change has committed (so a CDN never refetches the old content). URLs with query strings cannot
be enumerated, so filtered listings rely on the ``Cache-Control`` max-age.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Site

from ..representation import V3_DETAIL_URL_NAMES, V3_LISTING_URL_NAMES
from .views import CaseStudyAPIViewSetMixin

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=8)
def mounted_v2_endpoints(urlconf: str | None = None) -> tuple[tuple[str, str], ...]:
    """(URL namespace, resource) of every place the site mounted one of this package's v2
    viewsets, found by walking the URLconf: the host owns the router and chooses the URLs."""
    found: list[tuple[str, str]] = []

    def walk(patterns, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(
                    pattern.url_patterns, namespaces + [pattern.namespace] * bool(pattern.namespace)
                )
            elif isinstance(pattern, URLPattern) and pattern.name == "listing":
                view_class = getattr(pattern.callback, "cls", None)
                if isinstance(view_class, type) and issubclass(
                    view_class, CaseStudyAPIViewSetMixin
                ):
                    found.append((":".join(namespaces), view_class.resource))

    walk(get_resolver(urlconf).url_patterns, [])
    return tuple(found)


def api_paths(resource: str, ids: Iterable[int] = ()) -> list[str]:
    """Paths of a resource's listing and of the given objects' details, on v2 and v3."""
    paths = []
    ids = list(ids)
    for namespace, mounted_resource in mounted_v2_endpoints(settings.ROOT_URLCONF):
        if mounted_resource != resource:
            continue
        paths.append(reverse(f"{namespace}:listing"))
        paths.extend(reverse(f"{namespace}:detail", args=(pk,)) for pk in ids)
    try:
        paths.append(reverse(f"wagtailapi_v3:{V3_LISTING_URL_NAMES[resource]}"))
        paths.extend(
            reverse(f"wagtailapi_v3:{V3_DETAIL_URL_NAMES[resource]}", args=(pk,)) for pk in ids
        )
    except NoReverseMatch:
        pass
    return paths


def purge_api_urls(changed: dict[str, Iterable[int]]) -> list[str]:
    """Purge every listing and the details of ``changed`` ({resource: ids}) from the front-end
    cache, on every site's host. Returns the URLs it purged (none without frontend_cache)."""
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return []
    # Imported only when the app is installed.
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    paths: list[str] = []
    for resource in V3_LISTING_URL_NAMES:
        paths.extend(api_paths(resource, changed.get(resource, ())))
    if not paths:
        return []
    base = getattr(settings, "WAGTAILAPI_BASE_URL", None)
    roots = [base.rstrip("/")] if base else sorted({site.root_url for site in Site.objects.all()})
    batch = PurgeBatch()
    batch.add_urls(root + path for root in roots for path in dict.fromkeys(paths))
    try:
        batch.purge()
    except Exception:  # a CDN outage must not break publishing
        logger.exception("Could not purge the case-study API URLs from the front-end cache")
    return sorted(batch.urls)
