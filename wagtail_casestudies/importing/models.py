"""Where an imported case study came from, so importing the same library again changes nothing."""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _


def source_key(source: str) -> str:
    """The stored key of a source: a SHA-256 of its URL or ``sha256:<file hash>``, so a long URL
    still fits a unique index."""
    return hashlib.sha256(source.encode()).hexdigest()


class CaseStudyImportSource(models.Model):
    """One imported case study's origin: the URL it had in the old system, or the hash of the
    Word file it was read from."""

    key = models.CharField(max_length=64, unique=True, editable=False)
    source = models.TextField(_("source"), help_text=_("The old URL, or sha256:<file hash>."))
    page = models.ForeignKey(
        "wagtail_casestudies.CaseStudyPage",
        verbose_name=_("case study"),
        on_delete=models.CASCADE,
        related_name="import_sources",
    )
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)

    class Meta:
        verbose_name = _("case study import source")
        verbose_name_plural = _("case study import sources")

    def __str__(self) -> str:
        return self.source

    def save(self, *args, **kwargs):
        self.key = source_key(self.source)
        super().save(*args, **kwargs)
