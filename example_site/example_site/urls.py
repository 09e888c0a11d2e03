from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_casestudies.compat import HAS_API_V3

from .api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # Submissions: the JSON endpoint and the template as JSON Schema / Word (docs/submissions.md)
    path("casestudies/", include("wagtail_casestudies.urls")),
    # The headless front end: static HTML, CSS and JavaScript that reads only the API above
    path("frontend/", include("frontend.urls")),
]

if HAS_API_V3:  # Wagtail < 8.0 has no v3 API
    from wagtail.api.v3.urls import api as api_v3

    from wagtail_casestudies.api.v3 import register_v3

    register_v3(api_v3)
    urlpatterns.append(path("api/v3/", api_v3.urls))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's pages: English at /, Welsh under /cy/ (the API, the admin and the front end above are
# not prefixed; the front end asks the API for a language with ?locale=).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
