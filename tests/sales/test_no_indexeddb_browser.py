"""A phone whose browser keeps nothing (a private window: no IndexedDB): a problem report and a
day's sales are not shown as queued and lost, they go to the server as plain posts, once."""

import pytest
from django.utils import timezone

from sales.models import DailySales, IssueReport
from tests.conftest import browser_login
from tests.factories import AssignmentFactory, UserFactory
from tests.sales.phone_queue import poll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# Opening the database fails as a private window's does.
NO_INDEXEDDB = """Object.defineProperty(window, "indexedDB", { get() {
  return { open() { throw new DOMException("private window", "InvalidStateError"); } };
} });"""


def test_without_indexeddb_a_problem_report_and_a_sale_reach_the_server_once(
    live_server, phone_page
):
    producer = UserFactory(role="producer", username="producer_private")
    booth = AssignmentFactory(members=[producer])
    phone_page.add_init_script(NO_INDEXEDDB)
    browser_login(phone_page, live_server, "producer_private")

    phone_page.goto(f"{live_server.url}/sales/fairs/{booth.fair_id}/problems/new/")
    phone_page.check("input[name=category][value=electricity]")
    phone_page.fill("textarea[name=description]", "ไฟดับทั้งแถว")
    phone_page.click("form[data-offline-queue] button[type=submit]")
    poll(phone_page, IssueReport.objects.exists)
    phone_page.wait_for_url("**/sales/problems/*/")
    assert IssueReport.objects.get().description == "ไฟดับทั้งแถว"

    phone_page.goto(f"{live_server.url}/sales/booth/{booth.pk}/")
    phone_page.fill("#id_amount", "1,250")
    phone_page.click("button.btn-save")
    poll(phone_page, DailySales.objects.exists)
    phone_page.wait_for_load_state("networkidle")
    sale = DailySales.objects.get()
    assert (sale.amount, sale.day) == (1250, timezone.localdate())
    assert "บันทึก" in phone_page.inner_text("main")
