"""A fair's dates stay in a sane window: in order, at most 60 days, at most ~3 years ahead, never in
year 1; fixed once the fair runs; the fair starts running only near its first day."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.forms import FAIR_DATES, FairForm
from booths.models import Fair, FairState
from booths.models.fair_dates import MAX_DAYS_AHEAD, MAX_FAIR_DAYS
from booths.services import floor, lifecycle
from booths.services.applications import application_window_error
from otop_fair.thai import thai_date
from otop_fair.thai_dates import buddhist_date_text
from sales.reports import fair_report
from tests.sales.report_factories import FIRST_DAY, build_known_fair

pytestmark = pytest.mark.django_db


def _form_data(fair, start, end):
    return {
        "name": fair.name,
        "venue": fair.venue,
        "province": fair.province_id,
        "start_date": buddhist_date_text(start),
        "end_date": buddhist_date_text(end),
        "applications_open_on": buddhist_date_text(start - datetime.timedelta(days=40)),
        "applications_close_on": buddhist_date_text(start - datetime.timedelta(days=10)),
        "booth_count": 4,
    }


# The fair is only read: each example's form sets every date afresh.
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    offset=st.integers(min_value=-300, max_value=MAX_DAYS_AHEAD + 400),
    length=st.integers(min_value=1, max_value=400),
)
def test_the_fair_form_takes_exactly_the_fairs_of_a_sane_window(fair, cm_officer, offset, length):
    start = timezone.localdate() + datetime.timedelta(days=offset)
    end = start + datetime.timedelta(days=length - 1)
    with translation.override("th"):
        form = FairForm(_form_data(fair, start, end), instance=fair, user=cm_officer)
        accepted = form.is_valid()
    sane = length <= MAX_FAIR_DAYS and offset <= MAX_DAYS_AHEAD
    assert accepted == sane, form.errors
    if not sane:
        field = "end_date" if length > MAX_FAIR_DAYS else "start_date"
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in form.errors[field][0])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("end_date", "start_date + 60 days"),
        ("start_date", "year 1"),
        ("applications_open_on", "year 1"),
    ],
)
def test_the_database_refuses_a_fair_outside_the_window(fair, field, value):
    if value == "year 1":
        change = {field: datetime.date(1, 1, 1)}
    else:
        change = {field: fair.start_date + datetime.timedelta(days=MAX_FAIR_DAYS)}
    with pytest.raises(IntegrityError), transaction.atomic():
        Fair.objects.filter(pk=fair.pk).update(**change)


@pytest.mark.parametrize("state", [FairState.RUNNING, FairState.CLOSED])
def test_the_dates_of_a_running_or_closed_fair_cannot_change(fair, cm_officer, state):
    Fair.objects.filter(pk=fair.pk).update(state=state)
    fair.refresh_from_db()
    before = [getattr(fair, f) for f in FAIR_DATES]
    later = fair.start_date + datetime.timedelta(days=3)
    form = FairForm(_form_data(fair, later, later), instance=fair, user=cm_officer)
    assert all(form.fields[f].disabled for f in FAIR_DATES)
    assert form.is_valid(), form.errors
    floor.save_fair(form=form, by=cm_officer)
    fair.refresh_from_db()
    assert [getattr(fair, f) for f in FAIR_DATES] == before
    fair.start_date = later
    fair.end_date = later
    with pytest.raises(ValidationError) as refused:
        fair.full_clean()
    assert "start_date" in refused.value.message_dict


def _allocated_fair_starting(fair, first_day):
    Fair.objects.filter(pk=fair.pk).update(
        state=FairState.ALLOCATED,
        start_date=first_day,
        end_date=first_day + datetime.timedelta(days=4),
        applications_open_on=first_day - datetime.timedelta(days=40),
        applications_close_on=first_day - datetime.timedelta(days=10),
    )
    fair.refresh_from_db()
    return fair


@pytest.mark.parametrize("days_ahead", [2, 10, 300])
def test_a_fair_cannot_start_running_long_before_its_first_day(fair, cm_officer, days_ahead):
    fair = _allocated_fair_starting(fair, timezone.localdate() + datetime.timedelta(days_ahead))
    with pytest.raises(ValidationError):
        lifecycle.start_fair(fair=fair, by=cm_officer)
    fair.refresh_from_db()
    assert fair.state == FairState.ALLOCATED


@pytest.mark.parametrize("days_ahead", [1, 0, -1])
def test_a_fair_starts_running_on_its_first_day_or_the_set_up_day_before(
    fair, cm_officer, days_ahead
):
    fair = _allocated_fair_starting(fair, timezone.localdate() + datetime.timedelta(days_ahead))
    lifecycle.start_fair(fair=fair, by=cm_officer)
    fair.refresh_from_db()
    assert fair.state == FairState.RUNNING


def test_days_still_to_come_are_not_counted_as_days_without_sales(officer):
    known = build_known_fair(officer)  # 1,700 on the first day, nothing on the second
    noon = datetime.time(12, tzinfo=timezone.get_current_timezone())
    with translation.override("en"):
        with time_machine.travel(datetime.datetime.combine(FIRST_DAY, noon)):
            on_the_first_day = fair_report(known.fair).summaries["days"]
        with time_machine.travel(datetime.datetime.combine(known.fair.end_date, noon)):
            on_the_last_day = fair_report(known.fair).summaries["days"]
    assert "no sales" not in on_the_first_day
    assert "1 fair day had no sales recorded" in on_the_last_day


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(days_ago=st.integers(min_value=1, max_value=3000))
def test_the_closed_window_message_gives_the_date_in_the_buddhist_era(fair, days_ago):
    fair.state = FairState.OPEN
    fair.applications_close_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    with translation.override("th"):
        message = application_window_error(fair)
    assert thai_date(fair.applications_close_on) in message
    assert str(fair.applications_close_on.year) not in message
