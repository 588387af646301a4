"""Background Sync sends the phone's queue from the service worker with no page of the app open,
and entries queued before the queue moved from localStorage to IndexedDB are sent once."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sales.models import DailySales
from tests.conftest import browser_login
from tests.factories import AssignmentFactory, UserFactory
from tests.sales.phone_queue import OLD_QUEUE_KEY, plant_in_local_storage, poll, queued

pytestmark = [
    pytest.mark.browser,
    pytest.mark.background_sync,
    pytest.mark.django_db(transaction=True),
]


def _worker_registration(cdp, page):
    """The service worker's registration id, as Chromium's DevTools know it."""
    found = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda e: found.extend(e["registrations"]))
    cdp.send("ServiceWorker.enable")
    poll(page, lambda: found)
    return found[0]["registrationId"]


def test_background_sync_sends_the_queue_with_no_page_of_the_app_open(live_server, phone_page):
    producer = UserFactory(role="producer", username="producer_sync")
    booth = AssignmentFactory(members=[producer])
    browser_login(phone_page, live_server, "producer_sync")
    phone_page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    poll(phone_page, lambda: phone_page.evaluate("!!navigator.serviceWorker.controller"))
    cdp = phone_page.context.new_cdp_session(phone_page)
    registration = _worker_registration(cdp, phone_page)

    phone_page.context.set_offline(True)
    phone_page.fill("#id_amount", "3,150")
    phone_page.click("button.btn-save")
    expect(phone_page.locator("#sync-status")).to_contain_text("รอส่ง")
    poll(phone_page, lambda: len(queued(phone_page)) == 1)

    blank = phone_page.context.new_page()  # keeps the browser context when the app's page closes
    phone_page.goto("about:blank")
    phone_page.context.set_offline(False)
    cdp.send(
        "ServiceWorker.dispatchSyncEvent",
        {
            "origin": live_server.url,
            "registrationId": registration,
            "tag": "otop-queue",
            "lastChance": False,
        },
    )
    poll(blank, lambda: DailySales.objects.exists())
    blank.wait_for_timeout(1000)  # a second send would land now
    sale = DailySales.objects.get()
    assert (sale.amount, sale.day, sale.entered_by) == (3150, timezone.localdate(), producer)
    phone_page.goto(f"{live_server.url}/producer/")
    assert queued(phone_page) == []


def test_entries_queued_in_local_storage_before_the_move_are_sent_once(live_server, phone_page):
    producer = UserFactory(role="producer", username="producer_moved")
    booth = AssignmentFactory(members=[producer])
    browser_login(phone_page, live_server, "producer_moved")
    day = timezone.localdate().isoformat()
    entry = {
        "key": "old-key-1",
        "url": f"/sales/booth/{booth.pk}/",
        "account": str(producer.pk),
        "assignment": str(booth.pk),
        "day": day,
        "fields": {"day": day, "amount": "780", "client_key": "old-key-1"},
    }
    plant_in_local_storage(phone_page, [entry])
    phone_page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    today_row = phone_page.locator(f'#sales-days tr[data-day="{day}"]')
    expect(today_row).to_contain_text("บันทึกแล้ว", timeout=20_000)
    phone_page.reload()
    phone_page.wait_for_timeout(1000)
    assert DailySales.objects.get().amount == 780
    assert queued(phone_page) == []
    assert phone_page.evaluate(f"localStorage.getItem('{OLD_QUEUE_KEY}')") is None
