"""Every model change ships with its migration."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_missing_migrations():
    output = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)
    except SystemExit:  # makemigrations --check exits 1 when a migration is missing
        pytest.fail(f"A model change has no migration:\n{output.getvalue()}")
    assert "No changes detected" in output.getvalue()
