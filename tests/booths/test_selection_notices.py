"""The applicant hears of the selection decisions taken about them (phone trials): a district's
decline with its reason, being left unnominated at the deadline, and the decision on their appeal.
Each through the outbox, by the channel and at the hour each member prefers, once per event."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import Fair, FairState
from booths.services import appeals, lifecycle, nominations
from otop_fair.notifications.catalogue import render
from otop_fair.notifications.models import Channel, ContactPreference, Notification
from tests.booths.national import national_fair
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = national_fair()
    for apps in world.applications.values():
        for app in apps:
            app.group.members.add(UserFactory(role="producer"), UserFactory(role="producer"))
    return world


def _first(world, index=0):
    district = list(world.applications)[index]
    return world.applications[district][0], world.district_officers[district]


def _told(template):
    rows = Notification.objects.filter(template=template).select_related("recipient")
    return [(row.recipient, render(row.template, row.context)) for row in rows]


def _decline(application, officer, reason):
    return nominations.decide_nomination(
        application=application, decision="declined", reason=reason, by=officer
    )


def test_a_decline_tells_each_member_the_districts_reason_in_thai(world):
    application, officer = _first(world)
    _decline(application, officer, "ยังไม่มีฉลากสินค้า")
    told = _told("nomination_declined")
    assert {user for user, _text in told} == set(application.group.members.all())
    for _user, text in told:
        assert "ยังไม่มีฉลากสินค้า" in text and application.group.name in text
        assert f"/applications/{application.pk}/result/" in text


def _last_word(member):
    """The decision the member's latest selection message tells: declined, nominated or none."""
    row = (
        Notification.objects.filter(
            recipient=member, template__in=["nomination_declined", "decline_withdrawn"]
        )
        .order_by("-pk")
        .first()
    )
    if row is None:
        return None
    return "declined" if row.template == "nomination_declined" else "nominated"


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["declined", "nominated"]), st.sampled_from(["ก", "ข"])),
        min_size=1,
        max_size=6,
    )
)
def test_the_last_message_a_group_got_matches_its_districts_decision(world, steps):
    """However the district changes its mind before the deadline, each member's latest message
    says the current decision, a decision repeated as it stands is not told again, and a group
    never declined hears nothing until the results."""
    application, officer = _first(world)
    with transaction.atomic():
        expected_messages, current = 0, None
        for decision, reason in steps:
            nominations.decide_nomination(
                application=application, decision=decision, reason=reason, by=officer
            )
            new = (decision, reason if decision == "declined" else "")
            if new != current and (decision == "declined" or (current or ("",))[0] == "declined"):
                expected_messages += 1
            current = new
        ever_declined = any(decision == "declined" for decision, _reason in steps)
        for member in application.group.members.all():
            assert _last_word(member) == (current[0] if ever_declined else None)
            rows = Notification.objects.filter(
                recipient=member, template__in=["nomination_declined", "decline_withdrawn"]
            )
            assert rows.count() == expected_messages
        transaction.set_rollback(True)


def test_a_decline_taken_back_is_told_in_thai_with_the_result_link(world):
    application, officer = _first(world)
    _decline(application, officer, "ยังไม่มีฉลาก")
    nominations.decide_nomination(
        application=application, decision="nominated", reason="", by=officer
    )
    told = _told("decline_withdrawn")
    assert {user for user, _text in told} == set(application.group.members.all())
    for _user, text in told:
        assert "เสนอชื่อ" in text and application.group.name in text
        assert f"/applications/{application.pk}/result/" in text


def test_a_members_channel_and_quiet_hours_are_respected(world, settings):
    settings.SMS_GATEWAY_URL, settings.EMAIL_HOST = "https://sms.example", "mail.example"
    application, officer = _first(world)
    by_email, quiet = application.group.members.order_by("pk")
    by_email.email, by_email.phone = "a@example.com", "0812345678"
    by_email.save()
    ContactPreference.objects.create(user=by_email, channels=["email", "sms"])
    now = timezone.localtime()
    ContactPreference.objects.create(
        user=quiet,
        channels=["sms"],
        quiet_from=(now - datetime.timedelta(hours=1)).time(),
        quiet_until=(now + datetime.timedelta(hours=1)).time(),
    )
    _decline(application, officer, "ยังไม่มีฉลาก")
    rows = {r.recipient_id: r for r in Notification.objects.filter(template="nomination_declined")}
    assert rows[by_email.pk].channel == Channel.EMAIL and rows[by_email.pk].not_before is None
    assert rows[quiet.pk].not_before is not None


def test_groups_left_undecided_at_the_deadline_are_told_and_the_declined_not_twice(world):
    declined, officer = _first(world)
    _decline(declined, officer, "ยังไม่มีฉลาก")
    lifecycle.close_applications(fair=world.fair, by=world.head_office, confirm_early=True)
    silent = {a for apps in world.applications.values() for a in apps} - {declined}
    told = _told("not_nominated")
    assert {user.pk for user, _t in told} == {m.pk for a in silent for m in a.group.members.all()}
    assert all("ไม่ได้รับการเสนอชื่อ" in text for _user, text in told)
    assert Notification.objects.filter(template="nomination_declined").count() == 2


@pytest.mark.parametrize("status", ["upheld", "dismissed"])
def test_the_appeal_decision_and_its_reason_reach_the_group_once(world, status):
    declined, officer = _first(world)
    _decline(declined, officer, "ยังไม่มีฉลาก")
    lifecycle.close_applications(fair=world.fair, by=world.head_office, confirm_early=True)
    Fair.objects.filter(pk=world.fair.pk).update(state=FairState.ALLOCATED)
    declined.refresh_from_db()
    member = declined.group.members.first()
    appeal = appeals.file_appeal(application=declined, grounds="มีฉลากแล้ว", by=member)
    appeals.decide_appeal(appeal=appeal, status=status, reason="ตรวจแล้วถูกต้อง", by=world.head_office)
    told = _told(f"appeal_{status}")
    assert len(told) == 2
    assert all("ตรวจแล้วถูกต้อง" in text for _user, text in told)
    with pytest.raises(ValidationError):
        appeals.decide_appeal(appeal=appeal, status=status, reason="ซ้ำ", by=world.head_office)
    assert len(_told(f"appeal_{status}")) == 2
