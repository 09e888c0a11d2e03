"""The package's one setting, ``WAGTAIL_CASESTUDIES``: a dict whose missing keys take DEFAULTS.

Read values through ``conf.settings.KEY``. The merged dict is cached and rebuilt when Django's
``setting_changed`` signal fires, so ``override_settings`` works in tests.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings as django_settings
from django.core.signals import setting_changed
from django.dispatch import receiver

SETTING_NAME = "WAGTAIL_CASESTUDIES"

DEFAULTS: dict[str, Any] = {
    # The longest summary (the teaser in listings) an editor may save, in characters.
    "SUMMARY_MAX_LENGTH": 500,
    # How many days ahead of today a case study's publication date may be set.
    "PUBLICATION_DATE_MAX_FUTURE_DAYS": 0,
    # Case studies per page on the default (non-headless) index page template.
    "INDEX_PAGE_SIZE": 10,
    # Cache-Control header value for the case-study API responses.
    "API_CACHE_CONTROL": "public, max-age=60",
    # Hero image rendition widths the API serves (and builds the srcset from).
    "HERO_IMAGE_WIDTHS": [320, 640, 1024, 1600],
    # The largest `limit` the case-study API accepts.
    "API_MAX_LIMIT": 100,
}


class CaseStudySettings:
    """Attribute access to the merged setting; unknown names raise AttributeError."""

    def __init__(self) -> None:
        self._cache: dict[str, Any] | None = None

    @property
    def user_settings(self) -> dict[str, Any]:
        return getattr(django_settings, SETTING_NAME, None) or {}

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"{SETTING_NAME} has no key {name!r}")
        if self._cache is None:
            merged = dict(DEFAULTS)
            user = self.user_settings
            if isinstance(user, dict):
                merged.update({key: value for key, value in user.items() if key in DEFAULTS})
            self._cache = merged
        return self._cache[name]

    def reload(self) -> None:
        self._cache = None


settings = CaseStudySettings()


@receiver(setting_changed)
def reload_settings(*, setting: str, **kwargs: Any) -> None:
    if setting == SETTING_NAME:
        settings.reload()
