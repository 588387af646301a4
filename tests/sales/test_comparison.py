"""One comparison of a figure now against before, for the check-in's days and the report's fairs."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sales.comparison import Comparison

baht = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(current=baht, previous=baht)
def test_change_is_the_difference_and_its_percentage_of_the_earlier_figure(current, previous):
    compared = Comparison("โซน A", current, previous)
    assert compared.change == current - previous
    if previous:
        assert compared.percent_change == pytest.approx(
            float((current - previous) / previous * 100)
        )
        assert (compared.percent_change > 0) == (current > previous)
    else:
        assert compared.percent_change is None


def test_a_fair_that_doubled_its_takings_rose_one_hundred_percent():
    assert Comparison("งาน OTOP", Decimal(4000), Decimal(2000)).percent_change == 100.0
