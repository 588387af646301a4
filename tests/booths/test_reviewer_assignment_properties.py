"""Committee assignment: balance and conflict exclusion, checked against brute force (hypothesis)."""

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booths.reviewer_assignment import assign_reviewers


@st.composite
def committees(draw):
    k = draw(st.integers(1, 3))
    members = [f"m{n}" for n in range(draw(st.integers(k, 5)))]
    applications = list(range(draw(st.integers(1, 4))))
    conflicts = set()
    for application in applications:
        free = draw(
            st.lists(st.sampled_from(members), min_size=k, max_size=len(members), unique=True)
        )
        conflicts |= {(m, application) for m in members if m not in free}
    return applications, members, conflicts, k


def load_spread(assignment, members):
    loads = [sum(m in chosen for chosen in assignment.values()) for m in members]
    return max(loads) - min(loads), max(loads), min(loads)


def every_assignment(applications, members, conflicts, k):
    options = [
        list(itertools.combinations([m for m in members if (m, a) not in conflicts], k))
        for a in applications
    ]
    for picks in itertools.product(*options):
        yield dict(zip(applications, picks, strict=True))


@settings(max_examples=300, deadline=None)
@given(committees())
def test_each_application_gets_k_distinct_members_none_of_them_conflicted(committee):
    applications, members, conflicts, k = committee
    assignment = assign_reviewers(applications, members, conflicts, k)
    assert set(assignment) == set(applications)
    for application, chosen in assignment.items():
        assert len(set(chosen)) == len(chosen) == k
        assert not any((m, application) in conflicts for m in chosen)


@settings(max_examples=300, deadline=None)
@given(committees())
def test_loads_are_as_even_as_any_assignment_allows(committee):
    applications, members, conflicts, k = committee
    spread, heaviest, lightest = load_spread(
        assign_reviewers(applications, members, conflicts, k), members
    )
    possible = [
        load_spread(a, members) for a in every_assignment(applications, members, conflicts, k)
    ]
    assert spread == min(p[0] for p in possible)
    assert heaviest == min(p[1] for p in possible)
    assert lightest == max(p[2] for p in possible)
    if min(p[0] for p in possible) <= 1:
        assert spread <= 1


@settings(max_examples=100, deadline=None)
@given(committees())
def test_the_same_input_gives_the_same_assignment(committee):
    assert assign_reviewers(*committee) == assign_reviewers(*committee)


def test_a_realistic_committee_gets_loads_within_one_despite_conflicts():
    rng = random.Random(7)
    members = [f"member{n}" for n in range(12)]
    applications = list(range(400))
    conflicts = {(rng.choice(members), a) for a in applications for _ in range(2)}
    assignment = assign_reviewers(applications, members, conflicts, k=3)
    spread, heaviest, _ = load_spread(assignment, members)
    assert spread <= 1 and heaviest == 100
    assert not any((m, a) in conflicts for a, chosen in assignment.items() for m in chosen)


def test_a_conflicted_member_is_left_out_and_work_is_shared_evenly():
    conflicts = {("สมชาย", "app1"), ("สมชาย", "app2")}
    assignment = assign_reviewers(
        ["app1", "app2", "app3"], ["สมชาย", "สมหญิง", "สมศักดิ์"], conflicts, k=2
    )
    assert assignment["app1"] == ["สมหญิง", "สมศักดิ์"]
    assert assignment["app2"] == ["สมหญิง", "สมศักดิ์"]
    assert "สมชาย" in assignment["app3"]


def test_too_few_unconflicted_members_is_refused_with_a_thai_explanation():
    with pytest.raises(ValueError, match="ใบสมัคร app1 มีกรรมการที่ไม่มีส่วนได้ส่วนเสียเพียง 1 คน"):
        assign_reviewers(["app1"], ["a", "b"], {("a", "app1")}, k=2)


