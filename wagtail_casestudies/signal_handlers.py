"""Signal handlers wired in ``AppConfig.ready()``.

Keeping the headless API honest: anything that can change an API response bumps the API's
content version (invalidating ETags and cached responses in every process that shares the cache)
and, when ``wagtail.contrib.frontend_cache`` is installed, purges the API's URLs from the
front-end cache. See ``api/cache.py``.

The version is bumped at once (so later reads in the same request or test see fresh data) and
again when the transaction commits (so a response computed by another process between the change
and the commit, from the old data, is not kept under the new version). Purging waits for the
commit, so a CDN never refetches the old content.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from .api.cache import bump_content_version, purge_api_urls


def invalidate_api(changed: dict[str, Iterable[int]] | None = None) -> None:
    """Invalidate every cached API response; purge listings and the changed objects' details."""
    changed = {resource: list(ids) for resource, ids in (changed or {}).items()}
    bump_content_version()

    def on_commit() -> None:
        bump_content_version()
        purge_api_urls(changed)

    transaction.on_commit(on_commit)


def _is_case_study(instance: Any) -> bool:
    from .models import CaseStudyPage

    return isinstance(instance, CaseStudyPage)


def warm_renditions(page) -> None:
    """Make the renditions the API serves for a case study's images when it is published, so API
    requests read renditions instead of resizing images (and run a fixed number of queries)."""
    from wagtail.images.models import SourceImageIOError

    from .api.serializers import image_specs

    images = [page.hero_image] if page.hero_image_id else []
    for child in page.body:
        if child.block_type == "image" and child.value and child.value.get("image"):
            images.append(child.value["image"])
    for image in images:
        # A missing or unreadable file: the API reports no renditions for that image.
        with contextlib.suppress(SourceImageIOError, OSError):
            image.get_renditions(*image_specs())


def on_page_published(sender, instance, **kwargs) -> None:
    if _is_case_study(instance):
        warm_renditions(instance)
        invalidate_api({"case-studies": [instance.pk]})
    else:
        # Any page may be an ancestor of case studies (their URLs change with its slug) or a hub.
        invalidate_api()


def on_page_unpublished(sender, instance, **kwargs) -> None:
    invalidate_api({"case-studies": [instance.pk]} if _is_case_study(instance) else None)


def on_page_moved(sender, instance, **kwargs) -> None:
    invalidate_api({"case-studies": [instance.pk]} if _is_case_study(instance) else None)


SNIPPET_RESOURCES = {"Council": "councils", "Topic": "topics", "SupportType": "support-types"}


def on_snippet_changed(sender, instance, **kwargs) -> None:
    """A council, topic or support type: it appears on case-study cards and in counts."""
    invalidate_api({SNIPPET_RESOURCES[type(instance).__name__]: [instance.pk]})


def on_content_changed(sender, instance, **kwargs) -> None:
    """Images, documents, tags, sites and view restrictions change what the API shows or who
    may see it."""
    invalidate_api()


def on_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if _is_case_study(instance):
        invalidate_api({"case-studies": [instance.pk]})
    elif isinstance(instance, Page):
        invalidate_api()


def register_signal_handlers() -> None:
    from taggit.models import Tag
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site

    from .models import Council, SupportType, Topic

    page_published.connect(on_page_published, dispatch_uid="casestudies_api_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="casestudies_api_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="casestudies_api_moved")
    # Deleting a page deletes its descendants: each sends post_delete with its own class.
    post_delete.connect(on_deleted, dispatch_uid="casestudies_api_deleted")
    for model in (Council, Topic, SupportType):
        for signal in (post_save, post_delete):
            signal.connect(
                on_snippet_changed,
                sender=model,
                dispatch_uid=f"casestudies_api_{model.__name__}_{signal is post_save}",
            )
    for model in (get_image_model(), get_document_model(), Tag, Site, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                on_content_changed,
                sender=model,
                dispatch_uid=f"casestudies_api_{model._meta.label}_{signal is post_save}",
            )


register_signal_handlers()
