"""What the sales app tells people: problem status, meetings, action items, the daily reminder
and an officer's broadcast."""

import datetime

import pytest
from django.utils import timezone

from otop_fair.notifications.catalogue import render
from otop_fair.notifications.models import Notification
from producers.models import Province
from sales import notices
from sales.models import ActionItem, IssueStatus
from sales.services import move_issue, record_daily_sales, save_meeting
from tests.factories import AssignmentFactory, IssueReportFactory, ProducerGroupFactory, UserFactory

pytestmark = pytest.mark.django_db


def told(template):
    rows = Notification.objects.filter(template=template).select_related("recipient").order_by("pk")
    return [(row.recipient, render(row.template, row.context)) for row in rows]


def test_the_reporter_hears_each_status_change_of_their_problem(province_officer):
    issue = IssueReportFactory()
    move_issue(issue=issue, status=IssueStatus.IN_PROGRESS, by=province_officer)
    move_issue(issue=issue, status=IssueStatus.RESOLVED, by=province_officer, resolution="ซ่อมแล้ว")
    messages = told("problem_status")
    assert [user for user, _ in messages] == [issue.reported_by] * 2
    assert "กำลังดำเนินการ" in messages[0][1] and "แก้ไขแล้ว" in messages[-1][1]
    assert f"/sales/problems/{issue.pk}/" in messages[-1][1]


def test_a_meeting_invites_its_invitees_only_and_its_minutes_are_announced_once(
    holding, producer_user, province_officer
):
    came = holding.application.group
    invited = ProducerGroupFactory(members=[UserFactory(username="invited-producer")])
    data = {
        "fair": holding.fair,
        "held_on": timezone.localdate() + datetime.timedelta(days=3),
        "place": "ศาลากลาง",
        "agenda": "สรุปงาน",
        "minutes": "",
        "decisions": "",
    }
    args = {
        "groups_present": [came],
        "groups_absent": [],
        "officers": [],
        "groups_invited": [invited],
        "officers_invited": [province_officer],
    }
    meeting = save_meeting(data=data, by=province_officer, **args)
    invited_member = invited.members.get()
    assert {u for u, _ in told("meeting_invitation")} == {invited_member, province_officer}
    assert "ศาลากลาง" in told("meeting_invitation")[0][1]
    save_meeting(
        data={**data, "minutes": "ที่ประชุมรับทราบ"}, by=province_officer, meeting=meeting, **args
    )
    save_meeting(
        data={**data, "minutes": "แก้ไขถ้อยคำ"}, by=province_officer, meeting=meeting, **args
    )
    # Once each, to those invited and those who came.
    assert sorted(u.pk for u, _ in told("meeting_minutes")) == sorted(
        [invited_member.pk, province_officer.pk, producer_user.pk]
    )


def test_an_invitee_added_later_is_invited_and_the_others_are_not_told_twice(
    holding, producer_user, province_officer
):
    data = {"fair": holding.fair, "held_on": timezone.localdate() + datetime.timedelta(days=1),
            "place": "ก", "agenda": "", "minutes": "", "decisions": ""}  # fmt: skip
    args = {"groups_present": [], "groups_absent": [], "officers": []}
    meeting = save_meeting(data=data, by=province_officer, officers_invited=[province_officer],
                           **args)  # fmt: skip
    group = holding.application.group
    save_meeting(data=data, by=province_officer, meeting=meeting, groups_invited=[group],
                 officers_invited=[province_officer], **args)  # fmt: skip
    assert sorted(u.pk for u, _ in told("meeting_invitation")) == sorted(
        [province_officer.pk, producer_user.pk]
    )


def test_one_added_to_the_attendance_after_the_minutes_were_written_is_not_told_of_them(
    holding, producer_user, province_officer
):
    data = {"fair": holding.fair, "held_on": timezone.localdate() - datetime.timedelta(days=1),
            "place": "ก", "agenda": "", "minutes": "ที่ประชุมรับทราบ", "decisions": ""}  # fmt: skip
    came = {"groups_absent": [], "officers": [province_officer]}
    meeting = save_meeting(data=data, by=province_officer, groups_present=[], **came)
    assert [u for u, _ in told("meeting_minutes")] == [province_officer]
    late = holding.application.group
    save_meeting(data=data, by=province_officer, meeting=meeting, groups_present=[late], **came)
    assert meeting.attendance.filter(group=late).exists()
    assert [u for u, _ in told("meeting_minutes")] == [province_officer]


