"""The fair report: every figure is one aggregate query in the database, returned as dataclasses.

The page, the Excel/CSV/PDF exports and the whole-report PDF all read `fair_report(fair)`, so the
number of queries does not depend on the number of booths or sales rows. The breakdowns and the
rankings it gathers live in `report_breakdowns` and `report_rankings`.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q

from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    Fair,
    OfferStatus,
)
from otop_fair.query_expressions import ZERO, Difference, EpochSeconds, Median, money_sum
from sales.comparison import Comparison
from sales.models import DailySales, IssueCategory, IssueReport
from sales.reports.breakdowns import SalesRow, holder_breakdowns, sales_by_day, sales_by_zone
from sales.reports.rankings import GroupRow, default_threshold, groups_below, top_groups
from sales.reports.summaries import summarise

ELIGIBLE_STATUSES = (
    ApplicationStatus.ELIGIBLE,
    ApplicationStatus.SELECTED,
    ApplicationStatus.WAITLISTED,
    ApplicationStatus.NOT_SELECTED,
)


@dataclass(frozen=True)
class Headline:
    groups: int
    booths: int
    total: Decimal
    released: int = 0
    booth_days: int = 0
    sales: Decimal = ZERO
    orders: Decimal = ZERO

    @property
    def average_per_booth_day(self):
        return (self.total / self.booth_days).quantize(Decimal("0.01")) if self.booth_days else ZERO


@dataclass(frozen=True)
class ProblemRow:
    label: str
    reported: int
    resolved: int
    median_hours: float | None


@dataclass(frozen=True)
class SelectionFigures:
    applied: int
    eligible: int
    selected: int
    waitlisted: int
    waitlist_used: int


@dataclass
class FairReport:
    fair: Fair
    headline: Headline
    days: list[SalesRow]
    categories: list[SalesRow]
    areas: list[SalesRow]
    zones: list[SalesRow]
    stars: list[SalesRow]
    quadrants: list[SalesRow]
    marks: list[SalesRow]
    top_groups: list[GroupRow]
    below: list[GroupRow]
    threshold: Decimal
    problems: list[ProblemRow]
    selection: SelectionFigures
    # The previous fair of the same name, and its headline figures.
    previous_fair: Fair | None = None
    previous_headline: Headline | None = None
    summaries: dict = field(default_factory=dict)

    @property
    def sales_change(self):
        """This fair's takings against the previous fair's (None without a previous fair)."""
        if self.previous_fair is None:
            return None
        before = self.previous_headline.total
        return Comparison(self.previous_fair.name, self.headline.total, before)


def headline(fair):
    held = Assignment.objects.filter(fair=fair).aggregate(
        groups=Count("application__group", distinct=True),
        booths=Count("booth", distinct=True),
        released=Count("id", filter=Q(status=AssignmentStatus.RELEASED)),
    )
    sold = DailySales.objects.filter(assignment__fair=fair).aggregate(
        total=money_sum("total"),
        sales=money_sum("amount"),
        orders=money_sum("orders"),
        booth_days=Count("id"),
    )
    return Headline(**held, **sold)


def problems_by_category(fair):
    labels = dict(IssueCategory.choices)
    rows = (
        IssueReport.objects.filter(fair=fair)
        .values("category")
        .annotate(
            reported=Count("id"),
            resolved=Count("id", filter=Q(resolved_at__isnull=False)),
            median_seconds=Median(EpochSeconds(Difference("resolved_at", "reported_at"))),
        )
        .order_by("-reported", "category")
    )
    return [
        ProblemRow(
            label=str(labels.get(row["category"], row["category"])),
            reported=row["reported"],
            resolved=row["resolved"],
            median_hours=None
            if row["median_seconds"] is None
            else round(row["median_seconds"] / 3600, 1),
        )
        for row in rows
    ]


def selection_figures(fair):
    counts = Application.objects.filter(fair=fair).aggregate(
        applied=Count("id"),
        eligible=Count("id", filter=Q(status__in=ELIGIBLE_STATUSES)),
        selected=Count("id", filter=Q(status=ApplicationStatus.SELECTED)),
        waitlisted=Count("id", filter=Q(status=ApplicationStatus.WAITLISTED)),
        waitlist_used=Count("offers", filter=Q(offers__status=OfferStatus.ACCEPTED), distinct=True),
    )
    return SelectionFigures(**counts)


def previous_fair(fair):
    return (
        Fair.objects.filter(name=fair.name, start_date__lt=fair.start_date)
        .order_by("-start_date")
        .first()
    )


def fair_report(fair, threshold=None):
    """Everything on the fair report page, in a constant number of queries."""
    top = headline(fair)
    whole = top.total
    threshold = default_threshold(top) if threshold is None else threshold
    previous = previous_fair(fair)
    breakdowns = holder_breakdowns(fair, whole)
    report = FairReport(
        fair=fair,
        headline=top,
        days=sales_by_day(fair, whole),
        zones=sales_by_zone(fair, whole),
        **breakdowns,
        top_groups=top_groups(fair),
        below=groups_below(fair, threshold),
        threshold=threshold,
        problems=problems_by_category(fair),
        selection=selection_figures(fair),
        previous_fair=previous,
        previous_headline=headline(previous) if previous else None,
    )
    report.summaries = summarise(report)
    return report
