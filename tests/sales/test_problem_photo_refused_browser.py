"""A file the phone cannot draw as a picture, chosen as a problem report's photo, is refused with
the server's reason under the photo box; the report is not sent without it as if nothing were wrong."""

import pytest
from playwright.sync_api import expect

from sales.models import IssueReport
from tests.conftest import browser_login
from tests.factories import AssignmentFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("name", "content"),
    [("photo.jpg", b"not a picture " * 50), ("slip.pdf", b"%PDF-1.4 " * 50), ("empty.jpg", b"")],
)
def test_a_file_that_is_not_a_photo_is_refused_not_dropped(
    live_server, phone_page, tmp_path, name, content
):
    producer = UserFactory(role="producer", username="producer_photo")
    booth = AssignmentFactory(members=[producer])
    browser_login(phone_page, live_server, "producer_photo")
    chosen = tmp_path / name
    chosen.write_bytes(content)

    phone_page.goto(f"{live_server.url}/sales/fairs/{booth.fair_id}/problems/new/")
    phone_page.check("input[name=category][value=electricity]")
    phone_page.fill("textarea[name=description]", "ปลั๊กไฟไม่มีไฟ")
    phone_page.set_input_files("input[name=photo]", str(chosen))
    phone_page.click("form[data-offline-queue] button[type=submit]")

    # Under the photo box, once, and not repeated at the top of the form.
    under_photo = phone_page.locator("input[name=photo] + [data-role=field-error]")
    expect(under_photo).to_contain_text("ไฟล์")
    expect(phone_page.locator("[data-role=field-error]")).to_have_count(1)
    expect(phone_page.locator("[data-role=offline-errors]")).to_be_hidden()
    assert not IssueReport.objects.exists()
    assert phone_page.url.endswith("/problems/new/")
