from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from .importing.admin_views import can_import_under, import_from_word
from .viewsets import CaseStudiesViewSetGroup

register_snippet(CaseStudiesViewSetGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path(
            "casestudies/import-from-word/<int:page_id>/",
            import_from_word,
            name="wagtail_casestudies_import_from_word",
        )
    ]


def _import_button(page, user, priority: int):
    if can_import_under(user, page):
        yield Button(
            _("Import from Word"),
            reverse("wagtail_casestudies_import_from_word", args=[page.pk]),
            icon_name="doc-full-inverse",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def import_from_word_header_button(page, user, view_name=None, next_url=None):
    yield from _import_button(page, user, priority=16)


@hooks.register("register_page_listing_more_buttons")
def import_from_word_listing_button(page, user, next_url=None):
    yield from _import_button(page, user, priority=9)


@hooks.register("insert_editor_js")
def chosen_order_js():
    """The councils' chooser sends the councils ticked together in the order they were ticked:
    the first is the lead council (``viewsets.CouncilsInOrderChosenView``)."""
    return format_html(
        '<script src="{}"></script>', static("wagtail_casestudies/admin/chosen-order.js")
    )
