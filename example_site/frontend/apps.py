from django.apps import AppConfig


class FrontendConfig(AppConfig):
    """A headless front end for the case-study library: static HTML, CSS and JavaScript that read
    only the public API, plus the token-protected preview of unsaved drafts."""

    name = "frontend"
    verbose_name = "Headless front end"
    default_auto_field = "django.db.models.BigAutoField"
