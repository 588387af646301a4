"""Fixtures of the booths tests: an officer of Chiang Mai and a fair with booths and a rubric."""

import pytest

from producers.models import Province
from tests.factories import BoothFactory, CriterionFactory, FairFactory, ZoneFactory


@pytest.fixture
def cm_officer(officer):
    officer.officer_provinces.add(Province.objects.get(code="50"))
    return officer


@pytest.fixture
def fair(cm_officer):
    fair = FairFactory(created_by=cm_officer)
    zone = ZoneFactory(fair=fair, code="A")
    for _ in range(4):
        BoothFactory(zone=zone)
    CriterionFactory(fair=fair, name="คุณภาพสินค้า", weight=2)
    CriterionFactory(fair=fair, name="บรรจุภัณฑ์", weight=1)
    return fair
