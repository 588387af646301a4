"""Switching language on a page that answered a POST (a confirmation, a refused one-tap form)
lands on a page that opens, not on a bare 405 of the POST-only address."""

import re

import pytest
from django.conf import settings
from django.utils import translation

pytestmark = pytest.mark.django_db
NEXT = re.compile(r'action="/i18n/setlang/".*?name="next" type="hidden" value="([^"]*)"', re.S)


@pytest.fixture(autouse=True)
def _thai_again_afterwards():
    """The English page answered last leaves English active in the test thread; the tests after
    these expect the site's Thai."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_switching_language_on_a_step_confirmation_opens_a_page(fair, cm_officer, client_for):
    client = client_for(cm_officer)
    fair_page = f"http://testserver/fairs/{fair.pk}/"
    asked = client.post(f"/fairs/{fair.pk}/step/score/", HTTP_REFERER=fair_page)
    assert 'data-testid="confirmation"' in asked.content.decode()
    next_url = NEXT.search(asked.content.decode()).group(1)
    switched = client.post("/i18n/setlang/", {"language": "en", "next": next_url}, follow=True)
    assert switched.status_code == 200
    assert switched.redirect_chain[-1][0].endswith(f"/fairs/{fair.pk}/")


def test_switching_language_without_a_referer_goes_home(fair, cm_officer, client_for):
    client = client_for(cm_officer)
    asked = client.post(f"/fairs/{fair.pk}/step/score/")
    next_url = NEXT.search(asked.content.decode()).group(1)
    switched = client.post("/i18n/setlang/", {"language": "en", "next": next_url}, follow=True)
    assert switched.status_code == 200
