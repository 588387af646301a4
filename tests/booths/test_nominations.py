"""National fairs (issue 18 points 0 and 3): the nomination step, district officers deciding for
their own districts within the deadline, provincial committees, and applying for a group."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths import selectors
from booths.models import (
    ApplicationStatus,
    Fair,
    FairState,
    Nomination,
    NominationDecision,
    ReviewAssignment,
)
from booths.national_selectors import decision_of
from booths.services import lifecycle, nominations, review
from tests.booths.national import national_fair
from tests.factories import FairFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return national_fair()


def _first(world, index=0):
    district = list(world.applications)[index]
    return district, world.applications[district][0], world.district_officers[district]


def test_a_national_fair_goes_through_nomination_and_a_provincial_fair_does_not(world):
    fair = world.fair
    Fair.objects.filter(pk=fair.pk).update(state=FairState.OPEN)
    fair.refresh_from_db()
    with pytest.raises(ValidationError):
        lifecycle.close_applications(fair=fair, by=world.head_office, confirm_early=True)
    lifecycle.start_nominations(fair=fair, by=world.head_office)
    fair.refresh_from_db()
    assert fair.state == FairState.NOMINATING
    lifecycle.close_applications(fair=fair, by=world.head_office, confirm_early=True)
    assert Fair.objects.get(pk=fair.pk).state == FairState.SCORING
    provincial = FairFactory(state=FairState.OPEN)
    with pytest.raises(ValidationError):
        lifecycle.start_nominations(fair=provincial, by=world.head_office)


def test_district_officer_nominates_with_one_tap_and_it_is_in_the_history(world, client):
    _district, application, officer = _first(world)
    client.force_login(officer)
    response = client.post(
        reverse("booths:nominate", args=[application.pk]), {"decision": "nominated"}
    )
    assert response.status_code == 302
    nomination = Nomination.objects.get(application=application)
    assert nomination.decision == NominationDecision.NOMINATED and nomination.by == officer
    record = nomination.history.latest()
    assert record.history_user == officer and record.history_change_reason


def test_district_officer_cannot_decide_for_another_district(world, client):
    _district, application, _officer = _first(world)
    _other, _app, other_officer = _first(world, 1)
    client.force_login(other_officer)
    response = client.post(
        reverse("booths:nominate", args=[application.pk]), {"decision": "nominated"}
    )
    assert response.status_code == 403
    assert not Nomination.objects.exists()


def test_provincial_officer_acts_on_their_province_only(world, client):
    _district, application, _officer = _first(world)  # province 50
    client.force_login(world.officers["10"])
    url = reverse("booths:nominate", args=[application.pk])
    assert client.post(url, {"decision": "nominated"}).status_code == 403
    client.force_login(world.officers["50"])
    assert client.post(url, {"decision": "nominated"}).status_code == 302
    assert Nomination.objects.filter(application=application).exists()


# A refused decline writes nothing, so every example may share the one world.
@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reason=st.text(alphabet=" \t\n\u200b\u200c\u2060\ufeff\u00a0\u3000", max_size=5))
def test_a_decline_without_a_reason_is_refused_whatever_blank_is_typed(world, reason):
    _district, application, officer = _first(world)
    with pytest.raises(ValidationError):
        nominations.decide_nomination(
            application=application, decision="declined", reason=reason, by=officer
        )
    assert not Nomination.objects.filter(application=application).exists()


def test_a_decline_with_too_long_a_reason_is_told_only_that_it_is_too_long(world, client):
    _district, application, officer = _first(world)
    client.force_login(officer)
    response = client.post(
        reverse("booths:nominate", args=[application.pk]),
        {"decision": "declined", "reason": "สินค้าไม่พร้อม" * 100},
    )
    assert response.status_code == 200
    [message] = response.context["form"].errors["reason"]  # the length, and nothing else
    assert "ไม่เกิน 500 ตัวอักษร" in message and "1,400" in message
    assert not Nomination.objects.exists()


def test_the_database_refuses_a_decline_without_a_reason(world):
    _district, application, officer = _first(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.create(application=application, decision="declined", by=officer)


def test_the_nomination_page_shows_a_blank_reason_next_to_the_group(world, client):
    _district, application, officer = _first(world)
    client.force_login(officer)
    response = client.post(
        reverse("booths:nominate", args=[application.pk]),
        {"decision": "declined", "reason": " \u200b "},
    )
    assert response.status_code == 200
    assert "ระบุเหตุผล" in response.content.decode()
    assert not Nomination.objects.exists()


def test_nomination_after_the_deadline_is_refused(world):
    _district, application, officer = _first(world)
    Fair.objects.filter(pk=world.fair.pk).update(
        nomination_deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    application.fair.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        nominations.decide_nomination(
            application=application, decision="nominated", reason="", by=officer
        )
    assert "ปิด" in refused.value.messages[0]


def test_closing_nomination_sets_aside_what_was_not_nominated_and_says_which_level(world):
    (_d1, nominated, o1), (_d2, declined, o2) = _first(world), _first(world, 1)
    _d3, silent, _o3 = _first(world, 2)
    nominations.decide_nomination(application=nominated, decision="nominated", reason="", by=o1)
    nominations.decide_nomination(
        application=declined, decision="declined", reason="สินค้ายังไม่ได้มาตรฐาน", by=o2
    )
    lifecycle.close_applications(fair=world.fair, by=world.head_office, confirm_early=True)
    for app in (nominated, declined, silent):
        app.refresh_from_db()
    assert nominated.status == ApplicationStatus.ELIGIBLE
    assert declined.status == silent.status == ApplicationStatus.NOT_SELECTED
    said = decision_of(declined)
    assert said.level == "อำเภอ"
    assert said.sentence == "ไม่ได้รับการเสนอชื่อจากอำเภอ เพราะสินค้ายังไม่ได้มาตรฐาน"
    assert "ไม่ได้รับการเสนอชื่อจากอำเภอ" in decision_of(silent).sentence
    ranked = {row.application_id for row in selectors.ranking(world.fair)}
    assert ranked == {nominated.pk}


def test_each_province_committee_reviews_only_its_province_nominated_applications(world):
    for district, apps in world.applications.items():
        officer = world.district_officers[district]
        for app in apps:
            nominations.decide_nomination(
                application=app, decision="nominated", reason="", by=officer
            )
    lifecycle.close_applications(fair=world.fair, by=world.head_office, confirm_early=True)
    review.auto_assign(fair=world.fair, by=world.head_office, k=2)
    pairs = ReviewAssignment.objects.filter(member__fair=world.fair).values_list(
        "member__province_id", "application__group__province_id"
    )
    assert len(pairs) == 8
    assert all(member == group for member, group in pairs)


def test_a_member_of_one_province_is_refused_another_provinces_application(world):
    bangkok_member = world.members["10"][0]
    _district, chiang_mai_application, _officer = _first(world)
    with pytest.raises(ValidationError):
        review.add_review(
            member=bangkok_member, application=chiang_mai_application, by=world.head_office
        )


def test_a_national_committee_member_needs_a_province(world):
    from tests.factories import UserFactory

    with pytest.raises(ValidationError):
        review.add_member(fair=world.fair, user=UserFactory(role="committee"), by=world.head_office)


def test_only_the_office_that_keeps_an_applications_area_may_decide_it(world):
    """Every officer of the world against every application: a district officer decides for
    their district, a provincial officer for their province, the head office for all."""
    applications = [app for apps in world.applications.values() for app in apps]
    officers = [
        (officer, lambda app, d=district: app.group.subdistrict.district_id == d)
        for district, officer in world.district_officers.items()
    ]
    officers += [
        (officer, lambda app, p=code: app.group.province_id == p)
        for code, officer in world.officers.items()
    ]
    officers.append((world.head_office, lambda app: True))
    committee = world.members["50"][0].user
    officers.append((committee, lambda app: False))
    for officer, keeps in officers:
        for application in applications:
            allowed = officer.has_perm("booths.nominate", application)
            assert allowed == keeps(application), (officer.role, application.group.province_id)


@pytest.mark.parametrize(
    ("state", "says"),
    [
        (FairState.OPEN, "ยังไม่เปิด"),
        (FairState.SCORING, "สิ้นสุดแล้ว"),
        (FairState.ALLOCATED, "สิ้นสุดแล้ว"),
        (FairState.RUNNING, "สิ้นสุดแล้ว"),
        (FairState.CLOSED, "สิ้นสุดแล้ว"),
    ],
)
def test_nomination_outside_its_stage_says_whether_it_is_still_to_come_or_over(state, says):
    fair = national_fair(state=state).fair
    assert says in nominations.nomination_window_error(fair)
