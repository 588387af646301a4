"""Ratings recorded before rounds had validity and ratings held stars keep what they meant."""

import datetime
from decimal import Decimal

import pytest
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

BEFORE = [("producers", "0007_public_pages_and_english_stories")]
AFTER = [("producers", "0010_ratings_stars_required")]
SCRATCH = "rating_migration_scratch"


class ToScratch:
    """Every read and write of the test, the migrations' data steps included, to the scratch
    database."""

    def db_for_read(self, model, **hints):
        return SCRATCH

    db_for_write = db_for_read


@pytest.fixture
def scratch_database(django_db_blocker):
    """An empty database of its own, migrated forward only as far as the test asks: the suite's
    database is never taken back (that unapplied and re-applied every app depending on producers,
    the slowest minute of the suite), and no other test's rows are in the way."""
    default = connections["default"]
    name = f"{default.settings_dict['NAME']}_rating_migration"
    with django_db_blocker.unblock():
        with default.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
        connections.settings[SCRATCH] = {**default.settings_dict, "NAME": name}
        try:
            with override_settings(DATABASE_ROUTERS=[ToScratch()]):
                yield connections[SCRATCH]
        finally:
            connections[SCRATCH].close()
            del connections[SCRATCH]
            del connections.settings[SCRATCH]
            with default.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def migrate(connection, targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_scores_become_the_stars_their_round_gave(scratch_database):
    old = migrate(scratch_database, BEFORE)
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
    new = migrate(scratch_database, AFTER)
    ratings = new.get_model("producers", "StarRating").objects.select_related("product", "round")
    assert {r.product.name: r.stars for r in ratings} == scores
    assert {r.score for r in ratings} == {Decimal(s) for s in scores}
    migrated_round = new.get_model("producers", "RatingRound").objects.get()
    assert (migrated_round.valid_from, migrated_round.valid_until) == (
        datetime.date(2022, 1, 1),
        datetime.date(2024, 12, 31),
    )
