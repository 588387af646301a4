"""Score aggregation: a hand-worked panel, and properties over random panels (hypothesis)."""

import itertools
import math

import pytest
from django.template.defaultfilters import floatformat
from hypothesis import given, settings
from hypothesis import strategies as st

from booths.scoring import CriterionSpec, ReviewScores, aggregate, review_total

QUALITY_AND_STORY = [CriterionSpec("quality", 3, 10), CriterionSpec("story", 2, 10)]


def hand_worked_panel():
    """A harsh reviewer H and a lenient reviewer L; a review total is 6 x quality + 4 x story."""
    return [
        ReviewScores("A", "H", {"quality": 7, "story": 5}),  # 62
        ReviewScores("B", "H", {"quality": 5, "story": 4}),  # 46
        ReviewScores("B", "L", {"quality": 7, "story": 4}),  # 58
        ReviewScores("C", "L", {"quality": 9, "story": 5}),  # 74
    ]


def by_application(ranked):
    return {r.application_id: r for r in ranked}


def test_review_total_is_the_weighted_share_of_the_maximum_on_a_100_point_scale():
    assert review_total(QUALITY_AND_STORY, {"quality": 7, "story": 5}) == pytest.approx(62.0)
    assert review_total(QUALITY_AND_STORY, {"quality": 10, "story": 10}) == pytest.approx(100.0)


def test_plain_mean_ranks_the_hand_worked_panel_and_flags_the_split_review():
    ranked = aggregate(QUALITY_AND_STORY, hand_worked_panel(), disagreement_threshold=10)
    assert [r.application_id for r in ranked] == ["C", "A", "B"]
    a, b, c = (by_application(ranked)[x] for x in "ABC")
    assert (c.total, c.rank) == (pytest.approx(74.0), 1)
    assert (a.total, a.rank) == (pytest.approx(62.0), 2)
    assert (b.total, b.rank, b.review_count) == (pytest.approx(52.0), 3, 2)
    assert b.criterion_means == {"quality": 6.0, "story": 4.0}
    assert b.has_disagreement and not a.has_disagreement
    assert not any(r.is_tied for r in ranked)


def test_normalising_removes_the_harsh_reviewers_handicap_and_reports_the_tie():
    """H: mean 54, sd 8; L: mean 66, sd 8; panel: mean 60, sd 10. So A and C are each one
    standard deviation above their reviewer's mean (70), B one below for both reviewers (50)."""
    ranked = aggregate(
        QUALITY_AND_STORY, hand_worked_panel(), normalise=True, disagreement_threshold=10
    )
    a, b, c = (by_application(ranked)[x] for x in "ABC")
    assert a.total == pytest.approx(70.0) and c.total == pytest.approx(70.0)
    assert b.total == pytest.approx(50.0)
    assert (a.rank, c.rank, b.rank) == (1, 1, 3)
    assert a.is_tied and c.is_tied and not b.is_tied
    assert not b.has_disagreement
    assert b.raw_total == pytest.approx(52.0)


def test_a_reviewer_with_one_review_or_identical_totals_counts_as_the_panel_mean():
    reviews = [
        ReviewScores("A", "solo", {"quality": 10, "story": 10}),
        ReviewScores("A", "flat", {"quality": 5, "story": 5}),
        ReviewScores("B", "flat", {"quality": 5, "story": 5}),
    ]
    ranked = aggregate(QUALITY_AND_STORY, reviews, normalise=True)
    panel_mean = (100 + 50 + 50) / 3
    assert all(math.isfinite(r.total) for r in ranked)
    assert all(r.total == pytest.approx(panel_mean, abs=0.005) for r in ranked)
    assert all(r.rank == 1 and r.is_tied for r in ranked)


def test_no_reviews_give_an_empty_ranking():
    assert aggregate(QUALITY_AND_STORY, []) == []


def test_a_rubric_without_weight_or_maximum_is_refused_in_thai():
    with pytest.raises(ValueError, match="น้ำหนัก"):
        aggregate([CriterionSpec("q", 0, 10)], [ReviewScores("A", "H", {"q": 5})])
    with pytest.raises(ValueError, match="คะแนนเต็ม"):
        aggregate([CriterionSpec("q", 1, 0)], [ReviewScores("A", "H", {"q": 5})])


