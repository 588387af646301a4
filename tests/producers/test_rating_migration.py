"""Ratings recorded before rounds had validity and ratings held stars keep what they meant."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.producers.conftest import ensure_geography

BEFORE = [("producers", "0007_public_pages_and_english_stories")]
AFTER = [("producers", "0010_ratings_stars_required")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest_afterwards():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


# Not serialized_rollback: reloading the saved rows at set-up collides with content types that an
# earlier transactional test's flush re-created; the areas come back through ensure_geography.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest_afterwards")
def test_existing_scores_become_the_stars_their_round_gave():
    ensure_geography()
    old = migrate(BEFORE)
    rating_round = old.get_model("producers", "RatingRound").objects.create(
        year=2022, five_star_min=95, four_star_min=85, three_star_min=70, two_star_min=50
    )
    sub = old.get_model("producers", "Subdistrict").objects.order_by("code").first()
    group = old.get_model("producers", "ProducerGroup").objects.create(
        name="กลุ่มก่อนย้าย",
        sort_name="x",
        group_type="community",
        registration_no="MIG-1",
        contact_name="ผู้ติดต่อ",
        subdistrict=sub,
        province_id=sub.district.province_id,
    )
    product_model = old.get_model("producers", "Product")
    scores = {"96": 5, "92": 4, "70": 3, "50": 2, "10": 1}
    for score in scores:
        product = product_model.objects.create(
            group=group, name=score, sort_name=score, category="food"
        )
        old.get_model("producers", "StarRating").objects.create(
            product=product, round=rating_round, score=Decimal(score)
        )
    new = migrate(AFTER)
    ratings = new.get_model("producers", "StarRating").objects.select_related("product", "round")
    assert {r.product.name: r.stars for r in ratings} == scores
    assert {r.score for r in ratings} == {Decimal(s) for s in scores}
    migrated_round = new.get_model("producers", "RatingRound").objects.get()
    assert (migrated_round.valid_from, migrated_round.valid_until) == (
        datetime.date(2022, 1, 1),
        datetime.date(2024, 12, 31),
    )
