"""48 hours before scoring closes, committee members with reviews still to submit are told how
many remain — once, by a periodic job that a real worker runs, whoever opens a page."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from procrastinate.contrib.django import app

from booths import notices
from booths.models import ConflictOfInterest, FairState
from booths.services import review
from otop_fair.notifications.catalogue import render
from otop_fair.notifications.models import Notification
from tests.factories import CommitteeMemberFactory, ReviewFactory
from tests.notifications.conftest import empty_job_queue, run_worker

BANGKOK_NOON = datetime.time(12, 0)


@pytest.fixture
def scoring_fair(fair):
    fair.state = FairState.SCORING
    fair.scoring_deadline = timezone.localdate() + datetime.timedelta(days=1)
    fair.save()
    return fair


def seat_with(fair, *, submitted=0, pending=0):
    seat = CommitteeMemberFactory(fair=fair)
    for n in range(submitted + pending):
        item = ReviewFactory(member=seat)
        if n < submitted:
            values = {c.pk: (Decimal(7), "") for c in fair.criteria.all()}
            review.save_scores(review=item, values=values, by=seat.user, submit=True)
    return seat


def reminders():
    rows = Notification.objects.filter(template="scoring_deadline").order_by("recipient_id")
    return [(row.recipient_id, render(row.template, row.context)) for row in rows]


def at(day, time=BANGKOK_NOON):
    return timezone.make_aware(datetime.datetime.combine(day, time))


@pytest.mark.django_db
def test_members_with_reviews_left_are_told_how_many_once(scoring_fair):
    busy = seat_with(scoring_fair, submitted=1, pending=3)
    seat_with(scoring_fair, submitted=2)
    assert notices.scoring_deadline_near() == 1
    assert notices.scoring_deadline_near() == 0
    ((recipient, text),) = reminders()
    assert recipient == busy.user_id
    assert "3" in text and scoring_fair.name in text and "/fairs/review/" in text


@pytest.mark.django_db
def test_a_conflicted_review_is_not_counted_as_left_to_do(scoring_fair):
    seat = seat_with(scoring_fair, pending=2)
    conflicted = seat.reviews.first()
    ConflictOfInterest.objects.create(member=seat, application=conflicted.application)
    notices.scoring_deadline_near()
    assert Notification.objects.get(template="scoring_deadline").context["remaining"] == 1


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(days_before=st.integers(min_value=-3, max_value=6), hour=st.integers(0, 23))
def test_the_reminder_goes_only_in_the_48_hours_before_the_deadline_day_ends(
    scoring_fair, days_before, hour
):
    Notification.objects.all().delete()
    if not scoring_fair.committee.exists():
        seat_with(scoring_fair, pending=1)
    deadline_ends = at(scoring_fair.scoring_deadline + datetime.timedelta(days=1), datetime.time())
    now = at(
        scoring_fair.scoring_deadline - datetime.timedelta(days=days_before), datetime.time(hour)
    )
    inside = deadline_ends - datetime.timedelta(hours=48) <= now < deadline_ends
    assert notices.scoring_deadline_near(now=now) == int(inside)


@pytest.mark.django_db
def test_a_fair_no_longer_scoring_reminds_nobody(scoring_fair):
    seat_with(scoring_fair, pending=2)
    scoring_fair.state = FairState.ALLOCATED
    scoring_fair.save()
    assert notices.scoring_deadline_near() == 0


@pytest.mark.django_db
def test_a_moved_deadline_is_a_new_deadline_told_again(scoring_fair):
    seat_with(scoring_fair, pending=1)
    notices.scoring_deadline_near()
    scoring_fair.scoring_deadline = timezone.localdate()
    scoring_fair.save()
    assert notices.scoring_deadline_near() == 1
    assert len(reminders()) == 2


def test_the_reminder_is_a_periodic_job_of_the_queue():
    periodic = {p.periodic_id: p for p in app.periodic_registry.periodic_tasks.values()}
    assert periodic["remind_scoring_deadline"].task.name == "booths.remind_scoring_deadline"


@pytest.mark.django_db(transaction=True)
def test_a_worker_sends_the_reminder_without_anyone_opening_a_page(fair):
    empty_job_queue()
    fair.state = FairState.SCORING
    fair.scoring_deadline = timezone.localdate() + datetime.timedelta(days=5)
    fair.save()
    seat_with(fair, pending=2)
    # Four days later, just after the hourly run's minute, the deadline is about a day away.
    later = timezone.localtime() + datetime.timedelta(days=4)
    with time_machine.travel(later.replace(minute=13, second=20), tick=True):
        told = run_worker(
            until=lambda: Notification.objects.filter(template="scoring_deadline").exists(),
            seconds=30,
        )
    assert told
