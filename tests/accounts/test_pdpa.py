"""PDPA: the privacy notice at first sign-in, a group's own data to take away, and erasing a
group's personal data while the fair reports keep their totals."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from otop_fair.accounts.models import PrivacyAcknowledgement
from otop_fair.accounts.pdpa import PRIVACY_NOTICE_VERSION, anonymise_group
from producers.models import ProducerGroup, Product, Visit
from sales.models import DailySales, IssueReport
from sales.reports import headline
from tests.factories import UserFactory
from tests.matrix_world import build_world

pytestmark = pytest.mark.django_db
NOTICE = "/accounts/privacy/"


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return build_world()


def sign_in(client, username):
    return client.post("/accounts/login/", {"username": username, "password": "otop-demo"})


def test_the_first_sign_in_shows_the_notice_and_keeps_the_acknowledged_version(client):
    person = UserFactory(username="otop-first")
    home = sign_in(client, "otop-first")["Location"]
    response = client.get(home)
    assert response.status_code == 302 and response["Location"].startswith(NOTICE)
    page = client.get(response["Location"]).content.decode()
    assert "เก็บไว้นานเท่าไร" in page and "ใครเห็นข้อมูลบ้าง" in page
    client.post(NOTICE, {"next": "/"})
    assert PrivacyAcknowledgement.objects.get(user=person).version == PRIVACY_NOTICE_VERSION
    assert client.get("/producer/").status_code == 200


def test_someone_who_acknowledged_is_not_asked_again(client):
    person = UserFactory(username="otop-again")
    PrivacyAcknowledgement.objects.create(user=person, version=PRIVACY_NOTICE_VERSION)
    sign_in(client, "otop-again")
    assert client.get("/producer/").status_code == 200


def test_a_producer_downloads_their_groups_data_and_nothing_of_another_group(client, world):
    client.force_login(world.users["producer_a"])
    response = client.get(reverse("accounts:group_data", args=[world.group_a.pk]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    everything = b"".join(archive.read(name) for name in names)
    data = json.loads(archive.read("data.json"))
    assert data["group"]["name"] == world.group_a.name
    assert data["daily_sales"] and data["products"]
    assert any(name.startswith("photos/") for name in names)
    assert world.group_b.name.encode() not in everything
    assert world.group_b.registration_no.encode() not in everything
    other = client.get(reverse("accounts:group_data", args=[world.group_b.pk]))
    assert other.status_code == 403


PERSONAL_GROUP_FIELDS = ["contact_name", "phone", "line_id", "address"]


def test_erasing_a_group_keeps_report_totals_and_leaves_no_personal_field_filled(world):
    group, member = world.group_a, world.users["producer_a"]
    old_name, old_regno = group.name, group.registration_no
    day = DailySales.objects.get(assignment__application__group=group)
    day.note = "คุณสมศรีสั่งผ้า 3 ผืน โทร 0812345678"
    day.save()
    before = headline(world.fair)
    anonymise_group(group=group, by=world.users["officer_province"])
    assert headline(world.fair) == before
    group.refresh_from_db()
    for row in [group, *ProducerGroup.history.filter(id=group.pk)]:
        assert [getattr(row, f) for f in PERSONAL_GROUP_FIELDS] == ["", "", "", ""]
        assert old_name not in row.name and row.registration_no != old_regno
    for row in [*Product.objects.filter(group=group), *Product.history.filter(group_id=group.pk)]:
        assert row.story_people == "" and row.description == ""
    for row in [*Visit.objects.filter(group=group), *Visit.history.filter(group_id=group.pk)]:
        assert row.problems_heard == row.met_with == row.advice == ""
    assert not Product.objects.filter(group=group, photos__isnull=False).exists()
    days = DailySales.objects.filter(assignment__application__group=group)
    assert days.exists() and not days.exclude(note="").exists()
    assert not DailySales.history.filter(id__in=days.values("pk")).exclude(note="").exists()
    issues = IssueReport.objects.filter(assignment__application__group=group)
    assert issues.exists() and not issues.exclude(photo="").exists()
    member.refresh_from_db()
    assert (member.first_name, member.last_name, member.phone, member.email) == ("",) * 4
    assert not member.is_active


def test_an_officer_erases_a_group_only_after_typing_its_registration_number(client, world):
    client.force_login(world.users["officer_province"])
    url = reverse("accounts:group_anonymise", args=[world.group_a.pk])
    wrong = client.post(url, {"confirm": "nope"})
    assert wrong.status_code == 200
    assert ProducerGroup.objects.get(pk=world.group_a.pk).name == world.group_a.name
    client.post(url, {"confirm": world.group_a.registration_no})
    assert ProducerGroup.objects.get(pk=world.group_a.pk).contact_name == ""
