"""Preview drafts, kept in a table with an expiry (as wagtail-headless-preview keeps its
``PagePreview`` rows), not in Django's cache.

The default cache is per process and shared with the API's responses: a few hundred distinct API
requests evicted a draft, and its preview link died before its hour; with several processes a
draft stored by one was not found by another.
"""

from __future__ import annotations

from django.db import models


class PreviewDraft(models.Model):
    token = models.CharField(max_length=64, unique=True)
    data = models.JSONField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"Preview draft until {self.expires_at:%Y-%m-%d %H:%M}"
