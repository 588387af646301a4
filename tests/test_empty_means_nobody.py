"""An empty link never means "everyone": a person without provinces, without a group or without
a seat, and an object without its owner (a meeting without a fair and province), give nothing."""

import pytest

from booths.models import Fair
from producers.models import ProducerGroup, Province
from sales.models import NetworkMeeting
from tests.factories import FairFactory, ProducerGroupFactory, UserFactory

pytestmark = pytest.mark.django_db

LINKLESS = {
    "officer without provinces": {"role": "officer"},
    "committee member without a seat": {"role": "committee"},
    "producer without a group": {"role": "producer"},
    "account without a role": {"role": ""},
    "deactivated superuser": {"role": "", "is_superuser": True, "is_active": False},
}


@pytest.fixture
def things():
    fair = FairFactory()
    group = ProducerGroupFactory()
    meeting = NetworkMeeting.objects.create(
        fair=None, province=None, held_on=fair.start_date, place="x", created_by=fair.created_by
    )
    return fair, group, meeting


@pytest.mark.parametrize("who", sorted(LINKLESS))
def test_a_person_without_links_sees_and_changes_nothing(things, who):
    fair, group, meeting = things
    user = UserFactory(username="linkless", **LINKLESS[who])
    assert not Fair.objects.visible_to(user).exists()
    assert not ProducerGroup.objects.visible_to(user).exists()
    assert meeting not in NetworkMeeting.objects.visible_to(user)
    for perm, obj in [
        ("booths.manage_fair", fair),
        ("booths.view_plan", fair),
        ("producers.view_group", group),
        ("sales.view_meeting", meeting),
        ("sales.change_meeting", meeting),
        ("sales.view_fair_report", fair),
    ]:
        assert not user.has_perm(perm, obj), perm


def test_a_meeting_without_fair_or_province_is_no_officers(things):
    _fair, _group, meeting = things
    officer = UserFactory(username="o", role="officer")
    officer.officer_provinces.add(*Province.objects.all())
    assert not officer.has_perm("sales.view_meeting", meeting)
    assert meeting not in NetworkMeeting.objects.visible_to(officer)
