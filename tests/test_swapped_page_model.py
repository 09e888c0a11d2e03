"""On Wagtail 8 a site may swap its base page model; the package's pages then build on it.

Runs under tests.settings_swapped_page (scripts/test does so on the newest environment); skipped
under the ordinary settings.
"""

import pytest
from django.conf import settings

from tests import factories
from wagtail_casestudies.compat import get_base_page_model_string
from wagtail_casestudies.models import CaseStudyIndexPage, CaseStudyPage, CovidHubPage

pytestmark = pytest.mark.skipif(
    get_base_page_model_string().lower() == "wagtailcore.page",
    reason="the base page model is not swapped",
)


@pytest.mark.parametrize("model", [CaseStudyIndexPage, CaseStudyPage, CovidHubPage])
def test_page_types_inherit_the_sites_base_page(model):
    from django.apps import apps

    base = apps.get_model(settings.WAGTAIL_PAGE_MODEL)
    assert issubclass(model, base)
    assert model._meta.get_field("page_ptr").related_model is base


@pytest.mark.django_db
def test_case_study_carries_the_base_page_fields(index_page):
    page = factories.make_case_study(index_page, "Swapped", importance="high")
    page.refresh_from_db()
    assert page.importance == "high"
    assert CaseStudyPage.objects.live().get().pk == page.pk
