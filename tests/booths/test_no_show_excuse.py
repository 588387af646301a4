"""A group that did not show up may have had a good reason: the officer excuses the absence on the
booth holders page, with the reason on record, and the group may apply to the next fair."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from booths.models import Assignment, FairState, RuleKind
from tests.booths.test_eligibility import _check
from tests.factories import ApplicationFactory, BoothFactory, FairFactory, ZoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def running_fair(fair):
    fair.state = FairState.RUNNING
    fair.save()
    return fair


def _holding(fair):
    application = ApplicationFactory(fair=fair, status="selected")
    return Assignment.objects.create(
        fair=fair, booth=fair.booths.order_by("code").first(), application=application
    )


def _release_as_no_show(client, fair, holding):
    url = reverse("booths:release", args=[fair.pk, holding.pk])
    client.post(url, {"reason": "ไม่มาออกบูธทั้งสองวัน", "is_no_show": "on"})
    holding.refresh_from_db()
    assert holding.is_no_show and not holding.is_no_show_excused


def _excuse(client, fair, holding, reason="ป่วย มีใบรับรองแพทย์", excused="1"):
    url = reverse("booths:excuse_no_show", args=[fair.pk, holding.pk])
    return client.post(url, {"excused": excused, "reason": reason}, follow=True)


def test_officer_excuses_a_no_show_and_the_group_may_apply_again(
    client_for, cm_officer, running_fair
):
    client = client_for(cm_officer)
    holding = _holding(running_fair)
    _release_as_no_show(client, running_fair, holding)
    page = client.get(reverse("booths:holdings", args=[running_fair.pk])).content.decode()
    assert "ไม่ได้รับการยกเว้น" in page

    response = _excuse(client, running_fair, holding)

    holding.refresh_from_db()
    assert holding.is_no_show_excused
    assert "ยกเว้นการไม่มาแล้ว" in response.content.decode()
    latest = holding.history.first()
    assert (latest.history_user, latest.history_change_reason) == (
        cm_officer,
        "ป่วย มีใบรับรองแพทย์",
    )
    next_fair = FairFactory(start_date=running_fair.start_date + datetime.timedelta(days=200))
    ZoneFactory(fair=next_fair)
    application = ApplicationFactory(fair=next_fair, group=holding.application.group)
    assert _check(next_fair, application, cm_officer, kind=RuleKind.NO_SHOW).passed


def test_an_excuse_can_be_withdrawn_with_a_reason(client_for, cm_officer, running_fair):
    client = client_for(cm_officer)
    holding = _holding(running_fair)
    _release_as_no_show(client, running_fair, holding)
    _excuse(client, running_fair, holding)

    response = _excuse(client, running_fair, holding, "ใบรับรองแพทย์ไม่ถูกต้อง", excused="0")

    holding.refresh_from_db()
    assert not holding.is_no_show_excused
    assert "ยกเลิกการยกเว้นแล้ว" in response.content.decode()
    assert holding.history.first().history_change_reason == "ใบรับรองแพทย์ไม่ถูกต้อง"


def test_a_withdrawal_is_not_a_no_show_and_cannot_be_excused(client_for, cm_officer, running_fair):
    client = client_for(cm_officer)
    holding = _holding(running_fair)
    url = reverse("booths:release", args=[running_fair.pk, holding.pk])
    client.post(url, {"reason": "สละสิทธิ์"})

    response = _excuse(client, running_fair, holding)

    holding.refresh_from_db()
    assert not holding.is_no_show_excused
    assert "ยกเว้นได้เฉพาะกลุ่มที่ไม่มาออกบูธ" in response.content.decode()


def test_an_excuse_without_a_reason_changes_nothing(client_for, cm_officer, running_fair):
    client = client_for(cm_officer)
    holding = _holding(running_fair)
    _release_as_no_show(client, running_fair, holding)
    history_rows = holding.history.count()

    response = _excuse(client, running_fair, holding, reason="   ")

    holding.refresh_from_db()
    assert not holding.is_no_show_excused
    assert holding.history.count() == history_rows
    assert "กรุณาระบุเหตุผล" in response.content.decode()


def test_an_officer_of_another_province_cannot_excuse(client_for, officer, running_fair):
    other = type(officer).objects.create(username="officer_other", role="officer")
    holding = _holding(running_fair)
    Assignment.objects.filter(pk=holding.pk).update(status="released", is_no_show=True)

    response = _excuse(client_for(other), running_fair, holding)

    assert response.status_code in (403, 404)
    holding.refresh_from_db()
    assert not holding.is_no_show_excused


def test_the_database_refuses_an_excuse_without_a_no_show(running_fair):
    holding = _holding(running_fair)
    holding.is_no_show_excused = True
    with pytest.raises(IntegrityError), transaction.atomic():
        holding.save()


@pytest.mark.parametrize("released", [2, 20])
def test_the_released_list_keeps_its_query_count(
    client_for, cm_officer, running_fair, django_assert_max_num_queries, released
):
    client = client_for(cm_officer)
    zone = running_fair.zones.first()
    for n in range(released):
        holding = Assignment.objects.create(
            fair=running_fair,
            booth=BoothFactory(zone=zone, code=f"R{n:02d}"),
            application=ApplicationFactory(fair=running_fair, status="selected"),
        )
        Assignment.objects.filter(pk=holding.pk).update(status="released", is_no_show=True)
    url = reverse("booths:holdings", args=[running_fair.pk])
    client.get(url)
    with django_assert_max_num_queries(20):
        page = client.get(url)
    assert page.content.decode().count('data-testid="released-') == released
