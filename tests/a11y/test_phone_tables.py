"""Every list table is readable at 360 px without a horizontal scroll: on a phone a table wider
than its box becomes one card per row (static/js/tables.js), so the status of a problem and the
"บันทึกแทน" button of check-in stay on screen. Screenshots go to test-artifacts/."""

import pytest
from playwright.sync_api import expect

from producers.models import Province
from tests.conftest import ARTIFACTS, browser_login
from tests.factories import AssignmentFactory, IssueReportFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
OFF_SCREEN = """() => [...document.querySelectorAll('main table, main table .btn, main table .badge')]
  .filter(e => e.offsetParent !== null)
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .map(e => e.outerHTML.slice(0, 60))"""


@pytest.fixture
def busy_fair():
    officer = UserFactory(role="officer", username="tables_officer")
    officer.officer_provinces.add(Province.objects.get(code="50"))
    first = AssignmentFactory()
    booths = [first] + [AssignmentFactory(booth__zone__fair=first.fair) for _ in range(3)]
    for booth in booths[:2]:
        IssueReportFactory(assignment=booth, description="ปลั๊กไฟที่บูธไม่มีไฟตั้งแต่เปิดงาน ตู้เย็นใช้ไม่ได้")
    return booths[0].fair


def test_list_tables_fit_a_360_px_phone_with_their_key_column_visible(
    live_server, phone_page, busy_fair
):
    browser_login(phone_page, live_server, "tables_officer")
    pages = {
        "problems": "/sales/problems/",
        "checkin": f"/sales/fairs/{busy_fair.pk}/checkin/",
        "fairs": "/fairs/",
        "ranking": f"/fairs/{busy_fair.pk}/ranking/",
        "holdings": f"/fairs/{busy_fair.pk}/holdings/",
    }
    for name, path in pages.items():
        phone_page.goto(live_server.url + path)
        phone_page.wait_for_timeout(200)
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360, name
        assert phone_page.evaluate(OFF_SCREEN) == [], name
        phone_page.screenshot(path=str(ARTIFACTS / f"table-{name}-360.png"), full_page=True)
        if name == "problems":
            expect(phone_page.locator("main table .badge").first).to_be_in_viewport()
        if name == "checkin":
            expect(phone_page.get_by_role("link", name="บันทึกแทน").first).to_be_visible()
