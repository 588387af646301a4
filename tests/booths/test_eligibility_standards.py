"""Standards as "any one of a set": a rule's own set, or each category's defaults kept in the
standards table (which officers extend); certificates must be valid through the fair."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booths import eligibility as rules_
from booths.models import EligibilityRule, RuleKind
from booths.services import evaluate_eligibility
from producers.models import Category, Certification, QualityStandard, Standard
from tests.factories import ApplicationFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _certification_check(fair, app, officer, standards=()):
    EligibilityRule.objects.create(
        fair=fair, kind=RuleKind.CERTIFICATION, standards=list(standards)
    )
    evaluate_eligibility(fair=fair, by=officer)
    return app.eligibility_checks.get(kind=RuleKind.CERTIFICATION)


def _certify(app, code, expires_on=None):
    Certification.objects.create(
        group=app.group, standard_id=code, number=f"{code}-1", expires_on=expires_on
    )


def test_a_food_group_with_only_mophocho_passes_the_default_any_of_rule(fair, cm_officer):
    app = ApplicationFactory(fair=fair, category=Category.FOOD)
    _certify(app, Standard.MOPHOCHO)
    assert _certification_check(fair, app, cm_officer).passed


def test_a_rule_naming_its_own_set_accepts_only_those(fair, cm_officer):
    app = ApplicationFactory(fair=fair, category=Category.FOOD)
    _certify(app, Standard.MOPHOCHO)
    check = _certification_check(fair, app, cm_officer, standards=[Standard.FDA, Standard.GMP])
    assert not check.passed
    assert "GMP" in check.reason


def test_a_standard_officers_added_to_the_table_counts_by_default(fair, cm_officer):
    QualityStandard.objects.create(code="thai-sme", name="มาตรฐานทดลอง", default_for=["food"])
    app = ApplicationFactory(fair=fair, category=Category.FOOD)
    _certify(app, "thai-sme")
    assert _certification_check(fair, app, cm_officer).passed


def test_a_certificate_expiring_during_the_fair_does_not_cover_it(fair, cm_officer):
    app = ApplicationFactory(fair=fair, category=Category.FOOD)
    _certify(app, Standard.FDA, expires_on=fair.end_date - datetime.timedelta(days=1))
    check = _certification_check(fair, app, cm_officer)
    assert not check.passed
    assert "หมดอายุ" in check.reason


CODES = ["mpc", "fda", "gmp", "halal", "q"]


@settings(max_examples=40, deadline=None)
@given(held=st.sets(st.sampled_from(CODES)), accepted=st.sets(st.sampled_from(CODES)))
def test_a_product_passes_exactly_when_it_holds_any_accepted_standard(held, accepted):
    product = rules_.ProductFacts(1, "น้ำพริก", Category.FOOD, 3)
    facts = rules_.ApplicantFacts(
        registration_no="X",
        is_active=True,
        province_code="50",
        province_name="เชียงใหม่",
        region="north",
        products=(product,),
        certificates=tuple(rules_.CertificateFacts(code, None, None) for code in held),
    )
    passed, _reason = rules_.certification(
        facts,
        accepted=lambda category: sorted(accepted),
        categories=[Category.FOOD],
        on_date=datetime.date(2026, 1, 1),
        standard_names={},
    )
    assert passed == bool(held & accepted)


def _standing_check(fair, app, officer, **rule):
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.STANDING, **rule)
    evaluate_eligibility(fair=fair, by=officer)
    return app.eligibility_checks.get(kind=RuleKind.STANDING)


def test_a_rule_on_quadrants_admits_only_groups_in_them(fair, cm_officer):
    inside = ApplicationFactory(fair=fair, group__quadrant="A")
    outside = ApplicationFactory(fair=fair, group__quadrant="C")
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.STANDING, quadrants=["A", "B"])
    evaluate_eligibility(fair=fair, by=cm_officer)
    assert inside.eligibility_checks.get(kind=RuleKind.STANDING).passed
    assert not outside.eligibility_checks.get(kind=RuleKind.STANDING).passed


def test_a_rule_on_marks_checks_every_product_entered(fair, cm_officer):
    app = ApplicationFactory(fair=fair)
    app.products.update(otop_mark="premium")
    plain = ProductFactory(group=app.group, name="สินค้าไม่มีตรา")
    app.products.add(plain)
    check = _standing_check(fair, app, cm_officer, marks=["premium", "classic"])
    assert not check.passed
    assert "สินค้าไม่มีตรา" in check.reason
