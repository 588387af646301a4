"""Every service that takes `by` (the person acting) writes it into the history it leaves.

The services are found, not listed: every public function with a `by` parameter in a services
module of any app. Each is called through its normal path (no web request, so simple-history's
middleware cannot fill the person in), and every history row it writes — and every account
event, the accounts' own trail — must name `by`. A new service without a scenario here fails.
"""

import datetime
import importlib
import inspect
import pkgutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from simple_history.models import registered_models

from booths.models import (
    Appeal,
    Application,
    ApplicationStatus,
    Fair,
    FairState,
    Nomination,
    OfferStatus,
    RuleKind,
    WaitlistOffer,
)
from booths.rubric_forms import CriterionFormSet
from booths.services import (
    appeals,
    applications,
    eligibility,
    floor,
    lifecycle,
    nominations,
    quotas,
    reinstatement,
    review,
    runs,
    venue,
    waitlist,
    zone_rules,
)
from otop_fair.accounts import services as accounts
from otop_fair.accounts.models import AccountEvent
from otop_fair.audit import bulk_update_with_history_by, save_with_history
from otop_fair.thai_dates import buddhist_date_text
from otop_fair.uploads import validate_and_reencode_image
from producers import services as producers
from producers.models import Province, PublicProfile, QualityStandard
from sales import services as sales
from sales.models import ActionItem, IssueStatus, NetworkMeeting
from sales.services import meetings as meeting_services
from tests.booths.national import national_fair
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    BoothFactory,
    CertificationFactory,
    CommitteeMemberFactory,
    CriterionFactory,
    FairFactory,
    IssueReportFactory,
    ProducerGroupFactory,
    ProductFactory,
    ReviewFactory,
    StarRatingFactory,
    UserFactory,
    VisitFactory,
    ZoneFactory,
)
from tests.matrix_world import jpeg_upload

pytestmark = pytest.mark.django_db
APPS = ("booths", "producers", "sales", "otop_fair")


def services_taking_by():
    """`module.function` of every public service function that takes `by`."""
    found = set()
    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            parts = info.name.split(".")
            if "migrations" in parts or not any(p.endswith("services") for p in parts):
                continue
            module = importlib.import_module(info.name)
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if function.__module__ != module.__name__ or name.startswith("_"):
                    continue
                if "by" in inspect.signature(function).parameters:
                    found.add(f"{module.__name__}.{name}")
    return found


SCENARIOS = {}


def scenario(function):
    """Register `make(by)` → the call of `function` to check, made ready by `make`."""

    def register(make):
        SCENARIOS[f"{function.__module__}.{function.__name__}"] = make
        return make

    return register


def officer_of_50(**kwargs):
    user = UserFactory(role="officer", **kwargs)
    user.officer_provinces.add(Province.objects.get(code="50"))
    return user


def fair_in(state, **kwargs):
    """A fair in `state` with zone A, four booths and a two-line rubric, set up by someone else."""
    fair = FairFactory(state=state, **kwargs)
    zone = ZoneFactory(fair=fair, code="A")
    for _ in range(4):
        BoothFactory(zone=zone)
    CriterionFactory(fair=fair, name="คุณภาพสินค้า", weight=2)
    CriterionFactory(fair=fair, name="บรรจุภัณฑ์", weight=1)
    return fair


def published_fair():
    """Four booths held and two groups waiting, published by another officer."""
    fair = fair_in(FairState.SCORING)
    setter = fair.created_by
    for _ in range(6):
        ApplicationFactory(fair=fair, status="eligible", zones=[fair.zones.get()])
    run = runs.run_allocation(fair=fair, by=setter, seed=5)
    runs.publish_allocation(fair=fair, run=run, by=setter)
    fair.refresh_from_db()
    return fair


def held(fair):
    return fair.assignments.filter(status="active").select_related("booth", "fair").first()


def pending_offer(fair, **kwargs):
    holding = held(fair)
    waitlist.release_assignment(assignment=holding, by=fair.created_by, reason="ป่วย", **kwargs)
    return WaitlistOffer.objects.get(status=OfferStatus.PENDING)


