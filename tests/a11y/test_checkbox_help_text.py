"""A tick box's help text (or error) on a 360 px phone sits under the box and its label, full
width, instead of squeezing the label into a narrow column beside it."""

import pytest

from producers.models import Province
from tests.conftest import ARTIFACTS, browser_login
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BOXES = """() => {
  const label = document.querySelector('label[for=id_is_blind_review]').getBoundingClientRect();
  const help = document.getElementById('id_is_blind_review_helptext').getBoundingClientRect();
  return {labelWidth: label.width, labelBottom: label.bottom, helpTop: help.top,
          helpWidth: help.width};
}"""


def test_the_blind_review_box_reads_label_then_help_on_a_phone(live_server, phone_page):
    officer = UserFactory(role="officer", username="checkbox_officer")
    officer.officer_provinces.add(Province.objects.get(code="50"))
    browser_login(phone_page, live_server, "checkbox_officer")
    phone_page.goto(f"{live_server.url}/fairs/new/")
    box = phone_page.locator("#div_id_is_blind_review")
    box.screenshot(path=str(ARTIFACTS / "checkbox-help-360.png"))
    placed = phone_page.evaluate(BOXES)
    assert placed["helpTop"] >= placed["labelBottom"] - 1, placed
    assert placed["helpWidth"] > 250, placed
