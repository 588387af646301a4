"""Thai dates and the dictionary sort key at their edges: years ending 00–09, names in Latin
letters of either case, a leading vowel written last, names that differ only by a tone mark."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from otop_fair.thai import baht, buddhist_year, english_date, thai_date, thai_date_short
from otop_fair.thai import thai_sort_key as key

THAI_LETTERS = st.text(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4E), max_size=12)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2057, 3, 1), "1 มี.ค. 00"),
        (datetime.date(2066, 12, 31), "31 ธ.ค. 09"),
        (datetime.date(1962, 7, 15), "15 ก.ค. 05"),
    ],
)
def test_a_short_date_keeps_the_leading_zero_of_a_two_digit_year(day, expected):
    assert thai_date_short(day) == expected


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2200, 12, 31)))
def test_a_short_date_always_ends_in_the_last_two_digits_of_the_buddhist_year(day):
    assert thai_date_short(day).rsplit(" ", 1)[1] == str(day.year + 543)[-2:]
    assert thai_date(day).rsplit(" ", 1)[1] == str(day.year + 543)
    assert buddhist_year(day) == day.year + 543


def test_every_month_has_its_own_thai_and_english_name():
    days = [datetime.date(2026, month, 1) for month in range(1, 13)]
    assert thai_date(days[0]) == "1 มกราคม 2569"
    assert thai_date(days[-1]) == "1 ธันวาคม 2569"
    assert thai_date_short(days[1]) == "1 ก.พ. 69"
    assert english_date(days[0]) == "1 Jan 2026"
    assert english_date(days[-1]) == "1 Dec 2026"


@pytest.mark.parametrize(
    ("amount", "decimals", "expected"),
    [
        (Decimal("1250.5"), 0, "฿1,251"),
        (Decimal("-0.004"), 2, "฿0.00"),
        (Decimal("-1234.5"), 2, "-฿1,234.50"),
        ("99.995", 2, "฿100.00"),
    ],
)
def test_baht_rounds_half_up_to_the_decimals_asked(amount, decimals, expected):
    assert baht(amount, decimals=decimals) == expected


def test_names_in_latin_letters_sort_the_same_whatever_their_case():
    assert key("OTOP Shop") == key("otop shop")
    assert key("STRASSE") == key("Straße")
    assert sorted(["beta", "Alpha", "alpha2", "Beta1"], key=key) == [
        "Alpha",
        "alpha2",
        "beta",
        "Beta1",
    ]


def test_spaces_around_a_name_do_not_move_it():
    assert key("  กล้วยตาก ") == key("กล้วยตาก")


@pytest.mark.parametrize("name", ["เ", "กเ", "ขนมแ", "ไ"])
def test_a_leading_vowel_at_the_end_of_a_name_stays_where_it_is(name):
    primary, _, full = key(name).partition("\x01")
    assert full == name
    assert primary == name


def test_a_leading_vowel_is_moved_behind_the_consonant_it_precedes():
    assert key("เก").startswith("กเ")
    assert key("ขเก").startswith("ขกเ")
    assert key("แกไข") == "กแขไ\x01กแขไ"


def test_names_that_differ_only_by_a_tone_mark_sort_together_before_longer_names():
    names = ["กาข", "ก้า", "กา", "ก่า", "ก๊าก"]
    assert sorted(names, key=key) == ["กา", "ก่า", "ก้า", "ก๊าก", "กาข"]


@pytest.mark.parametrize("mark", list("่้๊๋์็ํ๎"))
def test_every_mark_the_dictionary_ignores_is_left_out_of_the_first_comparison(mark):
    assert key(f"ก{mark}า").partition("\x01")[0] == "กา"


@settings(max_examples=60, deadline=None)
@given(name=THAI_LETTERS)
def test_the_sort_key_keeps_every_letter_of_the_name(name):
    primary, _, full = key(name).partition("\x01")
    assert sorted(full) == sorted(name.strip().casefold())
    assert set(primary) <= set(full)
