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
from .compat import get_base_page_model


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
    Page = get_base_page_model()  # the site's base page model, swapped or not

    if _is_case_study(instance):
        invalidate_api({"case-studies": [instance.pk]})
    elif isinstance(instance, Page):
        invalidate_api()


# --- The card cache (models.CaseStudyCard, api/cards.py) ------------------------------------------
#
# Kept equal to the live, public case studies as they change, in the same transaction: a case
# study saved (publishing, unpublishing, a live page created in code), its councils or topics
# changed (modelcluster commits them after the page row, so each sends its own signal), a move,
# a view restriction, a renamed council, topic, support type or image, a site. A case study's card
# is dropped (and counted out of its site's counts) just before the page is deleted.

# Saving only these fields (revision bookkeeping, locking) changes nothing a card shows.
_NOT_ON_CARDS = frozenset(
    {
        "has_unpublished_changes",
        "draft_title",
        "latest_revision",
        "latest_revision_created_at",
        "live_revision",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "owner",
        "go_live_at",
        "expire_at",
    }
)


def _case_study_model():
    from .models import CaseStudyPage

    return CaseStudyPage


def on_any_page_saved(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    Page = get_base_page_model()  # the site's base page model, swapped or not

    from .api import cards

    if not isinstance(instance, Page) or kwargs.get("raw"):
        return
    if update_fields and set(update_fields) <= _NOT_ON_CARDS:
        return
    model = instance.specific_class
    if model is not None and issubclass(model, _case_study_model()):
        cards.refresh_cards([instance.pk])
    elif not created:
        # A new slug changes the URLs of the case studies below (their url_path rows are updated
        # in bulk, without signals).
        cards.refresh_moved_urls(instance)


def on_page_moved_cards(sender, instance, **kwargs) -> None:
    from .api import cards

    cards.refresh_subtree(instance.path)


def on_page_deleting(sender, instance, **kwargs) -> None:
    Page = get_base_page_model()  # the site's base page model, swapped or not

    from .api import cards

    if isinstance(instance, Page):
        cards.deleting_pages().add(instance.pk)
        model = instance.specific_class
        if model is not None and issubclass(model, _case_study_model()):
            # The foreign key's cascade would delete the card without counting it out.
            cards.forget_cards([instance.pk])


def on_page_deleted_cards(sender, instance, **kwargs) -> None:
    Page = get_base_page_model()  # the site's base page model, swapped or not

    from .api import cards

    if isinstance(instance, Page):
        cards.deleting_pages().discard(instance.pk)


def on_council_link_changed(sender, instance, **kwargs) -> None:
    from .api import cards

    cards.refresh_cards([instance.page_id])


def on_topics_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    from .api import cards

    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # topic.casestudypage_set changed: pk_set holds case-study ids
        cards.refresh_cards(pk_set or [])
    else:
        cards.refresh_cards([instance.pk])


def _pages_showing(instance) -> set[int]:
    """Ids of the case studies whose cards show this council, topic, support type or image."""
    from wagtail.images import get_image_model

    from .models import CaseStudyCouncil, CaseStudyPage, Council, SupportType, Topic

    if isinstance(instance, Council):
        pages = CaseStudyCouncil.objects.filter(council=instance).values_list("page_id", flat=True)
        return set(pages)
    if isinstance(instance, Topic):
        through = CaseStudyPage.topics.through
        ids = set(through.objects.filter(topic=instance).values_list("casestudypage_id", flat=True))
        ids |= set(CaseStudyPage.objects.filter(main_topic=instance).values_list("pk", flat=True))
        return ids
    if isinstance(instance, SupportType):
        return set(CaseStudyPage.objects.filter(support_type=instance).values_list("pk", flat=True))
    if isinstance(instance, get_image_model()):
        return set(CaseStudyPage.objects.filter(hero_image=instance).values_list("pk", flat=True))
    return set()


def on_card_source_saved(sender, instance, **kwargs) -> None:
    from .api import cards

    if not kwargs.get("raw"):
        cards.refresh_cards(_pages_showing(instance))


def on_card_source_deleting(sender, instance, **kwargs) -> None:
    # Deleting a topic, support type or image changes the case studies through cascades and
    # SET_NULL updates that send no signals: note who shows it before it goes.
    from .api import cards
    from .models import SupportType

    instance._casestudies_card_ids = _pages_showing(instance)
    if isinstance(instance, SupportType):
        cards.forget_support_type(instance.pk)


def on_card_source_deleted(sender, instance, **kwargs) -> None:
    from .api import cards

    cards.refresh_cards(getattr(instance, "_casestudies_card_ids", ()))


def on_restriction_changed(sender, instance, **kwargs) -> None:
    Page = get_base_page_model()  # the site's base page model, swapped or not

    from .api import cards

    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path is not None:
        cards.refresh_subtree(path)


def on_site_changed(sender, instance, **kwargs) -> None:
    """A site's host, port or root changes every card's URLs: mark all cards for rebuilding
    (one UPDATE); each is rebuilt when next served, rather than all of them now."""
    from .api import cards

    cards.mark_all_stale()


def register_card_handlers() -> None:
    from django.db.models.signals import m2m_changed, pre_delete
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site

    from .models import CaseStudyCouncil, CaseStudyPage, Council, SupportType, Topic

    post_save.connect(on_any_page_saved, dispatch_uid="casestudies_cards_page_saved")
    post_page_move.connect(on_page_moved_cards, dispatch_uid="casestudies_cards_moved")
    pre_delete.connect(on_page_deleting, dispatch_uid="casestudies_cards_page_deleting")
    post_delete.connect(on_page_deleted_cards, dispatch_uid="casestudies_cards_page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            on_council_link_changed,
            sender=CaseStudyCouncil,
            dispatch_uid=f"casestudies_cards_council_link_{signal is post_save}",
        )
    m2m_changed.connect(
        on_topics_changed,
        sender=CaseStudyPage.topics.through,
        dispatch_uid="casestudies_cards_topics",
    )
    for model in (Council, Topic, SupportType, get_image_model()):
        label = model._meta.label
        post_save.connect(
            on_card_source_saved, sender=model, dispatch_uid=f"casestudies_cards_{label}_saved"
        )
        pre_delete.connect(
            on_card_source_deleting,
            sender=model,
            dispatch_uid=f"casestudies_cards_{label}_deleting",
        )
        post_delete.connect(
            on_card_source_deleted, sender=model, dispatch_uid=f"casestudies_cards_{label}_deleted"
        )
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"casestudies_cards_restriction_{signal is post_save}",
        )
        signal.connect(
            on_site_changed,
            sender=Site,
            dispatch_uid=f"casestudies_cards_site_{signal is post_save}",
        )


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
register_card_handlers()
