"""Two inputs that contradict each other are refused next to the field, and nothing is saved:
a group ticked both as present and as absent at a meeting, a zone chosen twice on an application."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.forms import ApplicationForm
from producers.models import Province
from sales.forms import MeetingForm
from sales.models import NetworkMeeting
from sales.services import save_meeting
from tests.factories import FairFactory, ProducerGroupFactory, ProductFactory, ZoneFactory

pytestmark = pytest.mark.django_db
BOTH_MESSAGE = "ติ๊กไว้ทั้งว่ามาประชุมและไม่มาประชุม"


@pytest.fixture
def chiang_mai_officer(officer):
    officer.officer_provinces.add(Province.objects.get(code="50"))
    return officer


def meeting_post(present, absent):
    return {
        "province": Province.objects.get(code="50").pk,
        "held_on": "05/12/2569",
        "place": "ห้องประชุมอำเภอ",
        "groups_present": [g.pk for g in present],
        "groups_absent": [g.pk for g in absent],
    }


def test_a_group_ticked_present_and_absent_is_refused_next_to_the_field(
    client_for, chiang_mai_officer
):
    group = ProducerGroupFactory(name="กลุ่มทอผ้าบ้านดอน")
    response = client_for(chiang_mai_officer).post(
        reverse("sales:meeting_create"), meeting_post([group], [group])
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "groups_absent" in errors and "กลุ่มทอผ้าบ้านดอน" in errors["groups_absent"][0]
    assert BOTH_MESSAGE in response.content.decode()
    assert not NetworkMeeting.objects.exists()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ticks=st.lists(st.sampled_from(["present", "absent", "both", "none"]), max_size=4))
def test_the_form_is_valid_exactly_when_no_group_is_ticked_twice(chiang_mai_officer, ticks):
    groups = [ProducerGroupFactory() for _ in ticks]
    present = [g for g, t in zip(groups, ticks, strict=True) if t in ("present", "both")]
    absent = [g for g, t in zip(groups, ticks, strict=True) if t in ("absent", "both")]
    form = MeetingForm(meeting_post(present, absent), user=chiang_mai_officer)
    assert form.is_valid() == ("both" not in ticks)
    assert ("groups_absent" in form.errors) == ("both" in ticks)


def test_the_service_refuses_a_group_present_and_absent_in_thai(chiang_mai_officer):
    group = ProducerGroupFactory()
    data = {
        "fair": None,
        "held_on": datetime.date(2026, 12, 5),
        "place": "x",
        "agenda": "",
        "minutes": "",
    }
    data |= {"decisions": "", "province": Province.objects.get(code="50")}
    with translation.override("th"), pytest.raises(ValidationError) as refused:
        save_meeting(
            data=data,
            groups_present=[group],
            groups_absent=[group],
            officers=[],
            by=chiang_mai_officer,
        )
    assert refused.value.code == "present_and_absent"
    assert refused.value.messages == ["กลุ่มหนึ่งจะทั้งมาประชุมและไม่มาประชุมในครั้งเดียวกันไม่ได้"]
    assert not NetworkMeeting.objects.exists()


@pytest.mark.parametrize("repeat", ["choice_2", "choice_3"])
def test_a_zone_chosen_twice_is_refused_next_to_the_repeated_choice(repeat):
    fair = FairFactory(state="open")
    first, second = ZoneFactory(fair=fair), ZoneFactory(fair=fair)
    group = ProducerGroupFactory()
    product = ProductFactory(group=group)
    choices = {"choice_1": first.pk, "choice_2": second.pk, "choice_3": second.pk}
    choices[repeat] = first.pk
    form = ApplicationForm({"products": [product.pk], **choices}, fair=fair, group=group)
    assert not form.is_valid()
    assert form.errors[repeat] == ["เลือกแต่ละโซนได้ครั้งเดียว"]
    assert not form.non_field_errors()
