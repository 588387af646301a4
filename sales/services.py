"""Writes of the sales app that span models, each in one transaction."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from booths.models import Assignment, AssignmentStatus, FairState
from otop_fair.thai import thai_date
from sales import notices
from sales.models import (
    ChannelSale,
    DailySales,
    EncouragementVisit,
    FairDayVisitors,
    FairSalesPolicy,
    IssueReport,
    IssueStatus,
    SalesTarget,
)

SALES_STATES = (FairState.RUNNING, FairState.CLOSED)
ISSUE_STATES = (FairState.ALLOCATED, FairState.RUNNING, FairState.CLOSED)
ISSUE_TRANSITIONS = {
    IssueStatus.OPEN: {IssueStatus.IN_PROGRESS, IssueStatus.RESOLVED},
    IssueStatus.IN_PROGRESS: {IssueStatus.RESOLVED},
    IssueStatus.RESOLVED: {IssueStatus.IN_PROGRESS},
}


def sales_policy(fair):
    """The fair's cut-off; the default (noon the next day) when none was set. A fair loaded
    with select_related("sales_policy") answers without a query (the sales form's path)."""
    try:
        return fair.sales_policy
    except FairSalesPolicy.DoesNotExist:
        return FairSalesPolicy(fair=fair)


def _check_sales_day(*, assignment, day, is_officer, now):
    fair = assignment.fair
    if fair.state not in (SALES_STATES if is_officer else (FairState.RUNNING,)):
        raise ValidationError(
            _("Sales can only be logged while the fair is running."), code="fair_not_running"
        )
    if not fair.start_date <= day <= fair.end_date:
        raise ValidationError(_("That day is not a day of this fair."), code="not_fair_day")
    if day > timezone.localdate(now):
        raise ValidationError(_("That day has not come yet."), code="future_day")
    if not is_officer and assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError(_("Your group no longer holds this booth."), code="booth_released")


def _check_cutoff(*, assignment, day, is_officer, reason, now):
    past_cutoff = now > sales_policy(assignment.fair).deadline_for(day)
    if past_cutoff and not is_officer:
        raise ValidationError(
            _("The time to change this day has passed. Please ask an officer."), code="past_cutoff"
        )
    if past_cutoff and not reason.strip():
        raise ValidationError(
            _("The cut-off has passed: give a reason for the change."), code="reason_required"
        )


def _check_entry(*, assignment, day, by, reason, now):
    """Refuse an entry `by` may not make; return whether they make it as an officer."""
    is_officer = by.has_perm("sales.enter_late_sales", assignment)
    if not is_officer and not by.has_perm("sales.enter_sales", assignment):
        raise ValidationError(_("You cannot log sales for this booth."), code="not_allowed")
    _check_sales_day(assignment=assignment, day=day, is_officer=is_officer, now=now)
    _check_cutoff(assignment=assignment, day=day, is_officer=is_officer, reason=reason, now=now)
    return is_officer


def _note_change_reason(row, *, reason, is_officer):
    """The history note of a change: the reason given, or that an officer entered it on behalf."""
    if reason.strip():
        row._change_reason = reason.strip()
    elif is_officer:
        row._change_reason = gettext("Entered by an officer on behalf of the producer")


def _key_applied(row, client_key):
    """Whether an entry with this key was ever saved to `row` (its history keeps every key)."""
    return row.client_key == client_key or row.history.filter(client_key=client_key).exists()


@transaction.atomic
def record_daily_sales(
    *,
    assignment,
    day,
    amount,
    by,
    units=None,
    cash_amount=None,
    transfer_amount=None,
    note="",
    reason="",
    client_key="",
    now=None,
    orders=None,
):
    """Create or update the one row of `assignment` for `day` and return it.

    `orders` are the orders taken that day (baht); left out (None), the day keeps what it holds.

    The assignment row is locked first, so concurrent submits for the same booth run one after
    the other: there is one row, holding the later value. Producers may change a day until the
    fair's cut-off; officers may change it later, with a reason, and may enter on behalf.
    A key already applied to this booth and day (even if a later entry has changed the row
    since) is a replay: it changes nothing and is answered with the stored row.
    """
    now = now or timezone.now()
    assignment = (
        Assignment.objects.select_for_update(of=("self",))
        # The application too: the permission check reads its group; and the fair's cut-off
        # (one query less each per save).
        .select_related("fair__sales_policy", "application")
        .get(pk=assignment.pk)
    )
    is_officer = _check_entry(assignment=assignment, day=day, by=by, reason=reason, now=now)
    row = DailySales.objects.filter(assignment=assignment, day=day).first()
    if row is not None and client_key and _key_applied(row, client_key):
        return row
    row = row or DailySales(assignment=assignment, day=day)
    row.amount, row.units, row.note = amount, units, note
    if orders is not None:
        row.orders = orders
    row.cash_amount, row.transfer_amount = cash_amount, transfer_amount
    row.entered_by, row.client_key = by, client_key
    row._history_user = by
    _note_change_reason(row, reason=reason, is_officer=is_officer)
    row.save()
    return row


@transaction.atomic
def set_sales_cutoff(*, fair, days_after, cutoff_time, by):
    policy = sales_policy(fair)
    policy.days_after, policy.cutoff_time = days_after, cutoff_time
    policy._history_user = by
    policy.save()
    return policy


@transaction.atomic
def record_encouragement_visit(*, assignment, day, note, by):
    """Keep the officer's note of visiting a low-selling booth on `day` (one note per day)."""
    visit = EncouragementVisit.objects.filter(assignment=assignment, day=day).first()
    visit = visit or EncouragementVisit(assignment=assignment, day=day)
    visit.note, visit.officer = note, by
    visit._history_user = by
    visit.save()
    return visit


@transaction.atomic
def report_issue(
    *, fair, category, description, by, assignment=None, photo_files=None, client_key=""
):
    """Open a problem report; `photo_files` is the (full, thumbnail) pair from the uploads module.
    A `client_key` this reporter already used answers with that report and files nothing."""
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
    issue._history_user = by
    try:
        with transaction.atomic():
            issue.save()
    except IntegrityError:
        # The same key sent twice at once (the queue and a tap): the first one filed it.
        return IssueReport.objects.get(reported_by=by, client_key=client_key)
    return issue


@transaction.atomic
def move_issue(*, issue, status, by, officer=None, resolution="", now=None):
    """Move a problem along open → in progress → resolved (or reopen it) and return it."""
    now = now or timezone.now()
    issue = IssueReport.objects.select_for_update().get(pk=issue.pk)
    if status not in ISSUE_TRANSITIONS[issue.status]:
        raise ValidationError(_("This problem cannot move to that status."), code="bad_transition")
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
    issue._history_user = by
    issue.save()
    notices.problem_moved(issue)
    return issue


@transaction.atomic
def record_visitors(*, fair, day, count, by):
    """Keep the day's visitor count; entering the day again replaces it."""
    if not fair.start_date <= day <= fair.end_date:
        raise ValidationError(_("That day is not a day of this fair."), code="not_fair_day")
    if day > timezone.localdate():
        raise ValidationError(_("That day has not come yet."), code="future_day")
    row = FairDayVisitors.objects.filter(fair=fair, day=day).first()
    row = row or FairDayVisitors(fair=fair, day=day)
    row.count, row.entered_by = count, by
    row._history_user = by
    row.save()
    return row


@transaction.atomic
def set_sales_target(*, fair, amount, by, province=None):
    """Set the fair's target, or a province's share of it; replaces the one set before."""
    target = SalesTarget.objects.filter(fair=fair, province=province).first()
    target = target or SalesTarget(fair=fair, province=province)
    target.amount = amount
    target._history_user = by
    target.save()
    return target


@transaction.atomic
def record_channel_sale(*, group, day, kind, place, takings, by, note=""):
    """Add one sales event of `group` outside the fairs to the market-channel ledger."""
    if day > timezone.localdate():
        raise ValidationError(_("That day has not come yet."), code="future_day")
    sale = ChannelSale(
        group=group, day=day, kind=kind, place=place, takings=takings, note=note, entered_by=by
    )
    sale._history_user = by
    sale.save()
    return sale


@transaction.atomic
def import_visitors(*, fair, rows, by):
    """Keep every (day, count) of the venue's sheet, or none of them."""
    for day, count in rows:
        try:
            record_visitors(fair=fair, day=day, count=count, by=by)
        except ValidationError as error:
            raise ValidationError(
                gettext("%(day)s: %(problem)s")
                % {"day": thai_date(day), "problem": " ".join(error.messages)}
            ) from None
    return len(rows)
