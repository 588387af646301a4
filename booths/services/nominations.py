"""District nomination of a national fair's applications, and applying on a group's behalf."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from booths import notices
from booths.models import ApplicationStatus, FairState, Nomination, NominationDecision
from booths.services.applications import submit_application
from otop_fair.audit import bulk_update_with_history_by, save_with_history
from otop_fair.thai import reader_date
from otop_fair.thai_text import normalise_text

# Applications a district may still screen: not withdrawn, not failed on eligibility.
NOMINABLE = (ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE)
# Before these states end, nomination is still to come ("not open yet"); after, it is over.
NOT_NOMINATING_YET = (FairState.DRAFT, FairState.OPEN)


def nomination_window_error(fair):
    """Why districts cannot nominate for this fair now, or None."""
    if not fair.is_national:
        return _("Only national fairs are nominated by districts.")
    if fair.state in NOT_NOMINATING_YET:
        return _("District nomination is not open for this fair.")
    if fair.state != FairState.NOMINATING:
        return _("District nomination for this fair has ended.")
    deadline = fair.nomination_deadline
    if deadline and timezone.localdate() > deadline:
        return _("District nomination closed on %(date)s.") % {"date": reader_date(deadline)}
    return None


def decide_nomination(*, application, decision, reason, by):
    """Nominate or decline one application (a decline needs its reason); a later decision by
    the same deadline replaces an earlier one, and both stay in the history."""
    error = nomination_window_error(application.fair)
    if error:
        raise ValidationError(error)
    if application.status not in NOMINABLE:
        raise ValidationError(_("This application is withdrawn or not eligible."))
    reason = normalise_text(reason or "")
    if decision not in NominationDecision.values:
        raise ValidationError(_("Choose to nominate or not to nominate."))
    if decision == NominationDecision.DECLINED and not reason:
        raise ValidationError(_("Write why the application is not nominated."))
    with transaction.atomic():
        nomination = Nomination.objects.select_for_update().filter(
            application=application
        ).first() or Nomination(application=application)
        before = (nomination.decision, nomination.reason) if nomination.pk else None
        nomination.decision, nomination.reason, nomination.by = decision, reason, by
        reason_text = (
            _("nominated by the district")
            if decision == NominationDecision.NOMINATED
            else _("not nominated by the district")
        )
        save_with_history(nomination, by=by, reason=reason_text)
        if before != (decision, reason):
            _tell_the_change(nomination, before)
    return nomination


def _tell_the_change(nomination, before):
    """The group hears each decline (with its reason) and a decline taken back, so the last
    message it got always matches the district's decision; a first nomination is told with the
    results. A replayed decision changes nothing and is not told again."""
    if nomination.decision == NominationDecision.DECLINED:
        notices.nomination_declined(nomination)
    elif before is not None and before[0] == NominationDecision.DECLINED:
        notices.decline_withdrawn(nomination)


def set_aside_unnominated(fair, *, by):
    """When nomination closes, applications the districts did not nominate are decided: not
    selected, at district level. Their result page says why (see selectors `decision_of`)."""
    unnominated = list(
        fair.applications.filter(status__in=NOMINABLE)
        .exclude(nomination__decision=NominationDecision.NOMINATED)
        .select_related("group", "nomination")
    )
    for application in unnominated:
        application.status = ApplicationStatus.NOT_SELECTED
    bulk_update_with_history_by(
        unnominated, ["status"], by=by, reason=_("not nominated by the district")
    )
    silent = [a for a in unnominated if getattr(a, "nomination", None) is None]
    notices.not_nominated_by_deadline(fair, silent)
    return len(unnominated)


def apply_on_behalf(*, fair, group, by, **application):
    """A district officer applies for a group without a smartphone; the application records who,
    and the group's members see it on their page."""
    with transaction.atomic():
        saved = submit_application(fair=fair, group=group, by=by, **application)
        saved.filed_by_officer = by
        save_with_history(
            saved,
            by=by,
            reason=_("applied on the group's behalf by a district officer"),
            update_fields=["filed_by_officer", "updated_at"],
        )
    return saved
