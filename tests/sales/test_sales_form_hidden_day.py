"""The producer's sales form with a stale or changed hidden day: the message is at the top of the
form, the figures typed are kept, nothing is saved; an officer's visit note says what was wrong."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings

from sales.models import DailySales, EncouragementVisit
from tests.factories import AssignmentFactory
from tests.test_bad_input_hidden_fields import THAI, hidden_values


def _post_day(client, holding, day, **extra):
    data = {"day": day, "amount": "1,234", "note": "ขายดีมาก", **extra}
    return client.post(reverse("sales:enter", args=[holding.pk]), data)


def _assert_refused_and_kept(response, holding):
    page = response.content.decode()
    assert response.status_code == 200
    alert = re.search(r'class="alert alert-danger">([^<]*)<', page)
    assert alert and THAI.search(alert.group(1)), "no message at the top of the form"
    assert 'value="1,234"' in page and 'value="ขายดีมาก"' in page
    assert not DailySales.objects.filter(assignment=holding).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "day",
    ["2020-01-01", "2099-12-31", "nonsense", "2026-02-30", "", "๒๕๖๙"],
    ids=["before-the-fair", "after-the-fair", "not-a-date", "impossible", "empty", "thai-digits"],
)
def test_a_bad_day_on_the_sales_form_says_so_and_keeps_the_figures(
    client_for, holding, producer_user, day
):
    _assert_refused_and_kept(_post_day(client_for(producer_user), holding, day), holding)


@pytest.mark.django_db
def test_a_day_past_the_cut_off_says_so_and_keeps_the_figures(client_for, holding, producer_user):
    first_day = holding.fair.start_date  # two days ago: its cut-off was yesterday noon
    response = _post_day(client_for(producer_user), holding, first_day.isoformat())
    _assert_refused_and_kept(response, holding)
    assert "เลยเวลาแก้ไข" in response.content.decode()


@pytest.mark.django_db
def test_the_page_carries_its_own_day_not_the_changed_one(client_for, holding, producer_user):
    today = timezone.localdate().isoformat()
    client = client_for(producer_user)
    url = reverse("sales:enter", args=[holding.pk]) + f"?day={today}"
    page = client.post(url, {"day": "1999-01-01", "amount": "50"}).content.decode()
    assert f'name="day" value="{today}"' in page


@pytest.mark.django_db
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# A NUL anywhere in a request is answered 400 by RefuseNulCharactersMiddleware before any form.
@given(day=hidden_values.filter(lambda value: "\x00" not in value))
def test_any_hidden_day_saves_the_day_or_keeps_the_figures(client_for, holding, producer_user, day):
    DailySales.objects.all().delete()
    response = _post_day(client_for(producer_user), holding, day)
    if response.status_code == 302:
        saved = DailySales.objects.get(assignment=holding)
        assert saved.day.isoformat() == day and saved.amount == Decimal("1234")
    else:
        _assert_refused_and_kept(response, holding)


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["nonsense", "2020-01-01"])
def test_a_visit_note_with_a_bad_day_is_refused_with_what_was_wrong(
    client_for, fair, province_officer, day
):
    holding = AssignmentFactory(booth__zone__fair=fair)
    url = reverse("sales:record_visit", args=[holding.pk])
    response = client_for(province_officer).post(url, {"day": day, "note": "ให้กำลังใจ"})
    shown = [str(m) for m in response.wsgi_request._messages]
    assert response.status_code == 302 and not EncouragementVisit.objects.exists()
    assert shown and THAI.search(shown[0]) and "สั้น ๆ" not in shown[0]
