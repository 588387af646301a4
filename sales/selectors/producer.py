"""Reads of a producer's fair-time pages: the booths their groups hold, and each booth's days
against the median of its category.

Each function runs a fixed number of queries whatever the size of the fair.
"""

import datetime
import statistics
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils import timezone

from booths.models import Assignment, AssignmentStatus, FairState
from otop_fair.query_expressions import Median
from producers.models import Category
from sales.models import DailySales

# Fewer booths than this in a category, and a median could point at one group's takings.
MIN_PEERS_FOR_MEDIAN = 5


def producer_holdings(user):
    """The booths the user's groups hold at fairs where sales are logged, newest fair first."""
    return list(
        Assignment.objects.filter(
            application__group__members=user,
            status=AssignmentStatus.ACTIVE,
            fair__state__in=[FairState.RUNNING, FairState.CLOSED],
        )
        .select_related("fair", "booth__zone", "application__group")
        .order_by("-fair__start_date", "booth__code")
    )


def sales_days(assignment, *, today=None):
    """Every fair day up to today with what the server holds for it (None when nothing yet)."""
    today = today or timezone.localdate()
    rows = {row.day: row for row in DailySales.objects.filter(assignment=assignment)}
    days = [d for d in assignment.fair.fair_days if d <= today]
    return [(day, rows.get(day)) for day in reversed(days)]


@dataclass
class ProducerDay:
    day: datetime.date
    amount: Decimal | None
    running_total: Decimal
    category_median: float | None


@dataclass
class ProducerOverview:
    assignment: Assignment
    category: str
    days: list
    total: Decimal
    category_median_total: float | None
    peers: int


def producer_overview(assignment, *, today=None):
    """The group's own days with a running total, against the median of its category at the fair.

    Only the median is read from other booths, and only when enough booths share the category.
    """
    today = today or timezone.localdate()
    category = assignment.application.category
    peers = DailySales.objects.filter(
        assignment__fair_id=assignment.fair_id, assignment__application__category=category
    )
    daily_medians = {
        row["day"]: row["median"]
        for row in peers.values("day").annotate(median=Median("total"), n=Count("id"))
        if row["n"] >= MIN_PEERS_FOR_MEDIAN
    }
    totals = list(
        peers.values("assignment").annotate(total=Sum("total")).values_list("total", flat=True)
    )
    own = {row.day: row.total for row in DailySales.objects.filter(assignment=assignment)}
    days, running = [], Decimal(0)
    for day in (d for d in assignment.fair.fair_days if d <= today):
        running += own.get(day) or 0
        days.append(ProducerDay(day, own.get(day), running, daily_medians.get(day)))
    enough = len(totals) >= MIN_PEERS_FOR_MEDIAN
    return ProducerOverview(
        assignment=assignment,
        category=Category(category).label if category else "",
        days=days,
        total=running,
        category_median_total=float(statistics.median(totals)) if enough else None,
        peers=len(totals),
    )
