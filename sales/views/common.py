"""What several sales pages share: the objects their URLs name, and the fair day asked for."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.dateparse import parse_date

from booths.models import Assignment, Fair
from sales.models import IssueReport

# What the sales form, its permission and the visit note read of a booth: its code, its group's
# name, the fair's dates, state, province and cut-off. Loading only these (not the six tables'
# every column) halves the cost of building the query and the objects on the hottest page of a
# fair evening; any other field read later would cost a query of its own (the query-count tests
# of the sales form would show it).
ASSIGNMENT_FIELDS = (
    "status",
    "fair__name",
    "fair__start_date",
    "fair__end_date",
    "fair__state",
    "fair__province",
    "fair__sales_policy__days_after",
    "fair__sales_policy__cutoff_time",
    "booth__code",
    "application__group__name",
)


def get_assignment(request, assignment_id):
    queryset = Assignment.objects.select_related(
        "fair__sales_policy", "booth", "application__group"
    ).only(*ASSIGNMENT_FIELDS)
    return get_object_or_404(queryset, pk=assignment_id)


def get_fair(request, fair_id):
    return get_object_or_404(Fair.objects.select_related("province"), pk=fair_id)


def get_issue(request, issue_id):
    """A problem the user may see; any other is not found."""
    queryset = IssueReport.objects.visible_to(request.user).select_related(
        "fair", "assignment__booth", "assignment__application__group", "assigned_officer"
    )
    return get_object_or_404(queryset, pk=issue_id)


def chosen_day(request, fair):
    """The fair day asked for, else today kept inside the fair's dates.

    A posted day comes first; one that is not a day of the fair (a stale or changed form) falls
    back to the address's day, so the form can say what was wrong and keep what was typed."""
    posted = _parsed_day(request.POST.get("day"))
    if posted is not None and fair.start_date <= posted <= fair.end_date:
        return posted
    try:
        day = parse_date(request.GET.get("day") or "")
    except ValueError:  # well formed but impossible, such as 2026-02-30
        raise Http404 from None
    if day is None:
        day = min(max(timezone.localdate(), fair.start_date), fair.end_date)
    if not fair.start_date <= day <= fair.end_date:
        raise Http404
    return day


def _parsed_day(text):
    """The date `text` names, or None (nothing, not a date, or an impossible one)."""
    try:
        return parse_date(text or "")
    except ValueError:
        return None
