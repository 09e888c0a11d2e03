"""The test settings with wagtail-localize installed, English and Welsh, as a bilingual site that
translates its case studies with wagtail-localize would have them (tests/localize).

``wagtail_localize.locales`` is wagtail-localize's replacement for ``wagtail.locales`` (its
installation guide says to use one, not both); ``tests.settings`` has neither.
"""

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS, MIDDLEWARE

INSTALLED_APPS = [
    *INSTALLED_APPS[: INSTALLED_APPS.index("wagtail.admin")],
    "wagtail_localize",
    "wagtail_localize.locales",
    *INSTALLED_APPS[INSTALLED_APPS.index("wagtail.admin") :],
]
# Pages are served in the language of their URL: English at /, Welsh under /cy/.
MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index("django.middleware.common.CommonMiddleware")],
    "django.middleware.locale.LocaleMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("django.middleware.common.CommonMiddleware") :],
]
ROOT_URLCONF = "tests.localize.urls"

USE_I18N = True
WAGTAIL_I18N_ENABLED = True
LANGUAGE_CODE = "en-gb"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en-gb", "English"), ("cy", "Welsh")]
