"""tests/localize runs only under ``--ds tests.settings_localize`` (scripts/test's
newest-localize run): the other settings do not install wagtail-localize."""

from django.conf import settings

collect_ignore_glob = [] if "wagtail_localize" in settings.INSTALLED_APPS else ["test_*.py"]
