"""A national fair from district nomination to a published national allocation, in Chromium
(issue 18): two provinces (Chiang Mai, Bangkok), two districts each, two provincial committees.

A district officer applies on a phone for a group without a smartphone; the head office closes
applications; each district officer nominates on a phone (one declines, with a reason); the head
office starts scoring; Chiang Mai's officer seats Chiang Mai's committee and the head office
Bangkok's (the host's); the members score their own province;
the head office watches every province's progress and publishes the allocation; the declined
group reads on its phone which level decided and why.

The national allocation by quota is another branch's work (issue 18 point 1): this run publishes
through the existing allocation, which takes only the nominated applications scored by their
province's committee.
"""

import datetime
import re

import pytest
from django.utils import timezone

from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
    FairLevel,
    FairState,
    Nomination,
    ProvinceQuota,
    ReviewAssignment,
)
from producers.models import Category, Province, Subdistrict
from tests.booths.national import two_districts
from tests.e2e import steps
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    CriterionFactory,
    FairFactory,
    ProducerGroupFactory,
    ProductFactory,
    UserFactory,
    ZoneFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FAIR_NAME = "OTOP City ทดสอบทั้งระบบ"
DECLINE_REASON = "กลุ่มยังไม่ได้ต่ออายุใบรับรอง มผช."


def national_registry():
    """The head office, the fair (open, its floor and rubric set up), and per district: its
    officer and one group (the first district's group has no smartphone and has not applied)."""
    today = timezone.localdate()
    head = UserFactory(role="national_officer", username="head_office_journey")
    fair = FairFactory(
        name=FAIR_NAME,
        province=Province.objects.get(code="10"),
        level=FairLevel.NATIONAL,
        state=FairState.OPEN,
        created_by=head,
        applications_open_on=today - datetime.timedelta(days=10),
        applications_close_on=today,
        nomination_deadline=today + datetime.timedelta(days=2),
        appeal_deadline=today + datetime.timedelta(days=12),
    )
    zone = ZoneFactory(fair=fair, code="A", name="โซนสินค้าทั่วประเทศ")
    for n in range(1, 4):
        BoothFactory(zone=zone, code=f"A{n:02d}")
    for name, weight, maximum in steps.CRITERIA:  # the rubric the members' steps fill in
        CriterionFactory(fair=fair, name=name, weight=weight, max_score=maximum)
    districts = []
    for code in ("50", "10"):
        for district in two_districts(code):
            officer = UserFactory(role="district_officer", username=f"district_{district.pk}")
            officer.officer_districts.add(district)
            subdistrict = Subdistrict.objects.filter(district=district).order_by("code")[0]
            member = UserFactory(role="producer", username=f"producer_{district.pk}")
            group = ProducerGroupFactory(
                name=f"กลุ่มผ้าทออำเภอ{district.name_th}", subdistrict=subdistrict, members=[member]
            )
            districts.append({"officer": officer, "group": group, "province": code})
    for place in districts[1:]:
        ApplicationFactory(fair=fair, group=place["group"], zones=[zone])
    ProductFactory(group=districts[0]["group"], name="ผ้าซิ่นตีนจก", category=Category.TEXTILE)
    members = {
        code: [UserFactory(role="committee", username=f"judge_{code}_{n}") for n in (1, 2)]
        for code in ("50", "10")
    }
    return head, fair, districts, members


def district_applies_for_group(actors, fair, place):
    officer = actors(place["officer"].username, phone=True)
    page = officer.go(f"/fairs/{fair.pk}/apply-for/{place['group'].pk}/")
    page.get_by_label("ผ้าซิ่นตีนจก").check()
    page.select_option("[name=choice_1]", label="A โซนสินค้าทั่วประเทศ")
    steps.fits_phone(page)
    steps.submit(page)
    steps.expect_message(page)
    application = Application.objects.get(fair=fair, group=place["group"])
    assert application.filed_by_officer == place["officer"]
    return officer


def districts_decide(actors, fair, districts, first_officer):
    for index, place in enumerate(districts):
        officer = first_officer if index == 0 else actors(place["officer"].username, phone=True)
        page = officer.go(f"/fairs/{fair.pk}/nominations/")
        card = page.locator(".card", has_text=place["group"].name)
        assert page.locator("main .card").count() == 1  # only the officer's own district
        if index == 3:
            card.locator("summary").click()
            card.locator("textarea[name=reason]").fill(DECLINE_REASON)
            card.locator("button[value=declined]").click()
        else:
            card.locator("button[value=nominated]").click()
        page.wait_for_load_state()
        steps.expect_message(page)
        if index == 0:
            page.screenshot(path="/tmp/e2e_phone_nomination.png", full_page=True)
            steps.fits_phone(page)
    decisions = dict(Nomination.objects.values_list("application__group_id", "decision"))
    assert list(decisions.values()).count("nominated") == 3


def committees_are_seated(head, provincial, fair, members):
    """Chiang Mai's provincial officer seats Chiang Mai's committee, offered only their own
    province; the head office (the hall is Bangkok's) seats Bangkok's and assigns reviewers."""
    for actor, code in ((provincial, "50"), (head, "10")):
        page = actor.go(f"/fairs/{fair.pk}/committee/")
        if actor is provincial:
            offered = page.locator("[name=province] option[value]:not([value=''])")
            assert offered.all_inner_texts() == ["เชียงใหม่"]
        for person in members[code]:
            page.select_option("[name=user]", str(person.pk))
            page.select_option("[name=province]", code)
            page.click("form[action$='/committee/add/'] button")
            page.wait_for_load_state()
            steps.expect_message(page)
    page.fill("[name=k]", "2")
    page.click("form[action$='/committee/assign/'] button")
    page.wait_for_load_state()
    steps.expect_message(page)
    pairs = ReviewAssignment.objects.filter(member__fair=fair).values_list(
        "member__province_id", "application__group__province_id"
    )
    assert len(pairs) == 6 and all(member == group for member, group in pairs)
    seated_by = {
        m.province_id: m.history.earliest().history_user.username for m in fair.committee.all()
    }
    assert seated_by == {"50": provincial.name, "10": head.name}


