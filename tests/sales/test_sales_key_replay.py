"""A replayed idempotency key never re-applies: whatever order the phone's queue resends entries
in, the day holds the value of the last new key, and a replay is answered with that value."""

from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from sales.models import DailySales
from sales.services import record_daily_sales
from tests.sales.test_daily_sales import at
from tests.test_bad_input import SETTINGS

pytestmark = pytest.mark.django_db


def test_an_old_key_replayed_after_a_newer_entry_changes_nothing(holding, producer_user):
    day = holding.fair.start_date
    kwargs = dict(assignment=holding, day=day, by=producer_user, now=at(day, 18))
    record_daily_sales(amount=Decimal("1000"), client_key="K1", **kwargs)
    record_daily_sales(amount=Decimal("1500"), client_key="K2", **kwargs)
    answer = record_daily_sales(amount=Decimal("1000"), client_key="K1", **kwargs)
    row = DailySales.objects.get(assignment=holding, day=day)
    assert answer.amount == row.amount == Decimal("1500")
    assert row.history.count() == 2


entries = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 10_000)), min_size=1, max_size=12)


@SETTINGS
@given(sent=entries)
def test_any_resend_order_keeps_the_value_of_the_last_new_key(holding, producer_user, sent):
    """`sent` is (key number, amount) in arrival order; a key's amount is fixed by its first send."""
    day = holding.fair.start_date
    DailySales.objects.filter(assignment=holding).delete()
    amounts, expected = {}, None
    for key, amount in sent:
        first_time = key not in amounts
        amounts.setdefault(key, Decimal(amount))
        answer = record_daily_sales(
            assignment=holding,
            day=day,
            amount=amounts[key],
            by=producer_user,
            client_key=f"key-{key}",
            now=at(day, 18),
        )
        expected = amounts[key] if first_time else expected
        assert answer.amount == expected
    row = DailySales.objects.get(assignment=holding, day=day)
    assert row.amount == expected
    assert row.history.count() == len(amounts)


def test_a_replayed_key_over_http_answers_the_current_value(client_for, holding, producer_user):
    day = holding.fair.start_date
    url = reverse("sales:enter", args=[holding.pk])
    client = client_for(producer_user)
    kwargs = dict(assignment=holding, day=day, by=producer_user, now=at(day, 18))
    record_daily_sales(amount=Decimal("1000"), client_key="K1", **kwargs)
    record_daily_sales(amount=Decimal("1500"), client_key="K2", **kwargs)
    with time_machine.travel(at(day, 19)):
        response = client.post(
            url,
            {"day": day.isoformat(), "amount": "1000", "client_key": "K1"},
            HTTP_ACCEPT="application/json",
        )
    assert response.status_code == 200, response.content
    assert response.json()["amount"] == "1500.00"
    assert DailySales.objects.get(assignment=holding, day=day).amount == Decimal("1500")
