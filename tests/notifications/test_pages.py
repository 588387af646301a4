"""The delivery log (officers, their provinces only) and each person's own settings page."""

import pytest

from otop_fair.notifications.models import ContactPreference, LineLinkCode, Notification
from otop_fair.notifications.services import Message, notify
from producers.models import Province
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cm_officer(officer):
    officer.officer_provinces.add(Province.objects.get(code="50"))
    return officer


def tell(count, province, text="ปิดฮอลล์"):
    users = [UserFactory() for _ in range(count)]
    notify([Message(u, "broadcast", {"fair": "งาน", "text": text}, "", province) for u in users])


def test_an_officer_reads_the_messages_of_their_provinces_only(cm_officer, client_for):
    tell(2, "50", text="เชียงใหม่ปิดฮอลล์")
    tell(2, "10", text="กรุงเทพปิดฮอลล์")
    page = client_for(cm_officer).get("/notifications/log/").content.decode()
    assert page.count("เชียงใหม่ปิดฮอลล์") == 2 and "กรุงเทพปิดฮอลล์" not in page
    assert "อาจถึงซ้ำ" in page  # the log says SMS and e-mail are at-least-once


def test_the_print_list_is_a_filter_of_the_log(cm_officer, client_for, settings):
    settings.SMS_GATEWAY_URL = "http://127.0.0.1:9/send"  # configured, but nobody has a phone
    tell(1, "50")
    page = client_for(cm_officer).get("/notifications/log/?status=to_print").content.decode()
    assert "ติดต่อไม่ได้" in page and "ปิดฮอลล์" in page


def test_the_log_runs_a_constant_number_of_queries(
    cm_officer, client_for, django_assert_max_num_queries
):
    client = client_for(cm_officer)
    for count in (3, 30):
        tell(count, "50")
        with django_assert_max_num_queries(8):
            assert client.get("/notifications/log/").status_code == 200


def test_a_person_gets_a_one_time_code_and_sets_channels_and_quiet_hours(client_for):
    producer = UserFactory(role="producer")
    client = client_for(producer)
    client.post("/notifications/line-code/")
    code = LineLinkCode.objects.get(user=producer).code
    assert code in client.get("/notifications/").content.decode()
    data = {"channels": ["sms", "line"], "quiet_from": "21:00", "quiet_until": "07:00"}
    client.post("/notifications/", data)
    preference = ContactPreference.objects.get(user=producer)
    assert preference.channels == ["sms", "line"] and str(preference.quiet_until) == "07:00:00"


def test_half_a_quiet_window_gets_a_thai_message(client_for):
    client = client_for(UserFactory(role="producer"))
    page = client.post("/notifications/", {"quiet_from": "21:00"}).content.decode()
    assert "ทั้งเวลาเริ่มและเวลาสิ้นสุด" in page
    assert not Notification.objects.exists()


def test_the_line_section_asks_for_a_code_before_it_says_send_this_code(client_for):
    producer = UserFactory(role="producer")
    client = client_for(producer)
    before = client.get("/notifications/").content.decode()
    assert "ส่งรหัสนี้ไป:" not in before
    assert "กดปุ่มด้านล่างเพื่อดูรหัส" in before and "แสดงรหัสของฉัน" in before
    client.post("/notifications/line-code/")
    code = LineLinkCode.objects.get(user=producer)
    after = client.get("/notifications/").content.decode()
    assert "ส่งรหัสนี้ไป:" in after and code.code in after