def head_office_publishes(head, fair):
    page = head.go(f"/fairs/{fair.pk}/progress/")
    body = page.locator("main table tbody")
    assert body.locator("tr").count() == 2
    page.screenshot(path="/tmp/e2e_laptop_national_progress.png", full_page=True)
    # A national run fills each province's quota (issue 18 point 1, merged after this journey was
    # written); the quota page has its own tests, so the table is set here directly.
    rows = set(fair.applications.values_list("group__province_id", "category"))
    for province_id, category in rows:
        ProvinceQuota.objects.create(
            fair=fair, province_id=province_id, category=category, booths=3
        )
    page = head.go(f"/fairs/{fair.pk}/runs/")
    page.fill("[name=seed]", "2569")
    steps.submit(page)
    assert re.search(r"/fairs/runs/\d+/$", page.url), page.url
    assert page.locator("main table tbody tr").count() == 3  # only the nominated
    page.fill("[name=fair_name]", FAIR_NAME)
    page.fill("[name=reason]", "ผลการคัดเลือกของคณะกรรมการจังหวัด")
    steps.submit(page)
    page.locator("main .alert-success").first.wait_for()
    assert Assignment.objects.filter(fair=fair).count() == 3


def test_a_national_fair_from_nomination_to_published_allocation(actors):
    head_user, fair, districts, members = national_registry()
    first_officer = district_applies_for_group(actors, fair, districts[0])
    head = actors(head_user.username)
    steps.officer_moves_fair(head, fair.pk, "nominate", FairState.NOMINATING)
    districts_decide(actors, fair, districts, first_officer)
    steps.officer_moves_fair(head, fair.pk, "score", FairState.SCORING)
    chiang_mai = UserFactory(role="officer", username="chiang_mai_officer")
    chiang_mai.officer_provinces.add(Province.objects.get(code="50"))
    committees_are_seated(head, actors(chiang_mai.username), fair, members)
    for code, people in members.items():
        names = [p["group"].name for p in districts[:3] if p["province"] == code]
        for person in people:
            steps.member_scores(actors(person.username), dict.fromkeys(names, "8"))
    head_office_publishes(head, fair)
    declined = districts[3]
    application = Application.objects.get(fair=fair, group=declined["group"])
    assert application.status == ApplicationStatus.NOT_SELECTED
    producer = actors(declined["group"].members.get().username, phone=True)
    page = producer.go(f"/fairs/applications/{application.pk}/result/")
    assert f"ไม่ได้รับการเสนอชื่อจากอำเภอ เพราะ{DECLINE_REASON}" in page.inner_text("main")
    page.screenshot(path="/tmp/e2e_phone_national_explanation.png", full_page=True)
    steps.fits_phone(page)
    appeal_against_the_decline_reenters_selection(actors, head, producer, application, members)
    assert not actors.problems()


def appeal_against_the_decline_reenters_selection(actors, head, producer, application, members):
    """The declined group appeals on its phone; the head office upholds it, which nominates the
    group again; Bangkok's committee scores it late; the next version, published for the
    appeal, includes it and the group reads its new result."""
    page = producer.page
    page.click("main a[href$='/appeal/']")
    page.fill("[name=grounds]", "กลุ่มต่ออายุใบรับรอง มผช. แล้วก่อนวันปิดรับสมัคร")
    steps.submit(page)
    appeal = application.appeals.get()
    page = head.go(f"/fairs/appeals/{appeal.pk}/")
    page.check("[name=status][value=upheld]")
    page.fill("[name=reason]", "ใบรับรองต่ออายุแล้วตามหลักฐานที่แนบ")
    steps.submit(page)
    page.locator("[data-testid=reinstated]").wait_for()
    for person in members["10"]:
        judge = actors(person.username)
        sheet = judge.go("/fairs/review/?stage=pending")
        sheet.locator("main .list-group a", has_text=application.group.name).click()
        sheet.wait_for_load_state()
        for value in sheet.locator("input[name^=value_]").all():
            value.fill("9")
        sheet.click("button[formaction$='/submit/']")
        sheet.wait_for_load_state()
        steps.expect_message(sheet)
    page = head.go(f"/fairs/{application.fair_id}/runs/")
    page.fill("[name=seed]", "2570")
    steps.submit(page)
    assert page.locator("main table tbody tr").count() == 4  # the reinstated group is in
    page = head.go(f"/fairs/appeals/{appeal.pk}/")
    page.select_option("[name=run]", index=1)
    page.click("form[action$='/publish/'] button")
    page.wait_for_load_state()
    steps.expect_message(page)
    appeal.refresh_from_db()
    assert appeal.run.is_published and appeal.run.results.filter(application=application).exists()
    page = producer.go(f"/fairs/applications/{application.pk}/result/")
    text = page.inner_text("main")
    assert appeal.run.results.get(application=application).explanation in text
    assert f"ผลการจัดสรรรุ่นที่ {appeal.run.version}" in text
