"""Eligibility reads each product's stars on the fair's first day: an expired round no longer
counts, and stars belong to the product (another product's stars never stand in for it)."""

import datetime

import pytest

from booths.models import EligibilityRule, RuleKind
from booths.services import evaluate_eligibility
from producers.models import Category
from tests.factories import (
    ApplicationFactory,
    ProductFactory,
    RatingRoundFactory,
    StarRatingFactory,
)

pytestmark = pytest.mark.django_db


def _min_stars_check(fair, application, officer, minimum=3):
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.MIN_STARS, min_stars=minimum)
    evaluate_eligibility(fair=fair, by=officer)
    return application.eligibility_checks.get(kind=RuleKind.MIN_STARS)


def test_stars_of_a_round_expired_before_the_fair_do_not_count(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    expired = RatingRoundFactory(
        year=2019,
        valid_from=datetime.date(2019, 1, 1),
        valid_until=fair.start_date - datetime.timedelta(days=1),
    )
    product = app.products.get()
    product.ratings.all().delete()
    StarRatingFactory(product=product, round=expired, stars=5, score=None)
    check = _min_stars_check(fair, app, cm_officer)
    assert not check.passed
    assert product.name in check.reason


def test_a_five_star_textile_does_not_let_a_one_star_food_product_in(fair, cm_officer):
    app = ApplicationFactory(fair=fair, category=Category.TEXTILE)
    app.products.get().ratings.update(stars=5, score=None)
    food = ProductFactory(group=app.group, category=Category.FOOD, name="น้ำพริกหนึ่งดาว")
    StarRatingFactory(product=food, stars=1, score=None)
    app.products.add(food)
    check = _min_stars_check(fair, app, cm_officer)
    assert not check.passed
    assert "น้ำพริกหนึ่งดาว" in check.reason
