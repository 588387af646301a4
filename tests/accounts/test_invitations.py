"""Invitation links and login slips: single-use, expiring, QR codes a phone can read, short codes
without look-alikes whose guessing locks out like a password, and never a password on paper."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from otop_fair.accounts import invitations
from otop_fair.accounts.invitations import CODE_ALPHABET, CODE_LENGTH, canonical_code
from tests.accounts.helpers import path_of, qr_links, slip_pages, slip_text
from tests.factories import ProducerGroupFactory, UserFactory, officer_of

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "ผักกาดหอม-ริมน้ำ-42"
LOOK_ALIKES = set("0O1IL5S2Z8B")


def new_producer(**kwargs):
    user = UserFactory(username=kwargs.pop("username", "otop-inv"), **kwargs)
    user.set_unusable_password()
    user.save()
    return user


def choose_password(client, url, password=NEW_PASSWORD):
    return client.post(url, {"new_password1": password, "new_password2": password})


def test_an_invitation_link_sets_the_password_once(client):
    user = new_producer()
    issued = invitations.issue(users=[user], by=None)[0]
    url = reverse("accounts:invitation", args=[issued.token])
    assert client.get(url).status_code == 200
    assert choose_password(client, url).status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    client.logout()
    assert client.get(url).status_code == 410
    assert choose_password(client, url, "อีกรหัสหนึ่ง-77").status_code == 410
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_an_invitation_link_expires_after_its_days(client, settings):
    settings.ACCOUNT_INVITATION_DAYS = 3
    issued = invitations.issue(users=[new_producer()], by=None)[0]
    url = reverse("accounts:invitation", args=[issued.token])
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3, minutes=1)):
        assert client.get(url).status_code == 410


def test_a_new_slip_retires_the_previous_one(client):
    user = new_producer()
    old = invitations.issue(users=[user], by=None)[0]
    invitations.issue(users=[user], by=None)
    assert client.get(reverse("accounts:invitation", args=[old.token])).status_code == 410


def test_the_password_page_explains_the_rules_in_thai_and_refuses_a_weak_one(client):
    issued = invitations.issue(users=[new_producer()], by=None)[0]
    url = reverse("accounts:invitation", args=[issued.token])
    assert "อย่างน้อย 8" in client.get(url).content.decode()
    response = choose_password(client, url, "12345678")
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]


def test_a_short_code_typed_from_a_slip_works_once(client):
    user = new_producer()
    code = invitations.issue(users=[user], by=None)[0].shown_code
    page = client.post(reverse("accounts:short_code"), {"code": code.lower().replace("-", " ")})
    assert "new_password1" in page.content.decode()
    assert choose_password(client, reverse("accounts:short_code")).status_code == 302
    client.logout()
    again = client.post(reverse("accounts:short_code"), {"code": code})
    assert again.context["form"].errors["code"]


@given(st.integers(min_value=1, max_value=40))
@settings(max_examples=40, deadline=None)
def test_short_codes_are_long_and_free_of_look_alike_characters(_):
    code = invitations.new_short_code()
    assert len(code) >= 8 and len(code) == CODE_LENGTH
    assert not set(code) & LOOK_ALIKES
    assert canonical_code(invitations.shown_code(code).lower()) == code


def test_the_code_alphabet_has_no_look_alikes():
    assert not set(CODE_ALPHABET) & LOOK_ALIKES


class ShortCodeGuessesLockOut(TestCase):
    def test_guessing_short_codes_locks_out_like_wrong_passwords(self):
        user = new_producer()
        code = invitations.issue(users=[user], by=None)[0].code
        with self.settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3):
            for guess in ["ACDEFGHJKM", "ACDEFGHJKN", "ACDEFGHJKP"]:
                self.client.post(reverse("accounts:short_code"), {"code": guess})
            right = self.client.post(reverse("accounts:short_code"), {"code": code})
        assert right.status_code == 429
        assert "new_password1" not in right.content.decode()


def test_officer_prints_slips_whose_qr_codes_open_each_persons_page(client_for, client):
    officer = officer_of("50")
    people = [new_producer(username=f"otop-s{n}", first_name=f"คนที่{n}") for n in range(7)]
    for person in people:
        ProducerGroupFactory(members=[person])
    response = client_for(officer).post(
        reverse("accounts:print_slips"), {"person": [p.pk for p in people]}
    )
    assert response["Content-Type"] == "application/pdf"
    assert len(slip_pages(response.content)) == 2, "six slips to an A4 page"
    links = qr_links(response.content)
    assert len(links) == 7
    client.logout()
    opened = {client.get(path_of(link)).context["person"] for link in links}
    assert opened == set(people)


def test_a_slip_holds_the_code_but_never_a_password(client_for):
    officer = officer_of("50")
    person = UserFactory(username="otop-old", first_name="บัวผัน")
    ProducerGroupFactory(members=[person])
    response = client_for(officer).post(reverse("accounts:person_reset", args=[person.pk]))
    text = slip_text(response.content)
    code = re.search(r"[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{4}", text)
    assert code and invitations.by_code(code.group())
    assert "otop-demo" not in text
    person.refresh_from_db()
    assert not person.has_usable_password()


@pytest.mark.parametrize(
    "weak", ["1234", "12345678901", "password123", "otop-inv", "๑๒๓๔๕๖๗๘๙๐", "abc", "0812345678"]
)
def test_every_broken_password_rule_is_named_in_thai(client, weak):
    issued = invitations.issue(users=[new_producer(phone="0812345678")], by=None)[0]
    response = choose_password(client, reverse("accounts:invitation", args=[issued.token]), weak)
    errors = response.context["form"].errors["new_password2"]
    assert errors and all(re.search("[\u0e01-\u0e5b]", str(e)) for e in errors)


def test_two_different_passwords_are_refused_in_thai(client):
    issued = invitations.issue(users=[new_producer()], by=None)[0]
    url = reverse("accounts:invitation", args=[issued.token])
    response = client.post(
        url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD + "x"}
    )
    assert "ไม่ตรงกัน" in response.content.decode()


@pytest.mark.parametrize("person", ["abc", "-1", "99999999999999999999", "๑๒"])
def test_a_changed_person_on_the_slip_button_prints_no_one_not_everyone(client_for, person):
    officer = officer_of("50")
    ProducerGroupFactory(members=[new_producer(username="otop-listed")])
    response = client_for(officer).post(reverse("accounts:print_slips"), {"person": person})
    assert response.status_code == 302
    assert not invitations.Invitation.objects.exists()
