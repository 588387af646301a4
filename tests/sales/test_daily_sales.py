"""Logging a fair day's sales: one row per booth and day, the cut-off, officers on behalf."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from booths.models import FairState
from producers.models import Province
from sales.line_chat import answer_chat
from sales.models import DailySales
from sales.services import record_daily_sales, set_sales_cutoff
from tests.factories import AssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def at(day, hour):
    """A moment in Bangkok time, `day` at `hour` o'clock."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_resubmitting_a_day_updates_the_one_row(holding, producer_user):
    day = holding.fair.start_date
    record_daily_sales(
        assignment=holding, day=day, amount=Decimal("1200"), by=producer_user, now=at(day, 18)
    )
    record_daily_sales(
        assignment=holding,
        day=day,
        amount=Decimal("1500"),
        units=12,
        by=producer_user,
        now=at(day, 19),
    )
    rows = DailySales.objects.filter(assignment=holding)
    assert rows.count() == 1
    assert rows.get().amount == Decimal("1500") and rows.get().units == 12


def test_two_booths_each_keep_their_own_figure_for_the_same_day(holding, producer_user):
    neighbour = UserFactory(role="producer", username="producer_next_booth")
    next_booth = AssignmentFactory(booth__zone__fair=holding.fair, members=[neighbour])
    day = holding.fair.start_date
    for booth, by, amount in ((holding, producer_user, "1200"), (next_booth, neighbour, "800")):
        record_daily_sales(
            assignment=booth, day=day, amount=Decimal(amount), by=by, now=at(day, 18)
        )
    kept = dict(DailySales.objects.filter(day=day).values_list("assignment", "amount"))
    assert kept == {holding.pk: Decimal("1200"), next_booth.pk: Decimal("800")}


def test_a_sale_sent_by_line_chat_keeps_no_note(holding, producer_user):
    answer_chat(None, user=producer_user, text="ยอด 1,500", message_id="m-note")
    row = DailySales.objects.get(assignment=holding)
    assert (row.amount, row.note) == (Decimal("1500"), "")


def test_replaying_the_same_idempotency_key_changes_nothing(holding, producer_user):
    day = holding.fair.start_date
    kwargs = dict(assignment=holding, day=day, by=producer_user, client_key="k-1", now=at(day, 18))
    record_daily_sales(amount=Decimal("900"), **kwargs)
    record_daily_sales(amount=Decimal("900"), **kwargs)
    row = DailySales.objects.get(assignment=holding)
    assert row.history.count() == 1


def test_producer_can_fix_a_day_until_the_default_noon_next_day(holding, producer_user):
    day = holding.fair.start_date
    next_day = day + datetime.timedelta(days=1)
    record_daily_sales(
        assignment=holding, day=day, amount=Decimal("10"), by=producer_user, now=at(next_day, 11)
    )
    with pytest.raises(ValidationError) as error:
        record_daily_sales(
            assignment=holding,
            day=day,
            amount=Decimal("20"),
            by=producer_user,
            now=at(next_day, 13),
        )
    assert error.value.code == "past_cutoff"
    assert DailySales.objects.get(assignment=holding).amount == Decimal("10")


def test_officer_sets_a_later_cutoff_and_producers_may_fix_until_then(
    holding, producer_user, province_officer
):
    set_sales_cutoff(
        fair=holding.fair, days_after=2, cutoff_time=datetime.time(9), by=province_officer
    )
    day = holding.fair.start_date
    record_daily_sales(
        assignment=holding,
        day=day,
        amount=Decimal("30"),
        by=producer_user,
        now=at(day + datetime.timedelta(days=2), 8),
    )
    with pytest.raises(ValidationError) as error:
        record_daily_sales(
            assignment=holding,
            day=day,
            amount=Decimal("40"),
            by=producer_user,
            now=at(day + datetime.timedelta(days=2), 10),
        )
    assert error.value.code == "past_cutoff"


def test_officer_fixes_after_the_cutoff_only_with_a_reason_that_is_audited(
    holding, province_officer
):
    day = holding.fair.start_date
    late = at(day + datetime.timedelta(days=3), 9)
    with pytest.raises(ValidationError) as error:
        record_daily_sales(
            assignment=holding, day=day, amount=Decimal("500"), by=province_officer, now=late
        )
    assert error.value.code == "reason_required"
    record_daily_sales(
        assignment=holding,
        day=day,
        amount=Decimal("500"),
        by=province_officer,
        reason="ผู้ผลิตแจ้งยอดผิด",
        now=late,
    )
    record = DailySales.objects.get(assignment=holding).history.first()
    assert record.history_user == province_officer
    assert record.history_change_reason == "ผู้ผลิตแจ้งยอดผิด"


def test_officer_entering_on_behalf_is_recorded_as_the_officer(holding, province_officer):
    day = holding.fair.start_date
    row = record_daily_sales(
        assignment=holding, day=day, amount=Decimal("750"), by=province_officer, now=at(day, 20)
    )
    assert row.entered_by == province_officer
    record = row.history.first()
    assert record.history_user == province_officer
    assert record.history_change_reason


def test_officer_of_another_province_cannot_enter(holding):
    stranger = UserFactory(role="officer", username="officer_bkk")
    stranger.officer_provinces.add(Province.objects.get(code="10"))
    with pytest.raises(ValidationError) as error:
        record_daily_sales(
            assignment=holding, day=holding.fair.start_date, amount=Decimal("1"), by=stranger
        )
    assert error.value.code == "not_allowed"


def test_producer_of_another_group_cannot_enter(holding):
    other = UserFactory(role="producer", username="producer_other")
    AssignmentFactory(booth__zone__fair=holding.fair, members=[other])
    day = holding.fair.start_date
    with pytest.raises(ValidationError) as error:
        record_daily_sales(
            assignment=holding, day=day, amount=Decimal("1"), by=other, now=at(day, 18)
        )
    assert error.value.code == "not_allowed"
    assert not DailySales.objects.exists()


@pytest.mark.parametrize(
    ("offset", "code"), [(-1, "not_fair_day"), (10, "not_fair_day"), (3, "future_day")]
)
def test_only_fair_days_up_to_today(holding, producer_user, offset, code):
    day = holding.fair.start_date + datetime.timedelta(days=offset)
    with pytest.raises(ValidationError) as error:
        record_daily_sales(assignment=holding, day=day, amount=Decimal("1"), by=producer_user)
    assert error.value.code == code


def test_closed_fair_takes_late_fixes_from_officers_but_not_producers(
    holding, producer_user, province_officer
):
    fair = holding.fair
    fair.state = FairState.CLOSED
    fair.save()
    day = fair.start_date
    with pytest.raises(ValidationError) as error:
        record_daily_sales(
            assignment=holding, day=day, amount=Decimal("5"), by=producer_user, now=at(day, 18)
        )
    assert error.value.code == "fair_not_running"
    record_daily_sales(
        assignment=holding, day=day, amount=Decimal("5"), by=province_officer, reason="แก้ไขหลังปิดงาน"
    )
    assert DailySales.objects.get(assignment=holding).amount == Decimal("5")


def test_allocated_fair_takes_no_sales(holding, province_officer):
    fair = holding.fair
    fair.state = FairState.ALLOCATED
    fair.save()
    day = fair.start_date
    with pytest.raises(ValidationError) as error:
        record_daily_sales(
            assignment=holding,
            day=day,
            amount=Decimal("5"),
            by=province_officer,
            reason="ผู้ผลิตแจ้งยอดทางโทรศัพท์",
            now=at(day, 18),
        )
    assert error.value.code == "fair_not_running"
    assert not DailySales.objects.exists()
