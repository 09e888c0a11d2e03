"""Signal handlers, connected per sender by ``AppConfig.ready()`` (``connect()``).

Two kinds of derived data follow content changes, both in the writer's own transaction:

- the card cache (``cards/``): the cards of whatever case studies a change touches are rebuilt
  or dropped, and each site's counts adjusted;
- the content version (``content_version.py``): any change that can alter what the package
  serves bumps it, which invalidates every ETag and cached response in every process. When
  ``wagtail.contrib.frontend_cache`` is installed, the API's URLs are also purged from the CDN
  once the change has committed (``api/purge.py``).

Publishing a case study also moves the attachments imported from its submission out of their
private collection (``submissions/privacy.py``), and a case study copied into another language
links that language's topics and support programme (``choices.translate_relations``).

Every receiver names its sender: a receiver for every model would slow every save in the site
and turn off Django's fast delete for all of them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
)
from taggit.models import Tag
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import PageViewRestriction, Site, get_page_models
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from . import content_version, representation
from .api.purge import purge_api_urls
from .cards import counts, sync
from .choices import translate_relations
from .compat import get_base_page_model
from .models import (
    CaseStudyCouncil,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPageTag,
    CaseStudyPartner,
    CaseStudyRelatedPage,
    Council,
    CovidHubPage,
    SupportType,
    Topic,
)
from .submissions.privacy import release_attachments

# Saving only these fields (revision bookkeeping, locking) changes nothing the package serves.
_NOT_SERVED = frozenset(
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
# The rows a case study's stored detail shows, and the field naming their case study.
DETAIL_ROWS = {
    CaseStudyPartner: "page_id",
    CaseStudyRelatedPage: "page_id",
    CaseStudyPageTag: "content_object_id",
}
SNIPPET_RESOURCES = {Council: "councils", Topic: "topics", SupportType: "support-types"}


def invalidate_api(changed: dict[str, Iterable[int]] | None = None) -> None:
    """A change to what the package serves: bump the content version now (in the change's
    transaction); purge the API's listings and the changed objects' details when it commits."""
    changed = {resource: list(ids) for resource, ids in (changed or {}).items()}
    content_version.bump()
    transaction.on_commit(lambda: purge_api_urls(changed), robust=True)


def _is_case_study(page) -> bool:
    model = page.specific_class
    return model is not None and issubclass(model, CaseStudyPage)


def warm_renditions(page) -> None:
    """Make the renditions the API serves for a case study's images when it is published, so API
    requests read renditions instead of resizing images (and run a fixed number of queries)."""
    images = [page.hero_image] if page.hero_image_id else []
    for child in page.body:
        if child.block_type == "image" and child.value and child.value.get("image"):
            images.append(child.value["image"])
    for image in images:
        # A missing or unreadable file: the API reports no renditions for that image.
        with contextlib.suppress(SourceImageIOError, OSError):
            image.get_renditions(*representation.image_specs())


# --- Pages ----------------------------------------------------------------------------------------


def on_page_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields and set(update_fields) <= _NOT_SERVED):
        return
    if _is_case_study(instance):
        sync.refresh_cards([instance.pk])
    elif not created:
        # A new slug changes the URLs of the case studies below.
        sync.refresh_moved_urls_on_commit(instance)


def repair_child_count(sender, instance, **kwargs) -> None:
    """Give a published index or hub the child count its tree really has.

    wagtail-localize publishes a translated index, after translating its subtree, from the copy
    it made before the children existed, writing its child count back as 0; treebeard then finds
    no children and Wagtail answers 404 for every case study below it. One count per publish of
    a parent page, and a write only when the count was wrong.
    """
    pages = get_base_page_model().objects
    children = pages.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    if children != instance.numchild:
        pages.filter(pk=instance.pk).update(numchild=children)
        instance.numchild = children


def on_page_published(sender, instance, **kwargs) -> None:
    if _is_case_study(instance):
        warm_renditions(instance.specific)
        invalidate_api({"case-studies": [instance.pk]})
    else:
        # Any page may be an ancestor of case studies (their URLs change with its slug) or a hub.
        invalidate_api()


def on_page_unpublished(sender, instance, **kwargs) -> None:
    invalidate_api({"case-studies": [instance.pk]} if _is_case_study(instance) else None)


def on_page_moved(sender, instance, **kwargs) -> None:
    sync.refresh_subtree(instance.path)
    invalidate_api({"case-studies": [instance.pk]} if _is_case_study(instance) else None)


def on_page_deleting(sender, instance, **kwargs) -> None:
    """Deleting a page deletes its descendants: each is sent here, as its own page row."""
    if _is_case_study(instance):
        # The foreign key's cascade would delete the card without counting it out.
        sync.forget_cards([instance.pk])
        invalidate_api({"case-studies": [instance.pk]})
    else:
        invalidate_api()


def on_page_copied_for_translation(sender, source_obj, target_obj, **kwargs) -> None:
    """A case study copied into another language (``wagtail.contrib.simple_translation``'s
    "Translate", wagtail-localize's first sync, ``copy_for_translation``) links that language's
    topics, main topic and support programme where they exist, in the page and in the revision
    the editor opens; a topic not yet translated stays linked as it was. An alias mirrors its
    source and is left alone."""
    if not isinstance(target_obj, CaseStudyPage) or target_obj.alias_of_id:
        return
    changed = translate_relations(target_obj, target_obj.locale_id)
    if not changed:
        return
    target_obj.save(update_fields=changed, clean=False)
    revision = target_obj.latest_revision
    if revision is not None:  # made by the copy, from the page as it was copied
        data = target_obj.serializable_data()
        revision.content = {**revision.content, **{name: data[name] for name in changed}}
        revision.save(update_fields=["content"])


# --- What a card shows -------------------------------------------------------------------------


def _deleting_a_page(origin) -> bool:
    """Whether a deletion started from a page (its links go in the cascade, and its card went
    just before: nothing to refresh)."""
    Page = get_base_page_model()  # the site's base page model, swapped or not
    if isinstance(origin, QuerySet):
        return issubclass(origin.model, Page)
    return isinstance(origin, Page)


def on_council_link_changed(sender, instance, origin=None, **kwargs) -> None:
    if not _deleting_a_page(origin):
        sync.refresh_cards([instance.page_id])


def on_detail_row_changed(sender, instance, origin=None, **kwargs) -> None:
    """A partner, a chosen related case study or a tag of a case study: its stored detail
    shows them (a publish saves them with the page; code may save them on their own)."""
    if not _deleting_a_page(origin):
        sync.refresh_cards([getattr(instance, DETAIL_ROWS[sender])])


def on_topics_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # topic.casestudypage_set changed: pk_set holds case-study ids
        sync.refresh_cards(pk_set or [])
    else:
        sync.refresh_cards([instance.pk])


def _pages_showing(instance) -> set[int]:
    """Ids of the case studies whose cards show this council, topic, support type, tag or
    image."""
    if isinstance(instance, Council):
        pages = CaseStudyCouncil.objects.filter(council=instance).values_list("page_id", flat=True)
        return set(pages)
    # A topic or support programme is shown as its translation in each page's locale: a change
    # to any translation changes the cards of the pages linking any of them.
    if isinstance(instance, Topic):
        through = CaseStudyPage.topics.through
        key = instance.translation_key
        links = through.objects.filter(topic__translation_key=key)
        ids = set(links.values_list("casestudypage_id", flat=True))
        main = CaseStudyPage.objects.filter(main_topic__translation_key=key)
        return ids | set(main.values_list("pk", flat=True))
    if isinstance(instance, SupportType):
        pages = CaseStudyPage.objects.filter(support_type__translation_key=instance.translation_key)
        return set(pages.values_list("pk", flat=True))
    if isinstance(instance, Tag):  # on the stored detail
        tagged = CaseStudyPageTag.objects.filter(tag=instance)
        return set(tagged.values_list("content_object_id", flat=True))
    return set(CaseStudyPage.objects.filter(hero_image=instance).values_list("pk", flat=True))


def _changed(instance) -> dict[str, list[int]]:
    resource = SNIPPET_RESOURCES.get(type(instance))
    return {resource: [instance.pk]} if resource else {}


def on_card_source_saved(sender, instance, raw=False, **kwargs) -> None:
    """A council, topic, support type, tag or image: it appears on cards (or their stored
    detail) and in counts."""
    if not raw:
        sync.refresh_cards(_pages_showing(instance))
        invalidate_api(_changed(instance))


def on_card_source_deleting(sender, instance, **kwargs) -> None:
    # Deleting a topic, support type or image changes the case studies through cascades and
    # SET_NULL updates that send no signals: note who shows it before it goes.
    instance._casestudies_card_ids = _pages_showing(instance)
    if isinstance(instance, SupportType):
        counts.forget_support_type(instance.pk)


def on_card_source_deleted(sender, instance, **kwargs) -> None:
    sync.refresh_cards(getattr(instance, "_casestudies_card_ids", ()))
    invalidate_api(_changed(instance))


def on_restriction_changed(sender, instance, origin=None, **kwargs) -> None:
    """A view restriction hides or shows every case study below its page."""
    if _deleting_a_page(origin):  # it goes with its page, and the cards below went before
        invalidate_api()
        return
    Page = get_base_page_model()  # the site's base page model, swapped or not
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path is not None:
        sync.refresh_subtree(path)
    invalidate_api()


def on_site_changed(sender, instance, raw=False, **kwargs) -> None:
    """A site's host, port or root changes every card's URLs, and which site counts which
    cards: rebuild them all now, in the site change's transaction (it is rare)."""
    if raw:  # loaddata: the cards come after, with casestudies_rebuild_cards
        return
    # Wagtail forgets its cached site root paths in a receiver of its own, which may run after
    # this one: the cards must be built from the new ones.
    Site.clear_site_root_paths_cache()
    sync.rebuild_all()
    invalidate_api()


def on_content_changed(sender, instance, **kwargs) -> None:
    """Documents appear in what the API shows."""
    invalidate_api()


def on_post_migrate(sender, using="default", **kwargs) -> None:
    sync.refresh_after_migrate(using)


# --- Wiring -----------------------------------------------------------------------------------


def _connect(signal, receiver, sender) -> None:
    signal.connect(
        receiver,
        sender=sender,
        dispatch_uid=f"wagtail_casestudies:{receiver.__name__}:{sender._meta.label}",
    )


def connect(app_config) -> None:
    """Connect every receiver to its senders (from ``AppConfig.ready()``)."""
    post_migrate.connect(on_post_migrate, sender=app_config, dispatch_uid="wagtail_casestudies")
    # Sent by the action that copies a page, not by the page's model.
    copy_for_translation_done.connect(
        on_page_copied_for_translation,
        sender=CopyPageForTranslationAction,
        dispatch_uid="wagtail_casestudies:on_page_copied_for_translation",
    )
    for model in get_page_models():
        if issubclass(model, CaseStudyPage):
            # Attachments imported from a submission become public with the case study.
            _connect(page_published, release_attachments, model)
        if issubclass(model, (CaseStudyIndexPage, CovidHubPage)):
            _connect(page_published, repair_child_count, model)
        _connect(post_save, on_page_saved, model)
        _connect(pre_delete, on_page_deleting, model)
        _connect(page_published, on_page_published, model)
        _connect(page_unpublished, on_page_unpublished, model)
        _connect(post_page_move, on_page_moved, model)
    for signal in (post_save, post_delete):
        _connect(signal, on_council_link_changed, CaseStudyCouncil)
        _connect(signal, on_restriction_changed, PageViewRestriction)
        _connect(signal, on_site_changed, Site)
        _connect(signal, on_content_changed, get_document_model())
        for model in DETAIL_ROWS:
            _connect(signal, on_detail_row_changed, model)
    _connect(m2m_changed, on_topics_changed, CaseStudyPage.topics.through)
    for model in (Council, Topic, SupportType, Tag, get_image_model()):
        _connect(post_save, on_card_source_saved, model)
        _connect(pre_delete, on_card_source_deleting, model)
        _connect(post_delete, on_card_source_deleted, model)
