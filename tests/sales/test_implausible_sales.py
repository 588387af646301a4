"""A day far beyond what a booth takes (฿1,000,000,000 typed by a slip of the thumb) is not saved
until the producer confirms it: a second send with "the amount is right" ticked. Works without
JavaScript; a day sent from the phone's queue is answered with `confirm` so the phone holds it."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sales import plausibility
from sales.line_chat import answer_chat
from sales.models import DailySales
from sales.services import record_daily_sales

pytestmark = pytest.mark.django_db
baht = st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2)
ASKED = "ติ๊ก"


# The rule (pure).


@given(takings=baht, others=st.lists(baht, max_size=8))
def test_above_the_ceiling_is_always_implausible(takings, others):
    if takings > plausibility.CEILING:
        assert plausibility.is_implausible(takings, others)


@given(takings=baht, others=st.lists(baht, max_size=8))
def test_at_or_below_the_floor_is_never_implausible(takings, others):
    if takings <= plausibility.USUAL_FLOOR:
        assert not plausibility.is_implausible(takings, others)


@given(
    usual=st.decimals(min_value=Decimal("100"), max_value=Decimal("40000"), places=2),
    days=st.integers(min_value=2, max_value=8),
    times=st.decimals(min_value=Decimal("0.1"), max_value=Decimal("40"), places=1),
)
def test_between_the_floor_and_the_ceiling_it_is_ten_times_the_usual_day(usual, days, times):
    takings = (usual * times).quantize(Decimal("0.01"))
    expected = takings > plausibility.CEILING or (
        takings > plausibility.USUAL_FLOOR and takings > plausibility.TIMES_USUAL * usual
    )
    assert plausibility.is_implausible(takings, [usual] * days) == expected


def test_one_earlier_day_is_not_enough_to_know_the_usual():
    assert not plausibility.is_implausible(Decimal("300000"), [Decimal("1000")])


# The service and the page.


def today():
    return timezone.localdate()


def log(holding, producer_user, day, amount, **extra):
    return record_daily_sales(
        assignment=holding, day=day, amount=Decimal(amount), by=producer_user, **extra
    )


def test_the_service_asks_to_confirm_and_saves_once_confirmed(holding, producer_user):
    with pytest.raises(ValidationError) as refused:
        log(holding, producer_user, today(), "1000000000")
    assert refused.value.code == "implausible"
    assert not DailySales.objects.exists()
    row = log(holding, producer_user, today(), "1000000000", amount_confirmed=True)
    assert row.amount == Decimal("1000000000")


def test_ten_times_the_booths_usual_day_is_asked(holding, producer_user, settings):
    for back in (1, 2):
        DailySales.objects.create(
            assignment=holding,
            day=today() - datetime.timedelta(days=back),
            amount=Decimal("3000"),
            entered_by=producer_user,
        )
    log(holding, producer_user, today(), "25000")  # about eight times: an ordinary good day
    with pytest.raises(ValidationError):
        log(holding, producer_user, today(), "31000")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(amount=baht)
def test_an_unconfirmed_day_is_saved_exactly_when_it_is_plausible(holding, producer_user, amount):
    DailySales.objects.all().delete()
    try:
        log(holding, producer_user, today(), amount)
    except ValidationError as error:
        assert error.code == "implausible"
    assert DailySales.objects.exists() == (not plausibility.is_implausible(amount, []))


def earlier_days(holding, producer_user, *figures):
    """Days before today the booth took `figures` (amount, orders) on."""
    for back, (amount, orders) in enumerate(figures, start=1):
        DailySales.objects.create(
            assignment=holding,
            day=today() - datetime.timedelta(days=back),
            amount=Decimal(amount),
            orders=Decimal(orders),
            entered_by=producer_user,
        )


def test_the_question_is_asked_in_thai_with_the_amount_typed(holding, producer_user):
    with pytest.raises(ValidationError) as refused:
        log(holding, producer_user, today(), "1000000000")
    assert refused.value.messages == [
        "฿1,000,000,000.00 สูงกว่ายอดขายปกติของบูธในหนึ่งวันมาก ถ้าถูกต้อง กรุณาติ๊ก “ยอดนี้ถูกต้อง” แล้วกดบันทึกอีกครั้ง"
    ]


def test_the_booths_usual_day_counts_the_orders_taken_on_it(holding, producer_user):
    earlier_days(holding, producer_user, ("3000", "1000"), ("3000", "1000"))
    assert log(holding, producer_user, today(), "35000").amount == Decimal("35000")
    with pytest.raises(ValidationError):
        log(holding, producer_user, today(), "41000")


def test_orders_sent_with_the_day_count_towards_its_takings(holding, producer_user):
    earlier_days(holding, producer_user, ("2000", "0"), ("2000", "0"))
    with pytest.raises(ValidationError):
        log(holding, producer_user, today(), "15000", orders=Decimal("15000"))
    assert not DailySales.objects.filter(day=today()).exists()


def test_orders_the_day_already_holds_count_when_only_the_amount_is_sent_again(
    holding, producer_user
):
    earlier_days(holding, producer_user, ("2000", "0"), ("2000", "0"))
    log(holding, producer_user, today(), "0", orders=Decimal("18000"))
    with pytest.raises(ValidationError):
        log(holding, producer_user, today(), "5000")
    assert DailySales.objects.get(day=today()).amount == 0


def test_correcting_a_day_does_not_count_its_own_old_figure_as_the_usual(holding, producer_user):
    """One other day is not enough to know the booth's usual: the day being corrected, held at
    the same ฿2,000, must not make it two."""
    earlier_days(holding, producer_user, ("2000", "0"))
    log(holding, producer_user, today(), "2000")
    assert log(holding, producer_user, today(), "25000").amount == Decimal("25000")


def test_a_new_day_exactly_at_the_floor_is_saved_and_a_satang_more_is_asked(holding, producer_user):
    earlier_days(holding, producer_user, ("1000", "0"), ("1000", "0"))
    with pytest.raises(ValidationError):
        log(holding, producer_user, today(), plausibility.USUAL_FLOOR + Decimal("0.01"))
    saved = log(holding, producer_user, today(), plausibility.USUAL_FLOOR)
    assert saved.amount == plausibility.USUAL_FLOOR


def test_without_javascript_the_page_asks_then_saves_with_the_tick(
    client_for, holding, producer_user
):
    client = client_for(producer_user)
    url = reverse("sales:enter", args=[holding.pk])
    data = {"day": today().isoformat(), "amount": "1,000,000,000", "note": "ขายดี"}
    page = client.post(url, data)
    html = page.content.decode()
    assert page.status_code == 200 and not DailySales.objects.exists()
    assert "฿1,000,000,000.00" in html and ASKED in html
    assert 'value="1,000,000,000"' in html and 'data-role="confirm-amount" hidden' not in html
    saved = client.post(url, data | {"amount_confirmed": "on"})
    assert saved.status_code == 302
    assert DailySales.objects.get().amount == Decimal("1000000000")


def test_a_held_day_is_said_once_in_the_box_that_asks_for_the_tick(
    client_for, holding, producer_user
):
    url = reverse("sales:enter", args=[holding.pk])
    data = {"day": today().isoformat(), "amount": "1,000,000,000"}
    html = client_for(producer_user).post(url, data).content.decode()
    box = html.split('data-role="confirm-amount"', 1)[1].split("</form>", 1)[0]
    assert html.count("฿1,000,000,000.00") == 1 and "฿1,000,000,000.00" in box
    assert 'class="alert alert-danger"' not in html


def test_the_tick_is_not_shown_on_an_ordinary_page(client_for, holding, producer_user):
    html = client_for(producer_user).get(reverse("sales:enter", args=[holding.pk])).content
    assert b'data-role="confirm-amount" hidden' in html


def test_a_queued_day_far_beyond_the_usual_is_answered_with_confirm(
    client_for, holding, producer_user
):
    response = client_for(producer_user).post(
        reverse("sales:enter", args=[holding.pk]),
        {"day": today().isoformat(), "amount": "1000000000", "client_key": "queued-1"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    answer = response.json()
    assert answer["confirm"] is True and answer["errors"]["__all__"][0]["code"] == "implausible"
    assert not DailySales.objects.exists()


def test_a_chat_sale_far_beyond_the_usual_points_to_the_sales_page(holding, producer_user):
    reply = answer_chat(None, user=producer_user, text="ยอด 1000000000", message_id="m1")
    assert not DailySales.objects.exists()
    assert "หน้ายอดขาย" in str(reply) and ASKED not in str(reply)
