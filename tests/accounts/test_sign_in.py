"""Producers sign in with their mobile number however they type it; the lock-out counter sees one
username; one number with several accounts asks which, only once the password is right."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from otop_fair.accounts.login import login_key
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def sign_in(client, username, password="otop-demo"):
    return client.post(LOGIN, {"username": username, "password": password})


def signed_in_as(client):
    return client.get("/").wsgi_request.user


@pytest.mark.parametrize("typed", ["081-234-5678", "๐๘๑๒๓๔๕๖๗๘", "0812345678", "+66 81 234 5678"])
def test_a_producer_signs_in_with_their_number_in_any_common_form(client, typed):
    producer = UserFactory(username="otop-p1", phone="0812345678")
    response = sign_in(client, typed)
    assert response.status_code == 302
    assert signed_in_as(client) == producer


def written_forms(digits):
    """Ways people write one mobile number: dashes, spaces, +66, Thai digits, no leading 0."""
    rest = digits[1:]
    return st.sampled_from(
        [
            digits,
            f"{digits[:3]}-{digits[3:6]}-{digits[6:]}",
            f"{digits[:3]} {digits[3:6]} {digits[6:]}",
            f"+66{rest}",
            f"+66 {rest[:2]} {rest[2:5]} {rest[5:]}",
            rest,
            digits.translate(THAI),
            f"{digits[:3]}-{digits[3:]}".translate(THAI),
        ]
    )


mobile_numbers = st.builds(
    lambda prefix, tail: prefix + tail,
    st.sampled_from(["06", "08", "09"]),
    st.text("0123456789", min_size=8, max_size=8),
)


@given(mobile_numbers.flatmap(lambda d: st.tuples(st.just(d), written_forms(d))))
@settings(max_examples=60, deadline=None)
def test_every_written_form_of_a_number_is_one_sign_in_key(pair):
    digits, typed = pair
    assert login_key(typed) == digits


class LockOutCountsOneNumber(TestCase):
    """The lock-out library counts `081-234-5678`, `0812345678` and Thai digits as one username."""

    def test_wrong_passwords_in_different_forms_lock_the_one_number(self):
        UserFactory(username="otop-p2", phone="0812345678")
        with self.settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3):
            for typed in ["081-234-5678", "0812345678", "๐๘๑๒๓๔๕๖๗๘"]:
                sign_in(self.client, typed, "wrong")
            response = sign_in(self.client, "08 1234 5678")
        assert response.status_code == 429


def test_a_shared_number_asks_which_account_by_name_after_the_right_password(client):
    mother = UserFactory(username="otop-a", first_name="บัวผัน", phone="0812345678")
    UserFactory(username="otop-b", first_name="บุญมี", phone="0812345678")
    response = sign_in(client, "081-234-5678")
    assert response.status_code == 302
    choose = client.get(response["Location"])
    page = choose.content.decode()
    assert "บัวผัน" in page and "บุญมี" in page
    client.post(response["Location"], {"account": mother.pk})
    assert signed_in_as(client) == mother


def test_a_wrong_password_on_a_shared_number_reveals_no_names(client):
    UserFactory(username="otop-a", first_name="บัวผัน", phone="0812345678")
    UserFactory(username="otop-b", first_name="บุญมี", phone="0812345678")
    response = sign_in(client, "0812345678", "wrong")
    page = response.content.decode()
    assert response.status_code == 200
    assert "บัวผัน" not in page and "บุญมี" not in page
    assert client.get("/accounts/login/choose/")["Location"] == "/accounts/login/"


def test_an_account_of_a_shared_number_whose_password_differs_is_not_offered(client):
    mother = UserFactory(username="otop-a", first_name="บัวผัน", phone="0812345678")
    other = UserFactory(username="otop-b", first_name="บุญมี", phone="0812345678")
    other.set_password("another-secret-9")
    other.save()
    response = sign_in(client, "0812345678")
    assert response.status_code == 302
    assert signed_in_as(client) == mother


def test_the_choice_cannot_name_an_account_that_was_not_offered(client):
    UserFactory(username="otop-a", first_name="บัวผัน", phone="0812345678")
    UserFactory(username="otop-b", first_name="บุญมี", phone="0812345678")
    stranger = UserFactory(username="stranger", phone="0899999999")
    sign_in(client, "0812345678")
    response = client.post("/accounts/login/choose/", {"account": stranger.pk})
    assert response.status_code == 200
    assert not signed_in_as(client).is_authenticated


def test_a_deactivated_member_cannot_sign_in(client):
    UserFactory(username="otop-gone", phone="0812345678", is_active=False)
    response = sign_in(client, "0812345678")
    assert response.status_code == 200
    assert not signed_in_as(client).is_authenticated


def test_the_login_form_says_in_thai_that_a_mobile_number_works(client):
    page = client.get(LOGIN).content.decode()
    assert "เบอร์โทรศัพท์มือถือ" in page


def capitalisations(username):
    """What a phone keyboard or caps lock makes of a username: each letter in either case."""
    return st.tuples(*[st.sampled_from(sorted({c, c.upper()})) for c in username]).map("".join)


class SignInWhateverTheCapitals(TestCase):
    @settings(max_examples=15, deadline=None)
    @given(typed=capitalisations("otop-somchai"))
    def test_a_username_signs_in_whatever_the_keyboard_capitalised(self, typed):
        UserFactory(username="otop-somchai")
        response = sign_in(self.client, typed)
        assert response.status_code == 302, typed
        assert signed_in_as(self.client).username == "otop-somchai"


class LockOutCountsOneUsername(TestCase):
    """`Otop-x` and `otop-x` are one username to the lock-out counter too."""

    def test_wrong_passwords_in_different_capitals_lock_the_one_username(self):
        UserFactory(username="otop-p3")
        with self.settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3):
            for typed in ["Otop-p3", "OTOP-P3", "otop-p3"]:
                sign_in(self.client, typed, "wrong")
            response = sign_in(self.client, "oTop-P3")
        assert response.status_code == 429


@pytest.mark.parametrize(("url", "name"), [(LOGIN, "username"), ("/accounts/forgot/", "login")])
def test_the_username_box_is_not_capitalised_or_corrected_by_a_phone_keyboard(client, url, name):
    page = client.get(url).content.decode()
    box = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group()
    for attribute in ('autocapitalize="none"', 'autocorrect="off"', 'spellcheck="false"'):
        assert attribute in box
