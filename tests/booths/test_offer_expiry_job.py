"""Offers lapse on their own: the job queue's periodic job expires them, nobody opens a page."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from procrastinate.contrib.django import app

from booths.models import FairState, OfferStatus, WaitlistOffer
from booths.services import release_assignment
from tests.booths.test_runs import _published
from tests.factories import ApplicationFactory
from tests.notifications.conftest import empty_job_queue, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scored(fair):
    """Four booths, six eligible applicants: four seated, two on the waiting list."""
    fair.state = FairState.SCORING
    fair.save()
    zone = fair.zones.get()
    return fair, [ApplicationFactory(fair=fair, status="eligible", zones=[zone]) for _ in range(6)]


def test_offer_expiry_is_a_periodic_job_every_minute():
    periodic = {p.periodic_id: p for p in app.periodic_registry.periodic_tasks.values()}
    assert periodic["expire_offers"].cron == "* * * * *"


def test_an_overdue_offer_lapses_and_moves_on_when_the_worker_runs(scored, cm_officer):
    empty_job_queue()
    fair, holding, first, second = _published(scored, cm_officer)
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    later = timezone.now() + datetime.timedelta(days=3)
    with time_machine.travel(later, tick=True):
        moved = run_worker(
            until=lambda: WaitlistOffer.objects.filter(application=second).exists(), seconds=30
        )
    assert moved
    assert WaitlistOffer.objects.get(application=first).status == OfferStatus.EXPIRED
    assert WaitlistOffer.objects.get(application=second).status == OfferStatus.PENDING


def test_the_holdings_page_no_longer_writes(scored, cm_officer, client_for):
    fair, holding, first, _second = _published(scored, cm_officer)
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3), tick=True):
        client_for(cm_officer).get(f"/fairs/{fair.pk}/holdings/")
    assert WaitlistOffer.objects.get(application=first).status == OfferStatus.PENDING
