"""Version shims. Each says which version it serves, so it can be deleted with that version."""

from __future__ import annotations

from wagtail import VERSION as WAGTAIL_VERSION
from wagtail.blocks import Block

# Wagtail < 8.0: the base Page model is not swappable (no WAGTAIL_PAGE_MODEL, no swapper).
HAS_SWAPPABLE_PAGE_MODEL = WAGTAIL_VERSION >= (8, 0)

# Wagtail < 8.0: the v3 API preview does not exist.
HAS_API_V3 = WAGTAIL_VERSION >= (8, 0)

# Wagtail < 8.0: search backends cannot filter through a relation (a RelatedFields' FilterField);
# django-modelsearch, which Wagtail 8 searches with, can. Elasticsearch then filters the
# listing itself only on Wagtail 8 (api/backend_listing.py).
SEARCH_FILTERS_THROUGH_RELATIONS = WAGTAIL_VERSION >= (8, 0)

# Wagtail < 7.1 (7.0 LTS): StreamField blocks cannot defer their required fields when a draft is
# saved, so a new case study's empty template sections would stop its first draft save.
BLOCKS_DEFER_REQUIRED_FOR_DRAFTS = hasattr(Block, "defer_required_validation")

# Wagtail < 8.0: the API's URL helpers live in the v2 package.
if WAGTAIL_VERSION >= (8, 0):
    from wagtail.api.utils import get_base_url  # noqa: F401 - for representation.base_url
else:
    from wagtail.api.v2.utils import get_base_url  # noqa: F401


def get_base_page_model_string() -> str:
    """The ``app_label.ModelName`` of the site's base page model, as Wagtail 8 asks apps to use.

    Reusable apps must not import ``wagtail.models.Page`` as the parent of their concrete page
    types on Wagtail 8: a site may swap it through ``WAGTAIL_PAGE_MODEL``.
    """
    if HAS_SWAPPABLE_PAGE_MODEL:
        import swapper

        return swapper.get_model_name("wagtailcore", "Page")
    # Wagtail < 8.0
    return "wagtailcore.Page"


def get_base_page_model():
    """The class every concrete page type of this package inherits from."""
    if HAS_SWAPPABLE_PAGE_MODEL:
        import swapper

        if swapper.is_swapped("wagtailcore", "Page"):
            from django.apps import apps
            from django.core.exceptions import ImproperlyConfigured

            label = get_base_page_model_string()
            try:
                # Our models module is imported while the registry is still loading models.
                return apps.get_model(label, require_ready=False)
            except LookupError as error:
                raise ImproperlyConfigured(
                    f"WAGTAIL_PAGE_MODEL is {label!r}, but that model is not loaded yet: put its "
                    f"app before 'wagtail_casestudies' in INSTALLED_APPS."
                ) from error
    # Wagtail < 8.0, or Wagtail 8 without a swapped page model
    from wagtail.models import Page

    return Page


def base_page_model_dependency() -> tuple[str, str]:
    """A migration dependency on whichever app holds the base page model."""
    label = get_base_page_model_string()
    app_label = label.split(".")[0]
    if app_label == "wagtailcore":
        # The page model this package's first migration was generated against.
        return ("wagtailcore", "0094_alter_page_locale")
    return (app_label, "__first__")
