"""Each role's guided task on a 360 px phone: the committee's queue and next button, the
producer's live eligibility and the confirmation before giving up a booth, the officer's
confirmation before a lifecycle step."""

import pytest

from booths.models import EligibilityRule, FairState, RuleKind
from booths.services import submit_application
from tests.conftest import ARTIFACTS
from tests.e2e.steps import expect_message, fits_phone
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    CommitteeMemberFactory,
    CriterionFactory,
    FairFactory,
    ProducerGroupFactory,
    ProductFactory,
    ReviewFactory,
    UserFactory,
    ZoneFactory,
    officer_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _photo(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"guided-{name}-360.png"), full_page=True)


@pytest.fixture
def officer():
    return officer_of("50", username="officer_guided")


@pytest.fixture
def open_fair(officer):
    fair = FairFactory(created_by=officer, name="งานทดสอบหน้าแนะนำ")
    ZoneFactory(fair=fair, code="A")
    CriterionFactory(fair=fair, name="คุณภาพสินค้า", weight=2)
    return fair


def test_member_works_through_the_queue_with_the_next_button(actors, open_fair):
    open_fair.state = FairState.SCORING
    open_fair.save()
    seat = CommitteeMemberFactory(
        fair=open_fair, user=UserFactory(role="committee", username="judge_q")
    )
    first, second = ReviewFactory(member=seat), ReviewFactory(member=seat)
    member = actors("judge_q", phone=True)
    page = member.go("/fairs/review/")
    assert "เหลือให้คะแนน 2 จาก 2" in page.locator("[data-testid=remaining]").inner_text()
    fits_phone(page)
    _photo(page, "committee-queue")
    page.locator("main .list-group a").first.click()
    page.wait_for_load_state()
    page.locator("input[name^=value_]").first.fill("8")
    page.click("button[formaction$='/submit/']")
    page.wait_for_load_state()
    expect_message(page)
    _photo(page, "committee-after-submit")
    page.locator("[data-testid=next-review]").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/fairs/review/{second.pk}/") or page.url.endswith(
        f"/fairs/review/{first.pk}/"
    )
    page.locator("input[name^=value_]").first.fill("7")
    page.click("button[formaction$='/submit/']")
    page.wait_for_load_state()
    assert page.locator("[data-testid=all-done]").count() == 1
    assert member.problems == []


def test_producer_sees_live_eligibility_and_confirms_giving_up(actors, open_fair):
    EligibilityRule.objects.create(fair=open_fair, kind=RuleKind.MIN_STARS, min_stars=3)
    user = UserFactory(role="producer", username="producer_live")
    group = ProducerGroupFactory(members=[user], name="กลุ่มทดสอบเกณฑ์")
    product = ProductFactory(group=group, name="ผ้าทอทดสอบ")
    producer = actors("producer_live", phone=True)
    page = producer.go(f"/fairs/{open_fair.pk}/apply/")
    live = page.locator("[data-testid=live-eligibility]")
    assert "ผ้าทอทดสอบ" in live.inner_text()
    fits_phone(page)
    _photo(page, "producer-apply-live")
    application = submit_application(
        fair=open_fair, group=group, products=[product], zones=[], needs_electricity=False,
        wants_corner=False, pitch="", by=user,
    )  # fmt: skip
    page = producer.go(f"/fairs/applications/{application.pk}/result/")
    assert page.locator("[data-testid=live-eligibility]").count() == 1
    page.locator(f"form[action$='/applications/{application.pk}/withdraw/'] button").click()
    page.wait_for_load_state()
    assert page.locator("[data-testid=confirmation]").count() == 1
    fits_phone(page)
    _photo(page, "producer-confirm-withdraw")
    page.get_by_role("link", name="ไม่ กลับไป").click()
    page.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == "submitted"
    assert producer.problems == []


def test_officer_confirms_a_lifecycle_step_before_it_happens(actors, open_fair):
    officer = actors("officer_guided", phone=True)
    page = officer.go(f"/fairs/{open_fair.pk}/")
    page.locator("form[action$='/step/score/'] button").click()
    page.wait_for_load_state()
    confirm = page.locator("[data-testid=confirmation]")
    assert "ไม่รับใบสมัครเพิ่ม" in confirm.inner_text()
    fits_phone(page)
    _photo(page, "officer-confirm-step")
    open_fair.refresh_from_db()
    assert open_fair.state == FairState.OPEN
    confirm.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect_message(page)
    open_fair.refresh_from_db()
    assert open_fair.state == FairState.SCORING
    assert officer.problems == []


def test_officer_drags_a_booth_and_the_producer_sees_it_moved(actors, open_fair):
    zone = open_fair.zones.get()
    booth = BoothFactory(zone=zone, code="A01", x=0, y=0, w=30, h=20)
    # Producers see a fair's plan once its allocation is published and their group applied.
    group = ProducerGroupFactory(members=[UserFactory(role="producer", username="producer_plan")])
    ApplicationFactory(fair=open_fair, group=group)
    officer = actors("officer_guided")
    page = officer.go(f"/fairs/{open_fair.pk}/plan/")
    rect = page.locator(f"g[data-booth='{booth.pk}'] rect")
    box = rect.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2 + 60, steps=8)
    page.mouse.up()
    page.locator("[data-plan-editor] [data-turn]").click()
    page.locator("[data-plan-editor] [data-undo]").click()
    page.locator("[data-plan-editor] [data-save]").click()
    page.wait_for_load_state()
    expect_message(page)
    booth.refresh_from_db()
    assert booth.x > 0 and booth.y > 0 and booth.x % 5 == 0
    assert (booth.w, booth.h) == (30, 20)
    open_fair.state = FairState.ALLOCATED
    open_fair.save()
    producer = actors("producer_plan", phone=True)
    plan = producer.go(f"/fairs/{open_fair.pk}/plan/")
    assert plan.locator(f"g[data-booth='{booth.pk}'] rect").get_attribute("x") == str(booth.x)
    assert plan.locator("[data-plan-editor]").count() == 0
    _photo(plan, "producer-plan-moved")
    assert officer.problems == [] and producer.problems == []
