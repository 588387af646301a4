"""The fair's sales broken down by day, category, star level, province and district, quadrant,
OTOP mark, and zone."""

import datetime
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db import connections
from django.db.models import Case, Count, F, IntegerField, Max, OuterRef, Subquery, Sum, Value, When
from django.db.models.functions import NullIf
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from booths.models import Zone
from otop_fair.db_routing import report_database
from otop_fair.query_expressions import ZERO, money_sum
from otop_fair.thai import thai_date_short
from producers.models import (
    Category,
    OtopMark,
    Product,
    Quadrant,
    current_ratings,
    stars_expression,
)
from sales.models import DailySales
from sales.reports.holders import SALES_PATH, booth_holders

# GROUPING(h.cat, s.best, h.province, h.quadrant, h.mark) of each grouping set: a 1 bit marks a
# column left out.
BY_CATEGORY, BY_STARS, BY_AREA, BY_QUADRANT, BY_MARK = 0b01111, 0b10111, 0b11011, 0b11101, 0b11110
# OTOP marks from the highest.
MARK_ORDER = (OtopMark.PREMIUM, OtopMark.CLASSIC, OtopMark.STANDARD, OtopMark.CERTIFICATE)


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
            quadrant=NullIf(F("group__quadrant"), Value("")),
            mark=application_mark(),
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


def application_mark():
    """Subquery over Application rows: the application's OTOP mark figure, the highest mark among
    the products it entered (Premium, Classic, Standard, then the blue certificate); the product
    it comes from is the first so marked by name."""
    rank = Case(
        *(When(otop_mark=mark, then=Value(i)) for i, mark in enumerate(MARK_ORDER)),
        output_field=IntegerField(),
    )
    marked = Product.objects.filter(applications=OuterRef("pk")).exclude(otop_mark="")
    return Subquery(
        marked.annotate(rank=rank).order_by("rank", "sort_name").values("otop_mark")[:1]
    )


def _grouped_rows(fair):
    """Per category, star level, district, quadrant and OTOP mark in one pass over the holders.

    Each holder's total is summed once; its stars are joined once per holder rather than looked
    up per sales row. Every part is SQL compiled by Django, parameters kept apart.
    """
    (holders, h_params), (stars, s_params) = (
        query.query.sql_with_params() for query in (_holders(fair), _best_stars(fair))
    )
    sql = f"""
        SELECT GROUPING(h.cat, s.best, h.province, h.quadrant, h.mark), h.cat, s.best,
               h.province, h.district, h.quadrant, h.mark,
               MIN(h.province_sort), COUNT(*), COALESCE(SUM(h.total), 0)
        FROM ({holders}) h
        LEFT JOIN ({stars}) s ON s.grp = h.grp
        GROUP BY GROUPING SETS (
            (h.cat), (s.best), (h.province, h.district), (h.quadrant), (h.mark)
        )
    """
    with connections[report_database(DailySales)].cursor() as cursor:
        cursor.execute(sql, (*h_params, *s_params))
        return cursor.fetchall()


def _sorted(breakdowns):
    """Categories by takings; stars from five down; areas by province, then takings; quadrants
    A to D; marks from Premium down; the unrated, unplaced and unmarked last."""
    marks = {mark: i for i, mark in enumerate(MARK_ORDER)}
    breakdowns["categories"].sort(key=lambda pair: (-pair[1].total, pair[1].label))
    breakdowns["stars"].sort(key=lambda pair: -(pair[0] or 0))
    breakdowns["areas"].sort(key=lambda pair: pair[0])
    breakdowns["quadrants"].sort(key=lambda pair: (pair[0] is None, pair[0] or ""))
    breakdowns["marks"].sort(key=lambda pair: marks.get(pair[0], len(marks)))
    return {key: [row for _key, row in pairs] for key, pairs in breakdowns.items()}


def holder_breakdowns(fair, whole):
    """Section name (categories, stars, areas, quadrants, marks) → its list of SalesRow."""
    names = {BY_CATEGORY: "categories", BY_STARS: "stars", BY_AREA: "areas"}
    names |= {BY_QUADRANT: "quadrants", BY_MARK: "marks"}
    breakdowns = {name: [] for name in names.values()}
    for grouping, *keys, sort, groups, total in _grouped_rows(fair):
        cat, best, province, district, quadrant, mark = keys
        row = SalesRow(label="", total=total, groups=groups, share=_share(total, whole))
        label, key = _labelled(grouping, cat, best, quadrant, mark)
        if grouping == BY_AREA:
            label, key = province, (sort, -total, district)
            row = replace(row, extra=district)
        breakdowns[names[grouping]].append((key, replace(row, label=label)))
    return _sorted(breakdowns)


def _labelled(grouping, cat, best, quadrant, mark):
    """(label, sort key) of a row of the category, star, quadrant or mark breakdown."""
    if grouping == BY_CATEGORY:
        return str(dict(Category.choices).get(cat, "—")), cat
    if grouping == BY_STARS:
        return (str(best) if best else _("not rated")), best
    if grouping == BY_QUADRANT:
        placed = dict(Quadrant.choices).get(quadrant)
        return str(placed or pgettext("quadrant of a group", "not placed")), quadrant
    if grouping == BY_MARK:
        return str(dict(OtopMark.choices).get(mark, _("no OTOP mark"))), mark
    return "", None


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
