"""A front-end cache backend that records what it is asked to purge, for tests.

Wagtail's real purge path (``purge_urls_from_cache`` → task → backend) calls it, so a test sees
exactly the URLs a CDN would be told to purge.
"""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

PURGED: list[str] = []


class RecordingPurgeBackend(BaseBackend):
    def purge(self, url: str) -> None:
        PURGED.append(url)

    def purge_batch(self, urls) -> None:
        PURGED.extend(urls)
