"""The phone's offline sales queue belongs to the account that made it: it survives an expired
session and is sent when that account signs in again, is cleared (never sent) when another
account signs in, and an explicit logout warns about waiting entries before clearing them."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from sales.models import DailySales
from tests.conftest import browser_login
from tests.factories import AssignmentFactory, UserFactory
from tests.sales.phone_queue import queued

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wait_until_empty(page, seconds=15):
    """Poll from Python: the page's CSP forbids the eval that wait_for_function needs."""
    for _ in range(seconds * 4):
        if queued(page) == []:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"still queued: {queued(page)}")


def _booth_of(username):
    producer = UserFactory(role="producer", username=username)
    return AssignmentFactory(members=[producer])


def _enter_offline(page, live_server, booth, amount):
    """Sign-in is done; type a day's sales with the network cut, so it waits on the phone."""
    page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    page.context.set_offline(True)
    page.fill("#id_amount", amount)
    page.click("button.btn-save")
    expect(page.locator("#sync-status")).to_contain_text("รอส่ง")
    assert len(queued(page)) == 1


def test_an_expired_session_keeps_the_queue_until_the_same_account_signs_in(
    live_server, phone_page
):
    booth = _booth_of("producer_queue_a")
    browser_login(phone_page, live_server, "producer_queue_a")
    _enter_offline(phone_page, live_server, booth, "1,250")
    phone_page.context.clear_cookies()  # the session ends while the phone is offline
    phone_page.context.set_offline(False)
    phone_page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    expect(phone_page.locator("input[name=password]")).to_be_visible()
    assert len(queued(phone_page)) == 1
    assert not DailySales.objects.exists()

    browser_login(phone_page, live_server, "producer_queue_a")
    _wait_until_empty(phone_page)
    row = DailySales.objects.get(assignment=booth, day=timezone.localdate())
    assert row.amount == 1250 and row.entered_by.username == "producer_queue_a"


def test_another_account_signing_in_clears_the_queue_and_sends_nothing(live_server, phone_page):
    booth = _booth_of("producer_queue_b")
    _booth_of("producer_queue_c")
    browser_login(phone_page, live_server, "producer_queue_b")
    _enter_offline(phone_page, live_server, booth, "900")
    phone_page.context.clear_cookies()
    phone_page.context.set_offline(False)

    browser_login(phone_page, live_server, "producer_queue_c")
    assert queued(phone_page) == []
    phone_page.wait_for_timeout(1000)
    assert not DailySales.objects.exists()


def _hold_posts(page):
    """The sales POSTs fail as on a dead network, while pages still load: the page's and the
    service worker's (its Background Sync) alike."""
    page.context.route(
        "**/sales/booth/**",
        lambda route: route.abort() if route.request.method == "POST" else route.continue_(),
    )


def _log_out(page):
    # Submitted after evaluate returns: the logout's navigation would otherwise cut it short.
    page.evaluate("setTimeout(() => document.querySelector('form[data-logout]').requestSubmit())")


def test_logging_out_warns_about_waiting_entries_and_clears_them(live_server, phone_page):
    booth = _booth_of("producer_queue_d")
    browser_login(phone_page, live_server, "producer_queue_d")
    _hold_posts(phone_page)
    _enter_offline(phone_page, live_server, booth, "700")
    phone_page.context.set_offline(False)
    warnings = []

    def answer(dialog, accept):
        warnings.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    phone_page.once("dialog", lambda d: answer(d, False))
    _log_out(phone_page)
    phone_page.wait_for_timeout(500)
    assert "ออกจากระบบ" in warnings[0]
    assert len(queued(phone_page)) == 1  # staying signed in keeps them

    phone_page.once("dialog", lambda d: answer(d, True))
    _log_out(phone_page)
    # The form is sent once the phone has forgotten its kept pages (pwa.js, offline-queue.js).
    expect(phone_page.locator("input[name=password]")).to_be_visible()
    assert queued(phone_page) == []
    assert not DailySales.objects.exists()
