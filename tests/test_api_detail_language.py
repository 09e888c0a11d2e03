"""A case study's detail is in the case study's own language throughout, as its card is: a
Welsh case study names its councils in Welsh whatever language the API request runs in."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from tests import factories

URL = "/api/v2/case-studies/"


@pytest.fixture
def welsh_case_study(db, settings, django_capture_on_commit_callbacks):
    # The Welsh page sits below the Welsh home page: part of the site with i18n on.
    settings.WAGTAIL_I18N_ENABLED = True
    cache.clear()
    welsh = Locale.objects.create(language_code="cy")
    cardiff = factories.make_council("Cardiff Council", welsh_name="Cyngor Caerdydd")
    index = factories.make_index_page()
    english = factories.make_case_study(index, "Cardiff: contact tracing", councils=[cardiff])
    with django_capture_on_commit_callbacks(execute=True):
        page = english.copy_for_translation(welsh, copy_parents=True)
        page.title = "Caerdydd: olrhain cysylltiadau"
        page.save_revision().publish()
    return english, page


def test_a_welsh_detail_names_its_councils_in_welsh(client, welsh_case_study):
    english, welsh = welsh_case_study
    data = client.get(f"{URL}{welsh.pk}/").json()
    assert data["meta"]["locale"] == "cy"
    assert data["lead_council"]["name"] == "Cyngor Caerdydd"
    # Not only the card's fields: the council list too, in the page's language.
    assert [council["name"] for council in data["councils"]] == ["Cyngor Caerdydd"]

    data = client.get(f"{URL}{english.pk}/").json()
    assert [council["name"] for council in data["councils"]] == ["Cardiff Council"]
