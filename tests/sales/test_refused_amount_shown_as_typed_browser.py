"""A refused amount stays in the day's row as the producer typed it: a thumb's slip of twenty
digits is not shown rounded to a different figure, nor "Infinity" as ฿∞."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sales.models import DailySales
from tests.conftest import browser_login
from tests.factories import AssignmentFactory, UserFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("typed", ["99999999999999999999", "Infinity", "1e30"])
def test_a_refused_amount_is_shown_in_the_days_row_as_typed(live_server, phone_page, typed):
    producer = UserFactory(role="producer", username="producer_thumb")
    booth = AssignmentFactory(members=[producer])
    browser_login(phone_page, live_server, "producer_thumb")
    phone_page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    phone_page.fill("#id_amount", typed)
    phone_page.click("button.btn-save")
    row = phone_page.locator(f'#sales-days tr[data-day="{timezone.localdate().isoformat()}"]')
    expect(row.locator(".badge.text-bg-danger")).to_be_visible(timeout=25_000)
    # The badge is a whole word, not the status line's lead-in ("ไม่ได้บันทึก:") left hanging.
    expect(row.locator(".badge.text-bg-danger")).to_have_text("ไม่ได้บันทึก")
    expect(row.locator('[data-role="amount"]')).to_have_text(typed)
    assert not DailySales.objects.exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_ordinary_amount_waiting_to_send_is_shown_in_baht(live_server, phone_page):
    producer = UserFactory(role="producer", username="producer_plain")
    booth = AssignmentFactory(members=[producer])
    browser_login(phone_page, live_server, "producer_plain")
    phone_page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    phone_page.context.set_offline(True)
    phone_page.fill("#id_amount", "1,234.5")
    phone_page.click("button.btn-save")
    row = phone_page.locator(f'#sales-days tr[data-day="{timezone.localdate().isoformat()}"]')
    expect(row.locator('[data-role="amount"]')).to_have_text("฿1,234.50")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_refusal_sent_by_the_phones_script_is_said_under_its_box(live_server, phone_page):
    producer = UserFactory(role="producer", username="producer_split")
    booth = AssignmentFactory(members=[producer])
    browser_login(phone_page, live_server, "producer_split")
    phone_page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    phone_page.fill("#id_amount", "1,000")
    phone_page.fill("#id_cash_amount", "1,500")
    phone_page.click("button.btn-save")
    beside = phone_page.locator("#id_cash_amount + [data-role=field-error]")
    expect(beside).to_contain_text("มากกว่ายอดขายของวัน", timeout=25_000)
    expect(phone_page.locator("#id_amount")).to_have_value("1,000")  # as typed, to correct
    assert not DailySales.objects.exists()
    phone_page.fill("#id_cash_amount", "600")  # corrected: the old message goes with the send
    phone_page.click("button.btn-save")
    expect(phone_page.locator("#sync-status")).to_contain_text("1,000", timeout=25_000)
    expect(phone_page.locator("[data-role=field-error]")).to_have_count(0)
    assert DailySales.objects.get().cash_amount == 600
