"""The phone sales form reads baht however people type it, and refuses what is not an amount."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sales.forms import DailySalesForm

amounts = st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2)


def clean(**fields):
    form = DailySalesForm({"day": "2026-11-27", **fields})
    return form, form.is_valid()


@given(amounts, st.sampled_from(["{:,.2f}", "฿{:,.2f}", "{:.2f}", " {:,.2f} "]))
def test_any_amount_typed_with_separators_or_a_baht_sign_reads_back(amount, shape):
    form, valid = clean(amount=shape.format(amount))
    assert valid, form.errors
    assert form.cleaned_data["amount"] == amount


@given(st.text(alphabet="abcxyzกขค-!", min_size=1, max_size=8))
def test_words_are_refused_with_a_message_next_to_the_amount(text):
    form, valid = clean(amount=text)
    assert not valid and form.errors["amount"]


def test_cash_and_transfer_may_not_exceed_the_total():
    form, valid = clean(amount="1000", cash_amount="600", transfer_amount="500")
    assert not valid and "cash_amount" in form.errors  # said next to the box, not at the top


def test_negative_amounts_are_refused():
    form, valid = clean(amount="-5")
    assert not valid