@st.composite
def panels(draw):
    criteria = [
        CriterionSpec(f"c{n}", draw(st.integers(1, 5)), draw(st.sampled_from([5, 10])))
        for n in range(draw(st.integers(1, 4)))
    ]
    reviewers = [f"m{n}" for n in range(draw(st.integers(1, 4)))]
    reviews = []
    for application in range(draw(st.integers(1, 6))):
        for reviewer in draw(
            st.lists(st.sampled_from(reviewers), min_size=1, max_size=3, unique=True)
        ):
            scores = {c.id: draw(st.integers(0, int(c.max_score))) for c in criteria}
            reviews.append(ReviewScores(application, reviewer, scores))
    return criteria, reviews


def change_reviewer(reviews, reviewer, change):
    return [
        ReviewScores(r.application_id, r.reviewer_id, {c: change(s) for c, s in r.scores.items()})
        if r.reviewer_id == reviewer
        else r
        for r in reviews
    ]


@settings(max_examples=300, deadline=None)
@given(panels(), st.data())
def test_under_normalisation_a_reviewer_adding_a_constant_or_scaling_changes_no_standing(
    panel, data
):
    criteria, reviews = panel
    reviewer = data.draw(st.sampled_from(sorted({r.reviewer_id for r in reviews})))
    shift = data.draw(st.integers(-3, 3))
    factor = data.draw(st.sampled_from([0.5, 2, 3]))
    before = aggregate(criteria, reviews, normalise=True)
    for change in (lambda s: s + shift, lambda s: s * factor):
        after = aggregate(criteria, change_reviewer(reviews, reviewer, change), normalise=True)
        assert_same_order(before, after)
        assert_same_shape(before, after)


def assert_same_order(before, after):
    """Totals are kept at the committee's two decimals, so rounding may join or split a tie, but
    no application overtakes another it was clearly behind."""
    was = {r.application_id: r.total for r in before}
    now = {r.application_id: r.total for r in after}
    for a, b in itertools.permutations(was, 2):
        if was[a] > was[b] + 0.02:
            assert now[a] >= now[b]


def assert_same_shape(before, after):
    """Totals move together by one increasing linear map (the panel's own mean and spread)."""
    x = [r.total for r in before]
    y = [r.total for r in after]
    if max(x) - min(x) < 1:  # too close for a slope measured on two-decimal totals
        return
    low, high = x.index(min(x)), x.index(max(x))
    slope = (y[high] - y[low]) / (x[high] - x[low])
    assert slope > 0
    assert y == pytest.approx([y[low] + slope * (v - x[low]) for v in x], abs=0.02 * (1 + slope))


@settings(max_examples=300, deadline=None)
@given(panels(), st.booleans())
def test_ranks_follow_totals_and_equal_totals_share_a_rank(panel, normalise):
    criteria, reviews = panel
    ranked = aggregate(criteria, reviews, normalise=normalise)
    totals = [r.total for r in ranked]
    assert totals == sorted(totals, reverse=True)
    for r in ranked:
        assert r.rank == 1 + sum(1 for t in totals if t > r.total)
        assert r.is_tied == (totals.count(r.total) > 1)
    assert sum(r.review_count for r in ranked) == len(reviews)


@settings(max_examples=300, deadline=None)
@given(panels())
def test_plain_totals_are_the_mean_review_total_within_0_and_100(panel):
    criteria, reviews = panel
    for r in aggregate(criteria, reviews):
        mine = [
            review_total(criteria, x.scores)
            for x in reviews
            if x.application_id == r.application_id
        ]
        # Stored and compared at the two decimals the committee sees (halves up, as floatformat).
        assert r.total == float(floatformat(sum(mine) / len(mine), 2))
        assert -1e-9 <= r.total <= 100 + 1e-9
        assert r.has_disagreement == (float(floatformat(max(mine) - min(mine), 2)) > 20)
