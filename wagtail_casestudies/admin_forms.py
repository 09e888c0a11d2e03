"""The editor's page form: topic and programme choosers that offer the page's language only.

A page's topics and support programme are translatable snippets, a row per locale; Django's
form would offer every row of every locale, so a Welsh case study listed each topic twice, the
English one beside the Welsh. ``LocaleChoicesPageForm`` offers the rows of the page's locale (the
parent's, for a new page), sorted as every other surface sorts them (``choices.by_name``).

A relation that already points at another locale's row is kept, offered and ticked, with its
language after its name, so saving the page does not drop it without the editor seeing it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.models import Locale

from .choices import ByNameIterator, is_translatable_snippet

OTHER_LANGUAGE_HELP = _(
    "Entries marked with a language belong to another language's list: untick them and tick "
    "this language's entry instead."
)


class LocaleChoicesPageForm(WagtailAdminPageForm):
    """A page form whose choosers of translatable snippets list the page's locale only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is not None:
            self.limit_choices_to_locale(locale_id)

    def limit_choices_to_locale(self, locale_id: int) -> None:
        locale_names = None
        for name, form_field in self.fields.items():
            if not isinstance(form_field, forms.ModelChoiceField):
                continue
            if not is_translatable_snippet(form_field.queryset.model):
                continue
            current = self._current_ids(name)
            # The iterator first: setting the queryset hands the widget its choices.
            form_field.iterator = ByNameIterator
            form_field.queryset = form_field.queryset.filter(
                Q(locale_id=locale_id) | Q(pk__in=current)
            )
            if isinstance(form_field.widget, BaseChooser):
                _open_chooser_in_locale(form_field.widget, locale_id)
            if not current:
                continue
            others = set(
                form_field.queryset.model._default_manager.filter(pk__in=current)
                .exclude(locale_id=locale_id)
                .values_list("pk", flat=True)
            )
            if not others:
                continue
            if locale_names is None:
                locale_names = {
                    locale.pk: locale.get_display_name() for locale in Locale.objects.all()
                }
            form_field.label_from_instance = _labelled_with_language(
                form_field.label_from_instance, others, locale_names
            )
            form_field.help_text = " ".join(
                str(text) for text in (form_field.help_text, OTHER_LANGUAGE_HELP) if text
            )
            # The labels changed after the widget was handed its choices.
            form_field.widget.choices = form_field.choices

    def _current_ids(self, name: str) -> list:
        """The primary keys the page links through field ``name`` now (none for a new page)."""
        try:
            model_field = self.instance._meta.get_field(name)
        except FieldDoesNotExist:  # a form field of its own, not the model's
            return []
        if model_field.many_to_many:
            return [obj.pk for obj in getattr(self.instance, name).all()]
        value = getattr(self.instance, model_field.attname, None)
        return [value] if value is not None else []


def _open_chooser_in_locale(widget: BaseChooser, locale_id: int) -> None:
    """A snippet chooser (the support programme's) opens on the page's language: Wagtail's
    chooser listing filters by ``?locale=<language code>``."""
    code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
    if not code:
        return
    modal_url = widget.get_chooser_modal_url
    separator = "&" if "?" in modal_url() else "?"
    widget.get_chooser_modal_url = lambda: f"{modal_url()}{separator}{urlencode({'locale': code})}"


def _labelled_with_language(label_from_instance, foreign_ids: set, locale_names: dict):
    def label(obj) -> str:
        text = label_from_instance(obj)
        if obj.pk in foreign_ids:
            return f"{text} ({locale_names.get(obj.locale_id, '?')})"
        return text

    return label
