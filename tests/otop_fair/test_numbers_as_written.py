"""A number typed the way people write one on a price tag or in a LINE message (1,500.-,
฿ 1 500, 1500 บาท, ๑,๕๐๐) reads as that number in every number box, and no number box is a
browser `type=number` box, which silently sends nothing for such a typing."""

from decimal import Decimal

from django import forms
from django.utils.translation import override
from hypothesis import given
from hypothesis import strategies as st

from otop_fair.forms import ThaiForm
from producers.forms import ProductForm
from sales.forms import DailySalesForm
from tests.test_bad_input import SETTINGS

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


class QuantitiesForm(ThaiForm):
    count = forms.IntegerField(required=False)
    price = forms.DecimalField(max_digits=12, decimal_places=2, required=False)
    ratio = forms.FloatField(required=False)


WAYS_OF_WRITING = [
    "{n:,}",
    "{n:,}.-",
    "{n:,}-",
    "฿{n:,}",
    "฿ {n}",
    "{n} บาท",
    "{n:,}บาท",
    "{n} บ.",
    "{n} ชิ้น",
    " {n:,} ",
]


def _written(number, way, thai_digits, nbsp):
    text = way.format(n=number)
    if nbsp:
        text = text.replace(",", "\u00a0")
    return text.translate(THAI_DIGITS) if thai_digits else text


@SETTINGS
@given(
    number=st.integers(min_value=0, max_value=10**9),
    way=st.sampled_from(WAYS_OF_WRITING),
    thai_digits=st.booleans(),
    nbsp=st.booleans(),
)
def test_a_number_written_with_separators_or_a_unit_reads_as_the_number(
    number, way, thai_digits, nbsp
):
    typed = _written(number, way, thai_digits, nbsp)
    form = QuantitiesForm(data={"count": typed, "price": typed, "ratio": typed})
    assert form.is_valid(), (typed, form.errors)
    assert form.cleaned_data["count"] == number
    assert form.cleaned_data["price"] == Decimal(number)
    assert form.cleaned_data["ratio"] == float(number)


def test_a_price_written_with_satang_and_a_dash_keeps_the_satang():
    for typed in ("1,234.50.-", "฿1,234.50 บาท", "๑,๒๓๔.๕๐"):
        form = QuantitiesForm(data={"price": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["price"] == Decimal("1234.50")


def test_a_comma_that_is_not_a_thousands_separator_is_refused_not_guessed():
    form = QuantitiesForm(data={"price": "1,5", "count": "12,34"})
    assert not form.is_valid()
    assert set(form.errors) == {"price", "count"}


def test_a_product_price_written_as_on_a_price_tag_is_saved_as_that_price(db):
    form = ProductForm(
        data={"name": "ผ้าไหม", "category": "textiles", "price_min": "1,500.-", "unit": "ผืน"}
    )
    form.is_valid()
    assert "price_min" not in form.errors
    assert form.cleaned_data["price_min"] == Decimal(1500)


def test_the_days_units_and_sales_written_with_units_are_read():
    form = DailySalesForm(data={"day": "2026-12-01", "amount": "12,500 บาท", "units": "1,000 ชิ้น"})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["amount"], form.cleaned_data["units"]) == (Decimal(12500), 1000)


def test_no_number_box_is_a_browser_number_box_that_drops_what_it_cannot_read(db):
    for form in (QuantitiesForm(), ProductForm(), DailySalesForm()):
        for field in form:
            html = str(field)
            assert 'type="number"' not in html, (type(form).__name__, field.name, html)
    price = str(ProductForm()["price_min"])
    assert 'inputmode="decimal"' in price
    assert 'inputmode="numeric"' in str(QuantitiesForm()["count"])


def test_an_amount_that_is_not_a_number_is_answered_with_what_an_amount_looks_like():
    with override("th"):
        form = DailySalesForm(data={"day": "2026-12-01", "amount": "หนึ่งพัน"})
        assert not form.is_valid()
        assert form.errors["amount"] == ["กรอกจำนวนเงินเป็นบาท เช่น 1250"]


def test_a_form_sent_back_with_an_error_shows_the_number_as_it_was_typed():
    form = DailySalesForm(
        data={"day": "2026-12-01", "amount": "1,500.-", "cash_amount": "2,000 บาท"}
    )
    assert not form.is_valid()
    assert (form["amount"].value(), form["cash_amount"].value()) == ("1,500.-", "2,000 บาท")


def test_no_template_writes_a_browser_number_box_by_hand():
    """Boxes written in a template (score sheet, quotas, report threshold) are the same kind: a
    `type=number` box sends nothing for `8,5` or `1,500.-`."""
    from pathlib import Path

    from django.conf import settings

    found = [
        str(path.relative_to(settings.BASE_DIR))
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        if 'type="number"' in path.read_text(encoding="utf-8")
    ]
    assert found == []


@given(
    mantissa=st.integers(min_value=1, max_value=999),
    exponent=st.integers(min_value=-3, max_value=12),
    e=st.sampled_from(["e", "E", "e+"]),
)
def test_a_number_in_exponent_notation_is_refused_not_read(mantissa, exponent, e):
    """`1e5` would be read as 100,000 baht: nobody writes an amount so, so it is refused."""
    typed = f"{mantissa}{e}{exponent}"
    form = QuantitiesForm({"count": typed, "price": typed, "ratio": typed})
    assert not form.is_valid()
    assert set(form.errors) == {"count", "price", "ratio"}
