"""The whole fair, as its people meet it, in Chromium.

An officer sets up a fair (zones, a bulk grid of booths, the rubric) and opens it; two producers
apply from phones; the officer closes applications and seats the committee; three members score;
the officer runs and publishes the allocation; a producer finds the booth; the fair runs two days
with sales from the phones and one problem reported and resolved; the officer records the network
meeting and downloads the fair report as Excel and PDF.

Accounts and the registry (groups and products) come from factories; everything about the fair is
done through the pages. The fair's days lie after the application window, so the clock is moved
to each fair day (time-machine moves it for the whole process, the live server included).
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from booths.models import Application, ApplicationStatus, Assignment, Fair, FairState
from producers.models import Category
from sales.models import DailySales, IssueReport, IssueStatus, NetworkMeeting
from tests.e2e import fair_time, steps
from tests.factories import ProducerGroupFactory, ProductFactory, UserFactory, officer_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BANGKOK = ZoneInfo("Asia/Bangkok")
SALES = {"weaver": (12500, 18200), "cook": (8400, 9900)}
PROBLEM = "ปลั๊กไฟที่บูธใช้ไม่ได้ ตู้แช่เย็นไม่ทำงาน"


def morning_of(day):
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=BANGKOK)


def registry():
    """The people and producer groups the fair starts from (registry data)."""
    people = {"officer": officer_of("50", username="officer_journey")}
    people["members"] = [UserFactory(role="committee", username=f"judge_{i}") for i in (1, 2, 3)]
    groups = {}
    for key, (name, product, category) in {
        "weaver": ("กลุ่มทอผ้าไหมบ้านสันทราย", "ผ้าไหมยกดอกลายโบราณ", Category.TEXTILE),
        "cook": ("กลุ่มแม่บ้านน้ำพริกหนุ่มบ้านแม่ริม", "น้ำพริกหนุ่มสูตรโบราณ", Category.FOOD),
    }.items():
        user = UserFactory(role="producer", username=f"producer_{key}")
        groups[key] = ProducerGroupFactory(name=name, members=[user])
        ProductFactory(group=groups[key], name=product, category=category)
        people[key] = user
    return people, groups


def test_a_fair_from_setup_to_report_in_the_browser(actors):
    people, groups = registry()
    today = timezone.localdate()
    fair_days = (today + datetime.timedelta(days=1), today + datetime.timedelta(days=2))
    # Every step before the fair happens on one morning, so the test never straddles midnight.
    with time_machine.travel(morning_of(today), tick=True):
        officer = actors("officer_journey")
        fair_pk = steps.officer_creates_fair(
            officer, applications=(today - datetime.timedelta(days=3), today), fair_days=fair_days
        )
        steps.officer_lays_out_floor(officer, fair_pk)
        steps.officer_writes_rubric(officer, fair_pk)
        steps.officer_moves_fair(officer, fair_pk, "open", FairState.OPEN)
        weaver, cook = producers_apply(actors, fair_pk)
        select_and_allocate(actors, officer, fair_pk, people, groups)
        holdings = {
            a.application.group_id: a.booth.code
            for a in Assignment.objects.filter(fair_id=fair_pk).select_related("booth")
        }
        assert holdings[groups["weaver"].pk].startswith("A")
        assert holdings[groups["cook"].pk].startswith("B")
        fair_time.producer_sees_booth(
            weaver, holdings[groups["weaver"].pk], screenshot="/tmp/e2e_phone_result.png"
        )
        steps.officer_moves_fair(officer, fair_pk, "start", FairState.RUNNING)
    run_the_fair(officer, weaver, cook, fair_pk, fair_days, groups)
    fair_time.walks_the_menu(officer)
    fair_time.walks_the_menu(weaver, phone=True)
    assert not actors.problems()


def producers_apply(actors, fair_pk):
    weaver = actors("producer_weaver", phone=True)
    steps.producer_applies(
        weaver,
        product_name="ผ้าไหมยกดอกลายโบราณ",
        zones=["A", "B"],
        pitch="ผ้าไหมทอมือ ย้อมสีธรรมชาติ",
        electricity=True,
        screenshot="/tmp/e2e_phone_apply.png",
    )
    cook = actors("producer_cook", phone=True)
    steps.producer_applies(
        cook,
        product_name="น้ำพริกหนุ่มสูตรโบราณ",
        zones=["B"],
        pitch="น้ำพริกสด ทำวันต่อวัน",
        electricity=False,
    )
    assert Application.objects.filter(fair_id=fair_pk).count() == 2
    return weaver, cook


def select_and_allocate(actors, officer, fair_pk, people, groups):
    steps.officer_moves_fair(officer, fair_pk, "score", FairState.SCORING)
    statuses = set(Application.objects.filter(fair_id=fair_pk).values_list("status", flat=True))
    assert statuses == {ApplicationStatus.ELIGIBLE}
    steps.officer_seats_committee(officer, fair_pk, people["members"])
    for member in people["members"]:
        steps.member_scores(
            actors(member.username), {groups["weaver"].name: "9", groups["cook"].name: "7.5"}
        )
    steps.officer_allocates_and_publishes(officer, fair_pk)


def run_the_fair(officer, weaver, cook, fair_pk, fair_days, groups):
    for index, day in enumerate(fair_days):
        with time_machine.travel(morning_of(day), tick=True):
            for producer in (weaver, cook):
                producer.signs_in_again_if_logged_out()
            fair_time.producer_logs_sales(
                weaver,
                day,
                SALES["weaver"][index],
                screenshot=f"/tmp/e2e_phone_sales_{index + 1}.png",
            )
            fair_time.producer_logs_sales(cook, day, SALES["cook"][index])
            if index == 0:
                fair_time.producer_reports_problem(cook, PROBLEM)
                fair_time.officer_resolves_problem(officer, PROBLEM, "ช่างไฟเปลี่ยนปลั๊กให้แล้ว")
            total = SALES["weaver"][index] + SALES["cook"][index]
            fair_time.officer_checks_in(officer, fair_pk, day, total)
    assert DailySales.objects.filter(assignment__fair_id=fair_pk).count() == 4
    assert IssueReport.objects.get(fair_id=fair_pk).status == IssueStatus.RESOLVED

    with time_machine.travel(morning_of(fair_days[1]) + datetime.timedelta(hours=8), tick=True):
        steps.officer_moves_fair(officer, fair_pk, "close", FairState.CLOSED)
        fair_time.officer_records_meeting(officer, fair_pk, fair_days[1], list(groups.values()))
        assert NetworkMeeting.objects.get(fair_id=fair_pk).attendance.count() == 2
        grand_total = sum(sum(amounts) for amounts in SALES.values())
        fair_time.officer_downloads_report(officer, fair_pk, groups["weaver"].name, grand_total)
    assert Fair.objects.get(pk=fair_pk).state == FairState.CLOSED
