"""Tell the site developer what the inbox needs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.core.checks import Error, Tags, register


@register(Tags.compatibility)
def check_modeladmin_installed(app_configs: Iterable[Any] | None = None, **kwargs: Any) -> list:
    errors = []
    if not apps.is_installed("wagtail_modeladmin"):
        errors.append(
            Error(
                "The case-study submissions inbox (wagtail_casestudies.contrib.modeladmin) needs "
                "'wagtail_modeladmin' in INSTALLED_APPS.",
                hint="pip install wagtail-modeladmin and add 'wagtail_modeladmin' to "
                "INSTALLED_APPS.",
                id="wagtail_casestudies.E020",
            )
        )
    if not apps.is_installed("wagtail_casestudies"):
        errors.append(
            Error(
                "The case-study submissions inbox needs 'wagtail_casestudies' in INSTALLED_APPS.",
                hint="Add 'wagtail_casestudies' to INSTALLED_APPS.",
                id="wagtail_casestudies.E021",
            )
        )
    return errors
