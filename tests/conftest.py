import pytest
from django.contrib.auth import get_user_model

from tests import factories


@pytest.fixture
def index_page(db):
    return factories.make_index_page()


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "password")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