# The booths app.


@scenario(applications.submit_application)
def _(by):
    fair = fair_in(FairState.OPEN)
    group = ProducerGroupFactory(members=[by])
    products = [ProductFactory(group=group)]
    return lambda: applications.submit_application(
        fair=fair, group=group, products=products, zones=[fair.zones.get()],
        needs_electricity=False, wants_corner=False, pitch="", by=by,
    )  # fmt: skip


@scenario(applications.withdraw_application)
def _(by):
    application = ApplicationFactory(fair=fair_in(FairState.OPEN))
    return lambda: applications.withdraw_application(application=application, by=by)


@scenario(eligibility.evaluate_eligibility)
def _(by):
    fair = fair_in(FairState.OPEN)
    ApplicationFactory(fair=fair)
    return lambda: eligibility.evaluate_eligibility(fair=fair, by=by)


@scenario(eligibility.override_eligibility)
def _(by):
    application = ApplicationFactory(fair=fair_in(FairState.OPEN))
    return lambda: eligibility.override_eligibility(
        application=application, is_eligible=False, reason="เอกสารปลอม", by=by
    )


@scenario(eligibility.set_rule)
def _(by):
    fair = fair_in(FairState.OPEN)
    return lambda: eligibility.set_rule(fair=fair, kind=RuleKind.REGISTERED, by=by)


@scenario(eligibility.remove_rule)
def _(by):
    fair = fair_in(FairState.OPEN)
    rule = eligibility.set_rule(fair=fair, kind=RuleKind.REGISTERED, by=fair.created_by)
    return lambda: eligibility.remove_rule(rule=rule, by=by)


@scenario(floor.create_booth_grid)
def _(by):
    fair = fair_in(FairState.DRAFT)
    return lambda: floor.create_booth_grid(
        fair=fair, zone=fair.zones.get(), prefix="N", first=1, last=3, digits=2, per_row=3,
        origin_x=None, origin_y=None, booth_type="standard", allowed_categories=[],
        has_electricity=False, by=by,
    )  # fmt: skip


@scenario(floor.delete_booth)
def _(by):
    booth = fair_in(FairState.DRAFT).booths.first()
    return lambda: floor.delete_booth(booth=booth, by=by)


@scenario(floor.delete_zone)
def _(by):
    zone = ZoneFactory(fair=fair_in(FairState.DRAFT), code="E")
    return lambda: floor.delete_zone(zone=zone, by=by)


@scenario(floor.move_booths)
def _(by):
    fair = fair_in(FairState.DRAFT)
    moves = {b.pk: [500 + n * 40, 900] for n, b in enumerate(fair.booths.all())}
    return lambda: floor.move_booths(fair=fair, moves=moves, by=by)


@scenario(floor.save_fair)
def _(by):
    from booths.forms import FairForm

    start = timezone.localdate() + datetime.timedelta(days=60)
    data = {
        "name": "งาน OTOP ใหม่",
        "venue": "ศาลากลาง",
        "province": "50",
        "start_date": buddhist_date_text(start),
        "end_date": buddhist_date_text(start + datetime.timedelta(days=3)),
        "applications_open_on": buddhist_date_text(start - datetime.timedelta(days=40)),
        "applications_close_on": buddhist_date_text(start - datetime.timedelta(days=10)),
        "booth_count": 4,
    }
    form = FairForm(data, user=by)
    assert form.is_valid(), form.errors
    return lambda: floor.save_fair(form=form, by=by)


@scenario(floor.move_zone)
def _(by):
    zone = fair_in(FairState.DRAFT).zones.get()
    return lambda: floor.move_zone(zone=zone, right=40, down=20, by=by)


@scenario(floor.delete_unused_booths)
def _(by):
    zone = fair_in(FairState.DRAFT).zones.get()
    return lambda: floor.delete_unused_booths(zone=zone, by=by)


def _venue_picture():
    full, _thumbnail = validate_and_reencode_image(jpeg_upload("hall.jpg", size=(80, 40)))
    return full


