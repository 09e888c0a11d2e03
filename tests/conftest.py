import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests import factories
from wagtail_casestudies.models import CaseStudySubmissionPage


@pytest.fixture
def index_page(db):
    return factories.make_index_page()


@pytest.fixture
def submission_page(index_page):
    """The submission form page, published below the case-study index."""
    page = CaseStudySubmissionPage(title="Send us a case study", slug="submit")
    index_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "password")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def fresh_cache():
    """An empty cache before and after the test (use with ``pytest.mark.usefixtures``)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cornwall(db):
    return factories.make_council("Cornwall Council", short_name="Cornwall")