@st.composite
def larger_committees(draw):
    """Up to 9 applications: more than brute force can check, enough for uneven greedy starts."""
    k = draw(st.integers(1, 3))
    members = [f"m{n}" for n in range(draw(st.integers(k, 6)))]
    applications = [f"a{n}" for n in range(draw(st.integers(1, 9)))]
    conflicts = set()
    for application in applications:
        free = draw(
            st.lists(st.sampled_from(members), min_size=k, max_size=len(members), unique=True)
        )
        conflicts |= {(m, application) for m in members if m not in free}
    return applications, members, conflicts, k


def single_moves_that_even_out(assignment, members, conflicts):
    """(application, from, to) moves to a member two or more reviews lighter who could take it."""
    loads = {m: sum(m in chosen for chosen in assignment.values()) for m in members}
    return [
        (a, u, v)
        for a, chosen in assignment.items()
        for u in chosen
        for v in members
        if v not in chosen and (v, a) not in conflicts and loads[v] <= loads[u] - 2
    ]


def test_seven_applications_for_five_members_leave_no_member_two_reviews_behind():
    applications = [f"a{n}" for n in range(7)]
    members = [f"m{n}" for n in range(5)]
    conflicts = {("m3", a) for a in ("a0", "a3", "a4", "a5", "a6")}
    conflicts |= {("m2", "a1"), ("m0", "a4"), ("m4", "a1")}
    assignment = assign_reviewers(applications, members, conflicts, k=2)
    assert load_spread(assignment, members)[0] <= 1
    assert not single_moves_that_even_out(assignment, members, conflicts)


@settings(max_examples=100, deadline=None)
@given(larger_committees())
def test_no_review_could_move_to_a_member_two_or_more_reviews_lighter(committee):
    applications, members, conflicts, k = committee
    assignment = assign_reviewers(applications, members, conflicts, k)
    assert not single_moves_that_even_out(assignment, members, conflicts)
    for application, chosen in assignment.items():
        assert len(set(chosen)) == k
        assert not any((m, application) in conflicts for m in chosen)


def test_each_application_gets_three_reviewers_unless_the_fair_says_otherwise():
    assignment = assign_reviewers(["a1", "a2"], ["m1", "m2", "m3", "m4", "m5"], set())
    assert [len(members) for members in assignment.values()] == [3, 3]


# Committees whose greedy start leaves a member two reviews behind, so that the rebalancing has to
# move work along chains (found by search); in each, loads within one are possible.
REBALANCED = [
    (3, 4, [(0, 2), (1, 0), (1, 2), (3, 1), (3, 3)], 1),
    (
        4,
        8,
        [(0, 0), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2), (2, 7)]
        + [(3, 1), (3, 5), (3, 6), (4, 1), (4, 3), (4, 4), (4, 7)],
        2,
    ),
    (
        5,
        8,
        [(0, 3), (0, 4), (1, 1), (1, 2), (1, 4), (1, 5), (2, 0), (2, 1), (3, 7)]
        + [(4, 2), (4, 3), (4, 4), (4, 6), (5, 0), (5, 5), (5, 6), (5, 7)],
        3,
    ),
    (5, 3, [(1, 1), (2, 0), (4, 1), (4, 2), (5, 0), (5, 2)], 2),
]


@pytest.mark.parametrize(("last_member", "application_count", "conflicts", "k"), REBALANCED)
def test_work_moved_along_chains_leaves_no_member_more_than_one_review_apart(
    last_member, application_count, conflicts, k
):
    members = [f"m{m}" for m in range(last_member + 1)]
    applications = [f"a{a}" for a in range(application_count)]
    pairs = {(f"m{m}", f"a{a}") for m, a in conflicts}
    assignment = assign_reviewers(applications, members, pairs, k)
    loads = [sum(m in chosen for chosen in assignment.values()) for m in members]
    assert max(loads) - min(loads) <= 1
    assert all(len(set(chosen)) == k for chosen in assignment.values())
    assert not any((m, a) in pairs for a, chosen in assignment.items() for m in chosen)
