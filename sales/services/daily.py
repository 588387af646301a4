"""Writes of a booth's fair days: the day's takings, the fair's cut-off, an officer's visit note."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from booths.models import Assignment, AssignmentStatus, FairState
from otop_fair.audit import save_with_history
from otop_fair.thai import baht
from sales import plausibility
from sales.models import DailySales, EncouragementVisit, FairSalesPolicy

SALES_STATES = (FairState.RUNNING, FairState.CLOSED)
# What the checks of an entry read of the booth (its fair's dates, state, province and cut-off, its
# group): the locked row is loaded with these alone, as building every column of three tables
# costs more than the rest of the save.
CHECKED_FIELDS = (
    "status",
    "fair__start_date",
    "fair__end_date",
    "fair__state",
    "fair__province",
    "fair__sales_policy__days_after",
    "fair__sales_policy__cutoff_time",
    "application__group",
)


def sales_policy(fair):
    """The fair's cut-off; the default (noon the next day) when none was set. A fair loaded
    with select_related("sales_policy") answers without a query (the sales form's path)."""
    try:
        return fair.sales_policy
    except FairSalesPolicy.DoesNotExist:
        return FairSalesPolicy(fair=fair)


def _check_sales_day(*, assignment, day, may_enter_late, now):
    fair = assignment.fair
    if fair.state not in (SALES_STATES if may_enter_late else (FairState.RUNNING,)):
        raise ValidationError(
            _("Sales can only be logged while the fair is running."), code="fair_not_running"
        )
    if not fair.start_date <= day <= fair.end_date:
        raise ValidationError(_("That day is not a day of this fair."), code="not_fair_day")
    if day > timezone.localdate(now):
        raise ValidationError(_("That day has not come yet."), code="future_day")
    if not may_enter_late and assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError(_("Your group no longer holds this booth."), code="booth_released")


def _check_cutoff(*, assignment, day, may_enter_late, reason, now):
    past_cutoff = now > sales_policy(assignment.fair).deadline_for(day)
    if past_cutoff and not may_enter_late:
        raise ValidationError(
            _("The time to change this day has passed. Please ask an officer."), code="past_cutoff"
        )
    if past_cutoff and not reason.strip():
        raise ValidationError(
            _("The cut-off has passed: give a reason for the change."), code="reason_required"
        )


def _check_entry(*, assignment, day, by, reason, now):
    """Refuse an entry `by` may not make; return whether they make it as an officer."""
    may_enter_late = by.has_perm("sales.enter_late_sales", assignment)
    if not may_enter_late and not by.has_perm("sales.enter_sales", assignment):
        raise ValidationError(_("You cannot log sales for this booth."), code="not_allowed")
    _check_sales_day(assignment=assignment, day=day, may_enter_late=may_enter_late, now=now)
    _check_cutoff(
        assignment=assignment, day=day, may_enter_late=may_enter_late, reason=reason, now=now
    )
    return may_enter_late


def _change_reason(*, reason, may_enter_late):
    """The history note of a change: the reason given, or that an officer entered it on behalf."""
    if reason.strip():
        return reason.strip()
    return gettext("Entered by an officer on behalf of the producer") if may_enter_late else ""


def _check_plausible(*, assignment, day, takings):
    """Ask to confirm a day far beyond what a booth sells (see sales.plausibility)."""
    if not plausibility.may_be_implausible(takings):
        return
    others = (
        DailySales.objects.filter(assignment=assignment)
        .exclude(day=day)
        .values_list(F("amount") + F("orders"), flat=True)
    )
    if plausibility.is_implausible(takings, list(others)):
        raise ValidationError(
            _(
                "%(takings)s is far more than a booth usually takes in a day. If it is right, "
                "tick “The amount is right” and save again."
            ),
            code="implausible",
            params={"takings": baht(takings)},
        )


def _key_applied(row, client_key):
    """Whether an entry with this key was ever saved to `row` (its history keeps every key)."""
    return row.client_key == client_key or row.history.filter(client_key=client_key).exists()


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
    amount_confirmed=False,
):
    """Create or update the one row of `assignment` for `day` and return it.

    `orders` are the orders taken that day (baht); left out (None), the day keeps what it holds.

    The assignment row is locked first, so concurrent submits for the same booth run one after
    the other: there is one row, holding the later value. Producers may change a day until the
    fair's cut-off; officers may change it later, with a reason, and may enter on behalf.
    A key already applied to this booth and day (even if a later entry has changed the row
    since) is a replay: it changes nothing and is answered with the stored row.
    A day far beyond the booth's usual is refused (code "implausible") until it comes again
    with `amount_confirmed`.
    """
    # Inside the function, not as a decorator: mutmut (make mutation) leaves decorated ones alone.
    with transaction.atomic():
        now = now or timezone.now()
        assignment = (
            Assignment.objects.select_for_update(of=("self",))
            # The application too: the permission check reads its group (one query less per save).
            .select_related("fair__sales_policy", "application")
            .only(*CHECKED_FIELDS)
            .get(pk=assignment.pk)
        )
        may_enter_late = _check_entry(assignment=assignment, day=day, by=by, reason=reason, now=now)
        row = DailySales.objects.filter(assignment=assignment, day=day).first()
        if row is not None and client_key and _key_applied(row, client_key):
            return row
        if not amount_confirmed:
            held_orders = row.orders if row is not None else 0
            takings = amount + (held_orders if orders is None else orders)
            _check_plausible(assignment=assignment, day=day, takings=takings)
        row = row or DailySales(assignment=assignment, day=day)
        row.amount, row.units, row.note = amount, units, note
        if orders is not None:
            row.orders = orders
        row.cash_amount, row.transfer_amount = cash_amount, transfer_amount
        row.entered_by, row.client_key = by, client_key
        save_with_history(
            row, by=by, reason=_change_reason(reason=reason, may_enter_late=may_enter_late)
        )
        return row


def set_sales_cutoff(*, fair, days_after, cutoff_time, by):
    with transaction.atomic():
        policy = sales_policy(fair)
        policy.days_after, policy.cutoff_time = days_after, cutoff_time
        save_with_history(policy, by=by)
    return policy


def record_encouragement_visit(*, assignment, day, note, by):
    """Keep the officer's note of visiting a low-selling booth on `day` (one note per day)."""
    with transaction.atomic():
        visit = EncouragementVisit.objects.filter(assignment=assignment, day=day).first()
        visit = visit or EncouragementVisit(assignment=assignment, day=day)
        visit.note, visit.officer = note, by
        save_with_history(visit, by=by)
    return visit
