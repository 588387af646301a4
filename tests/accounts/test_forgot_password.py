"""'Forgot password' mails a one-time link to a verified address through a real SMTP server, and
tells everyone else in Thai to ask their district office, with the same page for every login."""

import email
import re

import pytest
from django.urls import reverse

from tests.accounts.helpers import path_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
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
    assert smtp_server.messages == []
    assert "สำนักงานพัฒนาชุมชนอำเภอ" in response.content.decode()


def test_the_answer_is_the_same_whether_or_not_the_account_exists(client, smtp_server):
    UserFactory(username="real", email="r@example.org", email_verified=True)
    known = ask(client, "real").content.decode()
    unknown = ask(client, "nobody-here").content.decode()
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", known) == strip.sub("", unknown)
    assert len(smtp_server.messages) == 1
