"""Where raw submission uploads are kept: never under a publicly served path.

Attachments arrive from anyone on the internet and stay editors' material until a case study
that uses them is published, so they are not written to the site's media storage (which a web
server usually serves as it stands). They go to the storage named
``wagtail_casestudies_submissions`` in Django's ``STORAGES`` when a site defines one (a private
S3 bucket, a folder outside the web root), and otherwise to a folder beside ``MEDIA_ROOT``:
``<MEDIA_ROOT>/../casestudy_submissions_private``. Editors download them through the inbox's
attachment view, which checks their permissions.
"""

from __future__ import annotations

import os

from django.conf import settings as django_settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

STORAGE_ALIAS = "wagtail_casestudies_submissions"
FALLBACK_FOLDER = "casestudy_submissions_private"


def fallback_location() -> str:
    media_root = os.path.abspath(str(django_settings.MEDIA_ROOT or "media"))
    return os.path.join(os.path.dirname(media_root), FALLBACK_FOLDER)


class SubmissionStorage(LazyObject):
    """The storage of raw uploads, looked up when first used (and again after the STORAGES
    setting changes, as Django's ``default_storage`` is)."""

    def _setup(self) -> None:
        if STORAGE_ALIAS in django_settings.STORAGES:
            self._wrapped = storages[STORAGE_ALIAS]
        else:
            # No URL: these files are streamed to editors by a view, never linked.
            self._wrapped = FileSystemStorage(location=fallback_location(), base_url="/-/")


private_storage: Storage = SubmissionStorage()  # type: ignore[assignment]


def submission_storage() -> Storage:
    """For ``FileField(storage=...)``: a callable keeps the choice out of the migrations."""
    return private_storage


@receiver(setting_changed)
def _reset(*, setting: str, **kwargs) -> None:
    if setting in ("STORAGES", "MEDIA_ROOT"):
        private_storage._wrapped = empty
