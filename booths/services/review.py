"""The rubric, the committee, reviewer assignment without conflicts of interest, and scoring."""

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from booths.models import (
    ApplicationStatus,
    CommitteeMember,
    ConflictOfInterest,
    Criterion,
    FairState,
    ReviewAssignment,
    ReviewStatus,
    Score,
)
from booths.reviewer_assignment import assign_reviewers
from booths.rubrics import PROVINCE_RUBRIC_STATES, province_rubric, rubric_for, shared_rubric
from booths.services.reinstatement import is_scored_late, is_scoring_open_for, may_seat_late
from otop_fair.audit import (
    bulk_create_with_history_by,
    delete_with_history,
    save_with_history,
)

DEFAULT_CRITERIA = [
    (gettext_noop("Product quality"), 30, 10),
    (gettext_noop("Uniqueness and local identity"), 20, 10),
    (gettext_noop("Packaging"), 15, 10),
    (gettext_noop("Product story"), 15, 10),
    (gettext_noop("Readiness to sell"), 10, 10),
    (gettext_noop("Market demand"), 10, 10),
]
SETUP_STATES = (FairState.DRAFT, FairState.OPEN)
ASSIGN_STATES = (FairState.OPEN, FairState.NOMINATING, FairState.SCORING)


def copy_criteria(*, fair, by, source=None):
    """Replace the fair's rubric with a copy of another fair's, or the default rubric."""
    if fair.state not in SETUP_STATES:
        raise ValidationError(_("The rubric can be changed only before scoring starts."))
    if source is not None:
        rows = [(c.name, c.description, c.weight, c.max_score) for c in shared_rubric(source)]
    else:
        with translation.override("th"):
            rows = [(_(name), "", Decimal(w), m) for name, w, m in DEFAULT_CRITERIA]
    with transaction.atomic():
        delete_with_history(shared_rubric(fair), by=by, reason=_("rubric replaced by a copy"))
        for order, (name, description, weight, max_score) in enumerate(rows, start=1):
            criterion = Criterion(
                fair=fair,
                name=name,
                description=description,
                weight=weight,
                max_score=max_score,
                order=order,
            )
            save_with_history(criterion, by=by)
    return shared_rubric(fair)


def conflict_pairs(fair):
    """Every (member id, application id) that must never meet: declared, own district, own group.

    Three queries whatever the size of the committee (a national fair seats hundreds)."""
    pairs = set(
        ConflictOfInterest.objects.filter(member__fair=fair).values_list(
            "member_id", "application_id"
        )
    )
    by_district, by_group = defaultdict(list), defaultdict(list)
    for member_id, district_id, group_id in fair.committee.exclude(
        home_district=None, own_group=None
    ).values_list("pk", "home_district_id", "own_group_id"):
        if district_id:
            by_district[district_id].append(member_id)
        if group_id:
            by_group[group_id].append(member_id)
    if not by_district and not by_group:
        return pairs
    applications = fair.applications.filter(
        Q(group__subdistrict__district_id__in=by_district) | Q(group_id__in=by_group)
    ).values_list("pk", "group__subdistrict__district_id", "group_id")
    for app_id, district_id, group_id in applications:
        for member_id in (*by_district.get(district_id, ()), *by_group.get(group_id, ())):
            pairs.add((member_id, app_id))
    return pairs


def conflicted_members(application):
    """Ids of the fair's committee members who must never score `application` (the rule of
    `conflict_pairs`, for one application, in one query)."""
    group = application.group
    return set(
        application.fair.committee.filter(
            Q(conflicts__application=application)
            | Q(home_district_id=group.subdistrict.district_id)
            | Q(own_group_id=group.pk)
        ).values_list("pk", flat=True)
    )


def has_conflict(member, application):
    group = application.group
    if member.own_group_id and member.own_group_id == group.pk:
        return True
    if member.home_district_id and group.subdistrict.district_id == member.home_district_id:
        return True
    return member.conflicts.filter(application=application).exists()


def declare_conflict(*, member, application, reason, by):
    """A member declares a conflict: any review of that application by them is withdrawn."""
    if member.fair_id != application.fair_id:
        raise ValidationError(_("That application belongs to another fair."))
    if member.fair.is_scoring_closed and not is_scored_late(application):
        raise ValidationError(_("Scoring is closed."))
    with transaction.atomic():
        conflict = ConflictOfInterest.objects.filter(member=member, application=application).first()
        if conflict is None:
            conflict = ConflictOfInterest(member=member, application=application, reason=reason)
            save_with_history(conflict, by=by)
        delete_with_history(
            member.reviews.filter(application=application),
            by=by,
            reason=_("conflict of interest declared"),
        )
    return conflict


