"""Every office finds its national fairs from the menu (issue 18): district officers have no
fair list of their own, so this page is their way to nominations and to applying for a group."""

import pytest
from django.urls import reverse

from booths.models import Application, FairState
from tests.booths.national import national_fair
from tests.factories import ProducerGroupFactory

pytestmark = pytest.mark.django_db


def _district_officer(world):
    district_pk, officer = next(iter(world.district_officers.items()))
    return district_pk, officer


def test_a_district_officer_reaches_nominations_from_the_menu(client):
    world = national_fair()
    _district_pk, officer = _district_officer(world)
    client.force_login(officer)
    menu = client.get(reverse("producers:group_list")).content.decode()
    assert reverse("booths:national_fairs") in menu
    page = client.get(reverse("booths:national_fairs")).content.decode()
    assert world.fair.name in page
    assert reverse("booths:nomination_list", args=[world.fair.pk]) in page


def test_an_open_fair_lists_the_districts_groups_that_have_not_applied(client):
    world = national_fair(state=FairState.OPEN)
    district_pk, officer = _district_officer(world)
    applied = world.applications[district_pk][0].group
    waiting = ProducerGroupFactory(subdistrict=applied.subdistrict)
    client.force_login(officer)
    page = client.get(reverse("booths:national_fairs")).content.decode()
    assert reverse("booths:apply_on_behalf", args=[world.fair.pk, waiting.pk]) in page
    assert reverse("booths:apply_on_behalf", args=[world.fair.pk, applied.pk]) not in page
    other_districts = [
        a.group for d, apps in world.applications.items() if d != district_pk for a in apps
    ]
    assert all(group.name not in page for group in other_districts)


@pytest.mark.parametrize("extra", [1, 15])
def test_the_page_keeps_its_queries_as_groups_grow(client, django_assert_max_num_queries, extra):
    world = national_fair(state=FairState.OPEN)
    district_pk, officer = _district_officer(world)
    subdistrict = world.applications[district_pk][0].group.subdistrict
    for _ in range(extra):
        ProducerGroupFactory(subdistrict=subdistrict)
    client.force_login(officer)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("booths:national_fairs")).status_code == 200
    assert Application.objects.filter(fair=world.fair).count() == 4
