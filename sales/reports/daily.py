"""The daily provincial report in the shape provincial offices send (zone × category: booths,
sales, orders taken, total; the day and the cumulative), the national summary across provinces,
and takings and visitors against the target, day by day.

Every function runs a fixed number of queries whatever the size of the fair.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from booths.models import Assignment
from producers.models import Category, Province
from sales.models import DailySales, FairDayVisitors, SalesTarget

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Takings:
    sales: Decimal = ZERO
    orders: Decimal = ZERO

    @property
    def total(self):
        return self.sales + self.orders

    def __add__(self, other):
        return Takings(self.sales + other.sales, self.orders + other.orders)


@dataclass(frozen=True)
class ReportLine:
    """One row of a report: a zone and category, or a province."""

    label: str
    extra: str
    booths: int
    day: Takings
    cumulative: Takings
    target: Decimal | None = None
    key: str = ""

    @property
    def target_percent(self):
        return _percent(self.cumulative.total, self.target)


@dataclass
class DailyReport:
    fair: object
    day: datetime.date
    lines: list
    province: Province | None = None
    target: Decimal | None = None
    visitors: int | None = None
    visitors_cumulative: int = 0
    booths: int = 0
    day_totals: Takings = field(default_factory=Takings)
    cumulative: Takings = field(default_factory=Takings)

    @property
    def target_percent(self):
        return _percent(self.cumulative.total, self.target)


def _percent(amount, target):
    return float(amount / target * 100) if target else None


def _takings_by(fair, day, keys, **filters):
    """(day, cumulative to `day`) Takings per value of `keys`, in one query."""
    rows = (
        DailySales.objects.filter(assignment__fair=fair, day__lte=day, **filters)
        .values(*keys)
        .annotate(
            day_sales=Sum("amount", filter=Q(day=day), default=ZERO),
            day_orders=Sum("orders", filter=Q(day=day), default=ZERO),
            sales=Sum("amount", default=ZERO),
            orders=Sum("orders", default=ZERO),
        )
        .order_by()
    )
    return {
        tuple(row[k] for k in keys): (
            Takings(row["day_sales"], row["day_orders"]),
            Takings(row["sales"], row["orders"]),
        )
        for row in rows
    }


def _booths_by(fair, keys, **filters):
    rows = (
        Assignment.objects.filter(fair=fair, **filters)
        .values(*keys)
        .annotate(booths=Count("booth", distinct=True))
        .order_by()
    )
    return {tuple(row[k] for k in keys): row["booths"] for row in rows}


def _visitors(fair, day):
    rows = dict(FairDayVisitors.objects.filter(fair=fair, day__lte=day).values_list("day", "count"))
    return rows.get(day), sum(rows.values())


def _totalled(report):
    report.booths = sum(line.booths for line in report.lines)
    report.day_totals = sum((line.day for line in report.lines), Takings())
    report.cumulative = sum((line.cumulative for line in report.lines), Takings())
    report.visitors, report.visitors_cumulative = _visitors(report.fair, report.day)
    return report


def province_report(fair, day, province):
    """One province's page: a line per zone × category its groups hold booths in or sold in."""
    zone_keys = ("booth__zone__code", "booth__zone__name", "application__category")
    booths = _booths_by(fair, zone_keys, application__group__province=province)
    takings = _takings_by(
        fair,
        day,
        tuple(f"assignment__{k}" for k in zone_keys),
        assignment__application__group__province=province,
    )
    labels = dict(Category.choices)
    nothing = (Takings(), Takings())
    lines = [
        ReportLine(
            label=name,
            extra=str(labels.get(category, "—")),
            booths=booths.get((code, name, category), 0),
            day=takings.get((code, name, category), nothing)[0],
            cumulative=takings.get((code, name, category), nothing)[1],
        )
        for code, name, category in sorted(set(booths) | set(takings))
    ]
    target = (
        SalesTarget.objects.filter(fair=fair, province=province)
        .values_list("amount", flat=True)
        .first()
    )
    report = DailyReport(fair=fair, day=day, lines=lines, province=province, target=target)
    return _totalled(report)


def national_summary(fair, day):
    """Every province with booths at the fair on one page, against its target and the fair's."""
    booths = _booths_by(fair, ("application__group__province",))
    takings = _takings_by(fair, day, ("assignment__application__group__province",))
    targets = dict(SalesTarget.objects.filter(fair=fair).values_list("province", "amount"))
    codes = {code for (code,) in set(booths) | set(takings)}
    provinces = Province.objects.filter(code__in=codes).order_by("sort_name")
    nothing = (Takings(), Takings())
    lines = [
        ReportLine(
            label=province.name_th,
            extra="",
            key=province.code,
            booths=booths.get((province.code,), 0),
            day=takings.get((province.code,), nothing)[0],
            cumulative=takings.get((province.code,), nothing)[1],
            target=targets.get(province.code),
        )
        for province in provinces
    ]
    report = DailyReport(fair=fair, day=day, lines=lines, target=targets.get(None))
    return _totalled(report)


@dataclass(frozen=True)
class ProgressDay:
    day: datetime.date
    visitors: int | None
    takings: Takings
    cumulative: Takings
    target: Decimal | None

    @property
    def target_percent(self):
        return _percent(self.cumulative.total, self.target)


def target_progress(fair, until):
    """Each fair day up to `until`: visitors, the day's takings, the cumulative and its share of
    the fair's target."""
    per_day = {
        row["day"]: Takings(row["sales"], row["orders"])
        for row in DailySales.objects.filter(assignment__fair=fair, day__lte=until)
        .values("day")
        .annotate(sales=Sum("amount"), orders=Sum("orders"))
        .order_by()
    }
    visitors = dict(FairDayVisitors.objects.filter(fair=fair).values_list("day", "count"))
    target = (
        SalesTarget.objects.filter(fair=fair, province=None)
        .values_list("amount", flat=True)
        .first()
    )
    days, running = [], Takings()
    for day in (d for d in fair.fair_days if d <= until):
        running += per_day.get(day, Takings())
        days.append(
            ProgressDay(day, visitors.get(day), per_day.get(day, Takings()), running, target)
        )
    return days
