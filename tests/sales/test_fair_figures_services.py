"""What officers and producers record outside the daily sales: the fair's targets, the market
channel ledger, action items of meetings and visits to low-selling booths — each kept where it
belongs, replaced only by its own next version, and recorded in the history under who did it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from producers.models import Province
from sales.models import ActionItem, ActionStatus, FairDayVisitors, NetworkMeeting, SalesTarget
from sales.services import (
    import_visitors,
    record_channel_sale,
    record_encouragement_visit,
    record_visitors,
    save_action_item,
    set_sales_target,
)
from tests.factories import AssignmentFactory, FairFactory, ProducerGroupFactory

pytestmark = pytest.mark.django_db

CHIANG_MAI, BANGKOK = "50", "10"


def targets_of(fair):
    return {
        (t.province_id, int(t.amount)) for t in SalesTarget.objects.filter(fair=fair).order_by()
    }


def test_a_target_set_again_replaces_only_the_same_fairs_same_province_target(province_officer):
    fair, other_fair = FairFactory(running=True), FairFactory(running=True)
    chiang_mai, bangkok = Province.objects.get(code=CHIANG_MAI), Province.objects.get(code=BANGKOK)
    set_sales_target(fair=other_fair, amount=7_000, by=province_officer, province=chiang_mai)
    set_sales_target(fair=fair, amount=10_000, by=province_officer)
    set_sales_target(fair=fair, amount=2_000, by=province_officer, province=chiang_mai)
    set_sales_target(fair=fair, amount=4_000, by=province_officer, province=bangkok)
    set_sales_target(fair=fair, amount=3_000, by=province_officer, province=chiang_mai)
    assert targets_of(fair) == {(None, 10_000), (CHIANG_MAI, 3_000), (BANGKOK, 4_000)}
    assert targets_of(other_fair) == {(CHIANG_MAI, 7_000)}


def test_the_history_of_a_target_names_the_officer_who_set_it(province_officer):
    target = set_sales_target(fair=FairFactory(running=True), amount=5_000, by=province_officer)
    assert target.history.latest().history_user == province_officer


def channel_sale(group, by, day, note=""):
    return record_channel_sale(
        group=group, day=day, kind="study_visit", place="บ้านถวาย", takings=900, by=by, note=note
    )


def test_a_market_sale_of_today_is_kept_with_its_note_and_who_entered_it(producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    sale = channel_sale(group, producer_user, timezone.localdate(), note="ขายหมดก่อนเที่ยง")
    sale.refresh_from_db()
    assert (sale.day, sale.note, sale.entered_by) == (
        timezone.localdate(),
        "ขายหมดก่อนเที่ยง",
        producer_user,
    )
    assert sale.history.latest().history_user == producer_user


def test_a_market_sale_dated_tomorrow_is_refused_as_a_day_not_come_in_thai(producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with translation.override("th"), pytest.raises(ValidationError) as refused:
        channel_sale(group, producer_user, tomorrow)
    assert refused.value.code == "future_day"
    assert refused.value.messages == ["ยังไม่ถึงวันนั้น"]
    assert not group.channel_sales.exists()


@pytest.fixture
def action_item(officer):
    meeting = NetworkMeeting.objects.create(
        held_on=datetime.date(2026, 12, 1), place="ศาลากลางจังหวัด", created_by=officer
    )
    return ActionItem.objects.create(meeting=meeting, description="ออกแบบบรรจุภัณฑ์ใหม่")


def saved(item, status, by):
    item.status = status
    save_action_item(item=item, by=by)
    item.refresh_from_db()
    return item


def test_an_action_item_done_keeps_the_moment_it_was_first_marked_done(action_item, officer):
    first_done = saved(action_item, ActionStatus.DONE, officer).done_at
    assert first_done is not None
    assert saved(action_item, ActionStatus.DONE, officer).done_at == first_done
    assert action_item.history.latest().history_user == officer


def test_an_open_action_item_has_no_done_moment_and_reopening_clears_it(action_item, officer):
    assert saved(action_item, ActionStatus.OPEN, officer).done_at is None
    saved(action_item, ActionStatus.DONE, officer)
    assert saved(action_item, ActionStatus.OPEN, officer).done_at is None


def test_visits_to_two_booths_on_one_day_keep_a_note_each(holding, province_officer):
    neighbour = AssignmentFactory(booth__zone__fair=holding.fair)
    day = holding.fair.start_date
    record_encouragement_visit(assignment=holding, day=day, note="จัดบูธใหม่", by=province_officer)
    record_encouragement_visit(assignment=neighbour, day=day, note="ชิมฟรี", by=province_officer)
    assert [v.note for v in holding.visits.all()] == ["จัดบูธใหม่"]
    assert [v.note for v in neighbour.visits.all()] == ["ชิมฟรี"]


def test_a_market_sale_entered_without_a_note_shows_none(producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    sale = record_channel_sale(
        group=group,
        day=timezone.localdate(),
        kind="study_visit",
        place="บ้านถวาย",
        takings=900,
        by=producer_user,
    )
    sale.refresh_from_db()
    assert sale.note == ""


def visitors_of(fair):
    return dict(FairDayVisitors.objects.filter(fair=fair).values_list("day", "count"))


def test_visitors_of_today_entered_again_replace_only_that_fairs_count(province_officer):
    fair, neighbour = FairFactory(running=True), FairFactory(running=True)
    today = timezone.localdate()
    record_visitors(fair=neighbour, day=today, count=700, by=province_officer)
    record_visitors(fair=fair, day=today, count=1_000, by=province_officer)
    row = record_visitors(fair=fair, day=today, count=1_200, by=province_officer)
    assert visitors_of(fair) == {today: 1_200}
    assert visitors_of(neighbour) == {today: 700}
    assert [h.history_user for h in row.history.all()] == [province_officer] * 2


def test_visitors_of_the_first_and_the_last_day_of_a_past_fair_are_kept(province_officer):
    fair = FairFactory(closed=True)
    record_visitors(fair=fair, day=fair.start_date, count=900, by=province_officer)
    record_visitors(fair=fair, day=fair.end_date, count=1_500, by=province_officer)
    assert visitors_of(fair) == {fair.start_date: 900, fair.end_date: 1_500}


@pytest.mark.parametrize("outside", ["day_before", "day_after"])
def test_visitors_of_a_day_outside_the_fair_are_refused_in_thai(province_officer, outside):
    fair = FairFactory(closed=True)
    one_day = datetime.timedelta(days=1)
    day = fair.start_date - one_day if outside == "day_before" else fair.end_date + one_day
    with translation.override("th"), pytest.raises(ValidationError) as refused:
        record_visitors(fair=fair, day=day, count=100, by=province_officer)
    assert (refused.value.code, refused.value.messages) == ("not_fair_day", ["วันนี้ไม่ใช่วันจัดงาน"])
    assert not FairDayVisitors.objects.exists()


def test_visitors_of_tomorrow_are_refused_as_a_day_not_come_in_thai(province_officer):
    fair = FairFactory(running=True)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert fair.start_date <= tomorrow <= fair.end_date
    with translation.override("th"), pytest.raises(ValidationError) as refused:
        record_visitors(fair=fair, day=tomorrow, count=100, by=province_officer)
    assert (refused.value.code, refused.value.messages) == ("future_day", ["ยังไม่ถึงวันนั้น"])
    assert not FairDayVisitors.objects.exists()


def test_a_counter_sheet_with_a_day_outside_the_fair_is_refused_whole_naming_the_day(
    province_officer,
):
    fair = FairFactory(running=True)
    rows = [(fair.start_date, 100), (datetime.date(2020, 1, 5), 10)]
    with translation.override("th"), pytest.raises(ValidationError) as refused:
        import_visitors(fair=fair, rows=rows, by=province_officer)
    assert refused.value.messages == ["5 มกราคม 2563: วันนี้ไม่ใช่วันจัดงาน"]
    assert not FairDayVisitors.objects.exists()
