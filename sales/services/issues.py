"""Writes of problem reports: filing one (once per phone key) and moving it along."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from booths.models import FairState
from otop_fair.audit import save_with_history
from sales import notices
from sales.models import IssueReport, IssueStatus

ISSUE_STATES = (FairState.ALLOCATED, FairState.RUNNING, FairState.CLOSED)
ISSUE_TRANSITIONS = {
    IssueStatus.OPEN: {IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED},
    IssueStatus.IN_PROGRESS: {IssueStatus.RESOLVED},
    IssueStatus.RESOLVED: {IssueStatus.IN_PROGRESS},
}


def report_issue(
    *, fair, category, description, by, assignment=None, photo_files=None, client_key=""
):
    """Open a problem report; `photo_files` is the (full, thumbnail) pair from the uploads module.
    A `client_key` this reporter already used answers with that report and files nothing."""
    with transaction.atomic():
        if client_key:
            earlier = IssueReport.objects.filter(reported_by=by, client_key=client_key).first()
            if earlier is not None:
                return earlier
        if fair.state not in ISSUE_STATES:
            raise ValidationError(_("Problems can be reported once booths are allocated."))
        if assignment is not None and assignment.fair_id != fair.pk:
            raise ValidationError(_("That booth is not at this fair."))
        issue = IssueReport(
            fair=fair,
            assignment=assignment,
            category=category,
            description=description,
            reported_by=by,
            client_key=client_key,
        )
        if photo_files:
            full, thumbnail = photo_files
            issue.photo.save(full.name, full, save=False)
            issue.photo_thumbnail.save(thumbnail.name, thumbnail, save=False)
        try:
            with transaction.atomic():
                save_with_history(issue, by=by)
        except IntegrityError:
            # The same key sent twice at once (the queue and a tap): the first one filed it.
            return IssueReport.objects.get(reported_by=by, client_key=client_key)
        return issue


def move_issue(*, issue, status, by, officer=None, resolution="", now=None):
    """Move a problem along open → in progress → resolved (or reopen it) and return it."""
    with transaction.atomic():
        now = now or timezone.now()
        issue = IssueReport.objects.select_for_update().get(pk=issue.pk)
        if status not in ISSUE_TRANSITIONS[issue.status]:
            raise ValidationError(
                _("This problem cannot move to that status."), code="bad_transition"
            )
        if status == IssueStatus.RESOLVED and not resolution.strip():
            raise ValidationError(_("Say how the problem was solved."), code="resolution_required")
        issue.assigned_officer = officer or issue.assigned_officer or by
        if status == IssueStatus.IN_PROGRESS:
            issue.started_at = issue.started_at or now
            issue.resolved_at = None
        else:
            issue.started_at = issue.started_at or now
            issue.resolved_at = now
            issue.resolution = resolution.strip()
        issue.status = status
        save_with_history(issue, by=by)
        notices.problem_moved(issue)
        return issue
