"""A network meeting without a fair belongs to a province: only that province's officers read,
rewrite or carry over its items; an empty fair never means every province."""

import datetime

import pytest
from django.urls import reverse

from sales.models import ActionItem, NetworkMeeting
from sales.selectors import carried_over_items
from tests.factories import FairFactory, officer_of

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 6, 1)


@pytest.fixture
def officers():
    return officer_of("50", username="o50"), officer_of("10", username="o10")


def _meeting(officer, province, held_on=DAY, fair=None):
    return NetworkMeeting.objects.create(
        fair=fair,
        province_id=province,
        held_on=held_on,
        place="ศาลากลางจังหวัด",
        minutes="บันทึกลับ",
        created_by=officer,
    )


def test_an_officer_of_another_province_neither_lists_nor_opens_nor_rewrites_it(
    client_for, officers
):
    mine, other = officers
    meeting = _meeting(mine, "50")
    assert meeting not in NetworkMeeting.objects.visible_to(other)
    client = client_for(other)
    assert client.get(reverse("sales:meeting_detail", args=[meeting.pk])).status_code == 404
    edit = reverse("sales:meeting_edit", args=[meeting.pk])
    data = {"held_on": "01/06/2569", "place": "x", "minutes": "ถูกแทนที่", "province": "10"}
    assert client.post(edit, data).status_code == 404
    meeting.refresh_from_db()
    assert meeting.minutes == "บันทึกลับ"


def test_a_meeting_without_a_province_is_read_by_no_officer(officers):
    mine, _other = officers
    orphan = _meeting(mine, None)
    assert orphan not in NetworkMeeting.objects.visible_to(mine)
    assert not mine.has_perm("sales.view_meeting", orphan)


def _create(client, **data):
    base = {"held_on": "01/06/2569", "place": "ศาลากลางจังหวัด"}
    return client.post(reverse("sales:meeting_create"), base | data)


def test_a_meeting_without_a_fair_must_name_one_of_the_officers_provinces(client_for, officers):
    mine, _other = officers
    client = client_for(mine)
    response = _create(client)
    assert "province" in response.context["form"].errors
    response = _create(client, province="10")
    assert "province" in response.context["form"].errors
    assert not NetworkMeeting.objects.exists()
    _create(client, province="50")
    assert NetworkMeeting.objects.get().province_id == "50"


def test_a_fairs_meeting_belongs_to_the_fairs_province(client_for, officers):
    mine, _other = officers
    fair = FairFactory(created_by=mine)
    _create(client_for(mine), fair=fair.pk, province="")
    assert NetworkMeeting.objects.get().province_id == fair.province_id


def test_open_items_carry_over_only_within_the_province(officers):
    mine, other = officers
    for officer, province in ((mine, "50"), (other, "10")):
        earlier = _meeting(officer, province, held_on=DAY - datetime.timedelta(days=30))
        ActionItem.objects.create(
            meeting=earlier, description=f"งานค้าง {province}", owner_officer=officer
        )
    later = _meeting(mine, "50")
    assert [i.description for i in carried_over_items(later)] == ["งานค้าง 50"]
