"""The headless API: Wagtail API v2 viewsets (and, on Wagtail 8, v3 routes) for case studies,
councils, topics and support programmes.

A site registers the endpoints on its own ``WagtailAPIRouter``::

    from wagtail_casestudies.api import register_endpoints

    register_endpoints(api_router)
"""

from .views import (
    CaseStudiesAPIViewSet,
    CouncilsAPIViewSet,
    SupportTypesAPIViewSet,
    TopicsAPIViewSet,
    register_endpoints,
)

__all__ = [
    "CaseStudiesAPIViewSet",
    "CouncilsAPIViewSet",
    "SupportTypesAPIViewSet",
    "TopicsAPIViewSet",
    "register_endpoints",
]
