"""``ExactHeadersMiddleware``: the API's answers say exactly what they vary by, and in which
language they are.

Middleware that runs after a view adds to its headers: ``SessionMiddleware`` adds
``Vary: Cookie`` once anything read the session (Django REST framework reads the user on every
request), ``LocaleMiddleware`` adds ``Vary: Accept-Language`` and a ``Content-Language`` of the
active language. The package's API bodies vary by neither, and are in the language of their
content, so a shared cache would otherwise keep one copy per cookie and per browser language,
and a Welsh answer would say it is English. Put it before those two in ``MIDDLEWARE`` (its
answer goes back through it after theirs)::

    MIDDLEWARE = [
        "corsheaders.middleware.CorsMiddleware",  # if used: its Vary: Origin is kept
        "wagtail_casestudies.middleware.ExactHeadersMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.locale.LocaleMiddleware",
        ...
    ]

Only responses that carry ``casestudies_headers`` (set by ``api.cache.cache_headers``) are
touched, and not ones made private (the browsable API).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

_COMMAS = re.compile(r"\s*,\s*")


class ExactHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        headers = getattr(response, "casestudies_headers", None)
        if headers is None or "private" in response.get("Cache-Control", ""):
            return response
        not_varying_by = {name.lower() for name in headers["not_varying_by"]}
        if response.has_header("Vary"):
            vary = [
                name
                for name in _COMMAS.split(response["Vary"])
                if name and name.lower() not in not_varying_by
            ]
            if vary:
                response["Vary"] = ", ".join(vary)
            else:
                del response["Vary"]
        if headers["Content-Language"]:
            response["Content-Language"] = headers["Content-Language"]
        else:  # a 304, or a listing in several languages
            response.headers.pop("Content-Language", None)
        return response
