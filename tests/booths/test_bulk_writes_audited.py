"""Bulk writes leave the audit trail that single saves do: every row a service creates or
deletes has its own history row naming who did it and why (compared row for row)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booths.models import (
    Assignment,
    CommitteeMember,
    ConflictOfInterest,
    Criterion,
    FairState,
    ReviewAssignment,
)
from booths.services import publish_allocation, review, run_allocation
from tests.factories import ApplicationFactory, CommitteeMemberFactory, UserFactory
from tests.test_bad_input import SETTINGS

pytestmark = pytest.mark.django_db
AUDITED = [Assignment, ReviewAssignment, Criterion, ConflictOfInterest, CommitteeMember]


def _live_ids():
    return {model: set(model.objects.values_list("pk", flat=True)) for model in AUDITED}


def assert_every_change_audited(before, by):
    """Each row created since `before` has a '+' history row, each row gone a '-' one, by `by`
    and with a reason or (for single saves) at least the person."""
    for model, ids in _live_ids().items():
        created, deleted = ids - before[model], before[model] - ids
        for kind, changed in (("+", created), ("-", deleted)):
            rows = model.history.filter(history_type=kind, id__in=changed)
            assert rows.count() == len(changed), (model.__name__, kind)
            assert set(rows.values_list("history_user", flat=True)) <= {by.pk}, model.__name__


@pytest.fixture
def scored(fair):
    fair.state = FairState.SCORING
    fair.save()
    zone = fair.zones.get()
    return fair, [ApplicationFactory(fair=fair, status="eligible", zones=[zone]) for _ in range(6)]


def test_publishing_an_allocation_writes_one_history_row_per_booth_held(scored, cm_officer):
    fair, _apps = scored
    run = run_allocation(fair=fair, by=cm_officer, seed=7)
    before = _live_ids()
    publish_allocation(fair=fair, run=run, by=cm_officer)
    held = Assignment.objects.filter(fair=fair)
    assert held.count() == 4
    history = Assignment.history.filter(fair=fair, history_type="+")
    assert history.count() == held.count()
    assert {h.history_user for h in history} == {cm_officer}
    assert all(h.history_change_reason for h in history)
    assert_every_change_audited(before, cm_officer)


@SETTINGS
@given(first_k=st.integers(1, 3), second_k=st.integers(1, 3), members=st.integers(3, 5))
def test_automatic_reviewer_assignment_audits_every_pair_it_adds_or_removes(
    scored, cm_officer, first_k, second_k, members
):
    fair, _apps = scored
    ReviewAssignment.objects.filter(member__fair=fair).delete()
    CommitteeMember.objects.filter(fair=fair).delete()
    for _ in range(members):
        CommitteeMemberFactory(fair=fair)
    for k in (first_k, second_k):
        before = _live_ids()
        review.auto_assign(fair=fair, by=cm_officer, k=k)
        assert_every_change_audited(before, cm_officer)
    assert ReviewAssignment.objects.filter(member__fair=fair).count() == 6 * second_k


def test_copying_a_rubric_audits_the_criteria_it_replaces(fair, cm_officer):
    fair.state = FairState.DRAFT
    fair.save()
    replaced = set(fair.criteria.values_list("pk", flat=True))
    before = _live_ids()
    review.copy_criteria(fair=fair, by=cm_officer)
    gone = Criterion.history.filter(history_type="-", id__in=replaced)
    assert gone.count() == len(replaced) == 2
    assert all(h.history_change_reason for h in gone)
    assert_every_change_audited(before, cm_officer)


def test_declaring_a_conflict_audits_the_review_it_withdraws(scored, cm_officer):
    fair, apps = scored
    member = CommitteeMemberFactory(fair=fair)
    pair = review.add_review(member=member, application=apps[0], by=cm_officer)
    before = _live_ids()
    review.declare_conflict(member=member, application=apps[0], reason="ญาติ", by=cm_officer)
    assert not ReviewAssignment.objects.filter(pk=pair.pk).exists()
    assert_every_change_audited(before, cm_officer)


def test_adding_members_and_reviews_by_hand_names_the_officer(scored, cm_officer):
    fair, apps = scored
    before = _live_ids()
    seat = review.add_member(fair=fair, user=UserFactory(role="committee"), by=cm_officer)
    review.add_review(member=seat, application=apps[1], by=cm_officer)
    assert_every_change_audited(before, cm_officer)