def auto_assign(*, fair, by, k=3, provinces=None):
    """Give each eligible application k reviewers with even loads, never a conflicted one.

    At a national fair `provinces` (ids) limits it to those provinces' committees: a provincial
    officer assigns their own province's and leaves every other province's as it is."""
    if fair.state not in ASSIGN_STATES:
        raise ValidationError(_("Reviewers are assigned while applications are open or scored."))
    seats = _seats_of(fair, provinces)
    if Score.objects.filter(review__member__in=seats).exists():
        raise ValidationError(_("Scoring has begun; adjust assignments by hand instead."))
    plan = {}
    conflicts = conflict_pairs(fair)
    for applications, members in _committees_and_their_applications(fair, provinces):
        plan |= assign_reviewers(applications, members, conflicts, k=k)
    _replace_reviews(seats, plan, by=by)
    return plan


def _seats_of(fair, provinces):
    if provinces is None or not fair.is_national:
        return fair.committee.all()
    return fair.committee.filter(province__in=provinces)


def _committees_and_their_applications(fair, provinces=None):
    """(eligible application ids, member ids) per committee: the fair's one committee, or at a
    national fair each province's committee with its province's nominated applications."""
    eligible = fair.applications.filter(status=ApplicationStatus.ELIGIBLE)
    if not fair.is_national:
        members = list(fair.committee.values_list("pk", flat=True))
        return [(list(eligible.values_list("pk", flat=True)), members)]
    eligible = eligible.filter(nomination__decision="nominated")
    if provinces is not None:
        eligible = eligible.filter(group__province__in=provinces)
    by_province = defaultdict(list)
    for pk, province in eligible.values_list("pk", "group__province_id"):
        by_province[province].append(pk)
    members = defaultdict(list)
    for pk, province in fair.committee.values_list("pk", "province_id"):
        members[province].append(pk)
    return [(apps, members[province]) for province, apps in sorted(by_province.items())]


@transaction.atomic
def _replace_reviews(seats, plan, *, by):
    """Make the seats' reviews the plan's, touching only the pairs that change, each audited."""
    wanted = {(m, a) for a, member_ids in plan.items() for m in member_ids}
    held = {
        (r.member_id, r.application_id): r
        for r in ReviewAssignment.objects.filter(member__in=seats)
    }
    reason = _("automatic reviewer assignment")
    delete_with_history([r for pair, r in held.items() if pair not in wanted], by=by, reason=reason)
    bulk_create_with_history_by(
        [ReviewAssignment(member_id=m, application_id=a) for m, a in wanted - held.keys()],
        by=by,
        reason=reason,
    )


def add_review(*, member, application, by):
    if member.fair.is_scoring_closed and not is_scored_late(application):
        raise ValidationError(_("Scoring is closed."))
    _check_runs_seat(member, by)
    if has_conflict(member, application):
        raise ValidationError(_("This member has a conflict of interest with this application."))
    if member.fair.is_national and member.province_id != application.group.province_id:
        raise ValidationError(_("A province's committee reviews only its own province's groups."))
    review = ReviewAssignment.objects.filter(member=member, application=application).first()
    if review is None:
        review = ReviewAssignment(member=member, application=application, is_manual=True)
        save_with_history(review, by=by)
    return review


def remove_review(*, review, by):
    if review.member.fair.is_scoring_closed and not is_scored_late(review.application):
        raise ValidationError(_("Scoring is closed."))
    _check_runs_seat(review.member, by)
    if review.status == ReviewStatus.SUBMITTED:
        raise ValidationError(_("A submitted review cannot be taken away."))
    delete_with_history([review], by=by)


