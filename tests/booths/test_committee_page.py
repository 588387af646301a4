"""The officer's committee page speaks in names and plain Thai, and offers only who can be added."""

import pytest

from producers.models import District
from tests.factories import CommitteeMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def _member_options(page):
    start = page.index('name="user"')
    return page[start : page.index("</select>", start)]


def test_accounts_are_offered_by_name_and_seated_ones_are_not_offered(fair, cm_officer, client_for):
    seated = UserFactory(role="committee", first_name="สมศรี", last_name="ใจดี")
    CommitteeMemberFactory(fair=fair, user=seated)
    free = UserFactory(role="committee", first_name="สมชาย", last_name="รักงาน")
    options = _member_options(
        client_for(cm_officer).get(f"/fairs/{fair.pk}/committee/").content.decode()
    )
    assert "สมชาย รักงาน" in options
    assert f'value="{seated.pk}"' not in options and f'value="{free.pk}"' in options


def test_districts_are_offered_under_their_province(fair, cm_officer, client_for):
    page = client_for(cm_officer).get(f"/fairs/{fair.pk}/committee/").content.decode()
    district = District.objects.select_related("province").first()
    group_start = page.index(f'<optgroup label="{district.province.name_th}">')
    group = page[group_start : page.index("</optgroup>", group_start)]
    assert district.name_th in group


def test_a_member_with_nothing_assigned_is_not_shown_as_done(fair, cm_officer, client_for):
    CommitteeMemberFactory(fair=fair)
    page = client_for(cm_officer).get(f"/fairs/{fair.pk}/committee/").content.decode()
    assert "ยังไม่ได้มอบหมาย" in page
    assert "100%" not in page


def test_the_page_explains_k_z_score_and_seed_in_thai(fair, cm_officer, client_for):
    page = client_for(cm_officer).get(f"/fairs/{fair.pk}/committee/").content.decode()
    assert "คำเหล่านี้หมายความว่าอะไร" in page
    assert "เลขตั้งต้นการจับสลาก" in page


def test_adding_a_member_by_the_page_seats_them(fair, cm_officer, client_for):
    person = UserFactory(role="committee")
    client_for(cm_officer).post(f"/fairs/{fair.pk}/committee/add/", {"user": person.pk})
    assert fair.committee.filter(user=person).exists()


def test_a_seat_of_another_fair_is_not_found_under_this_fair(fair, cm_officer, client_for):
    elsewhere = CommitteeMemberFactory()
    here = CommitteeMemberFactory(fair=fair)
    client = client_for(cm_officer)
    assert client.get(f"/fairs/{fair.pk}/committee/{here.pk}/").status_code == 200
    assert client.get(f"/fairs/{fair.pk}/committee/{elsewhere.pk}/").status_code == 404
