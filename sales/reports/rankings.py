"""The fair's groups ranked by takings: the top sellers, and those below a follow-up threshold."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count

from otop_fair.query_expressions import ZERO, money_sum
from producers.models import Category
from sales.reports.holders import SALES_PATH, booth_holders

TOP_GROUPS = 10


@dataclass(frozen=True)
class GroupRow:
    application_id: int
    group_id: int
    name: str
    province: str
    category: str
    total: Decimal
    days_with_sales: int


def group_totals(fair):
    """Booth holders with their group, category and total sales: the base of rankings."""
    return (
        booth_holders(fair)
        .annotate(
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
