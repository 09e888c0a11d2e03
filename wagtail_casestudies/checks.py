"""System checks that tell a site developer exactly what is missing or misconfigured."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.conf import settings as django_settings
from django.core.checks import Error, Tags, Warning, register
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from .conf import DEFAULTS, SETTING_NAME
from .conf import settings as casestudy_settings
from .submissions.files import DOCUMENT, FILE_TYPES, IMAGE

# Apps the package's models, panels and blocks rely on, with what each is needed for.
REQUIRED_APPS = {
    "wagtail": "pages",
    "wagtail.admin": "the editing interface",
    "wagtail.snippets": "the council, topic and support programme snippets",
    "wagtail.images": "hero images and image blocks",
    "wagtail.documents": "template and attachment downloads",
    "wagtail.embeds": "the video embed block",
    "wagtail.search": "case-study search",
    "taggit": "case-study keywords",
    "modelcluster": "ordered councils, partners and related case studies",
}

# Apps the headless API (``wagtail_casestudies.api``) needs: a site that mounts no API can go
# without them, so their absence is a warning.
API_APPS = {
    "rest_framework": "the API's responses and its browsable pages",
    "wagtail.api.v2": "the API's endpoints and router",
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
def check_api_apps(app_configs: Iterable[Any] | None = None, **kwargs: Any) -> list[Warning]:
    return [
        Warning(
            f"wagtail_casestudies' API needs '{app_name}' in INSTALLED_APPS ({needed_for}).",
            hint=f"Add '{app_name}' to INSTALLED_APPS (a site that mounts no API may ignore this).",
            id="wagtail_casestudies.W002",
        )
        for app_name, needed_for in API_APPS.items()
        if not apps.is_installed(app_name)
    ]


@register(Tags.compatibility, Tags.templates)
def check_base_template(app_configs: Iterable[Any] | None = None, **kwargs: Any) -> list[Error]:
    """``BASE_TEMPLATE`` must name a template that exists (None picks one, see layout.py)."""
    user_settings = getattr(django_settings, SETTING_NAME, None)
    if not isinstance(user_settings, dict) or user_settings.get("BASE_TEMPLATE") is None:
        return []
    name = user_settings["BASE_TEMPLATE"]
    if not isinstance(name, str) or not name:
        message = f"{SETTING_NAME}['BASE_TEMPLATE'] must be a template name or None, not {name!r}."
    else:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            message = f"{SETTING_NAME}['BASE_TEMPLATE'] names {name!r}, which does not exist."
        else:
            return []
    return [
        Error(
            message,
            hint="Name a template with a {% block content %}, or use None: the site's own "
            "'base.html', else 'wagtail_casestudies/base.html'.",
            id="wagtail_casestudies.E004",
        )
    ]


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


# --- Submissions -------------------------------------------------------------------------------

SUBMISSION_POSITIVE_INTEGER_KEYS = (
    "SUBMISSION_RATE_LIMIT",
    "SUBMISSION_RATE_WINDOW",
    "SUBMISSION_SECTION_MAX_LENGTH",
    "SUBMISSION_MAX_ATTACHMENTS",
    "SUBMISSION_MAX_DOCUMENT_SIZE",
    "SUBMISSION_MAX_IMAGE_SIZE",
)


@register(Tags.compatibility)
def check_submission_settings(app_configs: Iterable[Any] | None = None, **kwargs: Any) -> list:
    user_settings = getattr(django_settings, SETTING_NAME, None)
    if not isinstance(user_settings, dict):
        return []
    messages: list[Any] = []

    def error(key: str, message: str, hint: str) -> None:
        messages.append(
            Error(f"{SETTING_NAME}['{key}'] {message}", hint=hint, id="wagtail_casestudies.E022")
        )

    for key in SUBMISSION_POSITIVE_INTEGER_KEYS:
        value = user_settings.get(key, DEFAULTS[key])
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            error(
                key,
                f"must be a positive integer, not {value!r}.",
                f"The default is {DEFAULTS[key]!r}.",
            )
    window = user_settings.get("SUBMISSION_DUPLICATE_WINDOW", 0)
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        error(
            "SUBMISSION_DUPLICATE_WINDOW",
            f"must be 0 or more seconds, not {window!r}.",
            "Use 0 to store identical submissions again at once.",
        )
    for key, kind in (("SUBMISSION_DOCUMENT_TYPES", DOCUMENT), ("SUBMISSION_IMAGE_TYPES", IMAGE)):
        value = user_settings.get(key, DEFAULTS[key])
        known = sorted(k for k, t in FILE_TYPES.items() if t.kind == kind)
        if not isinstance(value, list | tuple) or any(v not in known for v in value):
            error(
                key,
                f"must be a list of {', '.join(known)}; got {value!r}.",
                f"The default is {DEFAULTS[key]!r}.",
            )
    emails = user_settings.get("SUBMISSION_NOTIFY_EMAILS", [])
    if not isinstance(emails, list | tuple) or not all(
        isinstance(e, str) and "@" in e for e in emails
    ):
        error(
            "SUBMISSION_NOTIFY_EMAILS",
            f"must be a list of email addresses, not {emails!r}.",
            "Leave it empty to notify every user who may change submissions.",
        )
    header = user_settings.get("SUBMISSION_CLIENT_IP_HEADER", "REMOTE_ADDR")
    if not isinstance(header, str) or not header:
        error(
            "SUBMISSION_CLIENT_IP_HEADER",
            f"must name a request.META key, not {header!r}.",
            "For example 'REMOTE_ADDR' or 'HTTP_X_FORWARDED_FOR'.",
        )
    if not isinstance(user_settings.get("REQUIRE_COMPLETE_TO_PUBLISH", False), bool):
        error("REQUIRE_COMPLETE_TO_PUBLISH", "must be True or False.", "The default is False.")
    return messages


# --- Behind a proxy --------------------------------------------------------------------------

# Settings that say the site runs behind a proxy or load balancer.
PROXY_SETTINGS = ("SECURE_PROXY_SSL_HEADER", "USE_X_FORWARDED_HOST", "USE_X_FORWARDED_PORT")


@register(Tags.security, deploy=True)
def check_client_ip_header_behind_proxy(
    app_configs: Iterable[Any] | None = None, **kwargs: Any
) -> list[Warning]:
    """Behind a proxy REMOTE_ADDR is the proxy's address: every submitter would share one
    rate-limit allowance, and ten bogus posts would lock everybody out. A check cannot see
    requests, so this one reads the settings that say a proxy is there; the intake also logs a
    warning on the first request that arrives with proxy headers (services.client_ip)."""
    if casestudy_settings.SUBMISSION_CLIENT_IP_HEADER != "REMOTE_ADDR":
        return []
    behind = [name for name in PROXY_SETTINGS if getattr(django_settings, name, None)]
    if not behind:
        return []
    return [
        Warning(
            f"{', '.join(behind)} says this site is behind a proxy, but "
            f"{SETTING_NAME}['SUBMISSION_CLIENT_IP_HEADER'] is 'REMOTE_ADDR' (the proxy's "
            "address): every submitter shares one rate-limit allowance.",
            hint="Name the header your proxy sets to the client's address, e.g. "
            "'HTTP_X_FORWARDED_FOR' or 'HTTP_CF_CONNECTING_IP' (docs/submissions.md).",
            id="wagtail_casestudies.W020",
        )
    ]
