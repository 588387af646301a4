"""The predicates the permission matrix reaches but the quick predicate tests did not: the head
office, a district office against a province's rule, national fairs, a fair's plan, network
meetings, a group's report and a photo under review. Each is pinned by who it lets in and whom it
keeps out, so that `make mutation` finds a test for each (the matrix is too slow to run per
mutant)."""

import datetime

import pytest

from booths.models import FairLevel, FairState
from producers.models import District, ProductPhoto, Subdistrict
from sales.models import MeetingAttendance, MeetingInvitee, NetworkMeeting
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CommitteeMemberFactory,
    FairFactory,
    ProducerGroupFactory,
    ProductFactory,
    ReviewFactory,
    UserFactory,
    officer_of,
)

pytestmark = pytest.mark.django_db


def district_officer(district, username):
    user = UserFactory(role="district_officer", username=username)
    user.officer_districts.add(district)
    return user


def group_in(district, **kwargs):
    sub = Subdistrict.objects.filter(district=district).order_by("code").first()
    return ProducerGroupFactory(subdistrict=sub, **kwargs)


@pytest.fixture
def districts():
    return list(District.objects.filter(province_id="50").order_by("code")[:2])


def test_only_an_active_head_office_officer_keeps_the_standards_table():
    head = UserFactory(role="national_officer", username="head_office")
    gone = UserFactory(role="national_officer", username="head_gone", is_active=False)
    provincial = officer_of("50", username="provincial")
    assert head.has_perm("producers.change_standards")
    assert not gone.has_perm("producers.change_standards")
    assert not provincial.has_perm("producers.change_standards")


def test_erasing_a_groups_data_is_its_provinces_decision_not_its_districts(districts):
    mine, _ = districts
    group = group_in(mine)
    assert officer_of("50", username="cm_officer").has_perm("accounts.anonymise_group", group)
    assert not officer_of("10", username="bkk_officer").has_perm("accounts.anonymise_group", group)
    district = district_officer(mine, "district_mine")
    assert district.has_perm("producers.change_registration", group)
    assert not district.has_perm("accounts.anonymise_group", group)
    assert not officer_of("50", username="cm_none").has_perm("accounts.anonymise_group", None)
    # An object whose model declares no area belongs to no office.
    assert not officer_of("50", username="cm_geo").has_perm("accounts.anonymise_group", mine)


def test_area_officers_apply_on_behalf_of_the_groups_of_their_own_district_only(districts):
    mine, other = districts
    here, there = group_in(mine), group_in(other)
    district = district_officer(mine, "district_apply")
    assert district.has_perm("booths.apply_on_behalf", here)
    assert not district.has_perm("booths.apply_on_behalf", there)
    assert not district.has_perm("booths.apply_on_behalf", None)
    assert officer_of("50", username="cm_apply").has_perm("booths.apply_on_behalf", there)
    assert not officer_of("10", username="bkk_apply").has_perm("booths.apply_on_behalf", there)


def test_a_district_nominates_its_own_groups_applications_to_a_national_fair_only(districts):
    mine, other = districts
    national = FairFactory(level=FairLevel.NATIONAL)
    provincial = FairFactory()
    own = ApplicationFactory(fair=national, group=group_in(mine))
    foreign = ApplicationFactory(fair=national, group=group_in(other))
    at_provincial = ApplicationFactory(fair=provincial, group=own.group)
    district = district_officer(mine, "district_nominate")
    assert district.has_perm("booths.nominate", own)
    assert not district.has_perm("booths.nominate", foreign)
    assert not district.has_perm("booths.nominate", at_provincial)
    assert not district.has_perm("booths.nominate", None)
    assert district.has_perm("booths.view_nominations", national)
    assert not district.has_perm("booths.view_nominations", provincial)


def test_a_fairs_committee_sees_its_plan_once_it_leaves_the_draft_stage():
    draft = FairFactory(state=FairState.DRAFT)
    seat = CommitteeMemberFactory(fair=draft)
    assert not seat.user.has_perm("booths.view_plan", draft)
    draft.state = FairState.SCORING
    draft.save()
    assert seat.user.has_perm("booths.view_plan", draft)
    assert not CommitteeMemberFactory().user.has_perm("booths.view_plan", draft)
    assert not seat.user.has_perm("booths.view_plan", None)


def test_a_producer_sees_the_plan_of_a_fair_they_applied_to_once_it_is_published(producer_user):
    fair = FairFactory(state=FairState.SCORING)
    ApplicationFactory(fair=fair, group=ProducerGroupFactory(members=[producer_user]))
    other = FairFactory(state=FairState.ALLOCATED)
    assert not producer_user.has_perm("booths.view_plan", fair)
    fair.state = FairState.ALLOCATED
    fair.save()
    assert producer_user.has_perm("booths.view_plan", fair)
    assert not producer_user.has_perm("booths.view_plan", other)
    assert not producer_user.has_perm("booths.view_plan", None)


