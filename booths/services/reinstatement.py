"""An upheld appeal against a district's decline at a national fair: the application goes back
into selection the way a department would put it back once nomination and scoring have closed.

The officer who upholds the appeal reinstates the nomination (the appeal is its reason), the
province's committee scores that one application late (every other one stays locked), no new
allocation runs until it is scored, and the appeal's version must include it.
"""

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from booths.models import (
    Appeal,
    AppealStatus,
    ApplicationStatus,
    FairState,
    Nomination,
    NominationDecision,
    ReviewAssignment,
    ReviewStatus,
)
from booths.reviewer_assignment import assign_reviewers
from otop_fair.audit import bulk_create_with_history_by, save_with_history

# A published fair whose results an appeal may still change.
LATE_SCORING_STATES = (FairState.ALLOCATED, FairState.RUNNING)
DEFAULT_REVIEWERS = 3


def was_declined_by_district(application):
    """The application left a national fair's selection at district level: declined, or not
    nominated by the deadline (and set aside as not selected)."""
    nomination = getattr(application, "nomination", None)
    return (
        application.fair.is_national
        and application.status == ApplicationStatus.NOT_SELECTED
        and (nomination is None or not nomination.is_nominated)
    )


def is_scored_late(application):
    """An upheld appeal reinstated the application and its version is not published yet."""
    return Appeal.objects.filter(
        application=application,
        status=AppealStatus.UPHELD,
        reinstated=True,
        run__isnull=True,
        application__fair__state__in=LATE_SCORING_STATES,
    ).exists()


def is_scoring_open_for(application):
    """Scores of `application` may change: the fair is being scored, or it is scored late."""
    return application.fair.state == FairState.SCORING or is_scored_late(application)


def reinstate(*, appeal, by):
    """Nominate the application again for the appeal, back into selection (audited), and give
    it reviewers of its province's committee. Called inside the appeal's decision."""
    application = appeal.application
    reason = _("nomination reinstated by appeal no. %(no)s: %(reason)s") % {
        "no": appeal.pk,
        "reason": appeal.decision_reason,
    }
    nomination = Nomination.objects.filter(application=application).first()
    nomination = nomination or Nomination(application=application)
    nomination.decision, nomination.reason, nomination.by = (
        NominationDecision.NOMINATED,
        reason,
        by,
    )
    save_with_history(nomination, by=by, reason=reason)
    application.status = ApplicationStatus.ELIGIBLE
    save_with_history(application, by=by, reason=reason, update_fields=["status", "updated_at"])
    _assign_late_reviewers(application, by=by, reason=reason)
    appeal.reinstated = True


def _assign_late_reviewers(application, *, by, reason):
    """As many reviewers as its province's other applications had (most often), the least
    loaded members of the province's committee first, never a conflicted one."""
    # review.py asks this module whether scoring is open: import it here, not at the top.
    from booths.services.review import conflicted_members

    fair = application.fair
    province = application.group.province_id
    seats = fair.committee.filter(province_id=province)
    counts = Counter(
        ReviewAssignment.objects.filter(
            member__in=seats, application__group__province_id=province
        ).values_list("application_id", flat=True)
    )
    k = Counter(counts.values()).most_common(1)[0][0] if counts else DEFAULT_REVIEWERS
    loads = Counter(
        ReviewAssignment.objects.filter(member__in=seats).values_list("member_id", flat=True)
    )
    members = sorted(seats.values_list("pk", flat=True), key=lambda m: (loads[m], m))
    if not members:
        raise ValidationError(no_scorers_message(application.group.province, conflicted=False))
    # Members conflicted with it, or reviewing it already (assigned by hand), are not chosen.
    held = set(application.reviews.values_list("member_id", flat=True))
    unable = conflicted_members(application) | held
    free = [m for m in members if m not in unable]
    plan = assign_reviewers([application.pk], free, set(), k=max(min(k - len(held), len(free)), 0))
    if not held and not plan[application.pk]:
        raise ValidationError(no_scorers_message(application.group.province, conflicted=True))
    bulk_create_with_history_by(
        [ReviewAssignment(member_id=m, application=application) for m in plan[application.pk]],
        by=by,
        reason=reason,
    )


@dataclass(frozen=True)
class ScorerGap:
    """Nobody can score a reinstated application yet: who must seat its province's committee."""

    province: object
    message: str
    officers: list


def no_scorers_message(province, *, conflicted):
    """Why upholding cannot reinstate now, and who must act (an appeal is never left without
    someone who can move it on: the province's officers or the head office seat members)."""
    if conflicted:
        why = _("every member of the committee of %(province)s has a conflict with this group")
    else:
        why = _("%(province)s has no committee member at this fair")
    return _(
        "Upholding puts the application back to be scored by its province's committee, but "
        "%(why)s. The officers of %(province)s or the head office must seat a member on the "
        "committee page first; then uphold. The appeal can be dismissed now."
    ) % {"why": why % {"province": province.name_th}, "province": province.name_th}


def scorer_gap(appeal):
    """For a pending appeal against a district's decline: a ScorerGap when its province has no
    seat that may score the application, else None."""
    application = appeal.application
    if appeal.status != AppealStatus.PENDING or not was_declined_by_district(application):
        return None
    from booths.services.review import conflicted_members  # review.py imports this module

    province = application.group.province
    seats = set(application.fair.committee.filter(province=province).values_list("pk", flat=True))
    conflicted = conflicted_members(application)
    if seats - conflicted:
        return None
    officers = get_user_model().objects.filter(
        officer_provinces=province, is_active=True, role="officer"
    )
    message = no_scorers_message(province, conflicted=bool(seats))
    return ScorerGap(province, message, [o.get_full_name() or o.username for o in officers])


def may_seat_late(fair, province):
    """After scoring closed, a member may still be seated on `province`'s committee while an
    appeal of its province against a district's decline waits: upholding it needs a scorer."""
    return (
        fair.is_national
        and fair.state in LATE_SCORING_STATES
        and Appeal.objects.filter(
            status=AppealStatus.PENDING,
            application__fair=fair,
            application__group__province=province,
            application__status=ApplicationStatus.NOT_SELECTED,
        )
        .exclude(application__nomination__decision=NominationDecision.NOMINATED)
        .exists()
    )


def late_scoring_error(fair):
    """Why no allocation may run yet: an application reinstated by appeal still waits for its
    committee's scores (a run without them would rank it last). None when there is none."""
    waiting = Appeal.objects.filter(
        application__fair=fair, status=AppealStatus.UPHELD, reinstated=True, run__isnull=True
    ).select_related("application__group")
    for appeal in waiting:
        reviews = appeal.application.reviews.all()
        if not reviews or any(r.status != ReviewStatus.SUBMITTED for r in reviews):
            return _(
                "The committee has not yet scored %(group)s, reinstated by appeal no. %(no)s."
            ) % {"group": appeal.application.group.name, "no": appeal.pk}
    return None


def carries_out_error(appeal, run):
    """Why `run` cannot be the appeal's version: it leaves out the application reinstated."""
    if appeal.reinstated and not run.results.filter(application=appeal.application).exists():
        return _(
            "This version leaves out the application the appeal reinstated: run the allocation "
            "again now that it is scored."
        )
    return None
