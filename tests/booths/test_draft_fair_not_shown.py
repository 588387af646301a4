"""A draft fair is its officers' business: a producer's apply page (and its live check) and an
officer's apply-for-a-group page do not show its name, venue or zones; once it opens they do."""

import pytest

from booths.models import FairState
from tests.factories import (
    FairFactory,
    ProducerGroupFactory,
    ProductFactory,
    UserFactory,
    ZoneFactory,
)

pytestmark = pytest.mark.django_db
SECRET = "งานลับยังไม่ประกาศ"


@pytest.fixture
def draft():
    fair = FairFactory(state=FairState.DRAFT, name=SECRET, venue="ห้องประชุมลับ")
    ZoneFactory(fair=fair, code="Z", name="โซนลับ")
    return fair


@pytest.fixture
def district_officer_and_group():
    group = ProducerGroupFactory()
    ProductFactory(group=group)
    officer = UserFactory(role="district_officer")
    officer.officer_districts.add(group.subdistrict.district)
    return officer, group


def test_a_producer_is_not_shown_a_draft_fair(draft, producer_user, client_for):
    ProductFactory(group=ProducerGroupFactory(members=[producer_user]))
    client = client_for(producer_user)
    for path in (f"/fairs/{draft.pk}/apply/", f"/fairs/{draft.pk}/apply/check/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert SECRET not in response.content.decode()
    draft.state = FairState.OPEN
    draft.save()
    assert SECRET in client.get(f"/fairs/{draft.pk}/apply/").content.decode()


def test_an_officer_applying_for_a_group_is_not_shown_a_draft_fair(
    draft, district_officer_and_group, client_for
):
    officer, group = district_officer_and_group
    client = client_for(officer)
    response = client.get(f"/fairs/{draft.pk}/apply-for/{group.pk}/")
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    draft.state = FairState.OPEN
    draft.save()
    assert SECRET in client.get(f"/fairs/{draft.pk}/apply-for/{group.pk}/").content.decode()