def test_the_committee_of_a_blind_reviewed_fair_does_not_see_who_applied():
    blind = ApplicationFactory(fair=FairFactory(is_blind_review=True))
    open_review = ApplicationFactory(fair=FairFactory())
    member = CommitteeMemberFactory(fair=blind.fair).user
    assert not member.has_perm("booths.see_applicant_identity", blind)
    assert member.has_perm("booths.see_applicant_identity", open_review)
    assert officer_of("50", username="cm_blind").has_perm("booths.see_applicant_identity", blind)


def test_a_booth_at_another_fair_does_not_let_a_producer_report_problems_here(producer_user):
    AssignmentFactory(booth__zone__fair=FairFactory(running=True), members=[producer_user])
    assert not producer_user.has_perm("sales.report_issue", FairFactory(running=True))


def test_other_groups_booths_do_not_let_a_producer_report_problems_at_their_fair(producer_user):
    ProducerGroupFactory(members=[producer_user])
    fair = FairFactory(running=True)
    AssignmentFactory(booth__zone__fair=fair)
    assert not producer_user.has_perm("sales.report_issue", fair)


def test_asking_again_whether_a_producer_applied_to_a_fair_looks_up_their_groups_once(
    producer_user, django_assert_num_queries
):
    fair = FairFactory(state=FairState.ALLOCATED)
    ApplicationFactory(fair=fair, group=ProducerGroupFactory(members=[producer_user]))
    assert producer_user.has_perm("booths.view_plan", fair)
    with django_assert_num_queries(1):  # whether one of those groups applied to this fair
        assert producer_user.has_perm("booths.view_plan", fair)


def meeting_of(province_code="50"):
    officer = officer_of(province_code, username=f"meeting_{province_code}")
    return NetworkMeeting.objects.create(
        province_id=province_code,
        held_on=datetime.date(2026, 5, 1),
        place="ศาลาประชาคม",
        created_by=officer,
    )


def test_a_producer_sees_a_meeting_their_group_attended_or_was_invited_to(producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    attended, invited, absent, unrelated = (meeting_of() for _ in range(4))
    MeetingAttendance.objects.create(meeting=attended, group=group, attended=True)
    MeetingAttendance.objects.create(meeting=absent, group=group, attended=False)
    MeetingInvitee.objects.create(meeting=invited, group=group)
    stranger = ProducerGroupFactory()
    MeetingInvitee.objects.create(meeting=unrelated, group=stranger)
    MeetingAttendance.objects.create(meeting=unrelated, group=stranger, attended=True)
    assert producer_user.has_perm("sales.view_meeting", attended)
    assert producer_user.has_perm("sales.view_meeting", invited)
    assert not producer_user.has_perm("sales.view_meeting", absent)
    assert not producer_user.has_perm("sales.view_meeting", unrelated)
    assert not producer_user.has_perm("sales.view_meeting", None)
    assert not producer_user.has_perm("sales.view_meeting", group)


def test_a_groups_report_is_read_by_its_members_and_its_provinces_officers(producer_user):
    mine = ApplicationFactory(group=ProducerGroupFactory(members=[producer_user]))
    theirs = ApplicationFactory(fair=mine.fair)
    assert producer_user.has_perm("sales.view_group_report", mine)
    assert not producer_user.has_perm("sales.view_group_report", theirs)
    assert not producer_user.has_perm("sales.view_group_report", mine.group)
    away = FairFactory(province_id="10")
    visiting = ApplicationFactory(fair=away, group=mine.group)
    assert officer_of("50", username="cm_report").has_perm("sales.view_group_report", visiting)
    assert not officer_of("20", username="other_report").has_perm(
        "sales.view_group_report", visiting
    )
    assert not officer_of("50", username="cm_group").has_perm("sales.view_group_report", mine.group)


def test_a_member_sees_the_photos_of_the_applications_they_review_and_no_others():
    review = ReviewFactory()
    product = ProductFactory(group=review.application.group)
    review.application.products.add(product)
    photo = ProductPhoto(product=product, position=1)
    reviewer = review.member.user
    elsewhere = ReviewFactory(member__fair=review.member.fair).member.user
    assert reviewer.has_perm("producers.view_photo", photo)
    assert not elsewhere.has_perm("producers.view_photo", photo)
    assert not reviewer.has_perm("producers.view_photo", None)
    assert not reviewer.has_perm("producers.view_photo", product.group)
