"""The matching behind every seating step keeps one seat per applicant."""

import pytest

from booths.allocation.matching import ClassMatching


def test_an_applicant_is_seated_once_and_a_second_seat_is_refused():
    matching = ClassMatching([2], [[0]])
    assert matching.try_add(3, 0)
    with pytest.raises(ValueError, match="^applicant 3 is seated already$"):
        matching.try_add(3, 0)
    assert matching.used == [1] and matching.where == {3: 0}


def test_a_released_applicant_may_be_seated_again():
    matching = ClassMatching([1], [[0]])
    assert matching.try_add(3, 0)
    matching.release(3, 0)
    assert matching.try_add(3, 0) and matching.where == {3: 0}
