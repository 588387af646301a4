"""Under a date box, the phone's reading of what was typed agrees with the server's parser: a
two-digit year that may be a Christian-era habit is asked for in four digits before sending."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from playwright.sync_api import expect

from otop_fair.thai import thai_date
from otop_fair.thai_dates import parse_buddhist_date
from tests.conftest import browser_login
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reading_under_a_date_box_asks_for_four_digits_where_the_server_would(
    live_server, phone_page
):
    UserFactory(role="officer", username="officer_dates")
    browser_login(phone_page, live_server, "officer_dates")
    phone_page.goto(f"{live_server.url}/fairs/new/")
    reading = phone_page.locator("[name=start_date] + .buddhist-date-reading")
    today = datetime.date.today()
    habit = f"1/12/{today.year % 100:02d}"  # this year written the Christian-era way
    with pytest.raises(ValidationError), translation.override("th"):
        parse_buddhist_date(habit)
    phone_page.fill("[name=start_date]", habit)
    expect(reading).to_contain_text(str(2500 + today.year % 100))
    expect(reading).to_contain_text(str(today.year + 543))
    be = f"1/12/{(today.year + 543) % 100:02d}"  # this year in the Buddhist era, two digits
    phone_page.fill("[name=start_date]", be)
    expect(reading).to_have_text(f"= {thai_date(parse_buddhist_date(be))}")
    for written in ("1 ธ.ค. 2569", "๑ ธันวาคม พ.ศ. ๒๕๖๙", "1ธค.2569"):
        phone_page.fill("[name=start_date]", written)
        expect(reading).to_have_text(f"= {thai_date(parse_buddhist_date(written))}")
