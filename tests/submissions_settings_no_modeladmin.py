"""The test settings less wagtail_modeladmin, to show the inbox's system check (E020)."""

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "wagtail_modeladmin"]  # noqa: F405
