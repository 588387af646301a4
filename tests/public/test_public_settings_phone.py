"""The public-page settings fit a 360 px phone: the page's own address, one long word, wraps
inside the screen instead of pushing the page sideways."""

import pytest

from tests.conftest import ARTIFACTS, browser_login
from tests.public.helpers import showcase_group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_public_page_address_wraps_on_a_360_px_phone(live_server, phone_page, producer_user):
    group, _product, _profile = showcase_group(producer_user)
    group.members.add(producer_user)
    browser_login(phone_page, live_server, producer_user.username)
    phone_page.goto(f"{live_server.url}/registry/groups/{group.pk}/public/")
    phone_page.screenshot(path=str(ARTIFACTS / "public-settings-360.png"), full_page=True)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    link = phone_page.locator("main a[target=_blank]").first
    assert link.bounding_box()["x"] + link.bounding_box()["width"] <= 360
