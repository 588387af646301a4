"""'Forgot password' mails a one-time link to a verified address through the outbox, a real worker
and a real SMTP server, and tells everyone else in Thai to ask their district office, with the same
page for every login (and nothing sent inside the request, so its time tells no one either)."""

import email
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from hypothesis.extra.django import TestCase

from otop_fair.accounts import email as account_email
from tests.accounts.helpers import path_of
from tests.factories import UserFactory, officer_of
from tests.notifications.conftest import _empty_job_queue, run_worker  # noqa: F401 (autouse)

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "มะม่วงสุก-หน้าร้อน-31"


def ask(client, login):
    return client.post(reverse("accounts:forgot_password"), {"login": login})


def link_in(envelope):
    message = email.message_from_bytes(envelope.content)
    body = message.get_payload(decode=True).decode(message.get_content_charset())
    return re.search(r"https?://\S+/accounts/invite/\S+/", body).group()


def test_a_verified_address_gets_a_link_that_sets_a_new_password_once(client, smtp_server):
    person = UserFactory(
        username="committee-a", phone="0891112222", email="a@example.org", email_verified=True
    )
    response = ask(client, "089-111-2222")
    assert response.status_code == 200
    # Queued in the request, sent by the worker.
    assert smtp_server.messages == []
    assert run_worker()
    (envelope,) = smtp_server.messages
    assert envelope.rcpt_tos == ["a@example.org"]
    url = path_of(link_in(envelope))
    client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    client.logout()
    assert client.get(url).status_code == 410


def test_an_unverified_address_gets_nothing_and_the_page_points_to_the_district_office(
    client, smtp_server
):
    UserFactory(username="otop-x", phone="0812345678", email="x@example.org")
    response = ask(client, "0812345678")
    run_worker()
    assert smtp_server.messages == []
    assert "สำนักงานพัฒนาชุมชนอำเภอ" in response.content.decode()


def test_the_answer_is_the_same_whether_or_not_the_account_exists(client, smtp_server):
    UserFactory(username="real", email="r@example.org", email_verified=True)
    known = ask(client, "real").content.decode()
    unknown = ask(client, "nobody-here").content.decode()
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", known) == strip.sub("", unknown)
    run_worker()
    assert len(smtp_server.messages) == 1


def test_an_officer_sends_a_confirmation_link_and_then_forgot_password_reaches_the_address(
    client, client_for, smtp_server
):
    officer = officer_of("50")
    person = UserFactory(
        username="committee-b", role="committee", email="b@example.org", phone="0893334444"
    )
    person.province = officer.officer_provinces.get()
    person.save()
    assert ask(client, "0893334444") and run_worker() and smtp_server.messages == []
    client_for(officer).post(reverse("accounts:person_verify_email", args=[person.pk]))
    body = email.message_from_bytes(smtp_server.messages[0].content)
    text = body.get_payload(decode=True).decode(body.get_content_charset())
    confirm = re.search(r"https?://\S+/accounts/email/\S+/", text).group()
    client.logout()
    assert client.get(path_of(confirm)).status_code == 200
    person.refresh_from_db()
    assert person.email_verified
    ask(client, "089-333-4444")
    run_worker()
    assert smtp_server.messages[-1].rcpt_tos == ["b@example.org"]


def test_a_confirmation_link_for_an_address_since_changed_confirms_nothing(
    client, client_for, smtp_server
):
    person = UserFactory(username="committee-c", email="old@example.org")
    account_email.send_verification(RequestFactory().get("/"), person)
    person.email = "new@example.org"
    person.save()
    body = email.message_from_bytes(smtp_server.messages[0].content)
    text = body.get_payload(decode=True).decode(body.get_content_charset())
    confirm = re.search(r"https?://\S+/accounts/email/\S+/", text).group()
    assert client.get(path_of(confirm)).status_code == 410
    person.refresh_from_db()
    assert not person.email_verified


class ForgotPasswordRequestsAreLimited(TestCase):
    def test_many_requests_from_one_address_are_refused_like_wrong_passwords(self):
        with self.settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3):
            answers = [ask(self.client, f"08123456{n:02d}").status_code for n in range(4)]
        # The request that reaches the limit is already answered with the lock-out page.
        assert answers == [200, 200, 429, 429]