def test_a_past_meeting_invites_nobody(holding, province_officer):
    data = {"fair": holding.fair, "held_on": timezone.localdate() - datetime.timedelta(days=1),
            "place": "ก", "agenda": "", "minutes": "", "decisions": ""}  # fmt: skip
    save_meeting(data=data, by=province_officer, groups_present=[], groups_absent=[],
                 officers=[], groups_invited=[holding.application.group])  # fmt: skip
    assert told("meeting_invitation") == []


def test_an_action_item_due_tomorrow_is_told_to_its_owners_once(holding, producer_user):
    meeting = save_meeting(
        data={"fair": holding.fair, "held_on": timezone.localdate(), "place": "ก", "agenda": "",
              "minutes": "", "decisions": ""},
        groups_present=[], groups_absent=[], officers=[], by=holding.fair.created_by,
    )  # fmt: skip
    ActionItem.objects.create(
        meeting=meeting,
        description="ส่งรายงานยอดขาย",
        owner_group=holding.application.group,
        due_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    assert notices.action_items_due() == 1
    assert notices.action_items_due() == 0
    assert told("action_item_due")[0][0] == producer_user


def test_a_meeting_without_a_fair_tells_its_people_once_under_its_own_province(
    producer_user, province_officer
):
    group = ProducerGroupFactory(members=[producer_user])
    data = {
        "fair": None,
        "province": Province.objects.get(code="50"),
        "held_on": timezone.localdate() + datetime.timedelta(days=1),
        "place": "ศาลากลาง",
        "agenda": "",
        "minutes": "",
        "decisions": "",
    }
    args = {"groups_present": [], "groups_absent": [], "officers": [], "groups_invited": [group]}
    meeting = save_meeting(data=data, by=province_officer, **args)
    save_meeting(data=data, by=province_officer, meeting=meeting, **args)  # told already
    assert meeting.province_id == "50"
    ActionItem.objects.create(
        meeting=meeting, description="ส่งรายงาน", owner_officer=province_officer,
        due_on=timezone.localdate() + datetime.timedelta(days=1),
    )  # fmt: skip
    assert notices.action_items_due() == 1 and notices.action_items_due() == 0
    rows = Notification.objects.filter(template__in=["meeting_invitation", "action_item_due"])
    assert sorted(rows.values_list("template", "recipient", "province")) == [
        ("action_item_due", province_officer.pk, "50"),
        ("meeting_invitation", producer_user.pk, "50"),
    ]


def test_the_daily_reminder_goes_only_to_producers_who_have_not_reported(holding, producer_user):
    reported = AssignmentFactory(booth__zone__fair=holding.fair, members=[UserFactory()])
    member = reported.application.group.members.get()
    record_daily_sales(assignment=reported, day=timezone.localdate(), amount=100, by=member)
    assert notices.sales_reminders() == 1
    assert notices.sales_reminders() == 0  # once a day
    ((user, text),) = told("sales_reminder")
    assert user == producer_user and holding.booth.code in text and "ยอด 12500" in text


def test_an_officer_broadcasts_to_every_producer_of_the_fair(
    holding, producer_user, province_officer, client_for
):
    other = AssignmentFactory(booth__zone__fair=holding.fair, members=[UserFactory()])
    client = client_for(province_officer)
    url = f"/sales/fairs/{holding.fair.pk}/broadcast/"
    page = client.get(url).content.decode()
    assert "โควตา" in page
    response = client.post(url, {"text": "ปิดฮอลล์ 21:00"}, follow=True)
    assert "ส่งถึง 2 คนแล้ว" in response.content.decode()
    people = {u for u, text in told("broadcast") if "ปิดฮอลล์ 21:00" in text}
    assert people == {producer_user, other.application.group.members.get()}


def test_an_empty_broadcast_is_refused_with_a_thai_message(holding, province_officer, client_for):
    url = f"/sales/fairs/{holding.fair.pk}/broadcast/"
    response = client_for(province_officer).post(url, {"text": "   "})
    assert response.status_code == 200 and "จำเป็น" in response.content.decode()
    assert not Notification.objects.exists()
