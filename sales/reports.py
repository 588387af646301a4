"""The fair report: every figure is one aggregate query in the database, returned as dataclasses.

The page, the Excel/CSV/PDF exports and the whole-report PDF all read `fair_report(fair)`, so the
number of queries does not depend on the number of booths or sales rows.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DecimalField,
    Exists,
    F,
    FloatField,
    Func,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    Fair,
    OfferStatus,
    Zone,
)
from otop_fair.thai import thai_date_short
from producers.models import Category, Product, StarRating, stars_expression
from sales.models import DailySales, IssueCategory, IssueReport
from sales.report_summaries import summarise

ZERO = Decimal("0.00")
TOP_GROUPS = 10
SALES_PATH = "assignments__daily_sales__amount"
ELIGIBLE_STATUSES = (
    ApplicationStatus.ELIGIBLE,
    ApplicationStatus.SELECTED,
    ApplicationStatus.WAITLISTED,
    ApplicationStatus.NOT_SELECTED,
)


class Median(Aggregate):
    """PostgreSQL's percentile_cont(0.5): the median of the non-null values."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


class Difference(Func):
    """`a - b`; of two timestamps, an interval."""

    template = "(%(expressions)s)"
    arg_joiner = " - "


class EpochSeconds(Func):
    template = "EXTRACT(EPOCH FROM %(expressions)s)"
    output_field = FloatField()


def money_sum(path):
    return Coalesce(
        Sum(path), Value(ZERO), output_field=DecimalField(max_digits=14, decimal_places=2)
    )


@dataclass(frozen=True)
class Headline:
    groups: int
    booths: int
    total: Decimal
    released: int = 0
    booth_days: int = 0

    @property
    def average_per_booth_day(self):
        return (self.total / self.booth_days).quantize(Decimal("0.01")) if self.booth_days else ZERO


@dataclass(frozen=True)
class SalesRow:
    """One line of a breakdown: what it is, how many groups or booths, how much they sold."""

    label: str
    total: Decimal
    groups: int = 0
    booths: int = 0
    share: float = 0.0
    extra: str = ""
    day: datetime.date | None = None


@dataclass(frozen=True)
class GroupRow:
    application_id: int
    group_id: int
    name: str
    province: str
    category: str
    total: Decimal
    days_with_sales: int


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


@dataclass(frozen=True)
class Comparison:
    fair: Fair
    headline: Headline

    def change(self, current_total):
        if not self.headline.total:
            return None
        return float((current_total - self.headline.total) / self.headline.total * 100)


@dataclass
class FairReport:
    fair: Fair
    headline: Headline
    days: list[SalesRow]
    categories: list[SalesRow]
    areas: list[SalesRow]
    zones: list[SalesRow]
    stars: list[SalesRow]
    top_groups: list[GroupRow]
    below: list[GroupRow]
    threshold: Decimal
    problems: list[ProblemRow]
    selection: SelectionFigures
    previous: Comparison | None = None
    summaries: dict = field(default_factory=dict)


def booth_holders(fair):
    """Applications of `fair` that held a booth at some point (released ones included)."""
    held = Assignment.objects.filter(application=OuterRef("pk"))
    return Application.objects.filter(fair=fair).filter(Exists(held))


def category_of_application():
    first = Product.objects.filter(applications=OuterRef("pk")).order_by("id")
    return Subquery(first.values("category")[:1])


def headline(fair):
    held = Assignment.objects.filter(fair=fair).aggregate(
        groups=Count("application__group", distinct=True),
        booths=Count("booth", distinct=True),
        released=Count("id", filter=Q(status=AssignmentStatus.RELEASED)),
    )
    sold = DailySales.objects.filter(assignment__fair=fair).aggregate(
        total=money_sum("amount"), booth_days=Count("id")
    )
    return Headline(**held, **sold)


def _share(total, whole):
    return float(total / whole * 100) if whole else 0.0


def sales_by_day(fair, whole):
    rows = (
        DailySales.objects.filter(assignment__fair=fair)
        .values("day")
        .annotate(total=Sum("amount"), booths=Count("assignment", distinct=True))
        .order_by()
    )
    by_day = {row["day"]: row for row in rows}
    result = []
    for day in fair.fair_days:
        row = by_day.get(day, {"total": ZERO, "booths": 0})
        result.append(
            SalesRow(
                label=thai_date_short(day),
                day=day,
                total=row["total"],
                booths=row["booths"],
                share=_share(row["total"], whole),
            )
        )
    return result


# GROUPING(f.cat, s.best, h.province) of each grouping set: a 1 bit marks a column left out.
BY_CATEGORY, BY_STARS, BY_AREA = 0b011, 0b101, 0b110


def _holders(fair):
    return (
        booth_holders(fair)
        .values(
            app=F("id"),
            grp=F("group_id"),
            province=F("group__province__name_th"),
            province_sort=F("group__province__sort_name"),
            district=F("group__subdistrict__district__name_th"),
        )
        .annotate(total=money_sum(SALES_PATH))
        .order_by()
    )


