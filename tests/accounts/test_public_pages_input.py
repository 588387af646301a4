"""Whatever a visitor types into the sign-in, slip-code, forgot-password and choose-password
pages, the answer is a page with a Thai message or a redirect, never a server error."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from otop_fair.accounts import invitations
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
typed = st.one_of(
    st.text(max_size=60),
    st.text(st.sampled_from("0123456789๐๑๒๓๔๕๖๗๘๙+- ()"), max_size=20),
    st.sampled_from(["", " ", "\x00", "x" * 5000, "๐๘๑-๒๓๔-๕๖๗๘", "ACD-EFG-HJKM"]),
)
SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def answered(*typed_values, ok):
    """The statuses a well-formed answer may have: a NUL anywhere is refused whole with 400
    (RefuseNulCharactersMiddleware), anything else gets the page's own answer."""
    return (400,) if any("\x00" in value for value in typed_values) else ok


@pytest.fixture
def producer():
    return UserFactory(username="otop-fuzz", phone="0812345678")


@SETTINGS
@given(username=typed, password=typed)
def test_any_sign_in_input_is_answered_without_a_server_error(producer, username, password):
    response = Client().post("/accounts/login/", {"username": username, "password": password})
    assert response.status_code in answered(username, password, ok=(200, 302))


@SETTINGS
@given(code=typed)
def test_any_slip_code_is_answered_without_a_server_error(code):
    response = Client().post("/accounts/code/", {"code": code})
    assert response.status_code in answered(code, ok=(200,))
    if response.status_code == 200:
        assert "code" in response.context["form"].errors


@SETTINGS
@given(login=typed)
def test_any_forgot_password_input_is_answered_without_a_server_error(login):
    response = Client().post("/accounts/forgot/", {"login": login})
    assert response.status_code in answered(login, ok=(200,))


@SETTINGS
@given(first=typed, second=typed, token=st.text(max_size=40))
def test_any_password_choice_or_token_is_answered_without_a_server_error(
    producer, first, second, token
):
    issued = invitations.issue(users=[producer], by=None)[0]
    client = Client()
    data = {"new_password1": first, "new_password2": second}
    response = client.post(f"/accounts/invite/{issued.token}/", data)
    assert response.status_code in answered(first, second, ok=(200, 302))
    if token:
        url = f"/accounts/invite/{quote(token, safe='')}/"
        assert Client().get(url).status_code in (404, 410)
