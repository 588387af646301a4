"""A day far beyond the usual, kept on the phone while offline, is not dropped when the server
asks to confirm it: the phone holds it, puts the figures back in the form with the tick shown,
and saves it once the producer ticks "the amount is right"."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sales.models import DailySales
from tests.conftest import browser_login
from tests.factories import AssignmentFactory, UserFactory
from tests.sales.phone_queue import queued, queued_once_stored


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_queued_implausible_day_is_held_until_the_producer_confirms_it(live_server, phone_page):
    producer = UserFactory(role="producer", username="producer_slip")
    booth = AssignmentFactory(members=[producer])
    browser_login(phone_page, live_server, "producer_slip")
    phone_page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    confirm_box = phone_page.locator('[data-role="confirm-amount"]')
    expect(confirm_box).to_be_hidden()

    phone_page.context.set_offline(True)
    phone_page.fill("#id_amount", "1000000000")
    phone_page.click("button.btn-save")
    queued_once_stored(phone_page, 1)
    phone_page.context.set_offline(False)

    expect(confirm_box).to_be_visible(timeout=25_000)
    # One state, said once: the box asks for the tick; the day's row says to check the amount.
    expect(confirm_box).to_contain_text("ติ๊ก")
    expect(phone_page.locator("#sync-status")).to_be_hidden()
    expect(phone_page.locator("#offline-waiting")).to_be_hidden()
    today_row = phone_page.locator(f'#sales-days tr[data-day="{timezone.localdate().isoformat()}"]')
    expect(today_row).to_contain_text("ตรวจสอบยอด")
    expect(phone_page.locator("#id_amount")).to_have_value("1000000000")
    held = queued(phone_page)
    assert len(held) == 1 and held[0]["held"] is True
    assert not DailySales.objects.exists()

    phone_page.reload()  # still held, and asked again, after the page is opened anew
    expect(confirm_box).to_be_visible()
    expect(confirm_box).to_contain_text("ติ๊ก")
    expect(phone_page.locator("#sync-status")).to_be_hidden()
    assert len(queued(phone_page)) == 1

    phone_page.check("#id_amount_confirmed")
    phone_page.click("button.btn-save")
    expect(today_row).to_contain_text("บันทึกแล้ว", timeout=25_000)
    assert DailySales.objects.get(assignment=booth).amount == 1_000_000_000
    assert queued_once_stored(phone_page, 0) == []
