"""The permission predicates, each pinned by the person it lets in and the one it keeps out.

The permission matrix walks every URL with one user per role; these tests add the people the
matrix does not have: an account switched off, an account whose role changed while it kept its
province links, a committee member of another fair, a producer whose booth was released, and the
producer who reported a problem at a booth that is not theirs.
"""

import pytest

from booths.models import AssignmentStatus, FairState, WaitlistOffer
from otop_fair.rules import is_committee_member, is_producer, keeps_provinces
from producers.models import ProductPhoto, Province
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    BoothFactory,
    CommitteeMemberFactory,
    FairFactory,
    IssueReportFactory,
    ProducerGroupFactory,
    ProductFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ROLE_PREDICATES = {
    "officer": keeps_provinces,
    "committee": is_committee_member,
    "producer": is_producer,
}


def with_provinces(user, *codes):
    user.officer_provinces.add(*Province.objects.filter(code__in=codes))
    return user


@pytest.mark.parametrize("role", ROLE_PREDICATES)
def test_a_switched_off_account_holds_no_role(role):
    user = UserFactory(role=role, username=f"{role}_active")
    switched_off = UserFactory(role=role, username=f"{role}_off", is_active=False)
    assert ROLE_PREDICATES[role](user)
    assert not ROLE_PREDICATES[role](switched_off)


@pytest.mark.parametrize("role", ROLE_PREDICATES)
def test_each_role_predicate_admits_only_its_own_role(role):
    for other in ROLE_PREDICATES:
        user = UserFactory(role=other, username=f"{other}_{role}")
        assert ROLE_PREDICATES[role](user) == (other == role)


def test_a_switched_off_officer_keeps_no_rights_in_their_province():
    group = ProducerGroupFactory(province_code="50")
    fair = FairFactory(running=True)
    holding = AssignmentFactory(booth__zone__fair=fair)
    active = with_provinces(UserFactory(role="officer", username="officer_on"), "50")
    off = with_provinces(UserFactory(role="officer", username="officer_off", is_active=False), "50")
    checks = [
        ("producers.change_registration", group),
        ("booths.manage_fair", fair),
        ("sales.enter_late_sales", holding),
        ("otop_fair.view_officer_home", None),
    ]
    assert all(active.has_perm(perm, obj) for perm, obj in checks)
    assert not any(off.has_perm(perm, obj) for perm, obj in checks)


@pytest.mark.parametrize("role", ["producer", "committee"])
def test_an_account_that_is_no_longer_an_officer_loses_its_provinces_rights(role):
    """The province links stay on the account when an officer becomes a producer or a member."""
    group = ProducerGroupFactory(province_code="50")
    product = ProductFactory(group=group)
    fair = FairFactory(running=True)
    holding = AssignmentFactory(booth__zone__fair=fair)
    issue = IssueReportFactory(assignment=holding)
    former = with_provinces(UserFactory(role=role, username=f"former_{role}"), "50")
    officer = with_provinces(UserFactory(role="officer", username="officer_now"), "50")
    checks = [
        ("producers.change_registration", group),
        ("producers.record_visit", product),
        ("producers.change_group", group),
        ("booths.manage_fair", fair),
        ("sales.enter_late_sales", holding),
        ("sales.manage_issue", issue),
        ("sales.view_checkin", fair),
    ]
    assert all(officer.has_perm(perm, obj) for perm, obj in checks)
    assert not any(former.has_perm(perm, obj) for perm, obj in checks)


def test_an_officer_keeps_only_the_groups_and_fairs_of_their_own_provinces():
    here = ProducerGroupFactory(province_code="50")
    elsewhere = ProducerGroupFactory(province_code="10")
    fair = FairFactory(running=True)
    away = FairFactory(running=True, province=Province.objects.get(code="10"))
    officer = with_provinces(UserFactory(role="officer", username="officer_cm"), "50")
    assert officer.has_perm("producers.change_registration", ProductFactory(group=here))
    assert not officer.has_perm("producers.change_registration", ProductFactory(group=elsewhere))
    assert officer.has_perm("booths.manage_fair", fair)
    assert not officer.has_perm("booths.manage_fair", away)
    assert officer.has_perm("sales.view_checkin", fair)
    assert not officer.has_perm("sales.view_checkin", away)
    assert not officer.has_perm("producers.change_registration", None)
    assert not officer.has_perm("booths.manage_fair", None)
    assert not officer.has_perm("sales.view_checkin", None)


def test_only_a_member_of_this_fairs_committee_sees_its_ranking_once_scoring_closed():
    fair = FairFactory(running=True, state=FairState.ALLOCATED)
    other_fair = FairFactory(running=True, state=FairState.ALLOCATED)
    member = CommitteeMemberFactory(fair=fair).user
    member_elsewhere = CommitteeMemberFactory(fair=other_fair).user
    assert member.has_perm("booths.view_ranking", fair)
    assert not member_elsewhere.has_perm("booths.view_ranking", fair)
    assert not member.has_perm("booths.view_ranking", None)


def test_a_committee_member_waits_for_scoring_to_close_before_seeing_the_ranking():
    fair = FairFactory(running=True, state=FairState.SCORING)
    member = CommitteeMemberFactory(fair=fair).user
    assert not member.has_perm("booths.view_ranking", fair)


def test_a_seat_kept_after_leaving_the_committee_role_shows_no_ranking():
    fair = FairFactory(running=True, state=FairState.ALLOCATED)
    seat = CommitteeMemberFactory(fair=fair)
    seat.user.role = "producer"
    seat.user.save()
    assert not seat.user.has_perm("booths.view_ranking", fair)


