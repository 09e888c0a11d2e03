"""HTTP caching for the case-study API, and invalidating it when content changes.

One number, the *content version*, lives in Django's cache. Any change that can alter an API
response (publishing, unpublishing, moving or deleting a page; saving or deleting a council,
topic, support type, image, document, tag, site or view restriction) bumps it, see
``signal_handlers.py``. Everything else is derived from it:

- the ETag of a response is a hash of the version and the request (host, path, sorted query,
  accepted format), so a client's ``If-None-Match`` is answered with a 304 before any database
  work, and any change makes every old ETag stale;
- computed responses (and search results) are kept in the cache under keys that include the
  version, so a bump orphans them all at once; they also expire after ``RESPONSE_TIMEOUT``.

With a shared cache (Redis, Memcached) the version is shared by every process, so a change made
through one web worker invalidates the responses of all of them. With the per-process
``LocMemCache`` each process keeps its own version: fine for one process, but several processes
would serve stale responses for up to ``RESPONSE_TIMEOUT`` seconds.

When ``wagtail.contrib.frontend_cache`` is installed, a change also purges the endpoints' base
listing URLs and the changed objects' detail URLs from the front-end cache (CDN). URLs with query
strings cannot be enumerated, so filtered listings rely on the ``Cache-Control`` max-age.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils.http import parse_etags, quote_etag
from rest_framework.response import Response

from ..conf import settings as casestudy_settings

logger = logging.getLogger(__name__)

CACHE_ALIAS = "default"
KEY_PREFIX = "wagtail_casestudies:api"
VERSION_KEY = f"{KEY_PREFIX}:version"
# How long a computed response is kept. The content version already invalidates it on any change;
# this only bounds staleness where processes do not share a cache.
RESPONSE_TIMEOUT = 300


def _cache():
    return caches[CACHE_ALIAS]


def content_version() -> int:
    """The current content version, starting it if the cache has none.

    A fresh version starts from the clock, not from 1, so a version can never repeat after the
    cache is flushed (an old ETag would otherwise match new content).
    """
    cache = _cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY) or 0
    return version


def bump_content_version() -> None:
    cache = _cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or it was evicted): start a new one
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def versioned_key(*parts: Any) -> str:
    # repr() keeps the parts apart whatever they hold (a search text may contain any separator).
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:{content_version()}:{digest[:40]}"


def get_or_compute(key: str, compute: Callable[[], Any], timeout: int = RESPONSE_TIMEOUT) -> Any:
    cache = _cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


_NO_SITE = "none"


def find_site(request):
    """``Site.find_for_request``, kept in the cache per host, port and content version (saving or
    deleting a site bumps it). Wagtail runs a ranked query over the sites for every request,
    and building that query was over a third of an uncached listing's time on SQLite."""
    from wagtail.models import Site

    if request is None or hasattr(request, "_wagtail_site"):
        return Site.find_for_request(request)
    key = versioned_key("site", request.get_host(), request.get_port())
    site = _cache().get(key)
    if site is None:
        site = Site.find_for_request(request)
        _cache().set(key, site or _NO_SITE, RESPONSE_TIMEOUT)
    elif site == _NO_SITE:
        site = None
    request._wagtail_site = site  # where Site.find_for_request looks first
    return site


def request_key(request) -> tuple:
    """What a response depends on besides content: site (host), scheme, path, query, format."""
    query = sorted((key, value) for key in request.GET for value in request.GET.getlist(key))
    return (
        getattr(request, "casestudies_api_version", 2),
        request.scheme,
        request.get_host(),
        request.path,
        query,
        request.META.get("HTTP_ACCEPT", ""),
    )


def cache_headers(response, etag: str):
    """ETag and Cache-Control (from WAGTAIL_CASESTUDIES['API_CACHE_CONTROL']) on a response."""
    response["ETag"] = etag
    response["Cache-Control"] = casestudy_settings.API_CACHE_CONTROL
    response["Vary"] = "Accept"
    return response


def cached_data(request, compute: Callable[[], dict]) -> tuple[str, dict | None]:
    """(ETag, data) for a request, the data from this server's cache or ``compute()``; the data
    is None when the client's ``If-None-Match`` already has this version (answer 304).

    The response does not depend on the user: only live, public pages are ever shown.
    """
    key = versioned_key(*request_key(request))
    # The key holds the content version, so the ETag changes with any content change.
    etag = "W/" + quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        candidates = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
        if "*" in candidates or etag.removeprefix("W/") in candidates:
            return etag, None
    return etag, get_or_compute(key, compute)


def cached_response(request, compute: Callable[[], dict]) -> Response:
    """A DRF response for ``cached_data``: 200 with the data, or 304."""
    etag, data = cached_data(request, compute)
    return cache_headers(Response(status=304) if data is None else Response(data), etag)


# --- Front-end cache purging ---------------------------------------------------------------------

V3_LISTING_URL_NAMES = {
    "case-studies": "casestudies_list",
    "councils": "casestudies_councils_list",
    "topics": "casestudies_topics_list",
    "support-types": "casestudies_support_types_list",
}
V3_DETAIL_URL_NAMES = {
    "case-studies": "casestudies_detail",
    "councils": "casestudies_councils_detail",
    "topics": "casestudies_topics_detail",
    "support-types": "casestudies_support_types_detail",
}


@functools.lru_cache(maxsize=8)
def mounted_v2_endpoints(urlconf: str | None = None) -> tuple[tuple[str, str], ...]:
    """(URL namespace, resource) of every place the site mounted one of this package's v2
    viewsets, found by walking the URLconf: the host owns the router and chooses the URLs."""
    from .views import CaseStudyAPIViewSetMixin

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
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Site

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
