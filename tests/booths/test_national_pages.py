"""The pages of a national fair (issue 18): the district nomination list, the head office's
progress of every province (constant queries as the fair grows), and applying for a group."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from booths.models import Application, Fair, FairState, ReviewAssignment, ReviewStatus
from booths.services import nominations
from tests.booths.national import national_fair
from tests.factories import FairFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _nominate_all(world):
    for district, apps in world.applications.items():
        for app in apps:
            nominations.decide_nomination(
                application=app,
                decision="nominated",
                reason="",
                by=world.district_officers[district],
            )


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def _progress_queries(client, per_district):
    world = national_fair(per_district=per_district)
    _nominate_all(world)
    member = world.members["50"][0]
    for app in Application.objects.filter(fair=world.fair, group__province_id="50"):
        ReviewAssignment.objects.create(
            member=member,
            application=app,
            status=ReviewStatus.SUBMITTED,
            submitted_at=app.submitted_at,
        )
    client.force_login(world.head_office)
    return _queries(client, reverse("booths:national_progress", args=[world.fair.pk]))


def test_the_progress_page_counts_each_province_in_the_same_queries_at_two_sizes(client):
    small, _ = _progress_queries(client, 1)
    large, response = _progress_queries(client, 6)
    assert small == large
    rows = {row.code: row for row in response.context["rows"]}
    assert rows["50"].nominated == 12 and rows["50"].scored == 12 and rows["50"].committee == 2
    assert rows["10"].nominated == 12 and rows["10"].scored == 0
    assert response.context["totals"]["applications"] == 24


def _nomination_page_queries(client, per_district):
    world = national_fair(per_district=per_district)
    district = next(iter(world.applications))
    client.force_login(world.district_officers[district])
    count, response = _queries(client, reverse("booths:nomination_list", args=[world.fair.pk]))
    return count, response, world, district


def test_the_nomination_page_lists_only_the_officers_district_in_constant_queries(client):
    small, *_ = _nomination_page_queries(client, 1)
    large, response, world, district = _nomination_page_queries(client, 8)
    assert small == large
    shown = {app.pk for app in response.context["page"]}
    assert shown == {app.pk for app in world.applications[district]}


def test_a_provincial_fair_has_no_nomination_page(client, cm_officer):
    fair = FairFactory(state=FairState.OPEN, created_by=cm_officer)
    client.force_login(cm_officer)
    assert client.get(reverse("booths:nomination_list", args=[fair.pk])).status_code == 403


def test_district_officer_applies_for_a_group_and_its_members_see_who(client):
    world = national_fair(state=FairState.OPEN)
    Fair.objects.filter(pk=world.fair.pk).update(applications_close_on=timezone.localdate())
    world.fair.refresh_from_db()
    district, apps = next(iter(world.applications.items()))
    officer = world.district_officers[district]
    group = apps[0].group
    apps[0].delete()
    product = ProductFactory(group=group)
    client.force_login(officer)
    url = reverse("booths:apply_on_behalf", args=[world.fair.pk, group.pk])
    zone = world.fair.zones.get()
    response = client.post(
        url, {"products": [product.pk], "category": product.category, "choice_1": zone.pk}
    )
    assert response.status_code == 302, response.context["form"].errors
    application = Application.objects.get(fair=world.fair, group=group)
    assert application.filed_by_officer == officer
    assert application.history.latest().history_user == officer
    member = group.members.create(username="member_of_group", role="producer")
    client.force_login(member)
    page = client.get(reverse("booths:my_applications")).content.decode()
    assert "ยื่นสมัครแทนกลุ่มโดย" in page and (officer.get_full_name() or officer.username) in page


def test_a_district_officer_cannot_apply_for_a_group_of_another_district(client):
    world = national_fair(state=FairState.OPEN)
    (_d1, apps), (d2, _apps2) = list(world.applications.items())[:2]
    client.force_login(world.district_officers[d2])
    url = reverse("booths:apply_on_behalf", args=[world.fair.pk, apps[0].group.pk])
    assert client.get(url).status_code == 403


def _fair_post(level, **dates):
    from otop_fair.thai_dates import buddhist_date_text

    today = timezone.localdate()
    days = {
        "applications_open_on": today + datetime.timedelta(days=1),
        "applications_close_on": today + datetime.timedelta(days=20),
        "start_date": today + datetime.timedelta(days=40),
        "end_date": today + datetime.timedelta(days=48),
        "nomination_deadline": today + datetime.timedelta(days=25),
        "appeal_deadline": today + datetime.timedelta(days=35),
    } | dates
    post = {"name": "OTOP City 2570", "venue": "อิมแพ็ค", "province": "12", "booth_count": "10"}
    return post | {"level": level} | {k: buddhist_date_text(v) for k, v in days.items()}


def test_the_head_office_creates_a_national_fair_with_buddhist_era_deadlines(client):
    from tests.factories import UserFactory

    head = UserFactory(role="national_officer")
    client.force_login(head)
    response = client.post(reverse("booths:fair_create"), _fair_post("national"))
    assert response.status_code == 302, response.context["form"].errors
    fair = Fair.objects.get(name="OTOP City 2570")
    assert fair.is_national and fair.nomination_deadline and fair.appeal_deadline


def test_a_provincial_officer_cannot_make_a_fair_national(client, cm_officer):
    client.force_login(cm_officer)
    response = client.post(
        reverse("booths:fair_create"), _fair_post("national") | {"province": "50"}
    )
    assert response.status_code == 302
    assert not Fair.objects.get(name="OTOP City 2570").is_national


def test_a_nomination_deadline_before_applications_close_is_refused_in_thai(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="national_officer"))
    today = timezone.localdate()
    post = _fair_post("national", nomination_deadline=today + datetime.timedelta(days=5))
    response = client.post(reverse("booths:fair_create"), post)
    assert response.status_code == 200
    assert response.context["form"].errors["nomination_deadline"] == ["อำเภอเสนอชื่อหลังปิดรับสมัคร"]


def test_an_officer_of_another_province_sees_only_their_provinces_progress(client):
    world = national_fair()
    client.force_login(world.officers["10"])
    response = client.get(reverse("booths:national_progress", args=[world.fair.pk]))
    assert [row.code for row in response.context["rows"]] == ["10"]
    client.force_login(world.host_officer)
    response = client.get(reverse("booths:national_progress", args=[world.fair.pk]))
    assert {row.code for row in response.context["rows"]} == {"10", "50"}
