"""Django's model permissions are for the admin site's staff; roles and rules decide the rest."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _can_change_groups(user):
    user.user_permissions.add(Permission.objects.get(codename="change_producergroup"))
    fresh = type(user).objects.get(pk=user.pk)
    return fresh.has_perm("producers.change_producergroup")


def test_staff_keep_the_model_permissions_they_are_given():
    assert _can_change_groups(UserFactory(role="officer", username="staff_a", is_staff=True))


def test_a_model_permission_does_nothing_for_an_account_without_staff_status():
    assert not _can_change_groups(UserFactory(role="producer", username="not_staff"))


def test_a_producers_page_does_not_load_model_permissions(client_for):
    producer = UserFactory(role="producer", username="p_perm_queries")
    client = client_for(producer)
    client.get("/producer/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/producer/").status_code == 200
    assert not [q for q in captured.captured_queries if "auth_permission" in q["sql"]]
