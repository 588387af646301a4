"""The one normaliser: any pasted spelling of a value comes out as the value itself."""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from otop_fair.thai_text import (
    INVISIBLE,
    arabic_digits,
    canonical_phone,
    normalise_code,
    normalise_text,
)
from tests.test_bad_input import SETTINGS
from tests.thai_input import (
    canonical_phones,
    clean_codes,
    clean_names,
    invisible_only,
    phone_spellings,
    polluted,
)


@SETTINGS
@given(data=st.data(), clean=clean_names)
def test_a_polluted_name_normalises_to_the_clean_name(data, clean):
    assert normalise_text(data.draw(polluted(clean))) == clean


@SETTINGS
@given(data=st.data(), clean=clean_codes)
def test_a_code_with_thai_digits_and_invisibles_normalises_to_the_code(data, clean):
    assert normalise_code(data.draw(polluted(clean, digits=True))) == clean


@SETTINGS
@given(text=st.text())
def test_normalised_text_is_nfc_without_invisibles_and_stable(text):
    once = normalise_text(text)
    assert unicodedata.is_normalized("NFC", once)
    assert not set(once) & set(INVISIBLE)
    assert "\u0e4d\u0e32" not in once
    assert normalise_text(once) == once


@SETTINGS
@given(text=invisible_only)
def test_only_invisible_characters_normalise_to_nothing(text):
    assert normalise_text(text) == ""


def test_split_sara_am_with_a_tone_is_composed_in_the_right_order():
    for typed in ("น\u0e4d\u0e49\u0e32", "น\u0e49\u0e4d\u0e32", "น\u0e4d\u0e32\u0e49", "นำ\u0e49"):
        assert normalise_text(typed + "พริก") == "น้ำพริก"


def test_thai_digits_become_arabic():
    assert arabic_digits("OTOP-๕๐๑๒") == "OTOP-5012"


@SETTINGS
@given(data=st.data(), phone=canonical_phones)
def test_every_spelling_of_a_phone_gives_its_one_form(data, phone):
    assert canonical_phone(data.draw(phone_spellings(phone))) == phone


@pytest.mark.parametrize(
    "typed", ["", "12345", "0812345", "08123456789", "1234567890", "โทรหาป้า", "+1 555 1234"]
)
def test_what_is_not_a_thai_phone_is_refused(typed):
    with pytest.raises(ValueError):
        canonical_phone(typed)


def test_an_excel_number_that_lost_its_zero_is_a_mobile_again():
    assert canonical_phone("812345670") == "0812345670"
    assert canonical_phone(812345670.0) == "0812345670"


@pytest.mark.parametrize(
    ("typed", "phone"),
    [("060000000.0", "0600000000"), ("08123456.70", "0812345670"), ("02123456.7", "021234567")],
)
def test_a_dot_typed_before_the_last_digits_is_a_separator_not_a_spreadsheet_float(typed, phone):
    assert canonical_phone(typed) == phone


THAI_MARKS = (
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"
)


@st.composite
def with_a_mark_held(draw, clean):
    """`clean` with one of its vowel or tone marks typed again and again (a held or slipped key)."""
    at = [i for i, char in enumerate(clean) if char in THAI_MARKS]
    if not at:
        return clean
    i = draw(st.sampled_from(at))
    return clean[: i + 1] + clean[i] * draw(st.integers(1, 40)) + clean[i + 1 :]


@SETTINGS
@given(data=st.data(), clean=clean_names)
def test_a_mark_typed_many_times_normalises_to_the_clean_name(data, clean):
    assert normalise_text(data.draw(with_a_mark_held(clean))) == clean


@SETTINGS
@given(text=st.text(st.sampled_from("กขไ " + THAI_MARKS + "\u0301\u0302"), max_size=40))
def test_no_letter_keeps_a_tower_of_marks(text):
    once = normalise_text(text)
    marks = "[" + THAI_MARKS + "\u0301\u0302]"
    assert not re.search(marks + "{4,}", once)
    assert not re.search(r"(" + marks + r")\1", once)
    assert normalise_text(once) == once
