"""Any decimal field of any form refuses NaN, a signalling NaN and the infinities as invalid input,
even where a formset compares the value with its initial one before cleaning (a signalling NaN
used to raise InvalidOperation there: a 500 on the rubric page)."""

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from otop_fair.forms import ThaiForm

NON_FINITE = ["NaN", "nan", "sNaN", "SNAN", "-sNaN", "Infinity", "-Infinity", "inf", "-inf"]


class PriceForm(ThaiForm):
    price = forms.DecimalField(max_digits=8, decimal_places=2, initial=10)


PriceFormSet = forms.formset_factory(PriceForm, extra=1)


@given(text=st.sampled_from(NON_FINITE), padding=st.sampled_from(["", " ", "  "]))
def test_a_non_finite_decimal_is_invalid_input_in_a_form_and_a_formset(text, padding):
    form = PriceForm({"price": f"{padding}{text}{padding}"})
    assert not form.is_valid()
    assert "price" in form.errors
    formset = PriceFormSet(
        {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-price": text}
    )
    assert not formset.is_valid()


@pytest.mark.parametrize("text", ["0", "12.50", "1,250.-"])
def test_finite_decimals_still_pass(text):
    assert PriceForm({"price": text}).is_valid()
