"""A booth offer answered on a phone with the network cut: each button queues its answer for its
own URL (accept and decline each have one), and an answer queued before they had — kept in the
phone's queue for the URL both shared, with the pressed button's value — is still answered."""

import datetime
import uuid

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from booths.models import OfferStatus, WaitlistOffer
from tests.conftest import browser_login
from tests.factories import ApplicationFactory, BoothFactory, FairFactory, UserFactory
from tests.sales.phone_queue import plant, poll, queued, queued_once_stored

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _offer_to(producer):
    fair = FairFactory()
    application = ApplicationFactory(fair=fair)
    application.group.members.add(producer)
    deadline = timezone.now() + datetime.timedelta(days=2)
    booth = BoothFactory(zone__fair=fair)
    return WaitlistOffer.objects.create(
        fair=fair, booth=booth, application=application, deadline=deadline
    )


def _status(offer):
    offer.refresh_from_db()
    return offer.status


def test_a_decline_tapped_offline_is_queued_for_its_own_url_and_sent_once(live_server, phone_page):
    producer = UserFactory(role="producer", username="producer_offer")
    offer = _offer_to(producer)
    browser_login(phone_page, live_server, "producer_offer")
    phone_page.goto(f"{live_server.url}/fairs/applications/{offer.application_id}/result/")
    phone_page.context.set_offline(True)
    phone_page.click("form[data-offline-queue=offer] button.btn-outline-secondary")
    expect(phone_page.locator("[data-role=queued]")).to_be_visible()
    (entry,) = queued_once_stored(phone_page, 1)
    assert entry["url"] == f"{live_server.url}/fairs/offers/{offer.pk}/decline/"
    assert "answer" not in entry["fields"] and _status(offer) == OfferStatus.PENDING

    phone_page.context.set_offline(False)
    poll(phone_page, lambda: queued(phone_page) == [])
    phone_page.reload()  # a second chance to resend must change nothing
    assert _status(offer) == OfferStatus.DECLINED


def test_an_accept_queued_before_the_split_is_still_answered(live_server, phone_page):
    producer = UserFactory(role="producer", username="producer_old_queue")
    offer = _offer_to(producer)
    browser_login(phone_page, live_server, "producer_old_queue")
    key = str(uuid.uuid4())
    plant(
        phone_page,
        {
            "key": key,
            "url": f"{live_server.url}/fairs/offers/{offer.pk}/respond/",
            "account": producer.pk,
            "kind": "offer",
            "label": "รับบูธ",
            "fields": {"answer": "accept", "client_key": key},
            "files": {},
            "queuedAt": 1,
        },
    )
    phone_page.goto(f"{live_server.url}/producer/")  # any page sends what waits
    poll(phone_page, lambda: queued(phone_page) == [])
    assert _status(offer) == OfferStatus.ACCEPTED
    assert offer.application.assignments.filter(booth=offer.booth, status="active").exists()
