from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_casestudies.api import register_endpoints
from wagtail_casestudies.compat import HAS_API_V3

# The API as a site mounts it (docs/api.md): the stock pages endpoint plus the package's own.
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
register_endpoints(api_router)

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("casestudies/", include("wagtail_casestudies.urls")),
    path("", include(wagtail_urls)),
]

if HAS_API_V3:  # Wagtail < 8.0 has no v3 API
    from wagtail.api.v3.urls import api as api_v3

    from wagtail_casestudies.api.v3 import register_v3

    register_v3(api_v3)
    urlpatterns.insert(0, path("api/v3/", api_v3.urls))
