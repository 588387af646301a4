"""A list table's totals row on a 360 px phone is a card like the others: every figure under its
column's name, full width (static/js/tables.js labels tfoot rows too)."""

import pytest

from tests.booths.national import national_fair
from tests.conftest import ARTIFACTS, browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TOTALS = """() => [...document.querySelectorAll('main table.table-stacked tfoot td')]
  .map(td => [td.getAttribute('data-label'), Math.round(td.getBoundingClientRect().width)])"""


def test_the_totals_row_of_the_national_progress_reads_as_a_labelled_card(live_server, phone_page):
    world = national_fair()
    browser_login(phone_page, live_server, world.head_office.username)
    phone_page.goto(f"{live_server.url}/fairs/{world.fair.pk}/progress/")
    phone_page.wait_for_timeout(200)
    phone_page.screenshot(path=str(ARTIFACTS / "progress-totals-360.png"), full_page=True)
    cells = phone_page.evaluate(TOTALS)
    assert len(cells) == 9
    assert all(label for label, _width in cells[1:]), cells
    assert all(width > 250 for _label, width in cells), cells
