"""Which sales a booth's holder may log, seen from the producer's phone and the officer's laptop.

Each test reaches the one rule it names (a day within the cut-off, a reason given, a producer of
the holding group) and asserts the refusal it got, so deleting that rule makes it fail.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import AssignmentStatus, FairState
from sales.models import DailySales
from sales.services import record_daily_sales
from tests.factories import AssignmentFactory, UserFactory

pytestmark = pytest.mark.django_db

FAIR_DAYS = settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def at(day, hour):
    """A moment in Bangkok time, `day` at `hour` o'clock."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def log(assignment, day, by, *, hour=18, reason="", **amounts):
    """The producer (or officer) logs `day`'s sales on the evening of that day."""
    return record_daily_sales(
        assignment=assignment,
        day=day,
        amount=amounts.pop("amount", Decimal("100")),
        by=by,
        reason=reason,
        now=at(day, hour),
        **amounts,
    )


def refusal(assignment, day, by, **kwargs):
    with pytest.raises(ValidationError) as error:
        log(assignment, day, by, **kwargs)
    return error.value.code


@FAIR_DAYS
@given(offset=st.integers(min_value=-3, max_value=8))
def test_producer_logs_every_fair_day_from_the_first_to_the_last_and_no_other(
    holding, producer_user, offset
):
    fair = holding.fair
    day = fair.start_date + datetime.timedelta(days=offset)
    if fair.start_date <= day <= fair.end_date:
        assert log(holding, day, producer_user).day == day
    else:
        assert refusal(holding, day, producer_user) == "not_fair_day"


def test_producer_logs_the_last_day_but_not_the_day_after(holding, producer_user):
    last = holding.fair.end_date
    assert log(holding, last, producer_user).day == last
    assert refusal(holding, last + datetime.timedelta(days=1), producer_user) == "not_fair_day"


def test_producer_logs_the_first_day_but_not_the_day_before(holding, producer_user):
    first = holding.fair.start_date
    assert log(holding, first, producer_user).day == first
    assert refusal(holding, first - datetime.timedelta(days=1), producer_user) == "not_fair_day"


@pytest.mark.parametrize("is_no_show", [False, True], ids=["withdrawn", "no_show"])
def test_a_released_holder_is_refused_sales(holding, producer_user, is_no_show):
    holding.status = AssignmentStatus.RELEASED
    holding.is_no_show = is_no_show
    holding.save()
    day = holding.fair.start_date
    assert refusal(holding, day, producer_user) == "booth_released"
    assert not DailySales.objects.exists()


def test_the_group_now_holding_a_released_booth_logs_its_sales(holding, producer_user):
    holding.status = AssignmentStatus.RELEASED
    holding.save()
    newcomer = UserFactory(role="producer", username="producer_newcomer")
    taken_over = AssignmentFactory(booth=holding.booth, fair=holding.fair, members=[newcomer])
    assert log(taken_over, holding.fair.start_date, newcomer).entered_by == newcomer


def test_officer_still_fixes_a_released_booths_past_sales(holding, province_officer):
    holding.status = AssignmentStatus.RELEASED
    holding.save()
    day = holding.fair.start_date
    assert log(holding, day, province_officer).entered_by == province_officer


@pytest.mark.parametrize(
    "state", [FairState.DRAFT, FairState.OPEN, FairState.SCORING, FairState.ALLOCATED]
)
@pytest.mark.parametrize("who", ["producer_user", "province_officer"])
def test_no_sales_are_taken_before_the_fair_is_running(holding, request, state, who):
    fair = holding.fair
    fair.state = state
    fair.save()
    by = request.getfixturevalue(who)
    code = refusal(holding, fair.start_date, by, reason="ผู้ผลิตแจ้งยอดทางโทรศัพท์")
    assert code == "fair_not_running"
    assert not DailySales.objects.exists()


@pytest.mark.parametrize("reason", [" ", "   ", "\t", "\u3000 \n"])
def test_a_late_fix_with_a_reason_of_only_spaces_is_refused(holding, province_officer, reason):
    day = holding.fair.start_date
    late = at(day + datetime.timedelta(days=3), 9)
    with pytest.raises(ValidationError) as error:
        record_daily_sales(
            assignment=holding,
            day=day,
            amount=Decimal("5"),
            by=province_officer,
            reason=reason,
            now=late,
        )
    assert error.value.code == "reason_required"
    assert not DailySales.objects.exists()


def test_a_late_fix_keeps_its_reason_without_the_surrounding_spaces(holding, province_officer):
    day = holding.fair.start_date
    late = at(day + datetime.timedelta(days=3), 9)
    row = record_daily_sales(
        assignment=holding,
        day=day,
        amount=Decimal("5"),
        by=province_officer,
        reason="  ยอดผิด  ",
        now=late,
    )
    assert row.history.first().history_change_reason == "ยอดผิด"


def test_the_cash_and_transfer_split_is_kept_when_saved(holding, producer_user):
    day = holding.fair.start_date
    log(
        holding,
        day,
        producer_user,
        amount=Decimal("1500"),
        units=7,
        cash_amount=Decimal("1000"),
        transfer_amount=Decimal("500"),
        note="ขายดีช่วงเย็น",
    )
    row = DailySales.objects.get(assignment=holding)
    assert (row.amount, row.cash_amount, row.transfer_amount) == (
        Decimal("1500"),
        Decimal("1000"),
        Decimal("500"),
    )
    assert (row.units, row.note, row.entered_by) == (7, "ขายดีช่วงเย็น", producer_user)


def test_changing_a_day_replaces_the_split_too(holding, producer_user):
    day = holding.fair.start_date
    log(holding, day, producer_user, cash_amount=Decimal("100"), transfer_amount=None)
    log(holding, day, producer_user, cash_amount=None, transfer_amount=Decimal("100"), hour=19)
    row = DailySales.objects.get(assignment=holding)
    assert (row.cash_amount, row.transfer_amount) == (None, Decimal("100"))


def test_a_producer_within_the_cutoff_needs_no_reason_and_leaves_none(holding, producer_user):
    row = log(holding, holding.fair.start_date, producer_user)
    assert row.history.first().history_change_reason is None


def test_a_different_idempotency_key_updates_the_day(holding, producer_user):
    day = holding.fair.start_date
    log(holding, day, producer_user, amount=Decimal("10"), client_key="k-1")
    log(holding, day, producer_user, amount=Decimal("20"), client_key="k-2", hour=19)
    row = DailySales.objects.get(assignment=holding)
    assert (row.amount, row.client_key) == (Decimal("20"), "k-2")
