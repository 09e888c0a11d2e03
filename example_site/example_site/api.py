"""The site's API router, built the way docs/api.md tells a site developer to."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from wagtail_casestudies.api import register_endpoints

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)  # the hub and index pages
register_endpoints(api_router)  # case-studies, councils, topics, support-types
