"""A booth offer answered from a phone's offline queue: the same answer resent changes nothing,
and an accept that arrives after the deadline is refused with the reason, never silently."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from booths.models import Assignment, OfferStatus, WaitlistOffer
from booths.services import release_assignment
from tests.booths.test_runs import _published, scored  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def offered(scored, cm_officer, client_for, producer_user):  # noqa: F811
    fair, holding, first, _second = _published(scored, cm_officer)
    first.group.members.add(producer_user)
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    return WaitlistOffer.objects.get(application=first), client_for(producer_user)


def answer(client, offer, value, key="k1", queued_before_the_split=False, **extra):
    """Post an answer as the queue sends it: to the answer's own URL, or, for an entry queued
    when accept and decline shared one URL, to that URL with the pressed button's value."""
    if queued_before_the_split:
        url = f"/fairs/offers/{offer.pk}/respond/"
        return client.post(url, {"answer": value, "client_key": key}, **extra)
    url = reverse(f"booths:{value}_offer", args=[offer.pk])
    return client.post(url, {"client_key": key}, **extra)


QUEUED = pytest.mark.parametrize("queued_before_the_split", [False, True], ids=["now", "old"])


@QUEUED
@pytest.mark.parametrize("resends", [1, 3])
@pytest.mark.parametrize("value", ["accept", "decline"])
def test_an_answer_resent_by_the_queue_is_applied_once(
    offered, resends, value, queued_before_the_split
):
    offer, client = offered
    old = queued_before_the_split
    answers = [
        answer(client, offer, value, queued_before_the_split=old, **JSON)
        for _ in range(resends + 1)
    ]
    assert all(r.status_code == 200 and r.json()["ok"] for r in answers)
    offer.refresh_from_db()
    assert offer.status == (OfferStatus.ACCEPTED if value == "accept" else OfferStatus.DECLINED)
    held = Assignment.objects.filter(booth=offer.booth, application=offer.application).count()
    assert held == (1 if value == "accept" else 0)


@QUEUED
@pytest.mark.parametrize("extra", [JSON, {}], ids=["from-the-queue", "from-the-page"])
def test_a_late_accept_is_refused_with_the_deadline_as_reason(
    offered, extra, queued_before_the_split
):
    offer, client = offered
    WaitlistOffer.objects.filter(pk=offer.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    old = queued_before_the_split
    response = answer(client, offer, "accept", queued_before_the_split=old, **extra)
    if extra:
        assert response.status_code == 400 and not response.json()["ok"]
        assert "เลยกำหนด" in response.json()["errors"]["answer"][0]["message"]
    else:
        page = client.get(response["Location"]).content.decode()
        assert "เลยกำหนด" in page
    assert not Assignment.objects.filter(booth=offer.booth, application=offer.application).exists()
