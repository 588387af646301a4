"""The one phone normaliser answers every text with a canonical number or a ValueError."""

from hypothesis import given, settings
from hypothesis import strategies as st

from otop_fair.thai_text import canonical_phone

phoneish = st.text(st.sampled_from("0123456789๐๑๒๓๔๕๖๗๘๙+- ()."), max_size=16)


@given(st.one_of(phoneish, st.text(max_size=30)))
@settings(max_examples=300, deadline=None)
def test_any_text_is_a_canonical_number_or_a_value_error(text):
    try:
        number = canonical_phone(text)
    except ValueError:
        return
    assert number.isascii() and number.isdigit() and number[0] == "0" and number[1] != "0"
    assert len(number) == (10 if number[1] in "689" else 9)
    assert canonical_phone(number) == number