@scenario(venue.set_venue_plan)
def _(by):
    fair = fair_in(FairState.DRAFT)
    picture = _venue_picture()
    return lambda: venue.set_venue_plan(fair=fair, image=picture, width=400, by=by)


@scenario(venue.remove_venue_plan)
def _(by):
    fair = fair_in(FairState.DRAFT)
    venue.set_venue_plan(fair=fair, image=_venue_picture(), width=400, by=fair.created_by)
    return lambda: venue.remove_venue_plan(fair=fair, by=by)


@scenario(zone_rules.set_zone_rule)
def _(by):
    zone = fair_in(FairState.DRAFT).zones.get()
    return lambda: zone_rules.set_zone_rule(zone=zone, min_stars=3, by=by)


@scenario(zone_rules.flag_group)
def _(by):
    group = ProducerGroupFactory()
    return lambda: zone_rules.flag_group(group=group, flag="disaster", reason="น้ำท่วม", by=by)


@scenario(lifecycle.move_fair)
def _(by):
    fair = fair_in(FairState.DRAFT)
    return lambda: lifecycle.move_fair(fair, FairState.OPEN, by=by, reason="เปิดรับสมัคร")


@scenario(lifecycle.open_applications)
def _(by):
    fair = fair_in(FairState.DRAFT)
    return lambda: lifecycle.open_applications(fair=fair, by=by)


@scenario(lifecycle.close_applications)
def _(by):
    fair = fair_in(FairState.OPEN)
    ApplicationFactory(fair=fair)
    return lambda: lifecycle.close_applications(fair=fair, by=by)


@scenario(lifecycle.start_fair)
def _(by):
    fair = fair_in(FairState.ALLOCATED, start_date=timezone.localdate())
    return lambda: lifecycle.start_fair(fair=fair, by=by)


@scenario(lifecycle.close_fair)
def _(by):
    fair = published_fair()
    pending_offer(fair)
    fair.state = FairState.RUNNING
    fair.save()
    return lambda: lifecycle.close_fair(fair=fair, by=by)


@scenario(review.add_member)
def _(by):
    fair = fair_in(FairState.OPEN)
    user = UserFactory(role="committee")
    return lambda: review.add_member(fair=fair, user=user, by=by)


@scenario(review.remove_member)
def _(by):
    member = CommitteeMemberFactory(fair=fair_in(FairState.OPEN))
    return lambda: review.remove_member(member=member, by=by)


@scenario(review.add_review)
def _(by):
    member = CommitteeMemberFactory(fair=fair_in(FairState.OPEN))
    application = ApplicationFactory(fair=member.fair, status="eligible")
    return lambda: review.add_review(member=member, application=application, by=by)


@scenario(review.auto_assign)
def _(by):
    fair = fair_in(FairState.OPEN)
    for _ in range(3):
        CommitteeMemberFactory(fair=fair)
    ApplicationFactory(fair=fair, status="eligible")
    return lambda: review.auto_assign(fair=fair, by=by)


@scenario(review.copy_criteria)
def _(by):
    fair = fair_in(FairState.OPEN)
    return lambda: review.copy_criteria(fair=fair, by=by)


@scenario(review.declare_conflict)
def _(by):
    assigned = ReviewFactory(member__fair=fair_in(FairState.OPEN))
    return lambda: review.declare_conflict(
        member=assigned.member, application=assigned.application, reason="ญาติ", by=by
    )


@scenario(review.remove_review)
def _(by):
    assigned = ReviewFactory(member__fair=fair_in(FairState.OPEN))
    return lambda: review.remove_review(review=assigned, by=by)


@scenario(review.save_criteria)
def _(by):
    fair = FairFactory(state=FairState.OPEN)
    data = {"c-TOTAL_FORMS": "1", "c-INITIAL_FORMS": "0", "c-0-name": "ความสะอาด"}
    data |= {"c-0-weight": "1", "c-0-max_score": "10", "c-0-order": "1"}
    formset = CriterionFormSet(data, fair=fair, prefix="c")
    assert formset.is_valid(), formset.errors
    return lambda: review.save_criteria(fair=fair, formset=formset, by=by)


