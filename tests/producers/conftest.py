"""Geography comes from a data migration, and a transactional (browser) test flushes it at its end.
A reused test database therefore gets it back here before the registry tests run."""

import pytest
from django.db import connection

from producers.geography import load_geography
from producers.models import District, Province, Subdistrict


def ensure_geography():
    if Subdistrict.objects.exists():
        return False
    load_geography(Province, District, Subdistrict)
    return True


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if ensure_geography() and hasattr(connection, "_test_serialized_contents"):
            # Serialized rollback restores what was saved at set-up: save it again with the areas.
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
