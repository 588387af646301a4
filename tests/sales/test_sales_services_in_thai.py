"""What the sales services tell people in Thai when they refuse, and what they keep when they
accept: the cut-off at its exact moment, officers' notes, problems moving along their workflow."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from booths.models import FairState
from sales.models import DailySales, IssueStatus
from sales.services import (
    move_issue,
    record_daily_sales,
    record_encouragement_visit,
    report_issue,
    sales_policy,
    set_sales_cutoff,
)
from tests.factories import AssignmentFactory, FairFactory, IssueReportFactory, UserFactory

pytestmark = pytest.mark.django_db


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def refused(call, **kwargs):
    with pytest.raises(ValidationError) as error:
        call(**kwargs)
    return error.value.messages


def sale(holding, by, *, day=None, now=None, reason=""):
    day = day or holding.fair.start_date
    return dict(
        assignment=holding,
        day=day,
        amount=Decimal("100"),
        by=by,
        reason=reason,
        now=now or at(day, 18),
    )


def test_each_refusal_of_a_sale_is_told_in_thai(holding, producer_user, province_officer):
    first = holding.fair.start_date
    stranger = UserFactory(role="producer", username="producer_stranger")
    cases = [
        (sale(holding, stranger), "คุณบันทึกยอดขายของบูธนี้ไม่ได้"),
        (sale(holding, producer_user, day=first - datetime.timedelta(days=1)), "วันนี้ไม่ใช่วันจัดงาน"),
        (
            sale(holding, producer_user, day=first + datetime.timedelta(days=1), now=at(first, 18)),
            "ยังไม่ถึงวันนั้น",
        ),
        (
            sale(holding, producer_user, now=at(first + datetime.timedelta(days=1), 13)),
            "เลยเวลาแก้ไขยอดของวันนี้แล้ว กรุณาติดต่อเจ้าหน้าที่",
        ),
        (
            sale(holding, province_officer, now=at(first + datetime.timedelta(days=1), 13)),
            "เลยเวลาปิดแก้ไขแล้ว กรุณาระบุเหตุผลของการแก้ไข",
        ),
    ]
    for kwargs, message in cases:
        assert refused(record_daily_sales, **kwargs) == [message]
    holding.status = "released"
    holding.save()
    assert refused(record_daily_sales, **sale(holding, producer_user)) == ["กลุ่มของคุณไม่ได้ถือบูธนี้แล้ว"]
    holding.fair.state = FairState.ALLOCATED
    holding.fair.save()
    assert refused(record_daily_sales, **sale(holding, province_officer, reason="x")) == [
        "บันทึกยอดขายได้เฉพาะช่วงที่งานกำลังจัดอยู่"
    ]


def test_a_producer_may_still_fix_a_day_at_the_exact_moment_of_the_cutoff(holding, producer_user):
    day = holding.fair.start_date
    noon_next_day = at(day + datetime.timedelta(days=1), 12)
    row = record_daily_sales(**sale(holding, producer_user, now=noon_next_day))
    assert row.amount == Decimal("100")
    one_second_late = noon_next_day + datetime.timedelta(seconds=1)
    assert refused(record_daily_sales, **sale(holding, producer_user, now=one_second_late))


def test_an_officer_entering_on_behalf_leaves_a_thai_note_in_the_history(holding, province_officer):
    row = record_daily_sales(**sale(holding, province_officer))
    assert row.history.first().history_change_reason == "เจ้าหน้าที่บันทึกแทนผู้ผลิต"


def test_a_producers_own_entry_is_recorded_as_theirs(holding, producer_user):
    row = record_daily_sales(**sale(holding, producer_user))
    record = row.history.first()
    assert (record.history_user, row.entered_by) == (producer_user, producer_user)


def test_the_default_cutoff_is_noon_the_next_day_until_an_officer_sets_another(
    holding, province_officer
):
    fair = holding.fair
    default = sales_policy(fair)
    assert (default.days_after, default.cutoff_time) == (1, datetime.time(12))
    policy = set_sales_cutoff(
        fair=fair, days_after=3, cutoff_time=datetime.time(8, 30), by=province_officer
    )
    assert policy.history.latest().history_user == province_officer
    stored = sales_policy(fair)
    assert (stored.pk, stored.days_after, stored.cutoff_time) == (
        policy.pk,
        3,
        datetime.time(8, 30),
    )


def test_an_officer_keeps_one_visit_note_per_booth_and_day(holding, province_officer):
    day = holding.fair.start_date
    record_encouragement_visit(
        assignment=holding, day=day, note="แนะนำจัดบูธใหม่", by=province_officer
    )
    visit = record_encouragement_visit(
        assignment=holding, day=day, note="ชวนทำโปรโมชัน", by=province_officer
    )
    assert holding.visits.count() == 1
    assert (visit.note, visit.officer) == ("ชวนทำโปรโมชัน", province_officer)
    assert visit.history.latest().history_user == province_officer
    other_day = record_encouragement_visit(
        assignment=holding, day=day + datetime.timedelta(days=1), note="x", by=province_officer
    )
    assert other_day.pk != visit.pk


@pytest.mark.parametrize("state", [FairState.DRAFT, FairState.OPEN, FairState.SCORING])
def test_problems_are_reported_only_once_booths_are_allocated(holding, producer_user, state):
    fair = holding.fair
    fair.state = state
    fair.save()
    message = refused(
        report_issue, fair=fair, category="electricity", description="x", by=producer_user
    )
    assert message == ["แจ้งปัญหาได้หลังประกาศผลการจัดสรรบูธ"]


@pytest.mark.parametrize("state", [FairState.ALLOCATED, FairState.RUNNING, FairState.CLOSED])
def test_a_problem_is_kept_with_its_reporter_and_booth(holding, producer_user, state):
    fair = holding.fair
    fair.state = state
    fair.save()
    issue = report_issue(
        fair=fair,
        category="electricity",
        description="ไฟดับ",
        by=producer_user,
        assignment=holding,
    )
    assert (issue.fair, issue.assignment, issue.reported_by) == (fair, holding, producer_user)
    assert (issue.category, issue.description, issue.status) == ("electricity", "ไฟดับ", "open")
    assert issue.history.latest().history_user == producer_user


def test_a_problem_cannot_name_a_booth_of_another_fair(holding, producer_user):
    elsewhere = AssignmentFactory(booth__zone__fair=FairFactory(running=True))
    message = refused(
        report_issue,
        fair=holding.fair,
        category="electricity",
        description="x",
        by=producer_user,
        assignment=elsewhere,
    )
    assert message == ["บูธนี้ไม่ได้อยู่ในงานนี้"]


def test_a_problem_moves_along_its_workflow_with_thai_refusals(holding, province_officer):
    issue = IssueReportFactory(assignment=holding)
    assert refused(move_issue, issue=issue, status=IssueStatus.OPEN, by=province_officer) == [
        "เปลี่ยนปัญหานี้ไปสถานะนั้นไม่ได้"
    ]
    assert refused(
        move_issue, issue=issue, status=IssueStatus.RESOLVED, by=province_officer, resolution="  "
    ) == ["กรุณาระบุว่าแก้ไขปัญหาอย่างไร"]
    start = timezone.now()
    issue = move_issue(issue=issue, status=IssueStatus.IN_PROGRESS, by=province_officer, now=start)
    assert (issue.started_at, issue.resolved_at, issue.assigned_officer) == (
        start,
        None,
        province_officer,
    )
    assert issue.history.latest().history_user == province_officer
    done = start + datetime.timedelta(hours=2)
    issue = move_issue(
        issue=issue,
        status=IssueStatus.RESOLVED,
        by=province_officer,
        resolution="  เปลี่ยนปลั๊กแล้ว ",
        now=done,
    )
    assert (issue.started_at, issue.resolved_at, issue.resolution) == (
        start,
        done,
        "เปลี่ยนปลั๊กแล้ว",
    )
    reopened = move_issue(
        issue=issue, status=IssueStatus.IN_PROGRESS, by=province_officer, now=done
    )
    assert (reopened.status, reopened.started_at, reopened.resolved_at) == (
        IssueStatus.IN_PROGRESS,
        start,
        None,
    )


def test_an_open_problem_resolved_at_once_starts_and_ends_at_that_moment(holding, province_officer):
    colleague = UserFactory(role="officer", username="officer_colleague")
    issue = IssueReportFactory(assignment=holding)
    now = timezone.now()
    issue = move_issue(
        issue=issue,
        status=IssueStatus.RESOLVED,
        by=province_officer,
        officer=colleague,
        resolution="แก้แล้ว",
        now=now,
    )
    assert (issue.started_at, issue.resolved_at) == (now, now)
    assert issue.assigned_officer == colleague
    again = move_issue(issue=issue, status=IssueStatus.IN_PROGRESS, by=province_officer)
    assert again.assigned_officer == colleague


def test_nothing_is_saved_when_a_sale_is_refused(holding, producer_user):
    day = holding.fair.start_date
    refused(record_daily_sales, **sale(holding, producer_user, day=day - datetime.timedelta(1)))
    assert not DailySales.objects.exists()
