"""Officers record field visits; follow-ups that are due show on the officer home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from otop_fair.thai_dates import buddhist_date_text
from producers.forms import VisitForm
from producers.models import FollowUpStatus, Visit
from tests.factories import (
    CertificationFactory,
    ProducerGroupFactory,
    VisitFactory,
    officer_of,
)
from tests.test_bad_input import SETTINGS

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return officer_of("50", username="officer_visits")


def test_recording_a_visit_with_a_follow_up_opens_it(client_for, officer):
    group = ProducerGroupFactory(province_code="50")
    due = timezone.localdate() + datetime.timedelta(days=3)
    response = client_for(officer).post(
        reverse("producers:visit_create", args=[group.pk]),
        {
            "visited_on": buddhist_date_text(timezone.localdate()),
            "met_with": "ประธานกลุ่ม นางบัวผัน",
            "problems_heard": "ฉลากไม่มีเลข อย.",
            "advice": "ยื่นขอ อย. ที่สาธารณสุขจังหวัด",
            "follow_up": "ตรวจเอกสารยื่น อย.",
            "follow_up_due": buddhist_date_text(due),
        },
    )
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.officer == officer
    assert visit.follow_up_status == FollowUpStatus.OPEN


def test_a_follow_up_needs_a_due_date(client_for, officer):
    group = ProducerGroupFactory(province_code="50")
    response = client_for(officer).post(
        reverse("producers:visit_create", args=[group.pk]),
        {"visited_on": buddhist_date_text(timezone.localdate()), "follow_up": "โทรติดตาม"},
    )
    assert response.status_code == 200
    assert "กรุณาระบุวันกำหนดติดตาม" in response.content.decode()


def test_officer_home_lists_due_follow_ups_of_their_provinces_only(
    client_for, officer, django_assert_max_num_queries
):
    today = timezone.localdate()
    own = ProducerGroupFactory(province_code="50", name="กลุ่มของเรา")
    other = ProducerGroupFactory(province_code="34", name="กลุ่มจังหวัดอื่น")
    VisitFactory(
        group=own,
        follow_up="ส่งตัวอย่างสินค้า",
        follow_up_due=today - datetime.timedelta(2),
        follow_up_status=FollowUpStatus.OPEN,
    )
    VisitFactory(
        group=own,
        follow_up="ยังอีกนาน",
        follow_up_due=today + datetime.timedelta(60),
        follow_up_status=FollowUpStatus.OPEN,
    )
    VisitFactory(
        group=other,
        follow_up="ไม่ใช่ของเรา",
        follow_up_due=today,
        follow_up_status=FollowUpStatus.OPEN,
    )
    client = client_for(officer)
    with django_assert_max_num_queries(20):
        content = client.get(reverse("officer_home")).content.decode()
    assert "ส่งตัวอย่างสินค้า" in content and "เลยกำหนดตั้งแต่" in content
    assert "ยังอีกนาน" not in content
    assert "ไม่ใช่ของเรา" not in content


def test_marking_a_follow_up_done_removes_it_from_home(client_for, officer):
    visit = VisitFactory(
        group=ProducerGroupFactory(province_code="50"),
        follow_up="ติดตามผลการขาย",
        follow_up_due=timezone.localdate(),
        follow_up_status=FollowUpStatus.OPEN,
    )
    client = client_for(officer)
    response = client.post(reverse("producers:follow_up_done", args=[visit.pk]), {"next": "home"})
    assert response["Location"] == reverse("officer_home")
    visit.refresh_from_db()
    assert visit.follow_up_status == FollowUpStatus.DONE
    assert "ติดตามผลการขาย" not in client.get(reverse("officer_home")).content.decode()


def test_producer_home_shows_own_group_and_current_stars(client_for, producer_user):
    ProducerGroupFactory(members=[producer_user], name="กลุ่มแม่บ้านดอยสะเก็ด")
    content = client_for(producer_user).get(reverse("producer_home")).content.decode()
    assert "กลุ่มแม่บ้านดอยสะเก็ด" in content


def test_producer_does_not_see_visit_notes(client_for, producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    VisitFactory(group=group, problems_heard="บันทึกภายในของพัฒนากร")
    content = (
        client_for(producer_user)
        .get(reverse("producers:group_detail", args=[group.pk]))
        .content.decode()
    )
    assert "บันทึกภายในของพัฒนากร" not in content


@pytest.mark.parametrize(("days_left", "word"), [(-3, "หมดอายุแล้ว"), (30, "หมดอายุภายใน 90 วัน")])
def test_producer_home_certificate_warning_says_its_status(
    client_for, producer_user, days_left, word
):
    group = ProducerGroupFactory(members=[producer_user])
    expires = timezone.localdate() + datetime.timedelta(days=days_left)
    CertificationFactory(group=group, expires_on=expires, issued_on=expires.replace(year=2020))
    content = client_for(producer_user).get(reverse("producer_home")).content.decode()
    warning = content[content.index("⚠") :].split("</div>")[0]
    assert word in warning


@SETTINGS
@given(days_ahead=st.integers(min_value=1, max_value=3650))
def test_a_visit_dated_after_today_is_refused_next_to_its_date(client_for, officer, days_ahead):
    group = ProducerGroupFactory(province_code="50")
    later = timezone.localdate() + datetime.timedelta(days=days_ahead)
    with translation.override("th"):
        form = VisitForm(data={"visited_on": buddhist_date_text(later)})
        assert not form.is_valid()
        assert form.errors["visited_on"] == ["วันที่เยี่ยมต้องไม่เลยวันนี้"]
    assert not Visit.objects.filter(group=group).exists()


@SETTINGS
@given(days_before=st.integers(min_value=1, max_value=365))
def test_a_follow_up_due_before_its_visit_is_refused(days_before):
    today = timezone.localdate()
    with translation.override("th"):
        form = VisitForm(
            data={
                "visited_on": buddhist_date_text(today),
                "follow_up": "โทรติดตาม",
                "follow_up_due": buddhist_date_text(today - datetime.timedelta(days=days_before)),
            }
        )
        assert not form.is_valid()
        assert form.errors["follow_up_due"] == ["วันกำหนดติดตามต้องไม่ก่อนวันที่เยี่ยม"]


def test_a_visit_today_with_a_follow_up_due_today_is_kept():
    today = buddhist_date_text(timezone.localdate())
    form = VisitForm(data={"visited_on": today, "follow_up": "โทรติดตาม", "follow_up_due": today})
    assert form.is_valid(), form.errors
