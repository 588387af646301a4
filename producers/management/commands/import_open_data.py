"""Preview, then (with --confirm) import one of the department's open-data CSV files."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from otop_fair.thai import BUDDHIST_ERA_OFFSET
from producers.models import RatingRound
from producers.open_data import OPC, REGISTER, OpenDataError
from producers.open_data_import import OpenDataImport


class Command(BaseCommand):
    help = "Import the OPC list or the producer register (CSV, UTF-8 or cp874)."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=[REGISTER, OPC])
        parser.add_argument("path")
        parser.add_argument("--user", required=True, help="the officer the history names")
        parser.add_argument("--round", type=int, help="OPC: the round's year (B.E.)")
        parser.add_argument("--confirm", action="store_true", help="write; otherwise preview")

    def handle(self, kind, path, user, round, confirm, **options):
        officer = get_user_model().objects.get(username=user)
        rating_round = None
        if kind == OPC:
            if round is None:
                raise CommandError("--round is needed for an OPC file")
            rating_round = RatingRound.objects.get(year=round - BUDDHIST_ERA_OFFSET)
        job = OpenDataImport(kind, officer, rating_round)
        try:
            with open(path, "rb") as binary:
                summary = job.apply(binary) if confirm else job.preview(binary)
        except OpenDataError as error:
            raise CommandError(str(error)) from error
        for outcome, count in sorted(summary.counts.items()):
            self.stdout.write(f"{outcome}: {count}")
        self.stdout.write(f"changes: {summary.changes}{'' if confirm else ' (preview)'}")
