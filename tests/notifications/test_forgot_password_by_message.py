""" "Forgot password" for people with no verified e-mail: the link and code go by LINE or SMS
through the outbox and a real worker, to the fake LINE API and the SMS gateway stub; the outbox
never holds the secret; the page and the limits are those of the e-mail path."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from otop_fair.accounts.models import Invitation
from otop_fair.notifications.models import Channel, ContactPreference, Notification, Status
from tests.accounts.helpers import path_of
from tests.factories import UserFactory
from tests.notifications.conftest import empty_job_queue, run_worker
from tests.thai_input import phone_spellings

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "มะม่วงสุก-หน้าร้อน-31"
LINK = re.compile(r"https?://\S+/accounts/invite/[^/\s]+/")
CODE = re.compile(r"\b([A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{4})\b")


def ask(client, login):
    return client.post(reverse("accounts:forgot_password"), {"login": login})


def producer(phone="0812345678", line=None, **fields):
    person = UserFactory(role="producer", phone=phone, **fields)
    if line:
        ContactPreference.objects.create(user=person, line_user_id=line)
    return person


def choose_password(client, url):
    return client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})


def test_a_producer_with_only_a_phone_gets_the_link_by_sms_through_the_queue(client, sms_stub):
    person = producer()
    assert ask(client, "๐๘๑-๒๓๔-๕๖๗๘").status_code == 200
    # Queued, not sent: nothing reaches the gateway before a worker runs.
    assert sms_stub.received == []
    (row,) = Notification.objects.filter(recipient=person)
    assert row.channel == Channel.SMS and row.status == Status.QUEUED
    assert run_worker()
    (sms,) = sms_stub.received
    assert sms["to"] == "0812345678"
    url = path_of(LINK.search(sms["text"]).group())
    choose_password(client, url)
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    client.logout()
    assert client.get(url).status_code == 410


def test_a_linked_line_account_gets_a_code_that_works_at_the_code_page(client, fake_line, sms_stub):
    person = producer(line="Uproducer1")
    ask(client, "0812345678")
    run_worker()
    assert sms_stub.received == []
    ((to, text),) = fake_line.delivered()
    assert to == "Uproducer1"
    code = CODE.search(text).group(1)
    page = client.post(reverse("accounts:short_code"), {"code": code})
    assert 'name="new_password1"' in page.content.decode()
    client.post(reverse("accounts:short_code"), {"new_password1": NEW_PASSWORD,
                                                 "new_password2": NEW_PASSWORD})  # fmt: skip
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_the_outbox_and_the_delivery_log_never_hold_the_secret(client, client_for, sms_stub):
    person = producer()
    ask(client, "0812345678")
    run_worker()
    url = LINK.search(sms_stub.received[0]["text"]).group()
    token = url.rstrip("/").rsplit("/", 1)[-1]
    row = Notification.objects.get(recipient=person)
    assert token not in json.dumps(row.context) and row.status == Status.SENT
    superuser = UserFactory(is_superuser=True, is_staff=True)
    log = client_for(superuser).get(reverse("notifications:log")).content.decode()
    assert "ส่งถึงเจ้าตัวเท่านั้น" in log and token not in log


def test_when_line_refuses_the_same_link_goes_by_sms(client, fake_line, sms_stub):
    person = producer(line="Ublocked-me")
    ask(client, "0812345678")
    run_worker()
    assert fake_line.delivered() == []
    url = path_of(LINK.search(sms_stub.received[0]["text"]).group())
    choose_password(client, url)
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_a_reset_the_person_asked_for_is_not_held_for_their_quiet_hours(client, fake_line):
    person = producer(line="Unight-owl")
    local = timezone.localtime()
    ContactPreference.objects.filter(user=person).update(
        quiet_from=(local - datetime.timedelta(hours=1)).time(),
        quiet_until=(local + datetime.timedelta(hours=1)).time(),
    )
    ask(client, "0812345678")
    assert Notification.objects.get(recipient=person).not_before is None
    run_worker()
    assert [to for to, _ in fake_line.delivered()] == ["Unight-owl"]


def test_an_unverified_address_is_never_a_way_back_in(client, sms_stub, smtp_server):
    producer(phone="", email="someone@example.org")
    ask(client, "someone")
    run_worker()
    assert sms_stub.received == [] and smtp_server.messages == []
    assert not Notification.objects.exists() and not Invitation.objects.exists()


def test_the_answer_is_the_same_for_a_phone_that_has_an_account_and_one_that_has_not(
    client, fake_line, sms_stub
):
    producer(line="Uknown")
    known = ask(client, "0812345678").content.decode()
    unknown = ask(client, "0899999999").content.decode()
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", known) == strip.sub("", unknown)
    assert Notification.objects.count() == 1


def test_asking_again_soon_sends_no_second_message(client, sms_stub):
    producer()
    for _ in range(3):
        ask(client, "081 234 5678")
    run_worker()
    assert len(sms_stub.received) == 1


def test_requests_over_the_limit_queue_nothing(client, sms_stub, settings):
    settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT = True, 3
    producer(phone="0811111111")
    producer(phone="0822222222")
    producer(phone="0833333333")
    answers = [ask(client, phone).status_code for phone in ("0811111111", "0822222222")]
    assert answers == [200, 200]
    assert ask(client, "0833333333").status_code == 429
    assert Notification.objects.count() == 2


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_spelling_of_the_phone_reaches_its_one_account_by_sms(sms_stub, data):
    from django.test import Client

    Notification.objects.all().delete()
    empty_job_queue()
    person = UserFactory(role="producer", phone="0865551234")
    typed = data.draw(phone_spellings("0865551234"))
    try:
        ask(Client(), typed)
        rows = list(Notification.objects.values_list("recipient_id", "channel"))
        assert rows == [(person.pk, Channel.SMS)], typed
    finally:
        person.delete()
