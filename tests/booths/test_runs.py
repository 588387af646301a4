"""Allocation runs are stored versions; a published one never changes; released booths go to the
waiting list by offer, accept, decline or expiry."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.utils import timezone

from booths.models import (
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    FairState,
    OfferStatus,
    RunResult,
    WaitlistOffer,
)
from booths.services import (
    accept_offer,
    decline_offer,
    expire_offers,
    publish_allocation,
    release_assignment,
    run_allocation,
    withdraw_application,
)
from booths.services.runs import compare_runs
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(fair):
    """Four booths, six eligible applicants: four seated, two on the waiting list."""
    fair.state = FairState.SCORING
    fair.save()
    zone = fair.zones.get()
    apps = [ApplicationFactory(fair=fair, status="eligible", zones=[zone]) for _ in range(6)]
    return fair, apps


def test_a_run_stores_inputs_seed_version_and_a_result_per_applicant(scored, cm_officer):
    fair, apps = scored
    run = run_allocation(fair=fair, by=cm_officer, seed=7)
    assert run.version == 1 and run.seed == 7 and run.algorithm_version
    assert len(run.inputs["applicants"]) == 6 and len(run.inputs["booths"]) == 4
    assert run.results.count() == 6
    assert run.seated_count == 4 and run.waitlist_count == 2
    assert all(r.explanation for r in run.results.all())


def test_the_same_seed_gives_the_same_result(scored, cm_officer):
    fair, _ = scored
    first = run_allocation(fair=fair, by=cm_officer, seed=11)
    second = run_allocation(fair=fair, by=cm_officer, seed=11)
    shape = lambda run: list(run.results.values_list("application_id", "booth_id", "rank"))  # noqa: E731
    assert shape(first) == shape(second)
    assert compare_runs(first, second) == []


def test_a_rerun_is_a_new_version(scored, cm_officer):
    fair, _ = scored
    assert run_allocation(fair=fair, by=cm_officer, seed=1).version == 1
    assert run_allocation(fair=fair, by=cm_officer, seed=2).version == 2


def test_publishing_holds_the_booths_and_sets_every_status(scored, cm_officer):
    fair, apps = scored
    run = run_allocation(fair=fair, by=cm_officer, seed=3)
    publish_allocation(fair=fair, run=run, by=cm_officer)
    assert Assignment.objects.filter(fair=fair, status="active").count() == 4
    statuses = sorted(a.status for a in fair.applications.all())
    assert statuses.count(ApplicationStatus.SELECTED) == 4
    assert statuses.count(ApplicationStatus.WAITLISTED) == 2


def test_a_published_run_cannot_be_edited_even_directly(scored, cm_officer):
    fair, _ = scored
    run = run_allocation(fair=fair, by=cm_officer, seed=3)
    publish_allocation(fair=fair, run=run, by=cm_officer)
    run.seed = 99
    with pytest.raises(DatabaseError), transaction.atomic():
        run.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        RunResult.objects.filter(run=run).update(explanation="แก้ไข")
    with pytest.raises(ValidationError, match="ประกาศไปแล้ว"):
        publish_allocation(fair=fair, run=run, by=cm_officer)


def test_a_new_version_after_publication_needs_a_reason_and_keeps_the_old(scored, cm_officer):
    fair, _ = scored
    first = run_allocation(fair=fair, by=cm_officer, seed=3)
    publish_allocation(fair=fair, run=first, by=cm_officer)
    second = run_allocation(fair=fair, by=cm_officer, seed=4)
    with pytest.raises(ValidationError, match="เหตุผล"):
        publish_allocation(fair=fair, run=second, by=cm_officer)
    publish_allocation(fair=fair, run=second, by=cm_officer, reason="แก้ข้อมูลโซนผิด")
    second.refresh_from_db()
    first.refresh_from_db()
    assert first.is_published and second.is_published
    assert second.reason == "แก้ข้อมูลโซนผิด"
    seats = dict(
        second.results.filter(booth__isnull=False).values_list("application_id", "booth_id")
    )
    held = dict(
        Assignment.objects.filter(fair=fair, status="active").values_list(
            "application_id", "booth_id"
        )
    )
    assert held == seats


def _published(scored, officer):
    fair, apps = scored
    run = run_allocation(fair=fair, by=officer, seed=5)
    publish_allocation(fair=fair, run=run, by=officer)
    fair.refresh_from_db()
    first_waiting = run.results.get(waitlist_position=1).application
    second_waiting = run.results.get(waitlist_position=2).application
    holding = (
        Assignment.objects.filter(fair=fair, status="active")
        .select_related("booth", "fair")
        .first()
    )
    return fair, holding, first_waiting, second_waiting


def test_a_released_booth_is_offered_to_the_first_on_the_waiting_list(scored, cm_officer):
    fair, holding, first, _second = _published(scored, cm_officer)
    release_assignment(assignment=holding, by=cm_officer, reason="ไม่มา", is_no_show=True)
    offer = WaitlistOffer.objects.get()
    assert offer.application == first and offer.booth == holding.booth
    assert offer.deadline > timezone.now()
    holding.refresh_from_db()
    assert holding.status == AssignmentStatus.RELEASED and holding.is_no_show


def test_accepting_the_offer_gives_the_booth(scored, cm_officer, producer_user):
    fair, holding, first, _ = _published(scored, cm_officer)
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    assignment = accept_offer(offer=WaitlistOffer.objects.get(), by=producer_user)
    assert assignment.application == first and assignment.booth == holding.booth
    first.refresh_from_db()
    assert first.status == ApplicationStatus.SELECTED
    assert WaitlistOffer.objects.get().history.latest().history_user == producer_user


def test_declining_passes_the_booth_to_the_next(scored, cm_officer, producer_user):
    fair, holding, first, second = _published(scored, cm_officer)
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    decline_offer(offer=WaitlistOffer.objects.get(application=first), by=producer_user)
    assert WaitlistOffer.objects.get(application=first).status == OfferStatus.DECLINED
    assert WaitlistOffer.objects.get(application=second).status == OfferStatus.PENDING


def test_an_offer_past_its_deadline_expires_and_moves_on(scored, cm_officer, producer_user):
    fair, holding, first, second = _published(scored, cm_officer)
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    later = timezone.now() + datetime.timedelta(days=3)
    assert expire_offers(fair=fair, now=later) == 1
    assert WaitlistOffer.objects.get(application=first).status == OfferStatus.EXPIRED
    assert WaitlistOffer.objects.get(application=second).status == OfferStatus.PENDING
    with pytest.raises(ValidationError):
        accept_offer(offer=WaitlistOffer.objects.get(application=first), by=producer_user)


def test_accepting_after_the_deadline_is_refused(scored, cm_officer, producer_user):
    fair, holding, *_ = _published(scored, cm_officer)
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    later = timezone.now() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError, match="เลยกำหนด"):
        accept_offer(offer=WaitlistOffer.objects.get(), by=producer_user, now=later)


def test_withdrawing_a_seated_group_releases_its_booth(scored, cm_officer, producer_user):
    fair, holding, first, _ = _published(scored, cm_officer)
    withdraw_application(application=holding.application, by=producer_user)
    holding.refresh_from_db()
    assert holding.status == AssignmentStatus.RELEASED
    assert WaitlistOffer.objects.get().application == first


def test_officer_publishes_and_compares_from_the_pages(scored, cm_officer, client_for):
    fair, _ = scored
    client = client_for(cm_officer)
    response = client.post(f"/fairs/{fair.pk}/runs/", {"seed": "8"}, follow=True)
    assert "บันทึกผลการจัดสรรแล้ว" in response.content.decode()
    run = fair.runs.get()
    mistyped = client.post(f"/fairs/runs/{run.pk}/", {"reason": "", "fair_name": "งาน"})
    assert "พิมพ์ชื่องาน" in mistyped.content.decode()
    assert fair.runs.get().published_at is None
    typed = {"reason": "", "fair_name": fair.name}
    response = client.post(f"/fairs/runs/{run.pk}/", typed, follow=True)
    assert "ประกาศผลฉบับที่ 1 แล้ว" in response.content.decode()
    second = run_allocation(fair=fair, by=cm_officer, seed=9)
    compare = client.get(f"/fairs/runs/{second.pk}/compare/{run.pk}/")
    assert compare.status_code == 200


def test_the_expire_command_passes_overdue_offers_on(scored, cm_officer):
    fair, holding, first, second = _published(scored, cm_officer)
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    WaitlistOffer.objects.update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    call_command("expire_offers", verbosity=0)
    assert WaitlistOffer.objects.get(application=first).status == OfferStatus.EXPIRED
    assert WaitlistOffer.objects.get(application=second).status == OfferStatus.PENDING


def test_a_new_version_lapses_open_offers(scored, cm_officer):
    fair, holding, first, _ = _published(scored, cm_officer)
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    second = run_allocation(fair=fair, by=cm_officer, seed=6)
    publish_allocation(fair=fair, run=second, by=cm_officer, reason="แก้ไขผัง")
    assert WaitlistOffer.objects.get().status == OfferStatus.EXPIRED


def test_the_run_page_states_the_rule_for_minimums_and_marks_ties_drawn_by_lot(
    scored, cm_officer, client_for
):
    fair, _ = scored  # nobody is scored yet: all six tie at 0.00
    run = run_allocation(fair=fair, by=cm_officer, seed=8)
    page = client_for(cm_officer).get(f"/fairs/runs/{run.pk}/").content.decode()
    assert "จำนวนขั้นต่ำจะแทนที่ผู้สมัครที่ได้ลำดับสูงกว่าได้ก็ต่อเมื่อไม่มีการจัดสรรใด" in page
    assert page.count("เสมอ จับฉลาก") == 6
    waiting = run.results.filter(booth=None).first()
    assert "ซึ่งคะแนนเท่ากัน (0.00) แต่จับฉลากได้ลำดับก่อน ด้วยเลขสุ่มที่ประกาศของงาน (8)" in (
        waiting.explanation
    )
