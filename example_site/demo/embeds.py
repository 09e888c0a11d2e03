"""An embed finder for the demo's videos, so the demo works with no network.

Demo case studies embed ``https://video.example.gov.uk/<slug>`` (a reserved example domain); this
finder answers for those URLs with a player page the site serves itself. Every other URL goes to
Wagtail's usual oEmbed finder, so editors can still embed real videos.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.http import urlencode
from wagtail.embeds.finders.base import EmbedFinder

DEMO_VIDEO_PREFIX = "https://video.example.gov.uk/"


class DemoVideoFinder(EmbedFinder):
    def __init__(self, **options):
        super().__init__(**options)

    def accept(self, url: str) -> bool:
        return url.startswith(DEMO_VIDEO_PREFIX)

    def find_embed(self, url: str, max_width=None, max_height=None) -> dict:
        slug = url[len(DEMO_VIDEO_PREFIX) :].strip("/")
        title = "Video: " + slug.replace("-", " ").capitalize()
        src = static("demo/video.html") + "?" + urlencode({"title": title})
        return {
            "title": title,
            "author_name": "Demo council",
            "provider_name": "Demo video",
            "type": "video",
            "thumbnail_url": "",
            "width": 640,
            "height": 360,
            "html": format_html(
                '<iframe title="{}" src="{}" width="640" height="360" loading="lazy"></iframe>',
                title,
                src,
            ),
        }
