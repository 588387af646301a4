"""A group with food and beverage products is checked in and reported under the one category its
application competes in, not under its first product's nor the alphabetically first."""

from decimal import Decimal

import pytest
from django.utils import timezone

from producers.models import Category
from sales.reports import fair_report
from sales.reports.groups import group_report
from sales.reports.rankings import group_totals
from sales.selectors import checkin_dashboard, producer_overview
from tests.factories import AssignmentFactory, DailySalesFactory, ProductFactory

pytestmark = pytest.mark.django_db

FOOD, BEVERAGE = Category.FOOD.label, Category.BEVERAGE.label


@pytest.fixture
def mixed_group_chose_food(fair):
    """The mixed group's first product is a drink; it chose to compete in food."""
    mixed = AssignmentFactory(booth__zone__fair=fair, application__category=Category.BEVERAGE)
    application = mixed.application
    ProductFactory(group=application.group, category=Category.FOOD)
    application.category = Category.FOOD
    application.save()
    drinks = AssignmentFactory(booth__zone__fair=fair, application__category=Category.BEVERAGE)
    today = timezone.localdate()
    DailySalesFactory(assignment=mixed, day=today, amount=Decimal(700))
    DailySalesFactory(assignment=drinks, day=today, amount=Decimal(300))
    return fair, mixed


def test_checkin_counts_the_mixed_group_under_the_category_it_chose(mixed_group_chose_food):
    fair, _ = mixed_group_chose_food
    data = checkin_dashboard(fair, timezone.localdate())
    assert {r.label: r.current for r in data.by_category} == {FOOD: 700, BEVERAGE: 300}


def test_the_fair_report_and_rankings_use_the_category_chosen(mixed_group_chose_food):
    fair, mixed = mixed_group_chose_food
    report = fair_report(fair)
    assert {(r.label, r.total, r.groups) for r in report.categories} == {
        (FOOD, 700, 1),
        (BEVERAGE, 300, 1),
    }
    rows = {row["id"]: row["category"] for row in group_totals(fair)}
    assert rows[mixed.application_id] == Category.FOOD


def test_the_groups_own_figures_compare_it_within_the_category_it_chose(mixed_group_chose_food):
    _, mixed = mixed_group_chose_food
    assert group_report(mixed.application).category == FOOD
    assert producer_overview(mixed).category == FOOD
