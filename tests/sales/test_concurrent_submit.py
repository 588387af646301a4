"""Two submits of the same booth and day at the same moment leave one row with the later value."""

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from sales.models import DailySales
from sales.services import record_daily_sales

pytestmark = pytest.mark.django_db(transaction=True)


def run_in_thread(target):
    errors = []

    def wrapped():
        try:
            target()
        except Exception as error:  # noqa: BLE001 - re-raised in the test thread below
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=wrapped)
    thread.start()
    return thread, errors


def test_second_submit_waits_for_the_first_and_its_value_wins(holding, producer_user):
    day = timezone.localdate()
    first_wrote, first_may_commit = threading.Event(), threading.Event()

    def first():
        with transaction.atomic():
            record_daily_sales(assignment=holding, day=day, amount=Decimal("100"), by=producer_user)
            first_wrote.set()
            first_may_commit.wait(10)

    def second():
        record_daily_sales(assignment=holding, day=day, amount=Decimal("250"), by=producer_user)

    one, errors_one = run_in_thread(first)
    assert first_wrote.wait(10), errors_one
    two, errors_two = run_in_thread(second)
    two.join(0.5)
    assert two.is_alive(), "the second submit must wait for the first one's lock"
    first_may_commit.set()
    one.join(10)
    two.join(10)
    assert not errors_one and not errors_two
    assert list(DailySales.objects.values_list("amount", flat=True)) == [Decimal("250")]


def test_a_burst_of_double_taps_over_http_makes_one_row(holding, producer_user):
    day = timezone.localdate().isoformat()
    start = threading.Barrier(6)
    statuses = []

    def tap(amount):
        def post():
            client = Client()
            client.force_login(producer_user)
            start.wait(10)
            response = client.post(
                f"/sales/booth/{holding.pk}/",
                {"day": day, "amount": amount},
                HTTP_ACCEPT="application/json",
            )
            statuses.append(response.status_code)

        return post

    threads = [run_in_thread(tap(str(1000 + i))) for i in range(6)]
    for thread, errors in threads:
        thread.join(20)
        assert not errors
    assert statuses == [200] * 6
    rows = DailySales.objects.filter(assignment=holding)
    assert rows.count() == 1
    assert rows.get().history.count() == 6
    assert rows.get().amount in {Decimal(1000 + i) for i in range(6)}
