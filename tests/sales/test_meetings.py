"""Network meetings: officers record them; action items carry over until done; producers see only
the meetings their group attended and their own group's action items."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from producers.models import Province
from sales.models import ActionItem, ActionStatus, MeetingAttendance, NetworkMeeting
from sales.services import save_action_item, save_meeting
from tests.factories import ProducerGroupFactory, UserFactory
from tests.sales.report_factories import report_fair

pytestmark = pytest.mark.django_db


@pytest.fixture
def chiang_mai_officer(officer):
    officer.officer_provinces.add(Province.objects.get(code="50"))
    return officer


@pytest.fixture
def fair(chiang_mai_officer):
    return report_fair(created_by=chiang_mai_officer)


def meeting(officer, held_on, fair=None, present=(), absent=()):
    made = NetworkMeeting.objects.create(
        held_on=held_on, place="ศาลากลางจังหวัด", fair=fair, created_by=officer
    )
    for group in present:
        MeetingAttendance.objects.create(meeting=made, group=group, attended=True)
    for group in absent:
        MeetingAttendance.objects.create(meeting=made, group=group, attended=False)
    return made


def test_officer_records_a_meeting_with_attendance(client_for, chiang_mai_officer, fair):
    came, missed = ProducerGroupFactory(), ProducerGroupFactory()
    response = client_for(chiang_mai_officer).post(
        reverse("sales:meeting_create"),
        {
            "fair": fair.pk,
            "held_on": "05/12/2569",
            "place": "ห้องประชุมอำเภอ",
            "agenda": "สรุปผลการจัดงาน",
            "minutes": "ที่ประชุมรับทราบยอดขาย",
            "decisions": "จัดอบรมการตลาดออนไลน์",
            "groups_present": [came.pk],
            "groups_absent": [missed.pk],
            "officers": [chiang_mai_officer.pk],
        },
    )
    saved = NetworkMeeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("sales:meeting_detail", args=[saved.pk])
    rows = {(r.group_id, r.officer_id, r.attended) for r in saved.attendance.all()}
    assert rows == {
        (came.pk, None, True),
        (missed.pk, None, False),
        (None, chiang_mai_officer.pk, True),
    }
    page = client_for(chiang_mai_officer).get(response["Location"]).content.decode()
    assert "จัดอบรมการตลาดออนไลน์" in page and came.name in page
    assert "บันทึกการประชุมแล้ว" in page


def test_action_item_needs_a_responsible_group_or_officer(client_for, chiang_mai_officer, fair):
    held = meeting(chiang_mai_officer, datetime.date(2026, 12, 5), fair)
    url = reverse("sales:meeting_action_create", args=[held.pk])
    response = client_for(chiang_mai_officer).post(url, {"description": "ทำบัญชี", "status": "open"})
    assert response.status_code == 200
    assert "กรุณาระบุกลุ่มหรือเจ้าหน้าที่ผู้รับผิดชอบ" in response.content.decode()
    assert not ActionItem.objects.exists()


def test_open_action_items_carry_over_to_later_meetings_until_done(
    chiang_mai_officer, fair, client_for
):
    group = ProducerGroupFactory()
    first = meeting(chiang_mai_officer, datetime.date(2026, 12, 1), fair, present=[group])
    item = ActionItem.objects.create(
        meeting=first,
        description="ออกแบบบรรจุภัณฑ์ใหม่",
        owner_group=group,
        due_on=datetime.date(2026, 12, 20),
    )
    second = meeting(chiang_mai_officer, datetime.date(2026, 12, 15), fair)
    client = client_for(chiang_mai_officer)
    assert (
        "ออกแบบบรรจุภัณฑ์ใหม่"
        in client.get(reverse("sales:meeting_detail", args=[second.pk])).content.decode()
    )

    item.status = ActionStatus.DONE
    save_action_item(item=item, by=chiang_mai_officer)
    item.refresh_from_db()
    assert item.done_at is not None
    later = meeting(chiang_mai_officer, timezone.localdate() + datetime.timedelta(days=30), fair)
    assert (
        "ออกแบบบรรจุภัณฑ์ใหม่"
        not in client.get(reverse("sales:meeting_detail", args=[later.pk])).content.decode()
    )


def test_officer_of_the_meetings_province_marks_an_action_item_done_on_its_page(
    client_for, chiang_mai_officer, fair
):
    group = ProducerGroupFactory()
    held = meeting(chiang_mai_officer, datetime.date(2026, 12, 1), fair, present=[group])
    item = ActionItem.objects.create(meeting=held, description="ทำบัญชีรายรับ", owner_group=group)
    client = client_for(chiang_mai_officer)
    url = reverse("sales:meeting_action_edit", args=[item.pk])
    assert "ทำบัญชีรายรับ" in client.get(url).content.decode()
    data = {"description": "ทำบัญชีรายรับ", "owner_group": group.pk, "status": "done"}
    response = client.post(url, data)
    assert response["Location"] == reverse("sales:meeting_detail", args=[held.pk])
    item.refresh_from_db()
    assert item.status == ActionStatus.DONE and item.done_at is not None


def test_producer_sees_only_meetings_their_group_attended_and_their_own_action_items(
    client_for, chiang_mai_officer, producer_user, fair
):
    mine, other = ProducerGroupFactory(members=[producer_user]), ProducerGroupFactory()
    attended = meeting(chiang_mai_officer, datetime.date(2026, 12, 1), fair, present=[mine, other])
    missed = meeting(
        chiang_mai_officer, datetime.date(2026, 12, 2), fair, present=[other], absent=[mine]
    )
    ActionItem.objects.create(meeting=attended, description="งานของกลุ่มเรา", owner_group=mine)
    ActionItem.objects.create(meeting=attended, description="งานของกลุ่มอื่น", owner_group=other)
    client = client_for(producer_user)

    listing = client.get(reverse("sales:meeting_list")).content.decode()
    assert reverse("sales:meeting_detail", args=[attended.pk]) in listing
    assert reverse("sales:meeting_detail", args=[missed.pk]) not in listing
    assert "งานของกลุ่มเรา" in listing and "งานของกลุ่มอื่น" not in listing

    detail = client.get(reverse("sales:meeting_detail", args=[attended.pk])).content.decode()
    assert "งานของกลุ่มเรา" in detail
    assert "งานของกลุ่มอื่น" not in detail and other.name not in detail
    assert client.get(reverse("sales:meeting_detail", args=[missed.pk])).status_code == 404
    assert client.get(reverse("sales:meeting_edit", args=[attended.pk])).status_code == 403
    assert client.get(reverse("sales:meeting_create")).status_code == 403


def test_officer_of_another_province_cannot_open_the_meeting_of_this_fair(
    client_for, chiang_mai_officer, fair
):
    held = meeting(chiang_mai_officer, datetime.date(2026, 12, 1), fair)
    bangkok = UserFactory(role="officer", username="officer_bkk")
    bangkok.officer_provinces.add(Province.objects.get(code="10"))
    client = client_for(bangkok)
    assert client.get(reverse("sales:meeting_detail", args=[held.pk])).status_code == 404
    assert (
        reverse("sales:meeting_detail", args=[held.pk])
        not in client.get(reverse("sales:meeting_list")).content.decode()
    )


def test_meeting_list_runs_a_constant_number_of_queries(
    client_for, chiang_mai_officer, fair, django_assert_max_num_queries
):
    client = client_for(chiang_mai_officer)
    start = datetime.date(2026, 1, 1)
    for count in (2, 20):
        for day in range(count):
            held = meeting(chiang_mai_officer, start + datetime.timedelta(days=day), fair)
            ActionItem.objects.create(
                meeting=held, description="ติดตาม", owner_officer=chiang_mai_officer
            )
        with django_assert_max_num_queries(8):
            assert client.get(reverse("sales:meeting_list")).status_code == 200


def test_the_history_of_a_meeting_names_the_officer_who_saved_it_each_time(
    chiang_mai_officer, fair
):
    colleague = UserFactory(role="officer", username="officer_colleague")
    data = {"fair": fair, "held_on": datetime.date(2026, 12, 5), "place": "ห้องประชุมอำเภอ",
            "agenda": "สรุปผล", "minutes": "", "decisions": ""}  # fmt: skip
    people = {"groups_present": [], "groups_absent": [], "officers": []}
    held = save_meeting(data=data, by=chiang_mai_officer, **people)
    save_meeting(data={**data, "minutes": "รับทราบ"}, by=colleague, meeting=held, **people)
    assert [(h.history_type, h.history_user) for h in held.history.order_by("history_id")] == [
        ("+", chiang_mai_officer),
        ("~", colleague),
    ]
