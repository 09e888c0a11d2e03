"""Admin widgets of the case-study editor."""

from __future__ import annotations

from django import forms


class MainTopicSelect(forms.Select):
    """The main topic, offered among the topics ticked in the same form (the script hides the
    others and follows the ticks), so an editor does not choose the topic a second time from
    the whole list. Without JavaScript it is a plain select, checked on save."""

    def __init__(self, attrs=None, topics_field: str = "topics"):
        super().__init__({**(attrs or {}), "data-casestudies-main-topic": topics_field})

    class Media:
        js = ["wagtail_casestudies/admin/main-topic.js"]