def test_the_reporter_sees_their_own_problem_even_at_a_booth_not_theirs(producer_user):
    fair = FairFactory(running=True)
    AssignmentFactory(booth__zone__fair=fair, members=[producer_user])
    neighbour = AssignmentFactory(booth__zone__fair=fair)
    theirs = IssueReportFactory(assignment=neighbour, reported_by=producer_user)
    someone_elses = IssueReportFactory(assignment=neighbour)
    fair_wide = IssueReportFactory(assignment=None, fair=fair, reported_by=producer_user)
    assert producer_user.has_perm("sales.view_issue", theirs)
    assert producer_user.has_perm("sales.view_issue", fair_wide)
    assert not producer_user.has_perm("sales.view_issue", someone_elses)
    assert not producer_user.has_perm("sales.view_issue", None)


def test_the_holder_of_a_booth_sees_the_problems_reported_at_it(producer_user):
    fair = FairFactory(running=True)
    mine = AssignmentFactory(booth__zone__fair=fair, members=[producer_user])
    reported_by_officer = IssueReportFactory(
        assignment=mine, reported_by=UserFactory(role="officer", username="officer_x")
    )
    assert producer_user.has_perm("sales.view_issue", reported_by_officer)


def test_a_released_holder_no_longer_counts_as_holding_a_booth_at_the_fair(producer_user):
    fair = FairFactory(running=True)
    holding = AssignmentFactory(booth__zone__fair=fair, members=[producer_user])
    assert producer_user.has_perm("sales.report_issue", fair)
    holding.status = AssignmentStatus.RELEASED
    holding.save()
    assert not producer_user.has_perm("sales.report_issue", fair)
    assert not producer_user.has_perm("sales.report_issue", None)


def test_a_producer_logs_sales_only_for_their_groups_booth(producer_user):
    fair = FairFactory(running=True)
    mine = AssignmentFactory(booth__zone__fair=fair, members=[producer_user])
    theirs = AssignmentFactory(booth__zone__fair=fair)
    assert producer_user.has_perm("sales.enter_sales", mine)
    assert not producer_user.has_perm("sales.enter_sales", theirs)
    assert not producer_user.has_perm("sales.enter_sales", fair)


def test_a_producer_edits_and_sees_only_their_own_groups_application(producer_user):
    mine = ApplicationFactory(group=ProducerGroupFactory(members=[producer_user]))
    theirs = ApplicationFactory(fair=mine.fair)
    assert producer_user.has_perm("booths.edit_application", mine)
    assert producer_user.has_perm("booths.view_result", mine)
    assert not producer_user.has_perm("booths.edit_application", theirs)
    assert not producer_user.has_perm("booths.view_result", theirs)
    assert not producer_user.has_perm("booths.edit_application", None)


def test_only_the_group_offered_a_booth_answers_the_offer(producer_user):
    mine = ApplicationFactory(group=ProducerGroupFactory(members=[producer_user]))
    theirs = ApplicationFactory(fair=mine.fair)
    booth = BoothFactory(zone__fair=mine.fair)
    deadline = mine.fair.start_date
    offer_to_me = WaitlistOffer(fair=mine.fair, booth=booth, application=mine, deadline=deadline)
    offer_to_them = WaitlistOffer(
        fair=mine.fair, booth=booth, application=theirs, deadline=deadline
    )
    assert producer_user.has_perm("booths.respond_offer", offer_to_me)
    assert not producer_user.has_perm("booths.respond_offer", offer_to_them)
    assert not producer_user.has_perm("booths.respond_offer", None)


def test_a_member_scores_only_their_own_reviews_and_declares_only_their_own_conflicts():
    review = ReviewFactory()
    other = ReviewFactory(member__fair=review.member.fair)
    member = review.member.user
    assert member.has_perm("booths.score", review)
    assert not member.has_perm("booths.score", other)
    assert not member.has_perm("booths.score", None)
    assert member.has_perm("booths.declare_conflict", review.member)
    assert not member.has_perm("booths.declare_conflict", other.member)
    assert not member.has_perm("booths.declare_conflict", None)


def test_product_photos_are_seen_by_officers_members_and_the_owning_group_only(producer_user):
    product = ProductFactory(group=ProducerGroupFactory(members=[producer_user]))
    photo = ProductPhoto(product=product, position=1)
    stranger = UserFactory(role="producer", username="producer_stranger")
    # Photos by role (the security issue): the owning group, never another province's officer or
    # a committee member who reviews none of the group's applications.
    assert producer_user.has_perm("producers.view_photo", photo)
    for user in (
        stranger,
        UserFactory(role="officer", username="officer_any"),
        UserFactory(role="committee", username="committee_any"),
    ):
        assert not user.has_perm("producers.view_photo", photo)
    assert producer_user.has_perm("producers.change_product", product)
    assert not stranger.has_perm("producers.change_product", product)
    assert not stranger.has_perm("producers.change_group", None)


def test_asking_again_about_the_same_person_looks_up_their_groups_and_provinces_once(
    producer_user, django_assert_num_queries
):
    """A page asks the same question for every row; the answer's lookups are kept on the user."""
    mine = ApplicationFactory(group=ProducerGroupFactory(members=[producer_user]))
    fair = mine.fair
    officer = with_provinces(UserFactory(role="officer", username="officer_twice"), "50")
    assert producer_user.has_perm("booths.edit_application", mine)
    assert officer.has_perm("booths.manage_fair", fair)
    with django_assert_num_queries(0):
        assert producer_user.has_perm("booths.edit_application", mine)
        assert officer.has_perm("booths.manage_fair", fair)
