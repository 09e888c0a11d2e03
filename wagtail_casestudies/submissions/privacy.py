"""Attachments stay private until the case study that uses them is published.

Converting a submission imports its attachments as Wagtail documents and images. They go into a
private collection, "Case study submissions (private)", restricted to logged-in users with
Wagtail's own collection privacy (a ``CollectionViewRestriction``): Wagtail's document view
refuses them to the public, and their files get unguessable names, so neither a document's file
nor an image's renditions can be found from the submitter's file name. When the case study is
published, ``release_attachments`` moves them to the root collection, public like any other.
"""

from __future__ import annotations

import secrets
from pathlib import PurePath

from django.db import transaction
from django.db.models import Q
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from .models import SubmissionAttachment

PRIVATE_COLLECTION_NAME = _("Case study submissions (private)")


def private_collection() -> Collection:
    """The collection imported attachments wait in, created (with its restriction) when first
    needed."""
    root = Collection.get_first_root_node()
    name = str(PRIVATE_COLLECTION_NAME)
    with transaction.atomic():
        collection = root.get_children().filter(name=name).first()
        if collection is None:
            collection = root.add_child(instance=Collection(name=name))
        if not collection.view_restrictions.exists():
            CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=CollectionViewRestriction.LOGIN
            )
    return collection


def unguessable_name(name: str) -> str:
    """A stored file name nobody can guess from the submitter's: ``report-3f9c1a2b7d4e.pdf``."""
    path = PurePath(get_valid_filename(name) or "attachment")
    return f"{path.stem[:80]}-{secrets.token_hex(8)}{path.suffix.lower()}"


def release_attachments(sender, instance, **kwargs) -> None:
    """``page_published`` receiver for case studies: the documents and images imported for it
    (from its submissions, or by an import from Word) move from the private collection to the
    root collection."""
    private = Collection.objects.filter(name=str(PRIVATE_COLLECTION_NAME)).first()
    if private is None:
        return
    attachments = SubmissionAttachment.objects.filter(submission__case_study=instance)
    used = _media_used_by(instance)
    root = Collection.get_first_root_node()
    for model, column in ((get_document_model(), "document"), (get_image_model(), "image")):
        ids = attachments.filter(**{f"{column}__isnull": False}).values(column)
        in_body = [obj.pk for obj in used if isinstance(obj, model)]
        private_media = model.objects.filter(collection=private)
        private_media.filter(Q(pk__in=ids) | Q(pk__in=in_body)).update(collection=root)


def _media_used_by(page) -> list:
    """The images and documents a page's body chooses, however deep in its blocks."""
    found: list = []
    image_model, document_model = get_image_model(), get_document_model()

    def visit(value) -> None:
        if isinstance(value, image_model | document_model):
            found.append(value)
        elif isinstance(value, StreamValue):
            for child in value:
                visit(child.value)
        elif isinstance(value, dict):  # StructValue
            for child in value.values():
                visit(child)
        elif isinstance(value, list | tuple | ListValue):
            for child in value:
                visit(getattr(child, "value", child))

    visit(getattr(page, "body", None))
    return found