@scenario(review.save_scores)
def _(by):
    fair = fair_in(FairState.OPEN)
    assigned = ReviewFactory(member__fair=fair, member__user=by)
    fair.state = FairState.SCORING
    fair.save()
    values = {c.pk: (Decimal("7"), "ดี") for c in fair.criteria.all()}
    return lambda: review.save_scores(review=assigned, values=values, by=by, submit=True)


@scenario(runs.run_allocation)
def _(by):
    fair = fair_in(FairState.SCORING)
    ApplicationFactory(fair=fair, status="eligible", zones=[fair.zones.get()])
    return lambda: runs.run_allocation(fair=fair, by=by, seed=5)


@scenario(runs.publish_allocation)
def _(by):
    fair = fair_in(FairState.SCORING)
    for _ in range(5):
        ApplicationFactory(fair=fair, status="eligible", zones=[fair.zones.get()])
    run = runs.run_allocation(fair=fair, by=fair.created_by, seed=5)
    return lambda: runs.publish_allocation(fair=fair, run=run, by=by)


@scenario(waitlist.release_assignment)
def _(by):
    holding = held(published_fair())
    return lambda: waitlist.release_assignment(assignment=holding, by=by, reason="ป่วย")


@scenario(waitlist.excuse_no_show)
def _(by):
    fair = published_fair()
    holding = held(fair)
    waitlist.release_assignment(
        assignment=holding, by=fair.created_by, reason="ไม่มา", is_no_show=True
    )
    return lambda: waitlist.excuse_no_show(assignment=holding, by=by, reason="น้ำท่วม")


@scenario(waitlist.offer_booth)
def _(by):
    fair = published_fair()
    holding = held(fair)
    holding.status, holding.released_at = "released", timezone.now()
    holding.save()
    return lambda: waitlist.offer_booth(booth=holding.booth, by=by)


@scenario(waitlist.accept_offer)
def _(by):
    offer = pending_offer(published_fair())
    return lambda: waitlist.accept_offer(offer=offer, by=by)


@scenario(waitlist.decline_offer)
def _(by):
    offer = pending_offer(published_fair())
    return lambda: waitlist.decline_offer(offer=offer, by=by)


@scenario(waitlist.expire_offers)
def _(by):
    fair = published_fair()
    pending_offer(fair)
    later = timezone.now() + datetime.timedelta(days=30)
    return lambda: waitlist.expire_offers(fair=fair, by=by, now=later)


# National fairs: quotas, district nominations, appeals.


@scenario(lifecycle.start_nominations)
def _(by):
    fair = national_fair(state=FairState.OPEN).fair
    return lambda: lifecycle.start_nominations(fair=fair, by=by)


@scenario(quotas.save_quotas)
def _(by):
    fair = national_fair().fair
    table = {("50", "food"): 2, ("10", "textile"): 1}
    return lambda: quotas.save_quotas(fair=fair, table=table, by=by, reason="แบ่งตามจังหวัด")


def _first_application(world):
    return next(iter(world.applications.values()))[0]


@scenario(nominations.decide_nomination)
def _(by):
    application = _first_application(national_fair())
    return lambda: nominations.decide_nomination(
        application=application, decision="declined", reason="สินค้ายังไม่พร้อม", by=by
    )


@scenario(nominations.set_aside_unnominated)
def _(by):
    world = national_fair()
    nominations.decide_nomination(
        application=_first_application(world), decision="nominated", reason="",
        by=world.head_office,
    )  # fmt: skip
    return lambda: nominations.set_aside_unnominated(world.fair, by=by)


@scenario(reinstatement.reinstate)
def _(by):
    world = national_fair(state=FairState.ALLOCATED)
    application = _first_application(world)
    Nomination.objects.create(
        application=application, decision="declined", reason="ยังไม่มีฉลาก", by=world.head_office
    )
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.NOT_SELECTED)
    appeal = Appeal.objects.create(
        application=application,
        grounds="ฉลากครบแล้ว",
        filed_by=world.head_office,
        status="upheld",
        decision_reason="อำเภอใช้เกณฑ์เก่า",
        decided_by=world.head_office,
        decided_at=timezone.now(),
    )
    appeal = Appeal.objects.select_related("application__fair", "application__group").get(
        pk=appeal.pk
    )
    return lambda: reinstatement.reinstate(appeal=appeal, by=by)


