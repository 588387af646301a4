"""An address that only takes a button's POST answers a GET with a Thai page saying nothing
changed, never Django's empty 405 (a blank screen on the phone)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.otop_fair.test_url_walk import APP_VIEWS

pytestmark = pytest.mark.django_db

NOTHING_CHANGED = "ยังไม่มีอะไรเปลี่ยนแปลง"


def test_every_button_address_opened_by_get_says_in_thai_that_nothing_changed(client, superuser):
    client.force_login(superuser)
    client.raise_request_exception = False
    refused = []
    for _name, url, _pattern in APP_VIEWS:
        response = client.get(url)
        if response.status_code == 405:
            refused.append(url)
            page = response.content.decode()
            assert NOTHING_CHANGED in page, url
            assert 'href="/"' in page, url
            assert "POST" in response["Allow"], url
    # The walk reaches the POST-only addresses (there are dozens): the test cannot pass empty.
    assert len(refused) >= 30, refused


def test_signing_in_again_after_a_button_press_lands_on_the_thai_page(client):
    UserFactory(username="buapan", role="producer", password="otop-demo-pass")
    button = reverse("sales:issue_move", args=[1])
    sent_to_login = client.post(button)
    assert sent_to_login.status_code == 302
    login_url = sent_to_login["Location"]
    assert "next=" in login_url
    signed_in = client.post(
        login_url, {"username": "buapan", "password": "otop-demo-pass"}, follow=True
    )
    privacy_notice = signed_in.redirect_chain[-1][0]
    assert privacy_notice.startswith(reverse("accounts:privacy_notice"))
    acknowledged = client.post(privacy_notice, follow=True)
    assert acknowledged.redirect_chain[-1][0].endswith(button)
    assert acknowledged.status_code == 405
    assert NOTHING_CHANGED in acknowledged.content.decode()
