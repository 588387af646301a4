"""Scores a member left out, applicants tied on their total, and members whose scores barely
differ: what the committee's ranking does with each, worked out by hand."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booths.scoring import CriterionSpec, ReviewScores, aggregate, normalised_totals, review_total

RUBRIC = [CriterionSpec("quality", 2, 10), CriterionSpec("story", 1, 5)]


def review(application, reviewer, **scores):
    return ReviewScores(application, reviewer, scores)


def test_a_criterion_left_empty_counts_as_zero_not_full_marks():
    assert review_total(RUBRIC, {"quality": 10}) == pytest.approx(200 / 3)
    assert review_total(RUBRIC, {"story": 5}) == pytest.approx(100 / 3)
    assert review_total(RUBRIC, {}) == 0


@settings(max_examples=40, deadline=None)
@given(quality=st.integers(0, 10), story=st.integers(0, 5))
def test_leaving_a_criterion_empty_never_scores_more_than_giving_it_zero_or_more(quality, story):
    full = review_total(RUBRIC, {"quality": quality, "story": story})
    assert review_total(RUBRIC, {"quality": quality}) <= full
    assert review_total(RUBRIC, {"quality": quality}) == review_total(
        RUBRIC, {"quality": quality, "story": 0}
    )


def test_an_application_missing_a_criterion_ranks_below_one_scored_on_both():
    ranking = aggregate(
        RUBRIC,
        [review("complete", "m1", quality=6, story=3), review("gap", "m1", quality=6)],
    )
    assert [r.application_id for r in ranking] == ["complete", "gap"]
    assert ranking[1].criterion_means == {"quality": 6, "story": 0}


def test_tied_applicants_share_a_rank_and_keep_the_order_they_were_reviewed_in():
    reviews = [
        review("late", "m1", quality=9, story=5),
        review("second", "m1", quality=5, story=5),
        review("first", "m1", quality=5, story=5),
        review("low", "m1", quality=1, story=1),
    ]
    ranking = aggregate(RUBRIC, reviews)
    assert [(r.application_id, r.rank, r.is_tied) for r in ranking] == [
        ("late", 1, False),
        ("second", 2, True),
        ("first", 2, True),
        ("low", 4, False),
    ]


def test_a_three_way_tie_takes_one_rank_and_the_next_applicant_skips_past_it():
    reviews = [review(name, "m1", quality=4, story=2) for name in ("c", "a", "b")]
    reviews.append(review("d", "m1", quality=1))
    ranking = aggregate(RUBRIC, reviews)
    assert [(r.application_id, r.rank) for r in ranking] == [("c", 1), ("a", 1), ("b", 1), ("d", 4)]
    assert [r.is_tied for r in ranking] == [True, True, True, False]


def test_a_member_whose_totals_differ_slightly_is_still_normalised():
    """Half a point of spread is a real opinion: it is stretched to the panel's spread."""
    totals = [50.0, 50.5, 20.0, 80.0]
    normalised = normalised_totals(totals, ["m1", "m1", "m2", "m2"])
    assert normalised[0] < normalised[1]
    assert normalised[0] == pytest.approx(normalised[2])
    assert normalised[1] == pytest.approx(normalised[3])


def test_a_member_who_gave_everyone_the_same_total_counts_as_the_panel_mean():
    totals = [70.0, 70.0, 20.0, 80.0]
    normalised = normalised_totals(totals, ["m1", "m1", "m2", "m2"])
    assert normalised[:2] == [pytest.approx(60.0), pytest.approx(60.0)]


def test_review_count_raw_total_and_spread_are_reported_per_application():
    reviews = [
        review("a", "m1", quality=10, story=5),
        review("a", "m2", quality=4, story=2),
        review("b", "m1", quality=5),
    ]
    first, second = aggregate(RUBRIC, reviews, disagreement_threshold=50)
    assert (first.application_id, first.review_count) == ("a", 2)
    assert first.raw_total == pytest.approx(70.0)
    assert first.spread == pytest.approx(60.0)
    assert first.has_disagreement
    assert (second.review_count, second.spread, second.has_disagreement) == (1, 0, False)


def test_a_spread_exactly_at_the_threshold_is_not_a_disagreement():
    reviews = [review("a", "m1", quality=10, story=5), review("a", "m2", quality=7, story=3.5)]
    (only,) = aggregate(RUBRIC, reviews, disagreement_threshold=30)
    assert only.spread == pytest.approx(30)
    assert not only.has_disagreement
    (flagged,) = aggregate(RUBRIC, reviews, disagreement_threshold=29.99)
    assert flagged.has_disagreement


def test_a_yes_or_no_criterion_out_of_one_point_is_a_valid_rubric():
    rubric = [CriterionSpec("has_fda", 1, 1), CriterionSpec("quality", 1, 10)]
    assert review_total(rubric, {"has_fda": 1, "quality": 5}) == pytest.approx(75)


def test_a_rubric_without_weight_or_a_zero_maximum_is_refused_with_its_thai_reason():
    with pytest.raises(ValueError) as no_weight:
        review_total([CriterionSpec("q", 0, 10)], {})
    assert str(no_weight.value) == "เกณฑ์การให้คะแนนต้องมีน้ำหนักรวมมากกว่าศูนย์"
    with pytest.raises(ValueError) as no_maximum:
        review_total([CriterionSpec("q", 1, 0)], {})
    assert str(no_maximum.value) == "คะแนนเต็มของทุกเกณฑ์ต้องมากกว่าศูนย์"


def test_totals_and_reviewers_of_different_lengths_are_a_callers_mistake():
    with pytest.raises(ValueError):
        normalised_totals([50.0, 60.0, 70.0], ["m1", "m1"])
    with pytest.raises(ValueError):
        normalised_totals([50.0, 60.0], ["m1", "m1", "m2"])
