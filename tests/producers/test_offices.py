"""Offices: the head office acts on every province, a provincial officer on their provinces, a
district officer on the groups of their districts. The predicate (has_perm) and the queryset
(visible_to) are two readings of one rule, so they must agree for every user and group."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from producers.models import District, ProducerGroup, Subdistrict
from producers.selectors import GroupFilters, filtered_groups, fiscal_year_span
from tests.factories import ProducerGroupFactory, UserFactory, officer_of

pytestmark = pytest.mark.django_db


def district_officer(*districts, username=None):
    kwargs = {"role": "district_officer"} | ({"username": username} if username else {})
    user = UserFactory(**kwargs)
    user.officer_districts.add(*districts)
    return user


def two_districts_of(province_code):
    districts = District.objects.filter(province_id=province_code).order_by("code")[:2]
    return list(districts)


def group_in(district, **kwargs):
    sub = Subdistrict.objects.filter(district=district).order_by("code").first()
    return ProducerGroupFactory(subdistrict=sub, **kwargs)


def test_a_district_officer_cannot_see_another_districts_group(client):
    mine, other = two_districts_of("50")
    own_group = group_in(mine, name="กลุ่มในอำเภอของฉัน")
    foreign = group_in(other, name="กลุ่มอำเภออื่น")
    user = district_officer(mine)
    client.force_login(user)
    listing = client.get(reverse("producers:group_list")).content.decode()
    assert own_group.name in listing
    assert foreign.name not in listing
    assert client.get(reverse("producers:group_detail", args=[foreign.pk])).status_code == 403
    assert client.get(reverse("producers:group_detail", args=[own_group.pk])).status_code == 200
    found = client.get(reverse("producers:group_list"), {"q": foreign.name}).content.decode()
    assert reverse("producers:group_detail", args=[foreign.pk]) not in found


def test_a_district_officer_records_a_visit_only_in_their_district(client):
    mine, other = two_districts_of("50")
    user = district_officer(mine)
    client.force_login(user)
    data = {"visited_on": "01/11/2569", "met_with": "ประธานกลุ่ม"}
    own = client.post(reverse("producers:visit_create", args=[group_in(mine).pk]), data)
    foreign = client.post(reverse("producers:visit_create", args=[group_in(other).pk]), data)
    assert own.status_code == 302
    assert foreign.status_code == 403


def test_the_head_office_sees_groups_of_every_province():
    groups = [ProducerGroupFactory(province_code=code) for code in ("50", "10", "34", "90")]
    national = UserFactory(role="national_officer")
    visible = set(ProducerGroup.objects.visible_to(national).values_list("pk", flat=True))
    assert {g.pk for g in groups} <= visible
    assert all(national.has_perm("producers.record_visit", g) for g in groups)


def test_a_district_officer_is_offered_only_their_districts_when_registering(client):
    mine, other = two_districts_of("50")
    client.force_login(district_officer(mine))
    page = client.get(reverse("producers:address_fields"), {"province": "50"}).content.decode()
    assert f'value="{mine.code}"' in page
    assert f'value="{other.code}"' not in page


PROVINCES = ["50", "10", "34"]


@st.composite
def offices_and_groups(draw):
    """A few groups spread over districts of three provinces, and one user of each kind."""
    district_ids = draw(st.lists(st.integers(0, 5), min_size=1, max_size=6))
    return {
        "groups": district_ids,
        "provinces": draw(st.lists(st.sampled_from(PROVINCES), max_size=2, unique=True)),
        "districts": draw(st.lists(st.integers(0, 5), max_size=3, unique=True)),
    }


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=offices_and_groups())
def test_permission_and_queryset_agree_for_every_office(case):
    districts = list(
        District.objects.filter(province_id__in=PROVINCES).order_by("province_id", "code")
    )
    districts = [d for i, d in enumerate(districts) if i % 40 < 2][:6]
    groups = [group_in(districts[i % len(districts)]) for i in case["groups"]]
    provincial = officer_of(*case["provinces"])
    district = district_officer(*[districts[i % len(districts)] for i in case["districts"]])
    users = [provincial, district, UserFactory(role="national_officer")]
    for user in users:
        visible = set(ProducerGroup.objects.visible_to(user).values_list("pk", flat=True))
        for group in groups:
            assert user.has_perm("producers.view_group", group) == (group.pk in visible)
    for group in groups:
        in_district = group.subdistrict.district in district.officer_districts.all()
        assert district.has_perm("producers.record_visit", group) == in_district
        assert provincial.has_perm("producers.record_visit", group) == (
            group.province_id in case["provinces"]
        )


def fiscal_year_of(day):
    """Thai fiscal year (B.E.) of a day, counted independently of the code under test."""
    return day.year + 543 + (1 if day.month >= 10 else 0)


@settings(max_examples=20, deadline=None)
@given(day=st.dates(datetime.date(2015, 1, 1), datetime.date(2030, 12, 31)))
def test_a_day_lies_in_exactly_its_fiscal_year(day):
    first, last = fiscal_year_span(fiscal_year_of(day))
    assert first <= day <= last
    before, _ = fiscal_year_span(fiscal_year_of(day) + 1)
    _, after = fiscal_year_span(fiscal_year_of(day) - 1)
    assert day < before and day > after


@pytest.mark.parametrize(
    ("registered_on", "fiscal_year", "found"),
    [
        (datetime.date(2024, 9, 30), 2568, False),
        (datetime.date(2024, 10, 1), 2568, True),
        (datetime.date(2025, 9, 30), 2568, True),
        (datetime.date(2025, 10, 1), 2568, False),
    ],
)
def test_the_fiscal_year_filter_runs_october_to_september(registered_on, fiscal_year, found):
    group = ProducerGroupFactory(registered_on=registered_on)
    root = UserFactory(is_superuser=True, role="")
    groups = filtered_groups(root, GroupFilters(fiscal_year=fiscal_year))
    assert groups.filter(pk=group.pk).exists() == found


def test_the_registration_year_filter_takes_a_buddhist_year(client):
    in_2567 = ProducerGroupFactory(registered_on=datetime.date(2024, 12, 31), name="กลุ่มปี 67")
    in_2568 = ProducerGroupFactory(registered_on=datetime.date(2025, 1, 1), name="กลุ่มปี 68")
    client.force_login(UserFactory(is_superuser=True, role=""))
    page = client.get(reverse("producers:group_list"), {"registration_year": "2568"})
    text = page.content.decode()
    assert in_2568.name in text and in_2567.name not in text
