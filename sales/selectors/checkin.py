"""Reads of the officer's fair-time pages: the fairs they watch, the daily check-in, and the
problems they handle.

Each function runs a fixed number of queries whatever the size of the fair.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from booths.models import Assignment, AssignmentStatus, Fair, FairState
from producers.models import Category
from sales.comparison import Comparison
from sales.models import DailySales, EncouragementVisit, IssueReport, IssueStatus

NOT_REPORTED_SHOWN = 200
LOWEST_SHOWN = 10
OPEN_ISSUES_SHOWN = 30


def officer_fairs(user):
    """Running and closed fairs of the officer's provinces (every one for a superuser)."""
    fairs = Fair.objects.visible_to(user).filter(state__in=[FairState.RUNNING, FairState.CLOSED])
    return list(fairs.select_related("province").order_by("-start_date"))


@dataclass
class CheckIn:
    fair: Fair
    day: datetime.date
    previous_day: datetime.date | None
    booths: int = 0
    reported: int = 0
    today_total: Decimal = Decimal(0)
    today_orders: Decimal = Decimal(0)
    previous_total: Decimal = Decimal(0)
    by_zone: list = field(default_factory=list)
    by_category: list = field(default_factory=list)
    by_province: list = field(default_factory=list)
    not_reported: list = field(default_factory=list)
    lowest: list = field(default_factory=list)
    open_issues: list = field(default_factory=list)
    open_issue_count: int = 0
    mean_hours_to_resolve: float | None = None
    per_day: list = field(default_factory=list)

    @property
    def not_reported_count(self):
        return self.booths - self.reported

    @property
    def change(self):
        return self.today_total - self.previous_total


def _comparisons(sales, key, day, previous, label=lambda v: v):
    rows = (
        sales.values(key)
        .annotate(
            today=Sum("total", filter=Q(day=day), default=0),
            previous=Sum("total", filter=Q(day=previous), default=0),
        )
        .filter(Q(today__gt=0) | Q(previous__gt=0))
        .order_by(key)
    )
    return [Comparison(label(row[key]), row["today"], row["previous"]) for row in rows]


def _category_label(value):
    return Category(value).label if value in Category.values else "—"


def checkin_dashboard(fair, day):
    """Everything the officer's daily check-in shows for `day`, in a fixed number of queries."""
    previous = day - datetime.timedelta(days=1) if day > fair.start_date else None
    data = CheckIn(fair=fair, day=day, previous_day=previous)
    sales = DailySales.objects.filter(assignment__fair=fair)
    reported_today = DailySales.objects.filter(assignment=OuterRef("pk"), day=day)
    holders = Assignment.objects.filter(fair=fair, status=AssignmentStatus.ACTIVE)
    _add_totals(data, holders, sales, reported_today)
    _add_comparisons(data, sales)
    data.not_reported = _not_reported(holders, reported_today)
    data.lowest = _lowest_sellers(sales, day)
    _add_issues(data, fair)
    per_day = dict(sales.filter(day__lte=day).values_list("day").annotate(total=Sum("total")))
    data.per_day = [(d, per_day.get(d, 0)) for d in fair.fair_days if d <= day]
    return data


def _add_totals(data, holders, sales, reported_today):
    """How many booths reported on the day, and the fair's takings that day and the day before."""
    counts = holders.aggregate(
        booths=Count("id"), reported=Count("id", filter=Q(Exists(reported_today)))
    )
    data.booths, data.reported = counts["booths"], counts["reported"]
    totals = sales.aggregate(
        today=Sum("total", filter=Q(day=data.day), default=0),
        previous=Sum("total", filter=Q(day=data.previous_day), default=0),
        orders=Sum("orders", filter=Q(day=data.day), default=0),
    )
    data.today_total, data.previous_total = totals["today"], totals["previous"]
    data.today_orders = totals["orders"]


def _add_comparisons(data, sales):
    day, previous = data.day, data.previous_day
    data.by_zone = _comparisons(sales, "assignment__booth__zone__name", day, previous)
    data.by_category = sorted(
        _comparisons(sales, "assignment__application__category", day, previous, _category_label),
        key=lambda row: -row.current,
    )
    data.by_province = _comparisons(
        sales, "assignment__application__group__province__name_th", day, previous
    )


def _not_reported(holders, reported_today):
    """The booths with no figure for the day yet, with whom to call."""
    return list(
        holders.filter(~Exists(reported_today))
        .values(
            "pk",
            booth_code=F("booth__code"),
            zone=F("booth__zone__code"),
            group=F("application__group__name"),
            contact=F("application__group__contact_name"),
            phone=F("application__group__phone"),
        )
        .order_by("booth__code")[:NOT_REPORTED_SHOWN]
    )


def _lowest_sellers(sales, day):
    """The day's lowest takings, each with the officer's visit note of that day if any."""
    visit = EncouragementVisit.objects.filter(assignment=OuterRef("assignment"), day=day)
    return list(
        sales.filter(day=day)
        .values(
            "total",
            assignment_pk=F("assignment"),
            booth_code=F("assignment__booth__code"),
            group=F("assignment__application__group__name"),
            phone=F("assignment__application__group__phone"),
        )
        .annotate(visit_note=Subquery(visit.values("note")[:1]))
        .order_by("total", "assignment__booth__code")[:LOWEST_SHOWN]
    )


def _add_issues(data, fair):
    issues = IssueReport.objects.filter(fair=fair)
    unresolved = issues.exclude(status=IssueStatus.RESOLVED)
    data.open_issues = list(
        unresolved.select_related("assignment__booth", "assigned_officer").order_by("reported_at")[
            :OPEN_ISSUES_SHOWN
        ]
    )
    now = timezone.now()
    for issue in data.open_issues:
        issue.age_hours = (now - issue.reported_at).total_seconds() / 3600
    stats = issues.aggregate(
        open=Count("id", filter=~Q(status=IssueStatus.RESOLVED)),
        mean=Avg(F("resolved_at") - F("reported_at"), filter=Q(status=IssueStatus.RESOLVED)),
    )
    data.open_issue_count = stats["open"]
    data.mean_hours_to_resolve = stats["mean"].total_seconds() / 3600 if stats["mean"] else None
