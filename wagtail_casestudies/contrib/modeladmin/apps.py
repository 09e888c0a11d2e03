from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailCaseStudiesModelAdminAppConfig(AppConfig):
    name = "wagtail_casestudies.contrib.modeladmin"
    label = "wagtail_casestudies_modeladmin"
    verbose_name = _("Case study submissions inbox")

    def ready(self) -> None:
        from . import checks  # noqa: F401
