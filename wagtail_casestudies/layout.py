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
from django.template.loader_tags import BlockNode, ExtendsNode

from .conf import settings as casestudy_settings

# The template every site made with ``wagtail start`` has, and the package's own fallback.
HOST_BASE_TEMPLATE = "base.html"
PACKAGE_BASE_TEMPLATE = "wagtail_casestudies/base.html"
# The context variable the package's page templates extend.
CONTEXT_NAME = "casestudies_base_template"
# True when that layout has an ``extra_css`` block: the package's stylesheet goes into the head.
# Otherwise (the Wagtail bakery demo's layout has none) it goes at the start of the content.
STYLES_IN_HEAD = "casestudies_styles_in_head"


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


def block_names(template_name: str) -> set[str]:
    """The blocks a layout offers: its own and those of the layouts it extends."""
    names: set[str] = set()
    seen: set[str] = set()
    while template_name and template_name not in seen:
        seen.add(template_name)
        nodelist = get_template(template_name).template.nodelist
        names.update(node.name for node in nodelist.get_nodes_by_type(BlockNode))
        extends = nodelist.get_nodes_by_type(ExtendsNode)
        # A parent named by a variable cannot be known here; a constant name can.
        parent = extends[0].parent_name.var if extends else None
        template_name = parent if isinstance(parent, str) else None
    return names


class HostLayoutMixin:
    """Gives a page's template the layout to extend (``casestudies_base_template``) and whether
    it has an ``extra_css`` block for the package's stylesheet."""

    def get_context(self, request, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        name = base_template_name()
        context[CONTEXT_NAME] = name
        context[STYLES_IN_HEAD] = "extra_css" in block_names(name)
        return context
