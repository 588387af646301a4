"""Each channel through a real local server, retries, fall-backs, quota and quiet hours."""

import contextlib
import datetime

import pytest
from django.utils import timezone

from otop_fair.notifications.delivery import RetryLater, deliver
from otop_fair.notifications.models import Channel, ContactPreference, Notification, Status
from otop_fair.notifications.services import Message, notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def person(line=None, phone="", email="", channels=None, **quiet):
    user = UserFactory(phone=phone, email=email)
    ContactPreference.objects.create(user=user, line_user_id=line, channels=channels or [], **quiet)
    return user


def told(user, template="broadcast", **context):
    context = {"fair": "งาน OTOP เชียงใหม่", "text": "ปิดฮอลล์ 21:00", **context}
    return notify([Message(user, template, context)])[0]


def deliver_all():
    ids = list(Notification.objects.values_list("pk", flat=True))
    with contextlib.suppress(RetryLater):
        deliver(ids)


def test_with_no_account_a_message_goes_to_the_console_and_the_outbox(capsys):
    row = told(person(line="U1", phone="0812345678"))
    assert row.channel == Channel.CONSOLE
    deliver_all()
    row.refresh_from_db()
    assert row.status == Status.SENT and row.provider_id.startswith("console:")
    assert "ปิดฮอลล์ 21:00" in capsys.readouterr().out


def test_a_line_push_arrives_with_its_retry_key(fake_line):
    row = told(person(line="Uaaa"))
    deliver_all()
    row.refresh_from_db()
    assert fake_line.delivered() == [("Uaaa", "งาน OTOP เชียงใหม่: ปิดฮอลล์ 21:00")]
    assert fake_line.received[0]["retry_key"] == str(row.retry_key)
    assert fake_line.received[0]["auth"] == "Bearer test-token"
    assert row.status == Status.SENT and row.provider_id


def test_the_same_text_to_many_goes_by_multicast(fake_line):
    users = [person(line=f"U{i:03}") for i in range(7)]
    notify([Message(u, "broadcast", {"fair": "งาน", "text": "ปิดฮอลล์"}) for u in users])
    deliver_all()
    assert len(fake_line.received) == 1
    assert fake_line.received[0]["path"].endswith("/multicast")
    assert sorted(to for to, _ in fake_line.delivered()) == [f"U{i:03}" for i in range(7)]
    assert Notification.objects.filter(status=Status.SENT).count() == 7


def test_a_push_whose_answer_was_lost_is_retried_and_delivered_once(fake_line):
    row = told(person(line="Ubbb"))
    fake_line.lose_answer = 1
    with pytest.raises(RetryLater):
        deliver([row.pk])
    row.refresh_from_db()
    assert row.status == Status.RETRYING and row.attempts == 1
    deliver([row.pk])
    row.refresh_from_db()
    assert row.status == Status.SENT and row.attempts == 2
    assert len(fake_line.delivered()) == 1


def test_sms_goes_through_the_gateway(sms_stub):
    row = told(person(phone="0812345678"))
    deliver_all()
    row.refresh_from_db()
    assert [(m["to"], m["text"]) for m in sms_stub.received] == [
        ("0812345678", "งาน OTOP เชียงใหม่: ปิดฮอลล์ 21:00")
    ]
    assert sms_stub.received[0]["auth"] == "Bearer sms-token"
    assert row.provider_id == "sms-1"


def test_email_goes_through_smtp(smtp_server):
    row = told(person(email="somchai@example.org"))
    deliver_all()
    row.refresh_from_db()
    assert row.status == Status.SENT
    (message,) = smtp_server.messages
    assert message["to"] == ["somchai@example.org"]
    assert row.provider_id.strip("<>") in message["data"]


def test_a_blocked_line_account_falls_back_to_sms(fake_line, sms_stub):
    row = told(person(line="Ublocked1", phone="0899999999"))
    assert row.channel == Channel.LINE
    deliver_all()
    row.refresh_from_db()
    assert row.channel == Channel.SMS and row.status == Status.SENT
    assert "LINE 400" in row.last_error and fake_line.received == []
    assert [m["to"] for m in sms_stub.received] == ["0899999999"]


