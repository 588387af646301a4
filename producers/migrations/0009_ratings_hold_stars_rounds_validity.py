"""Existing ratings keep what they meant: stars from their score under their round's thresholds
(the rule `RatingRound.stars_for` applied until now), and rounds get the default validity."""

import datetime

from django.db import migrations

LEVELS = (
    (5, "five_star_min"),
    (4, "four_star_min"),
    (3, "three_star_min"),
    (2, "two_star_min"),
)


def _stars_for(rating_round, score):
    for stars, field in LEVELS:
        if score >= getattr(rating_round, field):
            return stars
    return 1


def forwards(apps, schema_editor):
    RatingRound = apps.get_model("producers", "RatingRound")
    StarRating = apps.get_model("producers", "StarRating")
    HistoricalStarRating = apps.get_model("producers", "HistoricalStarRating")
    rounds = {}
    for rating_round in RatingRound.objects.all():
        rating_round.valid_from = datetime.date(rating_round.year, 1, 1)
        rating_round.valid_until = datetime.date(rating_round.year + 2, 12, 31)
        rating_round.save(update_fields=["valid_from", "valid_until"])
        rounds[rating_round.pk] = rating_round
    for model in (StarRating, HistoricalStarRating):
        for stars, field in LEVELS:
            for round_id, rating_round in rounds.items():
                model.objects.filter(
                    stars__isnull=True, round_id=round_id, score__gte=getattr(rating_round, field)
                ).update(stars=stars)
        model.objects.filter(stars__isnull=True).update(stars=1)


class Migration(migrations.Migration):
    dependencies = [("producers", "0008_offices_quadrant_mark_round_validity")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
