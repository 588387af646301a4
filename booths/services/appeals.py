"""Appeals against a published result: filed by the applicant within the window, decided by an
officer with a reason; an upheld appeal changes the result only through a new published version
of the allocation, with the appeal as that version's reason."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from booths import notices
from booths.models import Appeal, AppealStatus, ApplicationStatus
from booths.services.reinstatement import carries_out_error, reinstate, was_declined_by_district
from booths.services.runs import publish_allocation
from otop_fair.audit import save_with_history
from otop_fair.thai import reader_date
from otop_fair.thai_text import normalise_text

APPEALABLE = (ApplicationStatus.NOT_SELECTED, ApplicationStatus.WAITLISTED)


def appeal_window_error(application):
    """Why the applicant cannot appeal now (one appeal waits at a time), or None."""
    fair = application.fair
    if not fair.is_scoring_closed or application.status not in APPEALABLE:
        return _("Only a group that was not selected can appeal, once the result is published.")
    if fair.appeal_deadline is None:
        return _("This fair takes no appeals.")
    if timezone.localdate() > fair.appeal_deadline:
        return _("Appeals closed on %(date)s.") % {"date": reader_date(fair.appeal_deadline)}
    if application.appeals.filter(status=AppealStatus.PENDING).exists():
        return _("Your appeal is already waiting for a decision.")
    return None


def file_appeal(*, application, grounds, by):
    error = appeal_window_error(application)
    if error:
        raise ValidationError(error)
    grounds = normalise_text(grounds or "")
    if not grounds:
        raise ValidationError(_("Write why the result should change."))
    with transaction.atomic():
        if application.appeals.select_for_update().filter(status=AppealStatus.PENDING).exists():
            raise ValidationError(_("Your appeal is already waiting for a decision."))
        appeal = Appeal(application=application, grounds=grounds, filed_by=by)
        save_with_history(appeal, by=by, reason=_("appeal filed"))
    return appeal


def decide_appeal(*, appeal, status, reason, by):
    """Uphold or dismiss, with the reason the applicant reads. Upholding changes no result yet:
    the result changes when a new version is published for the appeal (`publish_for_appeal`).
    Upholding an appeal against the district's decline puts the application back into
    selection first (`reinstatement`)."""
    reason = normalise_text(reason or "")
    if status not in (AppealStatus.UPHELD, AppealStatus.DISMISSED):
        raise ValidationError(_("Choose to uphold or to dismiss the appeal."))
    if not reason:
        raise ValidationError(_("Write the reason for the decision."))
    with transaction.atomic():
        appeal = (
            Appeal.objects.select_for_update(of=("self",))
            .select_related("application__fair", "application__group")
            .get(pk=appeal.pk)
        )
        if appeal.status != AppealStatus.PENDING:
            raise ValidationError(_("This appeal has already been decided."))
        appeal.status, appeal.decision_reason = status, reason
        appeal.decided_by, appeal.decided_at = by, timezone.now()
        if status == AppealStatus.UPHELD and was_declined_by_district(appeal.application):
            reinstate(appeal=appeal, by=by)
        save_with_history(appeal, by=by, reason=_("appeal decided"))
        notices.appeal_decided(appeal)
    return appeal


def appeal_version_reason(appeal):
    return _("Appeal no. %(no)s by %(group)s upheld: %(reason)s") % {
        "no": appeal.pk,
        "group": appeal.application.group.name,
        "reason": appeal.decision_reason,
    }


def publish_for_appeal(*, appeal, run, by):
    """Publish `run` as the new version that carries out the upheld appeal."""
    if appeal.status != AppealStatus.UPHELD or appeal.run_id is not None:
        raise ValidationError(_("Only an upheld appeal without its version yet can publish one."))
    error = carries_out_error(appeal, run)
    if error:
        raise ValidationError(error)
    with transaction.atomic():
        publish_allocation(
            fair=appeal.application.fair, run=run, by=by, reason=appeal_version_reason(appeal)
        )
        appeal.run = run
        reason = _("allocation v%(version)s published") % {"version": run.version}
        save_with_history(appeal, by=by, reason=reason, update_fields=["run"])
    return appeal
