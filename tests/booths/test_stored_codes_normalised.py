"""The data migration puts stored codes and names through the normaliser without losing a row:
a code that would collide with another of its fair keeps its old spelling."""

import importlib

import pytest
from django.apps import apps

from booths.models import Booth, Zone
from tests.factories import BoothFactory, ZoneFactory

migration = importlib.import_module("booths.migrations.0006_normalise_stored_codes")
pytestmark = pytest.mark.django_db


def test_codes_are_normalised_and_a_colliding_one_is_kept_as_it_was(fair):
    zone = fair.zones.get()
    typed = ZoneFactory(fair=fair, code="A\u200b")  # would become "A", which the fair has
    thai = ZoneFactory(fair=fair, code="Z๑")
    booth = BoothFactory(zone=zone, code="\u202eB๐๙")
    migration.normalise_codes(apps, None)
    assert Zone.objects.get(pk=typed.pk).code == "A\u200b"
    assert Zone.objects.get(pk=thai.pk).code == "Z1"
    assert Booth.objects.get(pk=booth.pk).code == "B09"
    assert fair.zones.count() == 3
