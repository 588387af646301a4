"""Who may do what with fairs, applications, reviews and results, written once as predicates."""

import rules

from booths.models import FairState
from otop_fair.areas import keeps_area
from otop_fair.rules import (
    is_admin,
    is_committee_member,
    is_district_officer,
    is_producer,
    is_staff_officer,
    provinces_kept_by,
)


def _province_ids(user):
    if not hasattr(user, "_booths_province_ids"):
        user._booths_province_ids = set(provinces_kept_by(user).values_list("code", flat=True))
    return user._booths_province_ids


def _group_ids(user):
    if not hasattr(user, "_booths_group_ids"):
        user._booths_group_ids = set(user.producer_groups.values_list("pk", flat=True))
    return user._booths_group_ids


def _fair_of(obj):
    return getattr(obj, "fair", obj)


@rules.predicate
def is_officer_of_fair(user, obj):
    """The fair (of an application, booth, run…) is organised in one of the officer's provinces."""
    if obj is None:
        return False
    return user.is_superuser or _fair_of(obj).province_id in _province_ids(user)


@rules.predicate
def is_member_of_applicant(user, application):
    return application is not None and application.group_id in _group_ids(user)


@rules.predicate
def is_offered_to_me(user, offer):
    return offer is not None and offer.application.group_id in _group_ids(user)


@rules.predicate
def is_my_review(user, review):
    return review is not None and review.member.user_id == user.pk


@rules.predicate
def is_my_seat(user, member):
    return member is not None and member.user_id == user.pk


@rules.predicate
def sits_on_closed_committee(user, fair):
    """Committee members see the ranked list only once scoring has closed."""
    return (
        fair is not None
        and fair.is_scoring_closed
        and fair.committee.filter(user_id=user.pk).exists()
    )


@rules.predicate
def sits_on_committee_of_open_fair(user, fair):
    """A fair's committee sees its plan once the fair has left the draft stage."""
    return (
        fair is not None
        and fair.state != FairState.DRAFT
        and fair.committee.filter(user_id=user.pk).exists()
    )


@rules.predicate
def applied_to_published_fair(user, fair):
    """A fair's producers (their group applied) see its plan once the allocation is published."""
    return (
        fair is not None
        and fair.is_scoring_closed
        and fair.applications.filter(group_id__in=_group_ids(user)).exists()
    )


@rules.predicate
def is_national_fair(user, obj):
    return obj is not None and _fair_of(obj).is_national


def _group_area(group):
    return {"province_id": group.province_id, "district_id": group.subdistrict.district_id}


@rules.predicate
def keeps_applicant_area(user, application):
    """The application's group lies in the officer's districts (district officer) or provinces."""
    return application is not None and keeps_area(user, **_group_area(application.group))


@rules.predicate
def keeps_group_area(user, group):
    return group is not None and keeps_area(user, **_group_area(group))


manages_fair = (is_officer_of_fair & is_staff_officer) | is_admin
# Area officers (head office, provincial, district) screen the national fair's applications of
# their own area; the head office and the host province also run the hall (manages_fair).
area_officer = is_staff_officer | is_district_officer

rules.add_perm("booths.view_fairs", is_staff_officer)
rules.add_perm("booths.add_fair", is_staff_officer)
rules.add_perm("booths.manage_fair", manages_fair)
rules.add_perm(
    "booths.view_plan",
    manages_fair
    | (is_committee_member & sits_on_committee_of_open_fair)
    | (is_producer & applied_to_published_fair),
)
rules.add_perm(
    "booths.view_ranking", manages_fair | (is_committee_member & sits_on_closed_committee)
)
rules.add_perm("booths.apply", is_producer)
rules.add_perm("booths.view_my_applications", is_producer)
rules.add_perm("booths.edit_application", is_producer & is_member_of_applicant)
rules.add_perm("booths.view_result", (is_producer & is_member_of_applicant) | manages_fair)
rules.add_perm("booths.respond_offer", is_producer & is_offered_to_me)
rules.add_perm("booths.review", is_committee_member)
rules.add_perm("booths.score", is_committee_member & is_my_review)
rules.add_perm("booths.declare_conflict", is_committee_member & is_my_seat)

# National fairs (issue 18).
rules.add_perm("booths.view_nominations", is_national_fair & area_officer)
rules.add_perm(
    "booths.nominate", (is_national_fair & area_officer & keeps_applicant_area) | is_admin
)
# The head office and the host province see every province; other provinces' officers their own.
rules.add_perm("booths.view_national_progress", (is_national_fair & is_staff_officer) | is_admin)
rules.add_perm("booths.apply_on_behalf", (area_officer & keeps_group_area) | is_admin)
# Decision letters and appeals.
rules.add_perm("booths.appeal", is_producer & is_member_of_applicant)
rules.add_perm("booths.decide_appeal", manages_fair)
