"""The test settings with the base page model swapped, as a Wagtail 8 site may do.

Uses Wagtail's own test app ``wagtail.test.basepage`` (shipped with Wagtail 8) as the site's base
page model. Only meaningful on Wagtail 8 and later.
"""

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

INSTALLED_APPS = ["wagtail.test.basepage", *INSTALLED_APPS]
WAGTAIL_PAGE_MODEL = "basepage.BasePage"
