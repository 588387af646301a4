"""Orders taken at the booth (ยอดสั่งจอง) beside the day's sales: the same one row per booth and
day, the same cut-off, and "total" = sales + orders in every figure."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from producers.models import Category
from sales.models import DailySales
from sales.reports import fair_report
from sales.reports.breakdowns import sales_by_zone
from sales.selectors import checkin_dashboard
from sales.services import record_daily_sales
from tests.factories import AssignmentFactory

pytestmark = pytest.mark.django_db


def at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_orders_are_kept_beside_sales_and_the_total_adds_them(holding, producer_user):
    day = holding.fair.start_date
    row = record_daily_sales(
        assignment=holding,
        day=day,
        amount=Decimal("1200"),
        orders=Decimal("800"),
        by=producer_user,
        now=at(day, 18),
    )
    row.refresh_from_db()
    assert (row.amount, row.orders, row.total) == (1200, 800, 2000)


def test_a_submit_without_orders_keeps_the_orders_already_entered(holding, producer_user):
    """Callers that know only sales (a LINE message) do not wipe the day's orders."""
    day = holding.fair.start_date
    kwargs = dict(assignment=holding, day=day, by=producer_user, now=at(day, 18))
    record_daily_sales(amount=Decimal("100"), orders=Decimal("50"), **kwargs)
    record_daily_sales(amount=Decimal("300"), **kwargs)
    row = DailySales.objects.get(assignment=holding)
    assert (row.amount, row.orders) == (300, 50)


def test_orders_past_the_cutoff_are_refused_to_the_producer(holding, producer_user):
    day = holding.fair.start_date
    record_daily_sales(
        assignment=holding, day=day, amount=Decimal("10"), by=producer_user, now=at(day, 18)
    )
    late = at(day + datetime.timedelta(days=1), 13)
    with pytest.raises(ValidationError):
        record_daily_sales(
            assignment=holding,
            day=day,
            amount=Decimal("10"),
            orders=Decimal("5000"),
            by=producer_user,
            now=late,
        )
    assert DailySales.objects.get(assignment=holding).orders == 0


def test_the_database_refuses_negative_orders(holding, producer_user):
    row = record_daily_sales(
        assignment=holding,
        day=holding.fair.start_date,
        amount=Decimal("10"),
        by=producer_user,
        now=at(holding.fair.start_date, 18),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        DailySales.objects.filter(pk=row.pk).update(orders=Decimal("-1"))


def test_the_form_says_a_delivered_order_is_not_entered_again(client_for, holding, producer_user):
    html = client_for(producer_user).get(f"/sales/booth/{holding.pk}/").content.decode()
    assert 'name="orders"' in html
    assert "ไม่ต้องกรอกซ้ำเป็นยอดจำหน่าย" in html


def test_json_submit_with_orders_saves_both(client_for, holding, producer_user):
    response = client_for(producer_user).post(
        f"/sales/booth/{holding.pk}/",
        {"day": timezone.localdate().isoformat(), "amount": "1,000", "orders": "2,500"},
        HTTP_ACCEPT="application/json",
    )
    assert response.json()["ok"] and response.json()["orders"] == "2500.00"
    assert DailySales.objects.get(assignment=holding).total == 3500


days_and_figures = st.lists(
    st.tuples(
        st.integers(0, 2),  # which booth
        st.integers(0, 2),  # which fair day
        st.integers(0, 50_000),
        st.integers(0, 50_000),
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=days_and_figures)
def test_sales_and_orders_add_up_in_every_total(fair, officer, entries):
    with transaction.atomic():
        officer.is_superuser = True
        booths = [
            AssignmentFactory(booth__zone__fair=fair, application__category=category)
            for category in (Category.FOOD, Category.BEVERAGE, Category.FOOD)
        ]
        stored = {}
        for booth, day_index, sales, orders in entries:
            day = fair.start_date + datetime.timedelta(days=day_index)
            record_daily_sales(
                assignment=booths[booth],
                day=day,
                amount=Decimal(sales),
                orders=Decimal(orders),
                by=officer,
                reason="แก้ไข",
                amount_confirmed=True,  # any figures, typed on purpose: the sums are the point
            )
            stored[(booth, day)] = (sales, orders)
        _assert_totals_add_up(fair, stored)
        transaction.set_rollback(True)


def _assert_totals_add_up(fair, stored):
    whole = sum(s + o for s, o in stored.values())
    report = fair_report(fair)
    assert report.headline.total == whole
    assert report.headline.sales + report.headline.orders == whole
    assert sum(r.total for r in report.days) == whole
    assert sum(r.orders for r in report.days) == report.headline.orders
    assert sum(r.total for r in report.categories) == whole
    assert sum(r.total for r in sales_by_zone(fair, whole)) == whole
    for day in fair.fair_days[:3]:
        on_day = sum(s + o for (_, d), (s, o) in stored.items() if d == day)
        data = checkin_dashboard(fair, day)
        assert data.today_total == on_day
        assert sum(r.current for r in data.by_category) == on_day
