"""A comma in an amount is read only as a thousands separator (1,250): anywhere else (12,50, 1,5,
a slipped 1,2500) the amount is refused with a message, never read with the comma dropped, which
turned 12,50 baht into ฿1,250 without a word. Every place that reads typed or imported money or
counts goes through the one reader, `plain_number`."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from producers.import_reading import read_rows
from producers.importing import apply_rows
from producers.models import Product
from sales.forms import BahtField, DailySalesForm
from sales.visitor_sheet import read_counter_sheet
from tests.factories import officer_of
from tests.producers.test_import_export import as_csv, good_rows
from tests.test_bad_input import SETTINGS

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
DIGITS = st.text("0123456789", min_size=1, max_size=6)


@st.composite
def stray_commas(draw):
    """Digits with one comma that groups no thousands: 1,5 / 12,50 / 1,2500 / 1234,500."""
    left, right = draw(
        st.tuples(DIGITS, DIGITS).filter(lambda p: not (len(p[0]) <= 3 and len(p[1]) == 3))
    )
    typed = f"{left},{right}"
    return typed.translate(THAI_DIGITS) if draw(st.booleans()) else typed


@SETTINGS
@given(typed=stray_commas())
def test_an_amount_with_a_comma_that_groups_no_thousands_is_refused_in_every_baht_box(typed):
    day = DailySalesForm(
        data={"day": "2026-12-01", "amount": "500", "orders": typed, "cash_amount": typed}
    )
    assert not day.is_valid()
    assert {"orders", "cash_amount"} <= set(day.errors), (typed, day.errors)
    assert not DailySalesForm(data={"day": "2026-12-01", "amount": typed}).is_valid()
    # The field alone, as the channel-sale and sales-target forms use it.
    with pytest.raises(ValidationError):
        BahtField().clean(typed)


def test_a_thousands_comma_still_reads_in_a_baht_box():
    form = DailySalesForm(data={"day": "2026-12-01", "amount": "12,500.50", "orders": "1,000"})
    assert form.is_valid(), form.errors
    assert str(form.cleaned_data["amount"]) == "12500.50"


def _csv(text):
    return SimpleUploadedFile("counter.csv", text.encode("utf-8"), content_type="text/csv")


@pytest.mark.parametrize("count", ["1,5", "12,34", "1,2000"])
def test_a_visitor_count_with_a_stray_comma_is_refused_not_read_without_it(count):
    with pytest.raises(ValidationError):
        read_counter_sheet(_csv(f'วันที่,จำนวนผู้เข้าชม\n01/12/2569,"{count}"\n'))


def test_a_visitor_count_with_thousands_commas_is_read():
    rows = read_counter_sheet(_csv('วันที่,จำนวนผู้เข้าชม\n01/12/2569,"1,200"\n'))
    assert rows == [(datetime.date(2026, 12, 1), 1200)]


@pytest.mark.django_db
@pytest.mark.parametrize("price", ["1,5", "10,0"])
def test_an_imported_price_with_a_stray_comma_is_refused_on_its_row(price):
    officer = officer_of("50", username="officer_stray_comma")
    rows = good_rows()[:1]
    rows[0][10] = price
    checks = apply_rows(read_rows(as_csv(rows)), by=officer)[1]
    assert any("ราคาต่ำสุด" in error for error in checks[0].errors), checks[0].errors
    assert not Product.objects.exists()
