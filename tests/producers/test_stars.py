"""Stars are recorded as certified; a score, when known, must give them under its round's
thresholds."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from producers.models import RatingRound, StarRating, stars_expression
from tests.factories import ProductFactory, RatingRoundFactory, StarRatingFactory

DEFAULT_BOUNDARIES = [
    ("0", 1),
    ("49.99", 1),
    ("50", 2),
    ("69.99", 2),
    ("70", 3),
    ("79.99", 3),
    ("80", 4),
    ("89.99", 4),
    ("90", 5),
    ("100", 5),
]


@pytest.mark.parametrize(("score", "stars"), DEFAULT_BOUNDARIES)
def test_default_thresholds_at_every_boundary(score, stars):
    assert RatingRound(year=2025).stars_for(Decimal(score)) == stars


@pytest.mark.django_db
@pytest.mark.parametrize(("score", "stars"), DEFAULT_BOUNDARIES)
def test_database_gives_the_same_stars_at_every_boundary(score, stars):
    rating = StarRatingFactory(score=Decimal(score))
    assert rating.stars == stars
    annotated = StarRating.objects.annotate(s=stars_expression()).get(pk=rating.pk)
    assert annotated.s == stars


@pytest.mark.django_db
def test_an_old_round_keeps_the_stars_it_gave_when_thresholds_change():
    old_round = RatingRoundFactory(year=2022, five_star_min=95, four_star_min=85)
    new_round = RatingRoundFactory(year=2025)
    product = ProductFactory()
    old = StarRatingFactory(product=product, round=old_round, score=Decimal("92"))
    new = StarRatingFactory(product=product, round=new_round, score=Decimal("92"))
    assert old.stars == 4
    assert new.stars == 5
    new_round.five_star_min = 93
    new_round.save()
    old.refresh_from_db()
    assert old.stars == 4


@pytest.mark.django_db
def test_current_rating_is_the_latest_round():
    product = ProductFactory()
    StarRatingFactory(product=product, round=RatingRoundFactory(year=2023), score=Decimal("95"))
    StarRatingFactory(product=product, round=RatingRoundFactory(year=2025), score=Decimal("72"))
    assert product.current_rating.stars == 3


@pytest.mark.django_db
@settings(max_examples=30, deadline=None)
@given(score=st.decimals(min_value=0, max_value=100, places=2), stars=st.integers(1, 5))
def test_a_score_is_accepted_exactly_when_it_gives_the_recorded_stars(score, stars):
    rating_round = RatingRoundFactory(year=2025)
    rating = StarRating(product=ProductFactory(), round=rating_round, stars=stars, score=score)
    agrees = rating_round.stars_for(score) == stars
    try:
        rating.full_clean()
        accepted = True
    except ValidationError as error:
        accepted = False
        assert "stars" in error.message_dict
    assert accepted == agrees
