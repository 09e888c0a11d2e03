"""An oEmbed finder that answers from this machine, so embed blocks work without a network."""

from wagtail.embeds.finders.base import EmbedFinder


class LocalEmbedFinder(EmbedFinder):
    def accept(self, url: str) -> bool:
        return url.startswith("https://video.example.org/")

    def find_embed(self, url: str, max_width: int | None = None, max_height: int | None = None):
        return {
            "title": "Council video",
            "author_name": "Test council",
            "provider_name": "Example video",
            "type": "video",
            "thumbnail_url": None,
            "width": 640,
            "height": 360,
            "html": f'<iframe title="Council video" src="{url}" width="640" height="360"></iframe>',
        }