@scenario(nominations.apply_on_behalf)
def _(by):
    fair = national_fair(state=FairState.OPEN).fair
    Fair.objects.filter(pk=fair.pk).update(applications_close_on=timezone.localdate())
    fair.refresh_from_db()
    group = ProducerGroupFactory()
    products = [ProductFactory(group=group)]
    return lambda: nominations.apply_on_behalf(
        fair=fair, group=group, products=products, zones=[fair.zones.get()],
        needs_electricity=False, wants_corner=False, pitch="", by=by,
    )  # fmt: skip


def waiting_application():
    """A waitlisted application of a published fair whose appeals run ten days."""
    fair = published_fair()
    appeal_deadline = timezone.localdate() + datetime.timedelta(days=10)
    Fair.objects.filter(pk=fair.pk).update(appeal_deadline=appeal_deadline)
    fair.refresh_from_db()
    return fair.applications.filter(status=ApplicationStatus.WAITLISTED).first()


@scenario(appeals.file_appeal)
def _(by):
    application = waiting_application()
    return lambda: appeals.file_appeal(application=application, grounds="คะแนนผิด", by=by)


def filed_appeal():
    application = waiting_application()
    member = UserFactory(role="producer")
    return appeals.file_appeal(application=application, grounds="คะแนนผิด", by=member)


@scenario(appeals.decide_appeal)
def _(by):
    appeal = filed_appeal()
    return lambda: appeals.decide_appeal(
        appeal=appeal, status="dismissed", reason="คะแนนถูกต้อง", by=by
    )


@scenario(appeals.publish_for_appeal)
def _(by):
    appeal = filed_appeal()
    fair = appeal.application.fair
    appeal = appeals.decide_appeal(
        appeal=appeal, status="upheld", reason="พบคะแนนผิด", by=fair.created_by
    )
    run = runs.run_allocation(fair=fair, by=fair.created_by, seed=11)
    return lambda: appeals.publish_for_appeal(appeal=appeal, run=run, by=by)


# The producers app.


@scenario(producers.save_group)
def _(by):
    group = ProducerGroupFactory.build()
    return lambda: producers.save_group(group=group, by=by)


@scenario(producers.save_product)
def _(by):
    group = ProducerGroupFactory()
    product = ProductFactory.build(group=group)
    return lambda: producers.save_product(product=product, group=group, by=by)


@scenario(producers.add_photo)
def _(by):
    product = ProductFactory()
    full, thumbnail = validate_and_reencode_image(jpeg_upload())
    return lambda: producers.add_photo(product=product, image=full, thumbnail=thumbnail, by=by)


@scenario(producers.delete_photo)
def _(by):
    product = ProductFactory()
    full, thumbnail = validate_and_reencode_image(jpeg_upload())
    photo = producers.add_photo(product=product, image=full, thumbnail=thumbnail, by=None)
    return lambda: producers.delete_photo(photo=photo, by=by)


@scenario(producers.record_visit)
def _(by):
    group = ProducerGroupFactory()
    visit = VisitFactory.build(group=group, officer=by, follow_up="ส่งฉลากใหม่")
    return lambda: producers.record_visit(visit=visit, group=group, by=by)


@scenario(producers.complete_follow_up)
def _(by):
    visit = VisitFactory(follow_up="ส่งฉลากใหม่", follow_up_status="open")
    return lambda: producers.complete_follow_up(visit=visit, by=by)


@scenario(producers.record_rating)
def _(by):
    rating = StarRatingFactory.build(product=ProductFactory())
    rating.round.save()
    return lambda: producers.record_rating(rating=rating, by=by)


@scenario(producers.record_certification)
def _(by):
    group = ProducerGroupFactory()
    certification = CertificationFactory.build(group=group)
    return lambda: producers.record_certification(certification=certification, group=group, by=by)


