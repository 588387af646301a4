"""A line of figures (sales ฿… · orders ฿… · total) wraps between its figures on a 360 px phone
instead of running out of its card: the fair report's headline and a province's daily report
with amounts in the millions. Screenshots go to test-artifacts/."""

from decimal import Decimal

import pytest

from producers.models import Province
from tests.conftest import ARTIFACTS, browser_login
from tests.factories import AssignmentFactory, DailySalesFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# Elements whose content is wider than their own box, outside any box that scrolls on purpose.
SPILLING = """() => [...document.querySelectorAll('main *')]
  .filter(e => e.offsetParent !== null && e.clientWidth > 0 && !e.closest('thead, caption'))
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .filter(e => { for (let p = e; p; p = p.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false; } return true; })
  .map(e => e.outerHTML.slice(0, 90))"""


@pytest.fixture
def fair_in_millions():
    officer = UserFactory(role="officer", username="figures_officer")
    officer.officer_provinces.add(Province.objects.get(code="50"))
    booth = AssignmentFactory()
    DailySalesFactory(
        assignment=booth, amount=Decimal("12345678"), orders=Decimal("2345678"), entered_by=officer
    )
    return booth.fair


def test_lines_of_figures_stay_inside_their_cards_on_a_phone(
    live_server, phone_page, fair_in_millions
):
    browser_login(phone_page, live_server, "figures_officer")
    fair = fair_in_millions
    pages = {
        "fair-report": f"/sales/reports/{fair.pk}/",
        "daily-province": f"/sales/reports/{fair.pk}/daily/50/?day={fair.start_date}",
    }
    for name, path in pages.items():
        phone_page.goto(live_server.url + path)
        phone_page.screenshot(path=str(ARTIFACTS / f"figures-{name}-360.png"), full_page=True)
        assert phone_page.evaluate(SPILLING) == [], name
