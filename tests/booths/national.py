"""A small national fair for the tests of issue 18: two provinces (Chiang Mai 50, Bangkok 10),
two districts each, one group applying from each district, a district officer per district, a
provincial officer per province, the head office, and a committee of two per province."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from booths.models import FairLevel, FairState
from producers.models import District, Province, Subdistrict
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    CommitteeMemberFactory,
    CriterionFactory,
    FairFactory,
    ProducerGroupFactory,
    UserFactory,
    ZoneFactory,
)

PROVINCES = ("50", "10")


@dataclass
class NationalWorld:
    fair: object
    head_office: object
    host_officer: object
    officers: dict = field(default_factory=dict)  # province code → provincial officer
    district_officers: dict = field(default_factory=dict)  # district pk → its officer
    applications: dict = field(default_factory=dict)  # district pk → applications there
    members: dict = field(default_factory=dict)  # province code → committee seats


def two_districts(province_code):
    """The province's first two districts that have subdistricts, by code."""
    districts = District.objects.filter(province_id=province_code, subdistricts__isnull=False)
    return list(districts.distinct().order_by("code")[:2])


def national_fair(*, per_district=1, state=FairState.NOMINATING, booths=4):
    today = timezone.localdate()
    head_office = UserFactory(role="national_officer")
    fair = FairFactory(
        province=Province.objects.get(code="50"),
        level=FairLevel.NATIONAL,
        state=state,
        created_by=head_office,
        applications_open_on=today - datetime.timedelta(days=20),
        applications_close_on=today - datetime.timedelta(days=1),
        nomination_deadline=today + datetime.timedelta(days=3),
        appeal_deadline=today + datetime.timedelta(days=10),
        start_date=today + datetime.timedelta(days=20),
        end_date=today + datetime.timedelta(days=24),
    )
    zone = ZoneFactory(fair=fair, code="N")
    for n in range(booths):
        BoothFactory(zone=zone, code=f"N{n + 1:02d}")
    CriterionFactory(fair=fair, name="คุณภาพสินค้า", weight=1)
    world = NationalWorld(fair=fair, head_office=head_office, host_officer=None)
    for code in PROVINCES:
        _province(world, code, per_district)
    world.host_officer = world.officers["50"]
    return world


def _province(world, code, per_district):
    officer = UserFactory(role="officer")
    officer.officer_provinces.add(Province.objects.get(code=code))
    world.officers[code] = officer
    for district in two_districts(code):
        district_officer = UserFactory(role="district_officer")
        district_officer.officer_districts.add(district)
        world.district_officers[district.pk] = district_officer
        subdistrict = Subdistrict.objects.filter(district=district).order_by("code").first()
        world.applications[district.pk] = [
            ApplicationFactory(fair=world.fair, group=ProducerGroupFactory(subdistrict=subdistrict))
            for _ in range(per_district)
        ]
    world.members[code] = [
        CommitteeMemberFactory(
            fair=world.fair, user=UserFactory(role="committee"), province_id=code
        )
        for _ in range(2)
    ]
