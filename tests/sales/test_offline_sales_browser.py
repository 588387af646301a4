"""The sales form in a real browser with the network cut: kept on the phone, sent once back online."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sales.models import DailySales
from tests.conftest import browser_login
from tests.factories import AssignmentFactory, UserFactory
from tests.sales.phone_queue import queued


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_sales_entered_offline_are_saved_once_when_the_connection_returns(live_server, phone_page):
    producer = UserFactory(role="producer", username="producer_offline")
    booth = AssignmentFactory(members=[producer])
    browser_login(phone_page, live_server, "producer_offline")
    phone_page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    today_row = phone_page.locator(f'#sales-days tr[data-day="{timezone.localdate().isoformat()}"]')

    phone_page.context.set_offline(True)
    phone_page.fill("#id_amount", "2,480")
    phone_page.click("button.btn-save")
    expect(phone_page.locator("#sync-status")).to_contain_text("รอส่ง")
    expect(today_row).to_contain_text("รอส่ง")
    phone_page.click("button.btn-save")  # an impatient second tap while offline
    assert not DailySales.objects.exists()

    phone_page.context.set_offline(False)
    expect(today_row).to_contain_text("บันทึกแล้ว", timeout=25_000)
    expect(today_row).to_contain_text("฿2,480.00")
    expect(phone_page.locator("#sync-status")).to_contain_text("บันทึกแล้ว")
    today_pill = phone_page.locator(f'.day-pills a[data-day="{timezone.localdate().isoformat()}"]')
    expect(today_pill).to_contain_text("✓")
    rows = DailySales.objects.filter(assignment=booth)
    assert rows.count() == 1 and rows.get().amount == 2480

    phone_page.reload()
    expect(today_row).to_contain_text("บันทึกแล้ว")
    assert queued(phone_page) == []
