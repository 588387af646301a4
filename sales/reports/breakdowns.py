"""The fair's sales broken down by day, category, star level, province and district, and zone."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import connections
from django.db.models import Count, F, Max, Sum
from django.utils.translation import gettext as _

from booths.models import Zone
from otop_fair.db_routing import report_database
from otop_fair.query_expressions import ZERO, money_sum
from otop_fair.thai import thai_date_short
from producers.models import Category, current_ratings, stars_expression
from sales.models import DailySales
from sales.reports.holders import SALES_PATH, booth_holders

# GROUPING(f.cat, s.best, h.province) of each grouping set: a 1 bit marks a column left out.
BY_CATEGORY, BY_STARS, BY_AREA = 0b011, 0b101, 0b110


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
    orders: Decimal = Decimal(0)


def _share(total, whole):
    return float(total / whole * 100) if whole else 0.0


def sales_by_day(fair, whole):
    rows = (
        DailySales.objects.filter(assignment__fair=fair)
        .values("day")
        .annotate(
            total=Sum("total"), orders=Sum("orders"), booths=Count("assignment", distinct=True)
        )
        .order_by()
    )
    by_day = {row["day"]: row for row in rows}
    result = []
    for day in fair.fair_days:
        row = by_day.get(day, {"total": ZERO, "orders": ZERO, "booths": 0})
        result.append(
            SalesRow(
                label=thai_date_short(day),
                day=day,
                total=row["total"],
                orders=row["orders"],
                booths=row["booths"],
                share=_share(row["total"], whole),
            )
        )
    return result


def _holders(fair):
    return (
        booth_holders(fair)
        .values(
            app=F("id"),
            grp=F("group_id"),
            cat=F("category"),
            province=F("group__province__name_th"),
            province_sort=F("group__province__sort_name"),
            district=F("group__subdistrict__district__name_th"),
        )
        .annotate(total=money_sum(SALES_PATH))
        .order_by()
    )


def _best_stars(fair):
    """The group's star figure on the fair's first day (producers.selectors.group_stars)."""
    return (
        current_ratings(fair.start_date)
        .filter(product__group__applications__fair=fair, product__is_active=True)
        .values(grp=F("product__group_id"))
        .annotate(best=Max(stars_expression()))
        .order_by()
    )


def _grouped_rows(fair):
    """Per category, star level and district in one pass over the sales rows.

    Each holder's total is summed once; its stars are joined once per holder rather than looked
    up per sales row. Every part is SQL compiled by Django, parameters kept apart.
    """
    (holders, h_params), (stars, s_params) = (
        query.query.sql_with_params() for query in (_holders(fair), _best_stars(fair))
    )
    sql = f"""
        SELECT GROUPING(h.cat, s.best, h.province), h.cat, s.best, h.province, h.district,
               MIN(h.province_sort), COUNT(*), COALESCE(SUM(h.total), 0)
        FROM ({holders}) h
        LEFT JOIN ({stars}) s ON s.grp = h.grp
        GROUP BY GROUPING SETS ((h.cat), (s.best), (h.province, h.district))
    """
    with connections[report_database(DailySales)].cursor() as cursor:
        cursor.execute(sql, (*h_params, *s_params))
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
            total=money_sum("booths__assignments__daily_sales__total"),
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