def save_scores(*, review, values, by, submit=False):
    """Save a member's scores ({criterion id: (value, comment)}) as a draft or submit them."""
    member = review.member
    fair = member.fair
    if not is_scoring_open_for(review.application):
        raise ValidationError(_("Scores can be changed only while the fair is being scored."))
    if member.user_id != by.pk:
        raise ValidationError(_("Only the assigned member can score this application."))
    if has_conflict(member, review.application):
        raise ValidationError(_("You declared a conflict of interest with this application."))
    criteria = {c.pk: c for c in rubric_for(fair, member.province_id)}
    for criterion_id, (value, _comment) in values.items():
        criterion = criteria.get(criterion_id)
        if criterion is None or value is None:
            continue
        if not 0 <= value <= criterion.max_score:
            raise ValidationError(
                _("%(criterion)s must be between 0 and %(max)s.")
                % {"criterion": criterion.name, "max": criterion.max_score}
            )
    if submit and any(values.get(c, (None, ""))[0] is None for c in criteria):
        raise ValidationError(_("Score every criterion before submitting."))
    with transaction.atomic():
        for criterion_id, (value, comment) in values.items():
            if criterion_id not in criteria:
                continue
            score = Score.objects.filter(review=review, criterion_id=criterion_id).first()
            if value is None:
                # Emptied on the sheet: the criterion is no longer scored, not kept at its old value.
                if score is not None:
                    delete_with_history([score], by=by)
                continue
            score = score or Score(review=review, criterion_id=criterion_id)
            score.value, score.comment = value, comment
            save_with_history(score, by=by)
        review.status = ReviewStatus.SUBMITTED if submit else ReviewStatus.DRAFT
        review.submitted_at = timezone.now() if submit else None
        save_with_history(review, by=by, update_fields=["status", "submitted_at"])
    return review


def add_member(*, fair, user, by, home_district=None, own_group=None, province=None):
    if fair.is_scoring_closed and not may_seat_late(fair, province):
        raise ValidationError(_("Scoring is closed."))
    if not user.is_committee:
        raise ValidationError(_("Only committee accounts can sit on a committee."))
    if fair.is_national and province is None:
        raise ValidationError(_("Choose the province whose committee the member sits on."))
    member = CommitteeMember.objects.filter(fair=fair, user=user).first()
    if member is not None:
        _check_runs_seat(member, by)
    member = member or CommitteeMember(fair=fair, user=user)
    member.home_district, member.own_group = home_district, own_group
    member.province = province if fair.is_national else None
    _check_runs_seat(member, by)
    save_with_history(member, by=by)
    return member


def remove_member(*, member, by):
    """Take a member off the committee before they have scored: their reviews go with the seat."""
    if member.fair.is_scoring_closed:
        raise ValidationError(_("Scoring is closed."))
    _check_runs_seat(member, by)
    if member.reviews.filter(scores__isnull=False).exists():
        raise ValidationError(_("This member has scored already; their scores stay on record."))
    with transaction.atomic():
        reason = _("member left the committee")
        delete_with_history(member.reviews.all(), by=by, reason=reason)
        delete_with_history(member.conflicts.all(), by=by, reason=reason)
        delete_with_history([member], by=by, reason=reason)


def _check_runs_seat(member, by):
    """At a national fair each province runs its own committee: an officer seats, moves or
    removes only members of the committees of provinces they keep (the head office: any)."""
    if member.fair.is_national and not by.has_perm("booths.manage_seat", member):
        raise ValidationError(_("You run only the committee of your own province."))


def save_criteria(*, fair, formset, by, province=None):
    """Save an edited rubric (a valid CriterionFormSet) while the rubric may still change: the
    fair's, or at a national fair `province`'s own, set by its officers before scoring opens."""
    fair.refresh_from_db(fields=["state"])
    if province is not None:
        _check_sets_province_rubric(fair, province, by)
    elif fair.state not in SETUP_STATES:
        raise ValidationError(_("The rubric can be changed only before scoring starts."))
    with transaction.atomic():
        criteria = formset.save(commit=False)
        delete_with_history(formset.deleted_objects, by=by)
        for criterion in criteria:
            criterion.fair, criterion.province = fair, province
            save_with_history(criterion, by=by)
    return shared_rubric(fair) if province is None else province_rubric(fair, province.pk)


def _check_sets_province_rubric(fair, province, by):
    if not fair.is_national:
        raise ValidationError(_("Only a national fair's provinces have rubrics of their own."))
    if fair.state not in PROVINCE_RUBRIC_STATES:
        raise ValidationError(_("A province's rubric can be changed only before scoring starts."))
    if not by.has_perm("booths.set_province_rubric", Criterion(fair=fair, province=province)):
        raise ValidationError(_("You run only the committee of your own province."))
