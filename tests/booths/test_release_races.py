"""Officers releasing booths at the same moment, against the real database with threads: one
booth is released once with one offer; two booths never offer one applicant twice; everyone else
gets a clear message instead of a 500."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from booths.models import Assignment, OfferStatus, WaitlistOffer
from booths.services import publish_allocation, release_assignment, run_allocation
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published(fair, cm_officer):
    """Four booths held, two applicants waiting."""
    fair.state = "scoring"
    fair.save()
    zone = fair.zones.get()
    for _ in range(6):
        ApplicationFactory(fair=fair, status="eligible", zones=[zone])
    run = run_allocation(fair=fair, by=cm_officer, seed=5)
    publish_allocation(fair=fair, run=run, by=cm_officer)
    return fair


def _all_at_once(calls):
    """Run the calls in threads released together; return what each returned or raised."""
    start = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def worker(i, call):
        try:
            start.wait(10)
            outcomes[i] = call()
        except Exception as error:  # noqa: BLE001 - inspected by the test
            outcomes[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


def _release(assignment, officer):
    return lambda: release_assignment(assignment=assignment, by=officer, reason="ไม่มาออกบูธ")


def test_ten_releases_of_one_booth_release_it_once_with_one_offer(published, cm_officer):
    holding = Assignment.objects.filter(fair=published, status="active").first()
    outcomes = _all_at_once([_release(holding, cm_officer) for _ in range(10)])
    released = [o for o in outcomes if isinstance(o, Assignment)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(released) == 1 and len(refused) == 9, outcomes
    assert {e.code for e in refused} == {"already_released"}
    assert holding.history.filter(status="released").count() == 1
    assert WaitlistOffer.objects.filter(booth=holding.booth_id).count() == 1


def test_two_booths_released_at_once_offer_the_first_waiting_applicant_one_booth(
    published, cm_officer
):
    first, second = Assignment.objects.filter(fair=published, status="active")[:2]
    outcomes = _all_at_once([_release(first, cm_officer), _release(second, cm_officer)])
    assert all(isinstance(o, Assignment) for o in outcomes), outcomes
    pending = WaitlistOffer.objects.filter(fair=published, status=OfferStatus.PENDING)
    # Two waiting applicants, two free booths: each is offered exactly one booth.
    assert pending.count() == 2
    assert len({o.application_id for o in pending}) == 2
    assert len({o.booth_id for o in pending}) == 2


def test_releasing_a_booth_a_colleague_just_released_shows_a_message(
    published, cm_officer, client_for
):
    holding = Assignment.objects.filter(fair=published, status="active").first()
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    client = client_for(cm_officer)
    url = f"/fairs/{published.pk}/holdings/{holding.pk}/release/"
    response = client.post(url, {"reason": "ถอนตัว"}, follow=True)
    assert response.status_code == 200
    texts = [str(m) for m in response.context["messages"]]
    assert "บูธนี้ถูกคืนไปแล้ว" in texts