def _first_categories(fair):
    return (
        Product.objects.filter(applications__fair=fair)
        .order_by("applications__id", "id")
        .distinct("applications__id")
        .values(app=F("applications__id"), cat=F("category"))
    )


def _best_stars(fair):
    return (
        StarRating.objects.filter(product__group__applications__fair=fair)
        .values(grp=F("product__group_id"))
        .annotate(best=Max(stars_expression()))
        .order_by()
    )


def _grouped_rows(fair):
    """Per category, star level and district in one pass over the sales rows.

    Each holder's total is summed once; its category and stars are joined once per holder rather
    than looked up per sales row. Every part is SQL compiled by Django, parameters kept apart.
    """
    (holders, h_params), (firsts, f_params), (stars, s_params) = (
        query.query.sql_with_params()
        for query in (_holders(fair), _first_categories(fair), _best_stars(fair))
    )
    sql = f"""
        SELECT GROUPING(f.cat, s.best, h.province), f.cat, s.best, h.province, h.district,
               MIN(h.province_sort), COUNT(*), COALESCE(SUM(h.total), 0)
        FROM ({holders}) h
        LEFT JOIN ({firsts}) f ON f.app = h.app
        LEFT JOIN ({stars}) s ON s.grp = h.grp
        GROUP BY GROUPING SETS ((f.cat), (s.best), (h.province, h.district))
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, (*h_params, *f_params, *s_params))
        return cursor.fetchall()


def holder_breakdowns(fair, whole):
    """(per category, per star level, per province and district) as lists of SalesRow."""
    labels = dict(Category.choices)
    categories, stars, areas = [], [], []
    for grouping, cat, best, province, district, sort, groups, total in _grouped_rows(fair):
        share = float(total / whole * 100) if whole else 0.0
        if grouping == BY_CATEGORY:
            label = str(labels.get(cat, "—"))
            categories.append(SalesRow(label=label, total=total, groups=groups, share=share))
        elif grouping == BY_STARS:
            label = str(best) if best else _("not rated")
            stars.append(
                (best or 0, SalesRow(label=label, total=total, groups=groups, share=share))
            )
        elif grouping == BY_AREA:
            row = SalesRow(label=province, extra=district, total=total, groups=groups, share=share)
            areas.append((sort, -total, district, row))
    categories.sort(key=lambda row: (-row.total, row.label))
    stars.sort(key=lambda pair: -pair[0])
    areas.sort(key=lambda item: item[:3])
    return categories, [row for _level, row in stars], [item[-1] for item in areas]


def sales_by_zone(fair, whole):
    rows = (
        Zone.objects.filter(fair=fair)
        .annotate(
            booths_used=Count("booths__assignments__booth", distinct=True),
            total=money_sum("booths__assignments__daily_sales__amount"),
        )
        .order_by("code")
        .values("code", "name", "booths_used", "total")
    )
    return [
        SalesRow(
            label=f"{row['code']} {row['name']}",
            total=row["total"],
            booths=row["booths_used"],
            share=_share(row["total"], whole),
        )
        for row in rows
    ]


def group_totals(fair):
    """Booth holders with their group, category and total sales: the base of rankings."""
    return (
        booth_holders(fair)
        .annotate(
            category=category_of_application(),
            total=money_sum(SALES_PATH),
            days_with_sales=Count("assignments__daily_sales__day", distinct=True),
        )
        .values(
            "id",
            "group_id",
            "group__name",
            "group__province__name_th",
            "category",
            "total",
            "days_with_sales",
        )
    )


def _group_rows(rows):
    labels = dict(Category.choices)
    return [
        GroupRow(
            application_id=row["id"],
            group_id=row["group_id"],
            name=row["group__name"],
            province=row["group__province__name_th"],
            category=str(labels.get(row["category"], "—")),
            total=row["total"],
            days_with_sales=row["days_with_sales"],
        )
        for row in rows
    ]


def top_groups(fair, limit=TOP_GROUPS):
    return _group_rows(group_totals(fair).order_by("-total", "group__sort_name")[:limit])


def groups_below(fair, threshold):
    return _group_rows(
        group_totals(fair).filter(total__lt=threshold).order_by("total", "group__sort_name")
    )


def default_threshold(headline):
    """Half of the average group's takings: a group below it is worth a follow-up call."""
    if not headline.groups:
        return ZERO
    return (headline.total / headline.groups / 2).quantize(Decimal("1"))


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
    categories, stars, areas = holder_breakdowns(fair, whole)
    report = FairReport(
        fair=fair,
        headline=top,
        days=sales_by_day(fair, whole),
        categories=categories,
        areas=areas,
        zones=sales_by_zone(fair, whole),
        stars=stars,
        top_groups=top_groups(fair),
        below=groups_below(fair, threshold),
        threshold=threshold,
        problems=problems_by_category(fair),
        selection=selection_figures(fair),
        previous=Comparison(previous, headline(previous)) if previous else None,
    )
    report.summaries = summarise(report)
    return report
