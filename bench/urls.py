from django.conf import settings
from django.urls import include, path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from bench.floor import floor_listing, health
from wagtail_casestudies.api import register_endpoints

# The API as a site mounts it (docs/api.md): the stock pages endpoint plus the package's own.
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
register_endpoints(api_router)

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("bench/floor/case-studies/", floor_listing, name="bench_floor"),
    path("bench/health/", health),
    path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT}),
    path("", include(wagtail_urls)),
]
