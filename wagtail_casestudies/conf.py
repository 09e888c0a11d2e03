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
    # The template the package's pages extend. None: the site's own "base.html" when it has one
    # (the `wagtail start` layout), else the package's "wagtail_casestudies/base.html".
    "BASE_TEMPLATE": None,
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
    # --- Submissions (wagtail_casestudies.submissions) ---
    # Who is emailed about a new submission. Empty: every active user with an email address who
    # may change submissions (the "change case study submission" permission, or a superuser).
    "SUBMISSION_NOTIFY_EMAILS": [],
    # At most this many submission attempts per client IP address in each window of
    # SUBMISSION_RATE_WINDOW seconds, counted in the database (SubmissionRateWindow).
    "SUBMISSION_RATE_LIMIT": 10,
    "SUBMISSION_RATE_WINDOW": 3600,
    # The request.META key holding the client's IP address. Behind a proxy that appends the
    # client to X-Forwarded-For, use "HTTP_X_FORWARDED_FOR" (its last address is used); see
    # docs/submissions.md, "Behind a proxy" (check W020 warns when it looks forgotten).
    "SUBMISSION_CLIENT_IP_HEADER": "REMOTE_ADDR",
    # A submission identical to one received this many seconds ago returns the first one's
    # reference instead of being stored twice.
    "SUBMISSION_DUPLICATE_WINDOW": 600,
    # How many days the link that completes an incomplete submission (a Word document sent
    # without the consent to publish, say) keeps working.
    "SUBMISSION_COMPLETION_DAYS": 30,
    # The longest text, in characters, accepted for one template section.
    "SUBMISSION_SECTION_MAX_LENGTH": 20000,
    # Attachments: how many in all, the largest size of each (bytes) and the accepted types,
    # which are checked against the file's content, not its name.
    "SUBMISSION_MAX_ATTACHMENTS": 10,
    "SUBMISSION_MAX_DOCUMENT_SIZE": 10 * 1024 * 1024,
    "SUBMISSION_MAX_IMAGE_SIZE": 10 * 1024 * 1024,
    "SUBMISSION_DOCUMENT_TYPES": ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp"],
    "SUBMISSION_IMAGE_TYPES": ["jpeg", "png", "gif", "webp"],
    # The most pixels (width × height, read from the header before anything is decoded) of an
    # image attachment, a picture in a Word document or a picture inside an attached Office
    # file. At 20 million (a 5472 × 3648 photo) the worst picture allowed (RGBA, turned by its
    # EXIF) decodes, turns and re-encodes in ~160 MiB; see docs/benchmark.md.
    "SUBMISSION_MAX_IMAGE_PIXELS": 20_000_000,
    # All the parts of an attached zip-based document (.docx, .xlsx, .pptx, .odt, …), unpacked;
    # measured while unpacking, not taken from the zip's headers.
    "SUBMISSION_MAX_UNPACKED_SIZE": 200 * 1024 * 1024,
    # --- Reading Word documents (the intake, "Import from Word", casestudies_import) ---
    # Limits a real case study (a 60-page report has ~1,500 paragraphs, ~1,000 table cells,
    # ~36,000 XML elements and unpacks to ~5 MiB plus its pictures) never reaches, and that
    # keep a document's reading under ~1.5 s and ~200 MB (docs/benchmark.md, "Word documents").
    # Unpacked: all parts together, and any one part.
    "WORD_MAX_UNPACKED_SIZE": 64 * 1024 * 1024,
    "WORD_MAX_PART_SIZE": 16 * 1024 * 1024,
    "WORD_MAX_PARAGRAPHS": 10_000,
    "WORD_MAX_TABLE_CELLS": 10_000,
    # Tables inside tables inside tables: how deep.
    "WORD_MAX_NESTING": 5,
    # XML elements in all the parts read (every paragraph, run, property and cell is one).
    "WORD_MAX_XML_ELEMENTS": 120_000,
    # The time budget of checking, then of reading, one document (seconds).
    "WORD_READ_SECONDS": 10,
    # Refuse to publish a case study whose required template sections are missing (drafts may
    # always be incomplete).
    "REQUIRE_COMPLETE_TO_PUBLISH": False,
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
