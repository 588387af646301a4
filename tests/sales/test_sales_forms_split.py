"""Cash and transfer together above the day's total are refused next to the box that holds them,
for any split that exceeds it (not at the top of the form, where a phone user misses it)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sales.forms import DailySalesForm
from tests.test_bad_input import SETTINGS

BAHT = st.integers(min_value=0, max_value=10**7)


@SETTINGS
@given(amount=BAHT, cash=BAHT, transfer=BAHT)
def test_a_split_above_the_days_total_is_refused_next_to_its_box(amount, cash, transfer):
    data = {"amount": f"{amount:,}", "cash_amount": str(cash), "transfer_amount": str(transfer)}
    data |= {"day": "2026-12-01", "client_key": "k-1"}
    form = DailySalesForm(data)
    valid = form.is_valid()
    if cash + transfer > amount:
        assert not valid and not form.non_field_errors()
        box = "cash_amount" if cash else "transfer_amount"
        assert "มากกว่ายอดขายของวัน" in " ".join(form.errors[box])
    else:
        assert valid, form.errors
        assert form.cleaned_data["cash_amount"] == Decimal(cash)