def test_nobody_is_silently_unreached_the_rest_goes_to_the_print_list(fake_line):
    row = told(person(phone="0811111111"))  # no LINE linked, no SMS gateway, no e-mail
    assert row.channel == Channel.PRINT and row.status == Status.TO_PRINT


def test_past_the_line_quota_messages_go_by_sms(fake_line, sms_stub, settings):
    settings.LINE_MONTHLY_PUSH_QUOTA = 1
    first = told(person(line="Uq1", phone="0811111111"))
    second = told(person(line="Uq2", phone="0822222222"))
    assert (first.channel, second.channel) == (Channel.LINE, Channel.SMS)


def test_a_channel_down_is_retried_then_the_next_channel_is_tried(sms_stub, smtp_server):
    row = told(person(phone="0812345678", email="a@example.org"))
    sms_stub.fail_next = 100
    for _attempt in range(4):
        with pytest.raises(RetryLater):
            deliver([row.pk])
    row.refresh_from_db()
    assert row.status == Status.RETRYING and row.attempts == 4
    deliver([row.pk])  # the fifth failure: SMS is given up for this message
    row.refresh_from_db()
    assert row.channel == Channel.EMAIL and row.status == Status.QUEUED
    deliver([row.pk])
    row.refresh_from_db()
    assert row.status == Status.SENT and len(smtp_server.messages) == 1


def test_quiet_hours_hold_a_message_until_they_end(sms_stub, time_machine):
    late = timezone.make_aware(datetime.datetime(2026, 11, 30, 22, 30))
    time_machine.move_to(late)
    user = person(
        phone="0812345678", quiet_from=datetime.time(21, 0), quiet_until=datetime.time(7, 0)
    )
    row = told(user)
    assert timezone.localtime(row.not_before) == timezone.make_aware(
        datetime.datetime(2026, 12, 1, 7, 0)
    )
    deliver_all()
    assert sms_stub.received == []
    time_machine.move_to(late + datetime.timedelta(hours=9))
    deliver_all()
    assert len(sms_stub.received) == 1


def test_one_event_tells_one_person_once():
    user = person()
    message = Message(user, "broadcast", {"fair": "ก", "text": "ข"}, dedupe_key="broadcast:1")
    notify([message])
    notify([message])
    assert Notification.objects.count() == 1


def test_a_person_who_just_wrote_to_us_gets_a_free_reply_not_a_push(fake_line, settings):
    settings.LINE_MONTHLY_PUSH_QUOTA = 1
    user = person(line="Uchat")
    ContactPreference.objects.filter(user=user).update(
        line_reply_token="tok-1", line_reply_token_at=timezone.now()
    )
    row = told(user)
    deliver_all()
    row.refresh_from_db()
    assert fake_line.received[0]["path"].endswith("/reply")
    assert fake_line.received[0]["body"]["replyToken"] == "tok-1"
    assert row.provider_id.startswith("reply:")
    assert told(person(line="Uother")).channel == Channel.LINE  # the quota is still whole


def test_a_message_left_sending_by_a_dead_worker_goes_back_to_the_queue(fake_line):
    from otop_fair.notifications.delivery import claim, release_stalled

    row = told(person(line="Ucrash"))
    long_ago = timezone.now() - datetime.timedelta(minutes=30)
    claim([row.pk], long_ago)  # claimed, then the worker died before sending
    assert release_stalled() == 1
    deliver_all()
    row.refresh_from_db()
    assert row.status == Status.SENT and len(fake_line.delivered()) == 1


def test_a_message_that_keeps_killing_its_worker_goes_to_the_print_list():
    from otop_fair.notifications.delivery import release_stalled

    row = told(person())
    long_ago = timezone.now() - datetime.timedelta(minutes=30)
    Notification.objects.filter(pk=row.pk).update(
        status=Status.SENDING, attempts=10, claimed_at=long_ago
    )
    assert release_stalled() == 0
    row.refresh_from_db()
    assert row.status == Status.TO_PRINT and row.last_error == "worker failed"
