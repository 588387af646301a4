"""A released booth and the waiting list, from the side of the groups waiting and the officer:
who is offered the booth, what each refusal says in Thai, and what the history keeps."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from booths.models import AssignmentStatus, FairState, OfferStatus, RunResult, WaitlistOffer
from booths.services import (
    accept_offer,
    decline_offer,
    expire_offers,
    publish_allocation,
    release_assignment,
    run_allocation,
)
from booths.services.waitlist import (
    booth_fits,
    current_run,
    excuse_no_show,
    expire_overdue_offers,
    offer_booth,
)
from producers.models import Category
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    FairFactory,
    ProductFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(fair, cm_officer):
    """Four booths held, two groups waiting (first and second); returns the fair and a holding."""
    fair.state = FairState.SCORING
    fair.save()
    zone = fair.zones.get()
    for _ in range(6):
        ApplicationFactory(fair=fair, status="eligible", zones=[zone])
    run = run_allocation(fair=fair, by=cm_officer, seed=5)
    publish_allocation(fair=fair, run=run, by=cm_officer)
    fair.refresh_from_db()
    holding = fair.assignments.filter(status="active").select_related("booth", "fair").first()
    waiting = [run.results.get(waitlist_position=n).application for n in (1, 2)]
    return fair, holding, waiting


def refused(call, **kwargs):
    with pytest.raises(ValidationError) as error:
        call(**kwargs)
    return error.value.messages


def test_releasing_records_who_released_why_and_when(published, cm_officer):
    _fair, holding, _waiting = published
    release_assignment(assignment=holding, by=cm_officer, reason="ป่วย", is_no_show=True)
    holding.refresh_from_db()
    assert holding.release_reason == "ป่วย" and holding.is_no_show
    assert holding.released_at is not None
    record = holding.history.latest()
    assert (record.history_user, record.history_change_reason) == (cm_officer, "ป่วย")
    assert WaitlistOffer.objects.get().history.latest().history_user == cm_officer


def test_a_booth_released_twice_is_refused_in_thai(published, cm_officer):
    _fair, holding, _waiting = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    assert refused(release_assignment, assignment=holding, by=cm_officer, reason="ซ้ำ") == [
        "บูธนี้ถูกคืนไปแล้ว"
    ]


def test_a_booth_is_not_released_after_the_fair_closed(published, cm_officer):
    fair, holding, _waiting = published
    fair.state = FairState.CLOSED
    fair.save()
    holding.fair.state = FairState.CLOSED
    assert refused(release_assignment, assignment=holding, by=cm_officer, reason="x") == [
        "คืนบูธได้เฉพาะหลังประกาศผลและระหว่างงาน"
    ]
    holding.refresh_from_db()
    assert holding.status == AssignmentStatus.ACTIVE


def test_the_offer_gives_the_first_waiting_group_48_hours(published, cm_officer):
    _fair, holding, (first, _second) = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    now = timezone.now()
    offer = offer_booth(booth=holding.booth, by=cm_officer, now=now)
    assert offer is None  # the booth was offered already, once is enough
    offer = WaitlistOffer.objects.get()
    assert offer.application == first
    assert offer.deadline - now < datetime.timedelta(hours=48, seconds=1)
    assert offer.deadline - now > datetime.timedelta(hours=47, minutes=59)


def test_a_booth_still_held_is_offered_to_nobody(published, cm_officer):
    _fair, holding, _waiting = published
    assert offer_booth(booth=holding.booth, by=cm_officer) is None
    assert not WaitlistOffer.objects.exists()


def test_a_fair_without_a_published_run_offers_nothing(fair, cm_officer):
    assert offer_booth(booth=fair.booths.first(), by=cm_officer) is None


def test_accepting_records_the_group_as_holder_with_a_thai_reason(
    published, cm_officer, producer_user
):
    _fair, holding, (first, _second) = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    assignment = accept_offer(offer=WaitlistOffer.objects.get(), by=producer_user)
    record = assignment.history.latest()
    assert record.history_user == producer_user
    assert record.history_change_reason == "รับข้อเสนอบูธจากรายชื่อสำรองแล้ว"
    offer = WaitlistOffer.objects.get()
    assert offer.status == OfferStatus.ACCEPTED and offer.responded_at is not None
    assert offer.history.latest().history_change_reason == "offer accepted"
    first.refresh_from_db()
    assert first.status == "selected"
    assert first.history.latest().history_user == producer_user


def test_an_offer_to_a_group_already_holding_a_booth_is_refused_by_name_not_by_a_500(
    published, cm_officer, producer_user, client_for
):
    fair, holding, _waiting = published
    holding.application.group.members.add(producer_user)
    offer = WaitlistOffer.objects.create(
        fair=fair,
        booth=BoothFactory(zone=holding.booth.zone),
        application=holding.application,
        deadline=timezone.now() + datetime.timedelta(days=2),
    )
    message = f"กลุ่มของท่านมีบูธ {holding.booth.code} ในงานนี้อยู่แล้ว"
    assert refused(accept_offer, offer=offer, by=producer_user) == [message]
    url = reverse("booths:accept_offer", args=[offer.pk])
    answer = client_for(producer_user).post(url, HTTP_ACCEPT="application/json")
    assert answer.status_code == 400
    assert answer.json()["errors"]["answer"][0]["message"] == message
    offer.refresh_from_db()
    assert offer.status == OfferStatus.PENDING
    assert holding.application.assignments.filter(status="active").count() == 1


def test_an_offer_answered_once_cannot_be_answered_again(published, cm_officer, producer_user):
    _fair, holding, (first, _second) = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    offer = WaitlistOffer.objects.get()
    decline_offer(offer=offer, by=producer_user)
    closed = ["ข้อเสนอนี้สิ้นสุดแล้ว"]
    assert refused(accept_offer, offer=offer, by=producer_user) == closed
    assert refused(decline_offer, offer=offer, by=producer_user) == closed


def test_the_offer_can_be_taken_up_to_its_deadline_and_not_after(
    published, cm_officer, producer_user
):
    _fair, holding, _waiting = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    offer = WaitlistOffer.objects.get()
    late = offer.deadline + datetime.timedelta(microseconds=1)
    assert refused(accept_offer, offer=offer, by=producer_user, now=late) == [
        "เลยกำหนดตอบรับข้อเสนอนี้แล้ว"
    ]
    assert accept_offer(offer=offer, by=producer_user, now=offer.deadline).booth == holding.booth


def test_declining_is_recorded_and_passes_the_booth_on(published, cm_officer, producer_user):
    _fair, holding, (first, second) = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    declined = WaitlistOffer.objects.get(application=first)
    next_offer = decline_offer(offer=declined, by=producer_user)
    assert next_offer.application == second
    assert next_offer.history.latest().history_user == producer_user
    declined.refresh_from_db()
    assert declined.responded_at is not None
    record = declined.history.latest()
    assert (record.history_user, record.history_change_reason) == (producer_user, "offer declined")


def test_an_offer_lapses_only_after_its_deadline(published, cm_officer):
    fair, holding, _waiting = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    offer = WaitlistOffer.objects.get()
    assert expire_offers(fair=fair, now=offer.deadline) == 0
    assert expire_offers(fair=fair, now=offer.deadline + datetime.timedelta(seconds=1)) == 1
    offer.refresh_from_db()
    assert offer.status == OfferStatus.EXPIRED
    assert offer.history.latest().history_change_reason == "offer expired"


def test_a_lapsed_offer_after_the_fair_closed_is_not_passed_on(published, cm_officer):
    fair, holding, _waiting = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    fair.state = FairState.CLOSED
    fair.save()
    later = timezone.now() + datetime.timedelta(days=3)
    assert expire_offers(fair=fair, now=later) == 1
    assert WaitlistOffer.objects.filter(status=OfferStatus.PENDING).count() == 0


def test_the_next_offer_after_expiry_runs_from_the_moment_of_expiry(published, cm_officer):
    fair, holding, (_first, second) = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    later = timezone.now() + datetime.timedelta(days=3)
    expire_offers(fair=fair, now=later)
    passed_on = WaitlistOffer.objects.get(status=OfferStatus.PENDING)
    assert passed_on.application == second
    assert passed_on.deadline == later + datetime.timedelta(hours=48)


@pytest.mark.parametrize(
    ("categories", "allowed", "power_needed", "has_power", "fits"),
    [
        ({"food"}, [], False, False, True),
        ({"food", "textile"}, ["food"], False, False, False),
        ({"food", "textile"}, ["food", "textile", "herb"], False, False, True),
        ({"food"}, ["food"], True, False, False),
        ({"food"}, ["food"], True, True, True),
        ({"food"}, ["food"], False, True, True),
    ],
)
def test_a_booth_fits_a_group_only_if_it_takes_all_their_categories_and_power(
    categories, allowed, power_needed, has_power, fits
):
    class Booth:
        allowed_categories = allowed
        has_electricity = has_power

    assert booth_fits(Booth, categories=categories, needs_electricity=power_needed) == fits


def test_a_released_textile_booth_skips_a_waiting_group_that_competes_in_food(
    published, cm_officer
):
    """A booth takes an applicant by the one category their application competes in."""
    _fair, holding, (first, second) = published
    first.products.add(ProductFactory(group=first.group, category=Category.FOOD))
    first.category = Category.FOOD
    first.save(update_fields=["category"])
    holding.booth.allowed_categories = [Category.TEXTILE]
    holding.booth.save()
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    assert WaitlistOffer.objects.get().application == second


def test_an_absence_is_excused_once_and_only_for_a_no_show(published, cm_officer):
    _fair, holding, _waiting = published
    assert refused(excuse_no_show, assignment=holding, by=cm_officer, reason="x") == [
        "ยกเว้นได้เฉพาะกลุ่มที่ไม่มาออกบูธ"
    ]
    release_assignment(assignment=holding, by=cm_officer, reason="ไม่มา", is_no_show=True)
    assert refused(
        excuse_no_show, assignment=holding, by=cm_officer, reason="x", excused=False
    ) == ["การไม่มาครั้งนี้ยังไม่ได้รับการยกเว้น"]
    excused = excuse_no_show(assignment=holding, by=cm_officer, reason="น้ำท่วม")
    assert excused.is_no_show_excused
    record = excused.history.latest()
    assert (record.history_user, record.history_change_reason) == (cm_officer, "น้ำท่วม")
    assert refused(excuse_no_show, assignment=holding, by=cm_officer, reason="x") == [
        "การไม่มาครั้งนี้ได้รับการยกเว้นอยู่แล้ว"
    ]


def test_an_offer_is_made_by_whoever_released_the_booth(published):
    _fair, holding, _waiting = published
    officer = UserFactory(role="officer", username="officer_release")
    release_assignment(assignment=holding, by=officer, reason="ถอนตัว")
    assert WaitlistOffer.objects.get().history.earliest().history_user == officer


def test_a_withdrawal_is_not_recorded_as_a_no_show(published, cm_officer):
    _fair, holding, _waiting = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    holding.refresh_from_db()
    assert not holding.is_no_show


def test_a_waiting_group_that_took_another_booth_is_not_offered_a_second(
    published, cm_officer, producer_user
):
    fair, holding, (first, second) = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    accept_offer(offer=WaitlistOffer.objects.get(application=first), by=producer_user)
    another = fair.assignments.filter(status="active").exclude(application=first).first()
    release_assignment(assignment=another, by=cm_officer, reason="ถอนตัว")
    assert WaitlistOffer.objects.get(booth=another.booth).application == second


def test_a_waiting_group_that_withdrew_is_passed_over(published, cm_officer, producer_user):
    _fair, holding, (first, second) = published
    first.status = "withdrawn"
    first.save()
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    assert WaitlistOffer.objects.get().application == second


def test_a_booth_without_power_goes_past_a_waiting_group_that_needs_it(published, cm_officer):
    _fair, holding, (first, second) = published
    first.needs_electricity = True
    first.save()
    holding.booth.has_electricity = False
    holding.booth.save()
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    assert WaitlistOffer.objects.get().application == second


def test_finding_the_group_to_offer_a_booth_costs_the_same_queries_however_many_wait(published):
    """No waiting group fits the released booth: each is looked at without a query of its own."""
    fair, holding, (first, _second) = published
    run = current_run(fair)
    booth = holding.booth
    booth.allowed_categories = [Category.FOOD]
    booth.save()
    holding.status = "released"
    holding.save()

    def queries_to_offer():
        with CaptureQueriesContext(connection) as queries:
            assert offer_booth(booth=booth, by=None) is None
        return len(queries)

    queries_to_offer()  # the booth's fair is fetched once
    with_two_waiting = queries_to_offer()
    for position in (3, 4, 5):
        late = ApplicationFactory(fair=fair, status="waitlisted")
        RunResult.objects.create(
            run=run,
            application=late,
            rank=10 + position,
            score=0,
            waitlist_position=position,
            explanation="-",
        )
    assert queries_to_offer() == with_two_waiting


def test_expiry_leaves_answered_offers_and_other_fairs_alone(published, cm_officer, producer_user):
    fair, holding, (first, second) = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    accepted = WaitlistOffer.objects.get()
    accept_offer(offer=accepted, by=producer_user)
    elsewhere = ApplicationFactory(status="waitlisted")
    other_fair_offer = WaitlistOffer.objects.create(
        fair=elsewhere.fair,
        booth=BoothFactory(zone__fair=elsewhere.fair),
        application=elsewhere,
        deadline=timezone.now() - datetime.timedelta(hours=1),
    )
    later = timezone.now() + datetime.timedelta(days=3)
    assert expire_offers(fair=fair, now=later) == 0
    accepted.refresh_from_db()
    other_fair_offer.refresh_from_db()
    assert accepted.status == OfferStatus.ACCEPTED
    assert other_fair_offer.status == OfferStatus.PENDING


def test_an_officer_lapsing_offers_is_named_in_the_history(published, cm_officer):
    fair, holding, (first, second) = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    colleague = UserFactory(role="officer", username="officer_expiry")
    expire_offers(fair=fair, by=colleague, now=timezone.now() + datetime.timedelta(days=3))
    lapsed = WaitlistOffer.objects.get(application=first)
    assert lapsed.history.latest().history_user == colleague
    passed_on = WaitlistOffer.objects.get(application=second)
    assert passed_on.history.earliest().history_user == colleague


def test_the_periodic_job_counts_the_offers_it_expired_at_every_fair_holding_booths(
    published, cm_officer
):
    fair, holding, _waiting = published
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    offer = WaitlistOffer.objects.get()
    FairFactory(running=True)  # a later fair in the job's order, with no offer to expire
    assert expire_overdue_offers(now=offer.deadline) == 0
    assert expire_overdue_offers(now=offer.deadline + datetime.timedelta(seconds=1)) == 1
    offer.refresh_from_db()
    assert offer.status == OfferStatus.EXPIRED


def test_a_freed_booth_goes_by_the_waiting_list_of_the_version_in_force_not_an_older_one(
    published, cm_officer
):
    """Version 2 put the second group of version 1's waiting list first: the booth goes to it."""
    fair, holding, (first, second) = published
    older = current_run(fair)
    newer = fair.runs.create(
        version=older.version + 1,
        seed=older.seed,
        algorithm_version=older.algorithm_version,
        created_by=cm_officer,
    )
    for position, application in ((2, second), (3, first)):
        RunResult.objects.create(
            run=newer,
            application=application,
            rank=position + 4,
            score=1,
            waitlist_position=position,
            explanation="-",
        )
    fair.runs.filter(pk=newer.pk).update(is_published=True, published_at=timezone.now())
    assert current_run(fair) == newer
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    assert WaitlistOffer.objects.get().application == second
