"""Every eligibility rule passes or fails with a reason people can read; overrides are audited."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from booths.models import (
    ApplicationStatus,
    Assignment,
    EligibilityOverride,
    EligibilityRule,
    FairState,
    RuleKind,
)
from booths.services import evaluate_eligibility, override_eligibility
from otop_fair.thai import thai_date
from producers.models import Category, Certification, Standard
from tests.factories import ApplicationFactory, BoothFactory, FairFactory, ZoneFactory

pytestmark = pytest.mark.django_db


def _check(fair, application, officer, **rule):
    EligibilityRule.objects.create(fair=fair, **rule)
    evaluate_eligibility(fair=fair, by=officer)
    application.refresh_from_db()
    return application.eligibility_checks.get(kind=rule["kind"])


def test_registered_group_passes_with_its_number(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    check = _check(fair, app, cm_officer, kind=RuleKind.REGISTERED)
    assert check.passed
    assert app.group.registration_no in check.reason
    assert app.status == ApplicationStatus.ELIGIBLE


def test_inactive_group_fails_the_registration_rule(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    app.group.is_active = False
    app.group.save()
    check = _check(fair, app, cm_officer, kind=RuleKind.REGISTERED)
    assert not check.passed
    assert check.reason == "กลุ่มนี้ไม่ได้อยู่ในสถานะใช้งานในทะเบียน"
    assert app.status == ApplicationStatus.INELIGIBLE


def test_products_with_enough_stars_pass(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    check = _check(fair, app, cm_officer, kind=RuleKind.MIN_STARS, min_stars=4)
    assert check.passed
    assert "อย่างน้อย 4 ดาว" in check.reason


def test_a_product_below_the_stars_fails_and_is_named(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    product = app.products.get()
    product.ratings.update(stars=2, score=Decimal("55"))
    check = _check(fair, app, cm_officer, kind=RuleKind.MIN_STARS, min_stars=3)
    assert not check.passed
    assert f"{product.name} ได้ 2 ดาว" in check.reason


def test_a_product_without_rating_fails_the_stars_rule(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    app.products.get().ratings.all().delete()
    check = _check(fair, app, cm_officer, kind=RuleKind.MIN_STARS, min_stars=1)
    assert not check.passed
    assert "ยังไม่มีระดับดาว" in check.reason


def test_food_with_a_valid_fda_certificate_passes(fair, cm_officer):
    app = ApplicationFactory(fair=fair, category=Category.FOOD)
    Certification.objects.create(
        group=app.group, product=app.products.get(), standard_id=Standard.FDA, number="10-1-1"
    )
    check = _check(fair, app, cm_officer, kind=RuleKind.CERTIFICATION, standards=[Standard.FDA])
    assert check.passed


def test_food_without_a_certificate_fails(fair, cm_officer):
    app = ApplicationFactory(fair=fair, category=Category.FOOD)
    check = _check(fair, app, cm_officer, kind=RuleKind.CERTIFICATION, standards=[Standard.FDA])
    assert not check.passed
    assert "ไม่มีใบรับรอง" in check.reason


def test_an_expired_certificate_fails_with_its_date(fair, cm_officer):
    app = ApplicationFactory(fair=fair, category=Category.FOOD)
    expired = fair.start_date - datetime.timedelta(days=1)
    Certification.objects.create(
        group=app.group, standard_id=Standard.FDA, number="10-1-1", expires_on=expired
    )
    check = _check(fair, app, cm_officer, kind=RuleKind.CERTIFICATION, standards=[Standard.FDA])
    assert not check.passed
    assert "หมดอายุ" in check.reason and thai_date(expired) in check.reason


def test_textiles_need_no_food_certificate(fair, cm_officer):
    app = ApplicationFactory(fair=fair, category=Category.TEXTILE)
    check = _check(fair, app, cm_officer, kind=RuleKind.CERTIFICATION, standards=[Standard.FDA])
    assert check.passed


def test_group_inside_the_area_passes(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    check = _check(fair, app, cm_officer, kind=RuleKind.AREA, provinces=["50"])
    assert check.passed
    assert "เชียงใหม่" in check.reason


def test_group_outside_the_area_fails_and_says_where_it_is(fair, cm_officer):
    app = ApplicationFactory(fair=fair, group__province_code="34")
    check = _check(fair, app, cm_officer, kind=RuleKind.AREA, regions=["north"])
    assert not check.passed
    assert "อุบลราชธานี" in check.reason


def _earlier_holding(app, *, no_show, excused=False):
    earlier = FairFactory(
        state=FairState.CLOSED,
        start_date=app.fair.start_date - datetime.timedelta(days=200),
        name="งานปีที่แล้ว",
    )
    previous = ApplicationFactory(fair=earlier, group=app.group, status="selected")
    booth = BoothFactory(zone=ZoneFactory(fair=earlier))
    Assignment.objects.create(
        fair=earlier,
        booth=booth,
        application=previous,
        status="released",
        is_no_show=no_show,
        is_no_show_excused=excused,
    )


def test_unexcused_no_show_at_the_last_fair_fails(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    _earlier_holding(app, no_show=True)
    check = _check(fair, app, cm_officer, kind=RuleKind.NO_SHOW)
    assert not check.passed
    assert "งานปีที่แล้ว" in check.reason


def test_excused_absence_passes_the_no_show_rule(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    _earlier_holding(app, no_show=True, excused=True)
    assert _check(fair, app, cm_officer, kind=RuleKind.NO_SHOW).passed


def test_first_timer_passes_the_no_show_rule(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    check = _check(fair, app, cm_officer, kind=RuleKind.NO_SHOW)
    assert check.passed
    assert "ไม่มีประวัติ" in check.reason


def test_override_needs_a_reason(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    with pytest.raises(ValidationError, match="เหตุผล"):
        override_eligibility(application=app, is_eligible=True, reason=" ", by=cm_officer)


def test_override_is_audited_with_who_and_why_and_survives_reevaluation(fair, cm_officer):
    app = ApplicationFactory(fair=fair, category=Category.FOOD)
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.CERTIFICATION)
    evaluate_eligibility(fair=fair, by=cm_officer)
    override_eligibility(
        application=app, is_eligible=True, reason="ยื่นใบ อย. ฉบับใหม่แล้ว", by=cm_officer
    )
    record = EligibilityOverride.history.latest()
    assert record.history_user == cm_officer
    assert record.history_change_reason == "ยื่นใบ อย. ฉบับใหม่แล้ว"
    evaluate_eligibility(fair=fair, by=cm_officer)
    app.refresh_from_db()
    assert app.passes_rules is False
    assert app.status == ApplicationStatus.ELIGIBLE


def test_officer_overrides_from_the_application_page(fair, cm_officer, client_for):
    app = ApplicationFactory(fair=fair)
    response = client_for(cm_officer).post(
        f"/fairs/applications/{app.pk}/",
        {"is_eligible": "0", "reason": "เอกสารปลอม"},
        follow=True,
    )
    assert "เอกสารปลอม" in response.content.decode()
    app.refresh_from_db()
    assert app.status == ApplicationStatus.INELIGIBLE


def test_officer_of_another_province_cannot_see_the_application(fair, client_for):
    from tests.factories import UserFactory

    stranger = UserFactory(role="officer", username="officer_far")
    app = ApplicationFactory(fair=fair)
    assert client_for(stranger).get(f"/fairs/applications/{app.pk}/").status_code == 403


def test_officer_adds_and_removes_a_rule_from_the_page(fair, cm_officer, client_for):
    client = client_for(cm_officer)
    client.post(
        f"/fairs/{fair.pk}/eligibility/", {"kind": "min_stars", "min_stars": 4, "standard": "fda"}
    )
    rule = fair.eligibility_rules.get()
    assert rule.min_stars == 4
    client.post(f"/fairs/{fair.pk}/eligibility/{rule.pk}/remove/")
    assert not fair.eligibility_rules.exists()


@pytest.mark.parametrize("stars", ["0", "6", "-1", ""])
def test_a_star_minimum_outside_one_to_five_is_refused_next_to_the_field(
    fair, client_for, cm_officer, stars
):
    response = client_for(cm_officer).post(
        f"/fairs/{fair.pk}/eligibility/", {"kind": "min_stars", "min_stars": stars}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["min_stars"]
    assert not fair.eligibility_rules.exists()
