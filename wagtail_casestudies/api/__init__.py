"""The headless API: Wagtail API v2 viewsets (and, on Wagtail 8, v3 routes) for case studies,
councils, topics and support types.

A site registers the endpoints on its own ``WagtailAPIRouter``::

    from wagtail_casestudies.api import register_endpoints

    register_endpoints(api_router)

The names below are imported lazily (PEP 562), because the models import
``wagtail_casestudies.api.serializers`` for their ``api_fields`` while the viewsets import the
models: an eager import here would be circular.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "CaseStudiesAPIViewSet",
    "CouncilsAPIViewSet",
    "SupportTypesAPIViewSet",
    "TopicsAPIViewSet",
    "register_endpoints",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import views

        return getattr(views, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
