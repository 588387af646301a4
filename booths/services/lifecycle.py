"""The fair's lifecycle steps, each an officer's action that is checked and recorded in history.

`publish_allocation` (scoring → allocated) lives in services/runs.py with the runs it publishes.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from booths.models import Fair, FairState, OfferStatus
from booths.models.fair_dates import start_running_error
from booths.rubrics import shared_rubric
from booths.services.eligibility import evaluate_eligibility
from booths.services.nominations import NOMINABLE, set_aside_unnominated
from otop_fair.audit import save_with_history
from otop_fair.thai import reader_date


def locked(fair):
    """The fair row, locked for the rest of the transaction so two steps never interleave."""
    return Fair.objects.select_for_update().get(pk=fair.pk)


def check_step(fair, target):
    """Refuse an illegal step with the reason in Thai."""
    error = fair.transition_error(target)
    if error:
        raise ValidationError(error)


def move_fair(fair, target, *, by, reason):
    """Move a locked fair to `target`, refusing illegal steps."""
    check_step(fair, target)
    fair.state = target
    save_with_history(fair, by=by, reason=reason, update_fields=["state"])
    return fair


def open_applications(*, fair, by):
    with transaction.atomic():
        fair = locked(fair)
        check_step(fair, FairState.OPEN)
        if not fair.booths.exists():
            raise ValidationError(_("Add booths to the floor plan before opening applications."))
        return move_fair(fair, FairState.OPEN, by=by, reason=_("applications opened"))


def early_scoring_warning(fair):
    """Scoring would start while the districts may still nominate: what that cuts short (the
    deadline in BE, the applications no district has decided yet), or None."""
    deadline = fair.nomination_deadline
    if fair.state != FairState.NOMINATING or deadline is None:
        return None
    if timezone.localdate() > deadline:
        return None
    undecided = fair.applications.filter(status__in=NOMINABLE, nomination__isnull=True).count()
    return _(
        "District nomination runs until %(date)s. %(count)s applications are not yet decided "
        "by their districts; they will be set aside as not nominated, and districts can no "
        "longer nominate or decline."
    ) % {"date": reader_date(deadline), "count": undecided}


def close_applications(*, fair, by, confirm_early=False):
    """Close the application window and start scoring; eligibility is checked on the way.

    A national fair goes to scoring from district nomination: what the districts did not
    nominate is set aside first. Before the nomination deadline only with `confirm_early`
    (the officer ticked that they cut nomination short), and the history says so."""
    with transaction.atomic():
        fair = locked(fair)
        check_step(fair, FairState.SCORING)
        if not shared_rubric(fair).exists():
            raise ValidationError(_("Set the scoring rubric before scoring starts."))
        early = early_scoring_warning(fair)
        if early and not confirm_early:
            raise ValidationError(early)
        reason = _("applications closed, scoring")
        if early:
            reason = _("scoring started before the nomination deadline: %(warning)s") % {
                "warning": early
            }
        evaluate_eligibility(fair=fair, by=by)
        if fair.state == FairState.NOMINATING:
            set_aside_unnominated(fair, by=by)
        return move_fair(fair, FairState.SCORING, by=by, reason=reason)


def start_nominations(*, fair, by):
    """A national fair: close applications and let the districts nominate (eligibility is
    checked first, so district officers see it)."""
    with transaction.atomic():
        fair = locked(fair)
        check_step(fair, FairState.NOMINATING)
        evaluate_eligibility(fair=fair, by=by)
        return move_fair(
            fair, FairState.NOMINATING, by=by, reason=_("applications closed, districts nominate")
        )


def start_fair(*, fair, by):
    """Start the fair on its first day (or the set-up day before), never weeks early."""
    with transaction.atomic():
        fair = locked(fair)
        check_step(fair, FairState.RUNNING)
        too_early = start_running_error(fair, timezone.localdate())
        if too_early:
            raise ValidationError(too_early)
        return move_fair(fair, FairState.RUNNING, by=by, reason=_("fair started"))


def close_fair(*, fair, by):
    """Close the fair; offers still waiting for an answer lapse."""
    with transaction.atomic():
        fair = move_fair(locked(fair), FairState.CLOSED, by=by, reason=_("fair closed"))
        for offer in fair.offers.filter(status=OfferStatus.PENDING):
            offer.status = OfferStatus.EXPIRED
            save_with_history(offer, by=by, reason=_("fair closed"), update_fields=["status"])
        return fair