@scenario(producers.save_public_profile)
def _(by):
    profile = PublicProfile(group=ProducerGroupFactory(), show_story=True)
    return lambda: producers.save_public_profile(profile=profile, by=by)


@scenario(producers.hide_public_page)
def _(by):
    group = ProducerGroupFactory()
    return lambda: producers.hide_public_page(group=group, by=by, reason="รูปไม่เหมาะสม")


@scenario(producers.show_public_page)
def _(by):
    group = ProducerGroupFactory()
    producers.hide_public_page(group=group, by=None, reason="รูปไม่เหมาะสม")
    return lambda: producers.show_public_page(group=group, by=by)


@scenario(producers.save_standard)
def _(by):
    standard = QualityStandard(code="otop-test", name="มาตรฐานทดลอง", default_for=["food"])
    return lambda: producers.save_standard(standard=standard, by=by)


# The sales app.


@scenario(sales.record_daily_sales)
def _(by):
    holding = AssignmentFactory()
    day = timezone.localdate()  # before the cut-off: no reason needed
    return lambda: sales.record_daily_sales(assignment=holding, day=day, amount=1500, by=by)


@scenario(sales.set_sales_cutoff)
def _(by):
    fair = AssignmentFactory().fair
    return lambda: sales.set_sales_cutoff(
        fair=fair, days_after=2, cutoff_time=datetime.time(18), by=by
    )


@scenario(sales.record_encouragement_visit)
def _(by):
    holding = AssignmentFactory()
    day = holding.fair.start_date
    return lambda: sales.record_encouragement_visit(
        assignment=holding, day=day, note="แนะนำจัดบูธใหม่", by=by
    )


@scenario(sales.report_issue)
def _(by):
    holding = AssignmentFactory()
    return lambda: sales.report_issue(
        fair=holding.fair, category="electricity", description="ไฟดับ", by=by
    )


@scenario(sales.move_issue)
def _(by):
    issue = IssueReportFactory()
    return lambda: sales.move_issue(issue=issue, status=IssueStatus.IN_PROGRESS, by=by)


@scenario(sales.record_visitors)
def _(by):
    fair = AssignmentFactory().fair
    return lambda: sales.record_visitors(fair=fair, day=fair.start_date, count=1200, by=by)


@scenario(sales.import_visitors)
def _(by):
    fair = AssignmentFactory().fair
    rows = [(fair.start_date, 900), (fair.start_date + datetime.timedelta(days=1), 1100)]
    return lambda: sales.import_visitors(fair=fair, rows=rows, by=by)


@scenario(sales.set_sales_target)
def _(by):
    fair = AssignmentFactory().fair
    return lambda: sales.set_sales_target(fair=fair, amount=Decimal("500000"), by=by)


@scenario(sales.record_channel_sale)
def _(by):
    group = ProducerGroupFactory()
    return lambda: sales.record_channel_sale(
        group=group, day=timezone.localdate(), kind="mobile_unit", place="อำเภอยิ้ม",
        takings=Decimal("2500"), by=by,
    )  # fmt: skip


def _meeting_data():
    return {
        "fair": None,
        "held_on": timezone.localdate(),
        "place": "ศาลากลาง",
        "agenda": "วางแผนงาน",
        "minutes": "",
        "decisions": "",
        "province": Province.objects.get(code="50"),
    }


@scenario(meeting_services.save_meeting)
def _(by):
    group, invited = ProducerGroupFactory(), ProducerGroupFactory()
    return lambda: meeting_services.save_meeting(
        data=_meeting_data(), groups_present=[group], groups_absent=[], officers=[by], by=by,
        groups_invited=[group, invited], officers_invited=[by],
    )  # fmt: skip


@scenario(meeting_services.save_action_item)
def _(by):
    meeting = NetworkMeeting(created_by=by, **_meeting_data())
    meeting.save()
    item = ActionItem(meeting=meeting, description="ส่งรายชื่อกลุ่ม", owner_officer=by)
    return lambda: meeting_services.save_action_item(item=item, by=by)


