"""Which template the package's pages extend: the host site's layout, or the package's own.

A site made with ``wagtail start`` has a ``base.html`` with ``{% block title %}``,
``{% block extra_css %}``, ``{% block body_class %}`` and ``{% block content %}``; the package's
pages fill those blocks, so they appear inside the site's header, navigation and footer with no
template of the site's own. ``WAGTAIL_CASESTUDIES["BASE_TEMPLATE"]`` names another layout.
"""

from __future__ import annotations

from typing import Any

from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from .conf import settings as casestudy_settings

# The template every site made with ``wagtail start`` has, and the package's own fallback.
HOST_BASE_TEMPLATE = "base.html"
PACKAGE_BASE_TEMPLATE = "wagtail_casestudies/base.html"
# The context variable the package's page templates extend.
CONTEXT_NAME = "casestudies_base_template"


def base_template_name() -> str:
    """The setting's template when it names one; else the host's ``base.html`` when the site
    has one; else the package's own ``base.html``."""
    configured = casestudy_settings.BASE_TEMPLATE
    if configured:
        return configured
    try:
        get_template(HOST_BASE_TEMPLATE)
    except TemplateDoesNotExist:
        return PACKAGE_BASE_TEMPLATE
    return HOST_BASE_TEMPLATE


class HostLayoutMixin:
    """Gives a page's template the layout to extend (``casestudies_base_template``)."""

    def get_context(self, request, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context[CONTEXT_NAME] = base_template_name()
        return context
