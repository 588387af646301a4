"""Meeting invitations go to an invitee list that officers choose apart from the attendance list;
an invited group's producers are told and may open the meeting."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from otop_fair.notifications.models import Notification
from otop_fair.thai import buddhist_year
from producers.models import Province
from sales.models import MeetingInvitee, NetworkMeeting
from tests.factories import ProducerGroupFactory, UserFactory
from tests.sales.report_factories import report_fair

pytestmark = pytest.mark.django_db


@pytest.fixture
def chiang_mai_officer(officer):
    officer.officer_provinces.add(Province.objects.get(code="50"))
    return officer


def thai_day(days_ahead):
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    return f"{day:%d/%m}/{buddhist_year(day)}"


def group_with_member(username):
    member = UserFactory(username=username, role="producer")
    return ProducerGroupFactory(members=[member]), member


def record(client, officer, **picked):
    data = {"fair": report_fair(created_by=officer).pk, "held_on": thai_day(7),
            "place": "ห้องประชุมอำเภอ", "agenda": "เตรียมงาน", **picked}  # fmt: skip
    return client.post(reverse("sales:meeting_create"), data)


def invited_people():
    return set(
        Notification.objects.filter(template="meeting_invitation").values_list(
            "recipient__username", flat=True
        )
    )


def test_the_invitation_goes_to_the_invitees_only_not_to_the_attendance_list(
    client_for, chiang_mai_officer
):
    invited, _ = group_with_member("invited-member")
    came, _ = group_with_member("came-member")
    other_officer = UserFactory(username="other-officer", role="officer")
    response = record(
        client_for(chiang_mai_officer),
        chiang_mai_officer,
        groups_invited=[invited.pk],
        officers_invited=[other_officer.pk],
        groups_present=[came.pk],
    )
    assert response.status_code == 302
    saved = NetworkMeeting.objects.get()
    assert {(r.group_id, r.officer_id) for r in saved.invitees.all()} == {
        (invited.pk, None),
        (None, other_officer.pk),
    }
    assert invited_people() == {"invited-member", "other-officer"}


def test_the_form_shows_the_invitees_and_removing_one_keeps_the_rest(
    client_for, chiang_mai_officer
):
    first, _ = group_with_member("first-member")
    second, _ = group_with_member("second-member")
    client = client_for(chiang_mai_officer)
    record(client, chiang_mai_officer, groups_invited=[first.pk, second.pk])
    saved = NetworkMeeting.objects.get()
    form = client.get(reverse("sales:meeting_edit", args=[saved.pk])).context["form"]
    assert set(form.initial["groups_invited"]) == {first.pk, second.pk}
    data = {"fair": saved.fair_id, "held_on": thai_day(7), "place": "ห้องประชุมอำเภอ",
            "groups_invited": [second.pk]}  # fmt: skip
    client.post(reverse("sales:meeting_edit", args=[saved.pk]), data)
    assert list(MeetingInvitee.objects.values_list("group", flat=True)) == [second.pk]
    assert invited_people() == {"first-member", "second-member"}  # each told once


def test_an_invited_producer_opens_the_meeting_and_an_uninvited_one_cannot(
    client_for, chiang_mai_officer
):
    invited, member = group_with_member("invited-member")
    _, stranger = group_with_member("stranger")
    record(client_for(chiang_mai_officer), chiang_mai_officer, groups_invited=[invited.pk])
    url = reverse("sales:meeting_detail", args=[NetworkMeeting.objects.get().pk])
    assert client_for(member).get(url).status_code == 200
    assert url in client_for(member).get(reverse("sales:meeting_list")).content.decode()
    assert client_for(stranger).get(url).status_code == 403
    assert url not in client_for(stranger).get(reverse("sales:meeting_list")).content.decode()


def test_an_officer_sees_who_is_invited_on_the_meeting_page(client_for, chiang_mai_officer):
    invited, _ = group_with_member("invited-member")
    client = client_for(chiang_mai_officer)
    record(client, chiang_mai_officer, groups_invited=[invited.pk])
    page = client.get(reverse("sales:meeting_detail", args=[NetworkMeeting.objects.get().pk]))
    assert "ผู้ได้รับเชิญ" in page.content.decode() and invited.name in page.content.decode()


def test_the_meeting_page_runs_a_constant_number_of_queries_with_more_invitees(
    client_for, chiang_mai_officer, django_assert_max_num_queries
):
    client = client_for(chiang_mai_officer)
    record(client, chiang_mai_officer)
    saved = NetworkMeeting.objects.get()
    url = reverse("sales:meeting_detail", args=[saved.pk])
    for count in (2, 20):
        for _ in range(count):
            MeetingInvitee.objects.create(meeting=saved, group=ProducerGroupFactory())
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200
