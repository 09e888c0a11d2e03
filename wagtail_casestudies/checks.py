"""System checks that tell a site developer exactly what is missing or misconfigured."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.conf import settings as django_settings
from django.core.checks import Error, Tags, Warning, register

from .conf import DEFAULTS, SETTING_NAME

# Apps the package's models, panels and blocks rely on, with what each is needed for.
REQUIRED_APPS = {
    "wagtail": "pages",
    "wagtail.admin": "the editing interface",
    "wagtail.snippets": "the council, topic and support type snippets",
    "wagtail.images": "hero images and image blocks",
    "wagtail.documents": "template and attachment downloads",
    "wagtail.embeds": "the video embed block",
    "wagtail.search": "case-study search",
    "taggit": "case-study keywords",
    "modelcluster": "ordered councils, partners and related case studies",
}

POSITIVE_INTEGER_KEYS = (
    "SUMMARY_MAX_LENGTH",
    "INDEX_PAGE_SIZE",
    "API_MAX_LIMIT",
)


@register(Tags.compatibility)
def check_required_apps(app_configs: Iterable[Any] | None = None, **kwargs: Any) -> list[Error]:
    errors = []
    for app_name, needed_for in REQUIRED_APPS.items():
        if not apps.is_installed(app_name):
            errors.append(
                Error(
                    f"wagtail_casestudies needs '{app_name}' in INSTALLED_APPS ({needed_for}).",
                    hint=f"Add '{app_name}' to INSTALLED_APPS.",
                    id="wagtail_casestudies.E001",
                )
            )
    return errors


@register(Tags.compatibility)
def check_settings(app_configs: Iterable[Any] | None = None, **kwargs: Any) -> list[Any]:
    user_settings = getattr(django_settings, SETTING_NAME, None)
    if user_settings is None:
        return []
    if not isinstance(user_settings, dict):
        return [
            Error(
                f"{SETTING_NAME} must be a dict, not {type(user_settings).__name__}.",
                hint=f"Set {SETTING_NAME} = {{...}} with keys from: {', '.join(sorted(DEFAULTS))}.",
                id="wagtail_casestudies.E002",
            )
        ]
    messages: list[Any] = []
    for key in sorted(set(user_settings) - set(DEFAULTS)):
        messages.append(
            Warning(
                f"{SETTING_NAME} has an unknown key {key!r}; it is ignored.",
                hint=f"Known keys: {', '.join(sorted(DEFAULTS))}.",
                id="wagtail_casestudies.W001",
            )
        )
    for key in POSITIVE_INTEGER_KEYS:
        if key in user_settings:
            value = user_settings[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                messages.append(
                    Error(
                        f"{SETTING_NAME}['{key}'] must be a positive integer, not {value!r}.",
                        hint=f"The default is {DEFAULTS[key]!r}.",
                        id="wagtail_casestudies.E003",
                    )
                )
    if "PUBLICATION_DATE_MAX_FUTURE_DAYS" in user_settings:
        value = user_settings["PUBLICATION_DATE_MAX_FUTURE_DAYS"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            messages.append(
                Error(
                    f"{SETTING_NAME}['PUBLICATION_DATE_MAX_FUTURE_DAYS'] must be an integer of 0 "
                    f"or more, not {value!r}.",
                    hint="Use 0 to refuse any date after today.",
                    id="wagtail_casestudies.E003",
                )
            )
    widths = user_settings.get("HERO_IMAGE_WIDTHS", DEFAULTS["HERO_IMAGE_WIDTHS"])
    if not (
        isinstance(widths, list | tuple)
        and widths
        and all(isinstance(w, int) and not isinstance(w, bool) and w > 0 for w in widths)
    ):
        messages.append(
            Error(
                f"{SETTING_NAME}['HERO_IMAGE_WIDTHS'] must be a non-empty list of positive "
                f"integers, not {widths!r}.",
                hint=f"The default is {DEFAULTS['HERO_IMAGE_WIDTHS']!r}.",
                id="wagtail_casestudies.E003",
            )
        )
    cache_control = user_settings.get("API_CACHE_CONTROL", DEFAULTS["API_CACHE_CONTROL"])
    if not isinstance(cache_control, str):
        messages.append(
            Error(
                f"{SETTING_NAME}['API_CACHE_CONTROL'] must be a string, not {cache_control!r}.",
                hint="For example 'public, max-age=60', or 'no-cache'.",
                id="wagtail_casestudies.E003",
            )
        )
    return messages
