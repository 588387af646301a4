"""The installable app with the network cut: a producer opens their kept home page, files a
problem with a photo and a day's sales, reconnects, and the server holds exactly one of each; a
second account on the same phone then sees none of the first's pages or queue."""

import base64
import io
import re

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from sales.models import DailySales, IssueReport
from tests.conftest import ARTIFACTS, browser_login
from tests.factories import AssignmentFactory, UserFactory
from tests.sales.phone_queue import poll, queued, queued_once_stored

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
KEPT = """async () => {
  const names = (await caches.keys()).filter(n => n.startsWith('otop-pages-'));
  const urls = [];
  for (const name of names) {
    for (const request of await (await caches.open(name)).keys()) {
      urls.push(name + ' ' + new URL(request.url).pathname);
    }
  }
  return urls;
}"""


def _big_photo(path):
    Image.new("RGB", (3000, 2000), (180, 40, 40)).save(path, format="JPEG", quality=95)
    return path


def _keep_pages(page, base, booth):
    """Open the producer's pages once online: the service worker keeps its own copies."""
    page.goto(f"{base}/producer/")
    poll(page, lambda: page.evaluate("!!navigator.serviceWorker.controller") or page.reload())
    paths = [
        "/producer/",
        f"/sales/booth/{booth.pk}/",
        f"/sales/fairs/{booth.fair_id}/problems/new/",
    ]
    for path in paths:
        page.goto(base + path)
    poll(page, lambda: {p for k in page.evaluate(KEPT) for p in [k.split(" ")[1]]} >= set(paths))


def test_a_producer_works_offline_and_the_server_gets_one_of_each(
    live_server, phone_page, tmp_path
):
    producer = UserFactory(role="producer", username="producer_pwa")
    booth = AssignmentFactory(members=[producer])
    base = live_server.url
    browser_login(phone_page, live_server, "producer_pwa")
    _keep_pages(phone_page, base, booth)

    phone_page.context.set_offline(True)
    phone_page.goto(f"{base}/producer/")
    expect(phone_page.locator("#offline-banner")).to_be_visible()
    expect(phone_page.locator("#offline-banner")).to_contain_text(
        re.compile(r"ออฟไลน์ — ข้อมูลเมื่อ \d+ \S+ 25\d\d")
    )
    phone_page.screenshot(path=str(ARTIFACTS / "offline-banner-360.png"), full_page=True)

    phone_page.goto(f"{base}/sales/fairs/{booth.fair_id}/problems/new/")
    phone_page.check("input[name=category][value=electricity]")
    phone_page.fill("textarea[name=description]", "ปลั๊กไฟไม่มีไฟ")
    phone_page.set_input_files("input[name=photo]", _big_photo(tmp_path / "big.jpg"))
    phone_page.click("form[data-offline-queue] button[type=submit]")
    expect(phone_page.locator("[data-role=queued]")).to_be_visible()

    phone_page.goto(f"{base}/sales/booth/{booth.pk}/")
    phone_page.fill("#id_amount", "2,480")
    phone_page.click("button.btn-save")
    expect(phone_page.locator("#offline-waiting")).to_contain_text("แจ้งปัญหา")
    expect(phone_page.locator("#offline-waiting")).to_contain_text("ยอดขาย")
    phone_page.screenshot(path=str(ARTIFACTS / "offline-queue-list-360.png"), full_page=True)
    waiting = queued(phone_page)
    assert (
        len(waiting) == 2 and not IssueReport.objects.exists() and not DailySales.objects.exists()
    )
    photo = next(e for e in waiting if e.get("kind") == "problem")["files"]["photo"]["dataUrl"]
    shrunk = Image.open(io.BytesIO(base64.b64decode(photo.split(",", 1)[1])))
    assert max(shrunk.size) == 1280  # resized on the phone before queueing

    phone_page.context.set_offline(False)
    poll(phone_page, lambda: queued(phone_page) == [])
    phone_page.reload()  # a second chance to resend must change nothing
    phone_page.wait_for_timeout(1000)
    issue = IssueReport.objects.get()
    assert (issue.reported_by, issue.assignment, issue.description) == (
        producer,
        booth,
        "ปลั๊กไฟไม่มีไฟ",
    )
    assert max(Image.open(issue.photo).size) <= 1280
    sale = DailySales.objects.get()
    assert (sale.amount, sale.day) == (2480, timezone.localdate())


def test_a_second_account_sees_none_of_the_first_accounts_pages_or_queue(live_server, phone_page):
    first = UserFactory(role="producer", username="producer_first")
    second = UserFactory(role="producer", username="producer_second")
    booth = AssignmentFactory(members=[first])
    AssignmentFactory(members=[second])
    base = live_server.url
    browser_login(phone_page, live_server, "producer_first")
    _keep_pages(phone_page, base, booth)
    phone_page.context.set_offline(True)
    phone_page.goto(f"{base}/sales/booth/{booth.pk}/")
    phone_page.fill("#id_amount", "999")
    phone_page.click("button.btn-save")
    assert len(queued_once_stored(phone_page, 1)) == 1

    phone_page.context.clear_cookies()  # the first session ends; another person signs in
    phone_page.context.set_offline(False)
    browser_login(phone_page, live_server, "producer_second")
    poll(phone_page, lambda: not any(f"-{first.pk} " in k for k in phone_page.evaluate(KEPT)))
    assert queued(phone_page) == []
    phone_page.context.set_offline(True)
    for path in (f"/sales/booth/{booth.pk}/", "/producer/"):
        phone_page.goto(base + path)
        assert "producer_first" not in phone_page.content()
        assert f'content="{first.pk}"' not in phone_page.content()
    phone_page.context.set_offline(False)
    assert not DailySales.objects.exists()
