import pytest

from otop_fair.accounts.models import PrivacyAcknowledgement
from otop_fair.accounts.pdpa import PRIVACY_NOTICE_VERSION
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("role", "home"),
    [("officer", "/officer/"), ("committee", "/committee/"), ("producer", "/producer/")],
)
def test_each_role_lands_on_its_own_home_after_login(client, db, role, home):
    # Past the first sign-in: the privacy notice is acknowledged (tests/accounts/test_pdpa.py).
    user = UserFactory(username=f"demo_{role}", role=role)
    PrivacyAcknowledgement.objects.create(user=user, version=PRIVACY_NOTICE_VERSION)
    response = client.post(
        "/accounts/login/", {"username": f"demo_{role}", "password": "otop-demo"}, follow=True
    )
    assert response.redirect_chain[-1][0] == home
    assert response.status_code == 200


def test_login_page_is_in_thai(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert "เข้าสู่ระบบ" in page
    assert 'lang="th"' in page


def test_wrong_password_gets_a_thai_message(client, db):
    UserFactory(username="somchai", role="officer")
    page = client.post("/accounts/login/", {"username": "somchai", "password": "nope"})
    assert page.status_code == 200
    assert "กรุณาใส่" in page.content.decode()


def test_a_producer_cannot_open_the_officer_home(client_for, producer_user):
    assert client_for(producer_user).get("/officer/").status_code == 403


def test_an_officer_cannot_open_the_producer_home(client_for, officer):
    assert client_for(officer).get("/producer/").status_code == 403


def test_navigation_shows_the_audit_trail_only_to_officers(client_for, officer, producer_user):
    assert "/audit/" in client_for(officer).get("/officer/").content.decode()
    assert "/audit/" not in client_for(producer_user).get("/producer/").content.decode()


def test_language_switch_to_english(client_for, officer):
    client = client_for(officer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/officer/"})
    assert "Audit trail" in client.get("/officer/").content.decode()


def test_password_change_page_is_in_thai(client_for, officer):
    page = client_for(officer).get("/accounts/password/").content.decode()
    assert "เปลี่ยนรหัสผ่าน" in page


def test_an_english_browser_still_gets_thai_until_the_person_switches(client, db):
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "เข้าสู่ระบบ" in page.content.decode()
