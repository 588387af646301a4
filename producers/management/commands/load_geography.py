"""`manage.py load_geography`: load or refresh provinces, districts and subdistricts from geothai."""

from django.core.management.base import BaseCommand
from django.db import transaction

from producers.geography import load_geography
from producers.models import District, Province, Subdistrict


class Command(BaseCommand):
    help = "Load or refresh Thailand's provinces, districts and subdistricts (official codes)."

    def handle(self, *args, **options):
        with transaction.atomic():
            provinces, districts, subdistricts = load_geography(Province, District, Subdistrict)
        self.stdout.write(
            f"load_geography: {provinces} provinces, {districts} districts, "
            f"{subdistricts} subdistricts"
        )
