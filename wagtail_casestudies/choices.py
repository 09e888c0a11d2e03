"""Topics and support programmes in one language: which rows a form offers, in what order, and
the translation of a chosen row into another language.

Topics and support programmes are translatable snippets: each exists once per locale, the
translations sharing a ``translation_key``. Every surface that offers them (the submission form,
its JSON Schema and Word template, the editor's page form) offers the rows of one locale, in
``by_name`` order, so no list shows a topic twice; a page copied into another language links
that language's rows (``translate_relations``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.forms.models import ModelChoiceIterator
from wagtail.models import Locale, TranslatableMixin

from .compat import get_base_page_model
from .representation import topic_sort_key


def by_name(objects: Iterable) -> list:
    """In the one order of topics and programmes (``representation.topic_sort_key``: by name,
    case and accents aside), sorted in Python so every database and collation agrees: the
    form, the schema, the Word template, the editor and the API list them alike."""
    return sorted(objects, key=lambda obj: (*topic_sort_key(obj), obj.pk))


class ByNameIterator(ModelChoiceIterator):
    """A model choice field's choices in ``by_name`` order (one query, as Django's own)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in by_name(self.queryset):
            yield self.choice(obj)


def is_translatable_snippet(model) -> bool:
    """A model with a row per locale that is not a page (topics, support programmes, and any
    translatable snippet a site adds)."""
    return (
        isinstance(model, type)
        and issubclass(model, TranslatableMixin)
        and not issubclass(model, get_base_page_model())
    )


def locale_for_language() -> Locale | None:
    """The locale of the active language, else the default one; else (``LANGUAGES`` that
    name no locale row, as on a site that never enabled i18n) the first locale made."""
    try:
        return Locale.get_active()
    except (Locale.DoesNotExist, LookupError):
        return Locale.objects.order_by("pk").first()


def in_locale(model, locale: Locale | int | None) -> models.QuerySet:
    """The rows of ``model`` in one locale (every row when there is no locale at all)."""
    if locale is None:
        return model._default_manager.all()
    locale_id = locale.pk if isinstance(locale, Locale) else locale
    return model._default_manager.filter(locale_id=locale_id)


def translated(objects: Iterable, locale_id: int) -> list:
    """``objects`` (rows of one translatable model), each replaced by its translation in
    ``locale_id`` where it has one, in the same order and once each. One query at most."""
    objects = list(objects)
    foreign = [obj for obj in objects if obj.locale_id != locale_id]
    if not foreign:
        return objects
    model = type(foreign[0])
    found = {
        row.translation_key: row
        for row in model._default_manager.filter(
            translation_key__in={obj.translation_key for obj in foreign}, locale_id=locale_id
        )
    }
    result = []
    for obj in objects:
        obj = found.get(obj.translation_key, obj) if obj.locale_id != locale_id else obj
        if obj not in result:
            result.append(obj)
    return result


def snippet_relations(model) -> list[models.Field]:
    """The foreign keys and many-to-many fields of ``model`` that point at translatable
    snippets (a case study's topics, main topic and support programme)."""
    return [
        field
        for field in model._meta.get_fields()
        if (field.many_to_many or field.many_to_one)
        and not field.auto_created
        and is_translatable_snippet(field.related_model)
    ]


def translate_relations(instance, locale_id: int) -> list[str]:
    """Point ``instance``'s translatable snippet relations at their translations in
    ``locale_id`` where those exist (in memory: the caller saves). Returns the names of the
    fields that changed."""
    changed = []
    for field in snippet_relations(type(instance)):
        if field.many_to_many:
            current = list(getattr(instance, field.name).all())
            new = translated(current, locale_id)
            if [obj.pk for obj in new] != [obj.pk for obj in current]:
                setattr(instance, field.name, new)
                changed.append(field.name)
        else:
            current = getattr(instance, field.name)
            if current is None or current.locale_id == locale_id:
                continue
            new = translated([current], locale_id)[0]
            if new.pk != current.pk:
                setattr(instance, field.name, new)
                changed.append(field.name)
    return changed
