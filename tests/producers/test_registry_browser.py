"""In a real browser: the address selects cascade without a page reload, and the group page fits
a phone."""

import pytest

from producers.models import District, ProducerGroup
from tests.conftest import browser_login
from tests.factories import ProducerGroupFactory, ProductFactory, officer_of


def sign_in(page, live_server, username):
    browser_login(page, live_server, username)


pytestmark = [
    pytest.mark.browser,
    # The areas (from a data migration) outlive the flush: tests/quick_flush.py keeps or copies
    # them back, so no serialized copy of the whole database is needed.
    pytest.mark.django_db(transaction=True),
]


def test_choosing_province_then_district_fills_the_next_select_without_reload(live_server, page):
    officer_of("50", username="officer_browser")
    sign_in(page, live_server, "officer_browser")
    page.goto(f"{live_server.url}/registry/groups/new/")
    page.evaluate("window.notReloaded = true")
    page.select_option("#id_province", "50")
    district = District.objects.filter(province_id="50").order_by("sort_name").first()
    page.wait_for_selector(f"#id_district option[value='{district.code}']", state="attached")
    page.select_option("#id_district", district.code)
    sub = district.subdistricts.order_by("sort_name").first()
    page.wait_for_selector(f"#id_subdistrict option[value='{sub.code}']", state="attached")
    assert page.evaluate("window.notReloaded") is True
    page.fill("#id_name", "กลุ่มทอผ้าทดสอบเบราว์เซอร์")
    page.select_option("#id_group_type", "community")
    page.fill("#id_registration_no", "OTOP-BROWSER-1")
    page.fill("#id_contact_name", "สมศรี")
    page.select_option("#id_subdistrict", sub.code)
    page.click("form.card button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert ProducerGroup.objects.get(registration_no="OTOP-BROWSER-1").subdistrict_id == sub.code


def test_group_page_fits_a_phone(live_server, phone_page):
    from tests.factories import UserFactory

    user = UserFactory(role="producer", username="producer_browser")
    group = ProducerGroupFactory(members=[user], name="กลุ่มแม่บ้านทอผ้าบ้านดอนหลวง")
    ProductFactory(group=group, story_origin="ทอผ้ามาตั้งแต่รุ่นย่า")
    sign_in(phone_page, live_server, "producer_browser")
    phone_page.goto(f"{live_server.url}/registry/groups/{group.pk}/")
    assert phone_page.get_by_text("ทอผ้ามาตั้งแต่รุ่นย่า").is_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
