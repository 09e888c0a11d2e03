from django.apps import AppConfig
from django.db.models.signals import pre_migrate
from django.utils.translation import gettext_lazy as _


class WagtailCaseStudiesAppConfig(AppConfig):
    name = "wagtail_casestudies"
    label = "wagtail_casestudies"
    verbose_name = _("Case studies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # These import the models, which are loaded only now.
        from . import checks, signal_handlers  # noqa: F401 - importing registers the checks
        from .migration_guard import refuse_zero_while_pages_exist

        signal_handlers.connect(self)
        pre_migrate.connect(refuse_zero_while_pages_exist, sender=self)
