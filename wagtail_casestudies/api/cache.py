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

import datetime
import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import caches
from django.utils import timezone
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag
from wagtail.models import Site

from .. import content_version
from ..clock import today
from ..conf import settings as casestudy_settings
from ..visibility import default_locale_of, site_root_paths

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


# What middleware adds to Vary that the API's bodies never vary by (the session's Cookie,
# LocaleMiddleware's Accept-Language): ``middleware.ExactHeadersMiddleware`` takes them back.
NOT_VARYING_BY = ("Accept-Language", "Cookie")


class ETag(str):
    """An ETag that also carries what the response's other validators and headers need, so that
    ``cache_headers`` can write them beside it: when the content last changed, the language
    it is in, and the request headers its body varies by."""

    last_modified: datetime.datetime | None = None
    language: str | None = None
    vary: tuple[str, ...] = ("Accept",)


def last_change(version: int) -> datetime.datetime:
    """When the content last changed: the version is the time of its last change in
    microseconds (``content_version.bump``), and the answers that show whether a council is
    active change at midnight too, so the later of the two."""
    changed = datetime.datetime.fromtimestamp(version / 1_000_000, tz=datetime.UTC)
    midnight = timezone.make_aware(datetime.datetime.combine(today(), datetime.time.min))
    return max(changed, midnight)


def content_language(request, data: dict) -> str | None:
    """The language of the content served: a case study's own (``meta.locale``), the one
    language of a listing's items, else the listing's: the ``locale`` asked for (``compute()``
    has refused an unknown one), or the site's default. None for a listing in several."""
    meta = data.get("meta") if isinstance(data, dict) else None
    if isinstance(meta, dict) and meta.get("locale"):
        return meta["locale"]
    items = data.get("items") if isinstance(data, dict) else None
    languages = {
        item["meta"].get("locale")
        for item in items or ()
        if isinstance(item, dict) and isinstance(item.get("meta"), dict)
    } - {None}
    if languages:
        return languages.pop() if len(languages) == 1 else None
    code = request.GET.get("locale", "").strip()
    if code:
        return code.lower().replace("_", "-")
    site = find_site(request)
    return default_locale_of(site).language_code if site is not None else None


def cache_headers(response, etag: str | None):
    """ETag, Last-Modified, Cache-Control (from WAGTAIL_CASESTUDIES['API_CACHE_CONTROL']),
    Vary and Content-Language on a response, a 304 the same as its 200 but for what describes
    a body (RFC 9110 15.4.5: no Content-Type, no Content-Language).

    The body varies by ``Accept`` on v2 only (its browsable API), never by the user or the
    browser's language: a listing without ``locale`` is in the site's default language. The
    headers are also kept on the response (``casestudies_headers``) for
    ``wagtail_casestudies.middleware.ExactHeadersMiddleware``, which takes back what later
    middleware adds (``Vary: Cookie`` from the session, ``Vary: Accept-Language`` from
    ``LocaleMiddleware``)."""
    if etag:
        response["ETag"] = str(etag)  # a plain str: WSGI servers refuse a subclass
    last_modified = getattr(etag, "last_modified", None)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = casestudy_settings.API_CACHE_CONTROL
    vary = getattr(etag, "vary", ETag.vary)
    if vary:
        response["Vary"] = ", ".join(vary)
    else:
        response.headers.pop("Vary", None)
    language = None
    if response.status_code == 304:
        del response["Content-Type"]  # no body to describe (HttpResponseNotModified does this)
    else:
        language = getattr(etag, "language", None)
    if language:
        response["Content-Language"] = language
    response.casestudies_headers = {
        "Content-Language": language,
        "not_varying_by": tuple(name for name in NOT_VARYING_BY if name not in vary),
    }
    return response


def not_modified_since(request, last_modified: datetime.datetime) -> bool:
    """Whether ``If-Modified-Since`` already has this content (ignored beside
    ``If-None-Match``, as RFC 9110 13.1.3 says). HTTP dates count whole seconds."""
    if request.META.get("HTTP_IF_NONE_MATCH"):
        return False
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and int(last_modified.timestamp()) <= since


def cached_data(request, compute: Callable[[], dict]) -> tuple[str | None, dict | None]:
    """(ETag, data) for a request, the data from the cache or ``compute()``; the data is None
    when the client's ``If-None-Match`` (or, without one, ``If-Modified-Since``) already has
    it (answer 304). The ETag carries the Last-Modified time and the Content-Language.

    ``If-None-Match: *`` matches only what exists: the data is computed (or read from the
    cache) first, so a 404 or a 400 is answered as such. The response does not depend on the
    user: only live, public pages are ever shown.
    """
    with content_version.pinned() as version:
        # "response": the cached value is (data, language).
        key = versioned_key("response", *request_key(request))
        if key is None:
            return None, compute()
        # The key holds the content version, so the ETag changes with any content change.
        etag = ETag("W/" + quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32]))
        etag.last_modified = last_change(version)
        if getattr(request, "casestudies_api_version", 2) == 3:
            etag.vary = ()  # v3 answers JSON whatever the Accept header says
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        candidates = set()
        if if_none_match:
            candidates = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
            if etag.removeprefix("W/") in candidates:
                return etag, None
        if not_modified_since(request, etag.last_modified):
            return etag, None

        def compute_with_language() -> tuple[dict, str | None]:
            data = compute()
            return data, content_language(request, data)

        data, etag.language = get_or_compute(key, compute_with_language)
        return etag, None if "*" in candidates else data
