"""Benchmark-only middleware."""

from wagtail_casestudies.content_version import bump as bump_content_version

COLD_HEADER = "HTTP_X_BENCH_COLD"


class ColdCacheMiddleware:
    """``X-Bench-Cold: 1`` bumps the API's content version before the request, as a publish
    does, so the request misses every response, search and facet cache: the uncached path."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(COLD_HEADER):
            bump_content_version()
        return self.get_response(request)
