"""An entry from the phone's offline queue names its account (X-Otop-Account): the server takes
it only under that account, so the service worker, which sends the queue without knowing who is
signed in, can never file one person's sales or problem under another's name."""

import pytest
from django.utils import timezone

from sales.models import DailySales, IssueReport
from tests.factories import AssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def booth_of_two():
    """A booth whose group has two member accounts (both may enter its sales)."""
    first = UserFactory(role="producer", username="producer_owner_a")
    second = UserFactory(role="producer", username="producer_owner_b")
    return AssignmentFactory(members=[first, second]), first, second


def _post_sales(client, booth, owner):
    data = {"day": timezone.localdate().isoformat(), "amount": "1,500", "client_key": "k-1"}
    return client.post(f"/sales/booth/{booth.pk}/", data, HTTP_X_OTOP_ACCOUNT=str(owner.pk), **JSON)


def test_a_queued_sale_of_another_account_is_refused_and_not_saved(client, booth_of_two):
    booth, first, second = booth_of_two
    client.force_login(second)
    assert _post_sales(client, booth, first).status_code == 409
    assert not DailySales.objects.exists()


def test_a_queued_sale_without_anyone_signed_in_is_refused(client, booth_of_two):
    booth, first, _ = booth_of_two
    assert _post_sales(client, booth, first).status_code == 409
    assert not DailySales.objects.exists()


def test_a_queued_sale_of_the_signed_in_account_is_saved_once(client, booth_of_two):
    booth, first, _ = booth_of_two
    client.force_login(first)
    answers = [_post_sales(client, booth, first) for _ in range(2)]
    assert [a.json()["ok"] for a in answers] == [True, True]
    assert DailySales.objects.get().entered_by == first


def test_a_queued_problem_of_another_account_is_refused(client, booth_of_two):
    booth, first, second = booth_of_two
    client.force_login(second)
    data = {"category": "electricity", "description": "ไฟดับ", "client_key": "k-2"}
    answer = client.post(
        f"/sales/fairs/{booth.fair_id}/problems/new/",
        data,
        HTTP_X_OTOP_ACCOUNT=str(first.pk),
        **JSON,
    )
    assert answer.status_code == 409 and not IssueReport.objects.exists()
