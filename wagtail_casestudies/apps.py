from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCaseStudiesAppConfig(AppConfig):
    name = "wagtail_casestudies"
    label = "wagtail_casestudies"
    verbose_name = _("Case studies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Importing registers the system checks and signal handlers.
        from . import checks, signal_handlers  # noqa: F401
