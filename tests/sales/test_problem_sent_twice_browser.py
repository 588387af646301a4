"""A producer sends a problem report, goes back to the form with the phone's back button and
sends it again: one report is filed, not two."""

import pytest
from playwright.sync_api import expect

from sales.models import IssueReport
from tests.conftest import browser_login
from tests.factories import AssignmentFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_report_sent_again_from_the_page_the_back_button_brings_back_is_filed_once(
    live_server, phone_page
):
    producer = UserFactory(role="producer", username="producer_twice")
    booth = AssignmentFactory(members=[producer])
    browser_login(phone_page, live_server, "producer_twice")
    form_url = f"{live_server.url}/sales/fairs/{booth.fair_id}/problems/new/"
    phone_page.goto(form_url)
    phone_page.check("input[name=category][value=electricity]")
    phone_page.fill("textarea[name=description]", "ปลั๊กไฟไม่มีไฟ")
    phone_page.click("form[data-offline-queue] button[type=submit]")
    phone_page.wait_for_url(lambda url: url != form_url)
    assert IssueReport.objects.count() == 1

    phone_page.go_back()
    phone_page.wait_for_url(form_url)
    description = phone_page.locator("textarea[name=description]")
    if not description.input_value():  # the page came back fresh: the producer types it again
        phone_page.check("input[name=category][value=electricity]")
        description.fill("ปลั๊กไฟไม่มีไฟ")
    phone_page.click("form[data-offline-queue] button[type=submit]")
    phone_page.wait_for_url(lambda url: url != form_url)
    expect(phone_page.locator("body")).to_contain_text("ปลั๊กไฟไม่มีไฟ")
    assert IssueReport.objects.count() == 1
