"""The fair report's figures against a hand-built fair whose totals are known."""

from decimal import Decimal

import pytest

from producers.models import Category
from sales.models import IssueCategory
from sales.reports import fair_report
from tests.sales.report_factories import build_known_fair, build_previous_fair

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(officer):
    return build_known_fair(officer)


def amounts(rows):
    return {row.label: row.total for row in rows}


def test_headline_counts_groups_booths_and_the_released_booths_sales(known):
    top = fair_report(known.fair).headline
    assert (top.groups, top.booths, top.released) == (4, 3, 1)
    assert top.total == Decimal("5500.00")
    assert top.booth_days == 6


def test_every_fair_day_is_listed_and_the_day_without_sales_shows_zero(known):
    days = fair_report(known.fair).days
    assert [row.total for row in days] == [Decimal("1700"), Decimal("0"), Decimal("3800")]
    assert [row.booths for row in days] == [3, 0, 3]


def test_sales_per_category_zone_stars_and_province(known):
    report = fair_report(known.fair)
    assert amounts(report.categories) == {
        str(Category.FOOD.label): Decimal("4000"),
        str(Category.TEXTILE.label): Decimal("1200"),
        str(Category.HERBAL.label): Decimal("300"),
    }
    assert [row.groups for row in report.categories] == [1, 2, 1]
    assert [(row.label, row.booths, row.total) for row in report.zones] == [
        ("A อาหาร", 2, Decimal("5200")),
        ("B สมุนไพร", 1, Decimal("300")),
    ]
    stars = {row.label: (row.groups, row.total) for row in report.stars}
    assert stars["5"] == (1, Decimal("4000"))
    assert stars["3"] == (1, Decimal("700"))
    assert [v for k, v in stars.items() if k not in ("5", "3")] == [(2, Decimal("800"))]
    provinces = {row.label: row.total for row in report.areas}
    assert provinces == {"เชียงใหม่": Decimal("5000"), "กรุงเทพมหานคร": Decimal("500")}


def test_top_groups_and_groups_below_the_threshold(known):
    report = fair_report(known.fair)
    g = known.groups
    assert [row.group_id for row in report.top_groups] == [
        g[k].pk for k in ("g1", "g3", "g2", "g4")
    ]
    assert report.threshold == Decimal("688")
    assert [row.group_id for row in report.below] == [g["g4"].pk, g["g2"].pk]
    explicit = fair_report(known.fair, threshold=Decimal("1000"))
    assert len(explicit.below) == 3


def test_problems_by_category_with_median_time_to_resolve(known):
    problems = {row.label: row for row in fair_report(known.fair).problems}
    electricity = problems[str(IssueCategory.ELECTRICITY.label)]
    assert (electricity.reported, electricity.resolved, electricity.median_hours) == (2, 2, 3.0)
    [other] = [row for row in problems.values() if row is not electricity]
    assert (other.reported, other.resolved, other.median_hours) == (1, 0, None)


def test_application_and_selection_figures(known):
    figures = fair_report(known.fair).selection
    assert (figures.applied, figures.eligible, figures.selected) == (7, 6, 4)
    assert (figures.waitlisted, figures.waitlist_used) == (1, 1)


def test_comparison_with_the_previous_fair_of_the_same_name(known, officer):
    assert fair_report(known.fair).sales_change is None
    earlier = build_previous_fair(officer, known.fair)
    report = fair_report(known.fair)
    assert report.previous_fair == earlier
    assert report.previous_headline.total == Decimal("2000")
    assert report.sales_change.change == Decimal("3500")
    assert report.sales_change.percent_change == pytest.approx(175.0)


def test_summaries_are_thai_sentences_with_the_figures(known):
    summaries = fair_report(known.fair).summaries
    assert "฿5,500" in summaries["headline"]
    assert "1" in summaries["days"]


def test_group_report_gives_daily_sales_rank_in_category_and_problems(known):
    from booths.models import Application
    from sales.reports.groups import group_report

    def report_of(key):
        return group_report(Application.objects.get(group=known.groups[key]))

    released, successor, food = report_of("g2"), report_of("g3"), report_of("g1")
    assert [row.total for row in released.days] == [Decimal("500"), Decimal("0"), Decimal("0")]
    assert (released.rank, released.peers, released.percentile) == (2, 2, 0)
    assert (successor.rank, successor.peers, successor.percentile) == (1, 2, 100)
    assert successor.total == Decimal("700")
    assert food.total == Decimal("4000") and len(food.problems) == 2
    assert [b.booth.code for b in released.booths] == ["A2"]
