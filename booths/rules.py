"""Who may do what with fairs, applications, reviews and results, written once as predicates.

Where a fair's rows lie is declared on each model (`area`); the shared predicates of
`otop_fair.rules` (`keeps_area_of`, `owns_row`) decide an office's and a producer's rows, and
the predicates below add the committee's seats and reviews.
"""

import rules

from booths.models import FairState
from otop_fair.areas import keeps_area
from otop_fair.predicates import predicate
from otop_fair.rules import (
    is_admin,
    is_committee_member,
    is_district_officer,
    is_national_officer,
    is_producer,
    is_staff_officer,
    keeps_area_of,
    keeps_provinces,
    owns_row,
    sees_row,
)


def _group_ids(user):
    if not hasattr(user, "_booths_group_ids"):
        user._booths_group_ids = set(user.producer_groups.values_list("pk", flat=True))
    return user._booths_group_ids


def is_my_review(user, review):
    return review is not None and review.member.user_id == user.pk


is_my_review = predicate(is_my_review)


def is_my_seat(user, member):
    return member is not None and member.user_id == user.pk


is_my_seat = predicate(is_my_seat)


def sits_on_closed_committee(user, fair):
    """Committee members see the ranked list only once scoring has closed."""
    return (
        fair is not None
        and fair.is_scoring_closed
        and fair.committee.filter(user_id=user.pk).exists()
    )


sits_on_closed_committee = predicate(sits_on_closed_committee)


def sits_on_committee_of_open_fair(user, fair):
    """A fair's committee sees its plan once the fair has left the draft stage."""
    return (
        fair is not None
        and fair.state != FairState.DRAFT
        and fair.committee.filter(user_id=user.pk).exists()
    )


sits_on_committee_of_open_fair = predicate(sits_on_committee_of_open_fair)


def applied_to_published_fair(user, fair):
    """A fair's producers (their group applied) see its plan once the allocation is published."""
    return (
        fair is not None
        and fair.is_scoring_closed
        and fair.applications.filter(group_id__in=_group_ids(user)).exists()
    )


applied_to_published_fair = predicate(applied_to_published_fair)


# The fair (of a booth, zone, run, application…) lies in a province the officer's office keeps.
manages_fair = keeps_area_of


def _fair_of(obj):
    return getattr(obj, "fair", obj)


def is_national_fair(user, obj):
    return obj is not None and _fair_of(obj).is_national


is_national_fair = predicate(is_national_fair)


def _group_area(group):
    return {"province_id": group.province_id, "district_id": group.subdistrict.district_id}


def keeps_applicant_area(user, application):
    """The application's group lies in the officer's districts (district officer) or provinces."""
    return application is not None and keeps_area(user, **_group_area(application.group))


keeps_applicant_area = predicate(keeps_applicant_area)


def keeps_group_area(user, group):
    return group is not None and keeps_area(user, **_group_area(group))


keeps_group_area = predicate(keeps_group_area)


# A national fair's quota table is the head office's: it shares the hall out between provinces.
manages_quotas = is_national_fair & (is_national_officer | is_admin)
# Area officers (head office, provincial, district) screen the national fair's applications of
# their own area; the head office and the host province also run the hall (manages_fair).
area_officer = is_staff_officer | is_district_officer


def keeps_committee_province(user, obj):
    """The province whose committee the object belongs to (a national fair's seat, a criterion
    of a province's own rubric) is one the officer keeps: the head office keeps every one."""
    return (
        obj is not None
        and obj.province_id is not None
        and keeps_area(user, province_id=obj.province_id)
    )


keeps_committee_province = predicate(keeps_committee_province)


# Each province's committee at a national fair is its province's own: any provincial officer
# opens the committee page (showing their provinces' seats only) and seats, removes and assigns
# their own province's members, never another's; the host province runs only its own committee.
# A provincial fair's one committee is its officers'.
manages_committee = (~is_national_fair & manages_fair) | (
    is_national_fair & (keeps_provinces | is_admin)
)
manages_seat = (~is_national_fair & manages_fair) | (is_national_fair & keeps_committee_province)


def is_blind_reviewed(user, obj):
    """The fair (of a seat, review…) hides who applied from its committee."""
    return obj is not None and _fair_of(obj).is_blind_review


is_blind_reviewed = predicate(is_blind_reviewed)


rules.add_perm("booths.view_fairs", is_staff_officer)
rules.add_perm("booths.add_fair", is_staff_officer)
rules.add_perm("booths.manage_fair", manages_fair)
rules.add_perm("booths.manage_quotas", manages_quotas)
rules.add_perm("booths.manage_committee", manages_committee)
rules.add_perm("booths.manage_seat", manages_seat)
# A province's own rubric (a criterion of it) at a national fair: its province's officers.
rules.add_perm("booths.set_province_rubric", is_national_fair & keeps_committee_province)
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
rules.add_perm("booths.edit_application", owns_row)
# An application (or booth holding) as `visible_to` lists it: its fair's officers, its group.
rules.add_perm("booths.view_result", sees_row)
rules.add_perm("booths.respond_offer", owns_row)
rules.add_perm("booths.review", is_committee_member)
rules.add_perm("booths.score", is_committee_member & is_my_review)
rules.add_perm("booths.declare_conflict", is_committee_member & is_my_seat)

# National fairs (issue 18).
rules.add_perm("booths.view_national_fairs", area_officer | is_admin)
rules.add_perm("booths.view_nominations", is_national_fair & area_officer)
rules.add_perm(
    "booths.nominate", (is_national_fair & area_officer & keeps_applicant_area) | is_admin
)
# The head office and the host province see every province; other provinces' officers their own.
rules.add_perm("booths.view_national_progress", (is_national_fair & is_staff_officer) | is_admin)
rules.add_perm("booths.apply_on_behalf", (area_officer & keeps_group_area) | is_admin)
# Decision letters and appeals.
rules.add_perm("booths.appeal", owns_row)
rules.add_perm("booths.decide_appeal", manages_fair)
# Blind review: everyone but the fair's officers sees an application number instead of the group.
rules.add_perm("booths.see_applicant_identity", manages_fair | ~is_blind_reviewed)
