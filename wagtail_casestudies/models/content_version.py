"""The content version's row (see ``wagtail_casestudies.content_version``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row holding a number that changes with anything the package serves.

    It is in the database, not in Django's cache, so that every process sees a change on its
    next request whatever the cache: a ``publish_scheduled`` run from cron, a ``manage.py
    shell`` and each web worker share it.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    version = models.BigIntegerField(_("version"))

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content version")

    def __str__(self) -> str:
        return str(self.version)
