"""HTTP caching for the case-study API: ETags, 304s and computed responses kept in the cache.

Everything is derived from the content version (``wagtail_casestudies.content_version``), read
once per request from its database row:

- the ETag of a response is a hash of the version, the day (``clock.today``: a
  council's ``is_active`` changes at midnight) and the request (host, path, sorted query,
  accepted format), so any change makes every old ETag stale, in every process;
- computed responses (and search results, counts and facets) are kept in Django's cache under
  keys that include the version, so a change orphans them all at once; they also expire after
  ``RESPONSE_TIMEOUT``. With the default per-process cache each process computes its own; a
  shared cache (Redis) lets the processes share them.

Purging a CDN when content changes is ``purge.py``'s.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import caches
from django.utils.http import parse_etags, quote_etag
from wagtail.models import Site

from .. import content_version
from ..clock import today
from ..conf import settings as casestudy_settings
from ..visibility import site_root_paths

CACHE_ALIAS = "default"
KEY_PREFIX = "wagtail_casestudies:api"
# How long a computed response is kept. The content version already invalidates it on any
# change; this only bounds how long an orphaned entry takes room in the cache.
RESPONSE_TIMEOUT = 300


def _cache():
    return caches[CACHE_ALIAS]


def versioned_key(*parts: Any) -> str | None:
    """A cache key for ``parts`` under the current content version; None when there is no
    version (nothing may then be cached)."""
    version = content_version.current()
    if version is None:
        return None
    # repr() keeps the parts apart whatever they hold (a search text may contain any separator).
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    # Whether a council is active depends on the day as well as the content: a new day is a
    # new version of everything that shows ``is_active`` (its ETag changes at midnight).
    return f"{KEY_PREFIX}:{version}:{today().isoformat()}:{digest[:40]}"


def get_or_compute(key: str | None, compute: Callable[[], Any], timeout: int = RESPONSE_TIMEOUT):
    if key is None:
        return compute()
    cache = _cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


_NO_SITE = "none"


def find_site(request) -> Site | None:
    """``Site.find_for_request``, kept in the cache per host, port and content version (saving or
    deleting a site bumps it). Wagtail runs a ranked query over the sites for every request,
    and building that query was over a third of an uncached listing's time on SQLite."""
    if request is None or hasattr(request, "_wagtail_site"):
        return Site.find_for_request(request)
    key = versioned_key("site", request.get_host(), request.get_port())
    site = _cache().get(key) if key else None
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            site_root_paths(site)  # kept on the site object, and cached with it
        if key:
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


def cache_headers(response, etag: str | None):
    """ETag and Cache-Control (from WAGTAIL_CASESTUDIES['API_CACHE_CONTROL']) on a response."""
    if etag:
        response["ETag"] = etag
    response["Cache-Control"] = casestudy_settings.API_CACHE_CONTROL
    response["Vary"] = "Accept"
    return response


def cached_data(request, compute: Callable[[], dict]) -> tuple[str | None, dict | None]:
    """(ETag, data) for a request, the data from the cache or ``compute()``; the data is None
    when the client's ``If-None-Match`` already has it (answer 304).

    ``If-None-Match: *`` matches only what exists: the data is computed (or read from the
    cache) first, so a 404 or a 400 is answered as such. The response does not depend on the
    user: only live, public pages are ever shown.
    """
    with content_version.pinned():
        key = versioned_key(*request_key(request))
        if key is None:
            return None, compute()
        # The key holds the content version, so the ETag changes with any content change.
        etag = "W/" + quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        candidates = set()
        if if_none_match:
            candidates = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
            if etag.removeprefix("W/") in candidates:
                return etag, None
        data = get_or_compute(key, compute)
        return etag, None if "*" in candidates else data