# The accounts (their own trail: account events, each naming who acted).


@scenario(accounts.create_group_accounts)
def _(by):
    group = ProducerGroupFactory()
    groups = type(group).objects.filter(pk=group.pk)
    return lambda: accounts.create_group_accounts(groups=groups, by=by)


@scenario(accounts.create_person)
def _(by):
    province = Province.objects.get(code="50")
    return lambda: accounts.create_person(
        role="committee", first_name="สมชาย", last_name="ใจดี", phone="0812345678",
        email="", username="somchai", province=province, by=by,
    )  # fmt: skip


@scenario(accounts.reset_password)
def _(by):
    user = UserFactory(role="committee")
    return lambda: accounts.reset_password(user=user, by=by)


@scenario(accounts.unlock)
def _(by):
    user = UserFactory(role="committee")
    return lambda: accounts.unlock(user=user, by=by)


@scenario(accounts.set_active)
def _(by):
    user = UserFactory(role="committee")
    return lambda: accounts.set_active(user=user, is_active=False, by=by)


# The checks.


def _history_models():
    return sorted({m for m in registered_models.values()}, key=lambda m: m._meta.label)


def _marks():
    """The newest history id of every tracked model, and the newest account event."""
    marks = {}
    for model in _history_models():
        newest = model.history.order_by("-history_id").values_list("history_id", flat=True)
        marks[model] = newest.first() or 0
    marks[AccountEvent] = AccountEvent.objects.order_by("-pk").values_list("pk", flat=True).first()
    return marks


def _written_since(marks):
    """(what, who) of every history row and account event written after `marks`."""
    written = []
    for model in _history_models():
        rows = model.history.filter(history_id__gt=marks[model])
        written += [(model._meta.label, user) for user in rows.values_list("history_user_id")]
    events = AccountEvent.objects.filter(pk__gt=marks[AccountEvent] or 0)
    written += [("account event", user) for user in events.values_list("by_id")]
    return written


def test_every_service_taking_by_is_checked_here():
    assert services_taking_by() == set(SCENARIOS)


@pytest.mark.parametrize("service", sorted(SCENARIOS))
def test_the_service_records_who_acted_in_every_history_row_it_writes(service):
    by = officer_of_50() if "save_scores" not in service else UserFactory(role="committee")
    call = SCENARIOS[service](by)
    marks = _marks()
    call()
    written = _written_since(marks)
    assert written, f"{service} wrote no history"
    strangers = [(what, who) for what, (who,) in written if who != by.pk]
    assert not strangers, f"{service} wrote history without who acted: {strangers}"


@pytest.mark.parametrize("phones", [["0811111111"] * 8, [f"08{n:08d}" for n in range(8)]])
def test_a_bulk_update_names_by_even_for_rows_last_saved_by_someone_else(phones):
    """Shared new values take the grouped UPDATEs, distinct ones bulk_update: both name `by`."""
    before, by = officer_of_50(), officer_of_50()
    groups = [save_with_history(ProducerGroupFactory.build(), by=before) for _ in phones]
    for group, phone in zip(groups, phones, strict=True):
        group.phone = phone
    bulk_update_with_history_by(groups, ["phone"], by=by, reason="ย้ายเบอร์")
    for group, phone in zip(groups, phones, strict=True):
        latest = group.history.latest()
        assert (latest.history_user, latest.history_change_reason) == (by, "ย้ายเบอร์")
        assert type(group).objects.get(pk=group.pk).phone == phone


def test_no_app_sets_simple_historys_attributes_by_hand():
    """Who and why go through otop_fair/audit.py's writers, the one place that sets them."""
    root = Path(__file__).resolve().parents[2]
    writer = root / "otop_fair" / "audit.py"
    by_hand = [
        f"{path.relative_to(root)}:{number}"
        for app in APPS
        for path in sorted((root / app).rglob("*.py"))
        if path != writer
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "._history_user" in line or "._change_reason" in line
    ]
    assert not by_hand, f"set by hand instead of save_with_history & co: {by_hand}"
