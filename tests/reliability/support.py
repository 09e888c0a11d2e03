"""Real failure points for the durability tests, configured through settings like any backend:
a mail server that takes the process down with it, and storage that runs out of space."""

from __future__ import annotations

import os

from django.core.files.storage import InMemoryStorage
from django.core.mail.backends.base import BaseEmailBackend

# The exit status of a process killed by DyingEmailBackend.
CRASH_STATUS = 75


class DyingEmailBackend(BaseEmailBackend):
    """The process dies while sending (the OOM killer, a deploy, a power cut): nothing after this
    point runs, not even the code that records a failed notification."""

    def send_messages(self, email_messages):
        os._exit(CRASH_STATUS)


class FullDiskStorage(InMemoryStorage):
    """Storage that has room for one file: every later save fails as a full disk does."""

    def _save(self, name, content):
        if self.listdir("")[0] or self.listdir("")[1]:
            raise OSError(28, "No space left on device")
        return super()._save(name, content)
