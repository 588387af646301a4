"""Producers apply for their group while a fair is open, edit until the window closes, withdraw."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from booths.models import Application, ApplicationStatus, FairState
from booths.services import submit_application, withdraw_application
from tests.factories import (
    ApplicationFactory,
    ProducerGroupFactory,
    ProductFactory,
    UserFactory,
    ZoneFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    ProductFactory(group=group)
    return producer_user


def _apply(fair, user, **changes):
    group = user.producer_groups.get()
    values = {
        "fair": fair,
        "group": group,
        "products": list(group.products.all()),
        "zones": list(fair.zones.all()[:1]),
        "needs_electricity": False,
        "wants_corner": True,
        "pitch": "ผ้าทอมือลายโบราณ",
        "by": user,
    }
    values.update(changes)
    return submit_application(**values)


def test_the_database_allows_one_application_per_group_per_fair(fair):
    first = ApplicationFactory(fair=fair)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(fair=fair, group=first.group, category=first.category)


def test_applying_twice_updates_the_one_application(fair, member):
    _apply(fair, member)
    _apply(fair, member, pitch="เปลี่ยนคำแนะนำ")
    assert Application.objects.filter(fair=fair).count() == 1
    assert Application.objects.get(fair=fair).pitch == "เปลี่ยนคำแนะนำ"


def test_producer_applies_through_the_form_and_sees_the_status(fair, member, client_for):
    client = client_for(member)
    group = member.producer_groups.get()
    product = group.products.get()
    zone = fair.zones.get()
    response = client.post(
        f"/fairs/{fair.pk}/apply/",
        {"products": [product.pk], "choice_1": zone.pk, "pitch": "มาเถอะ"},
        follow=True,
    )
    page = response.content.decode()
    assert "บันทึกใบสมัครแล้ว" in page
    assert "ส่งแล้ว" in page
    application = Application.objects.get(fair=fair, group=group)
    assert list(application.preferences.values_list("zone_id", flat=True)) == [zone.pk]


@pytest.mark.parametrize("state", [s for s in FairState.values if s != FairState.OPEN])
def test_applying_is_refused_unless_the_fair_is_open(fair, member, state):
    fair.state = state
    fair.save()
    with pytest.raises(ValidationError, match="ไม่ได้เปิดรับสมัคร"):
        _apply(fair, member)


def test_applying_after_the_window_closed_is_refused(fair, member):
    fair.applications_close_on = timezone.localdate() - datetime.timedelta(days=1)
    fair.applications_open_on = fair.applications_close_on - datetime.timedelta(days=5)
    fair.save()
    with pytest.raises(ValidationError, match="ปิดรับสมัคร"):
        _apply(fair, member)


def test_another_groups_product_cannot_be_entered(fair, member):
    stranger = ProductFactory()
    with pytest.raises(ValidationError):
        _apply(fair, member, products=[stranger])


def test_zone_of_another_fair_cannot_be_chosen(fair, member):
    with pytest.raises(ValidationError):
        _apply(fair, member, zones=[ZoneFactory()])


def test_withdrawing_marks_the_application_withdrawn(fair, member):
    application = _apply(fair, member)
    withdraw_application(application=application, by=member)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN


def test_producer_cannot_withdraw_another_groups_application(fair, member, client_for):
    other = ApplicationFactory(fair=fair)
    response = client_for(member).post(
        f"/fairs/applications/{other.pk}/withdraw/", {"confirmed": "1"}
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.status == ApplicationStatus.SUBMITTED


def test_officer_cannot_use_the_producer_form(fair, cm_officer, client_for):
    assert client_for(cm_officer).get(f"/fairs/{fair.pk}/apply/").status_code == 403


def test_producer_without_a_group_is_told_nothing_exists(fair, client_for):
    lonely = UserFactory(role="producer", username="lonely")
    assert client_for(lonely).get(f"/fairs/{fair.pk}/apply/").status_code == 404


# A draft fair is hidden from producers altogether.
@pytest.mark.parametrize("state", sorted(set(FairState.values) - {FairState.OPEN, FairState.DRAFT}))
def test_the_apply_page_of_a_closed_fair_links_to_the_result_and_offers_no_changes(
    fair, member, client_for, state
):
    application = _apply(fair, member)
    fair.state = state
    fair.save()
    page = client_for(member).get(f"/fairs/{fair.pk}/apply/").content.decode()
    assert "การแก้ไขจะบันทึกทับใบสมัครเดิม" not in page
    assert f"/fairs/applications/{application.pk}/result/" in page
