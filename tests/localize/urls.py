"""The URLs a bilingual site mounts for wagtail-localize's tests: the admin (with
wagtail-localize's views), documents, the package's submission URLs, and Wagtail's pages under
i18n_patterns, English at / and Welsh under /cy/ (as example_site/example_site/urls.py does).
The API is left out: nothing here reads it."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("casestudies/", include("wagtail_casestudies.urls")),
    *i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False),
]
