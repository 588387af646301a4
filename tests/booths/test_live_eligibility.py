"""While a fair is open the producer sees, product by product, whether each rule is met, by the same
rules the officers' evaluation stores."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.eligibility_preview import live_checks
from booths.models import EligibilityRule, FairState, RuleKind
from booths.services import evaluate_eligibility, submit_application
from tests.factories import (
    BoothFactory,
    ProducerGroupFactory,
    ProductFactory,
    StarRatingFactory,
    ZoneFactory,
)

pytestmark = pytest.mark.django_db


def _group_with_products(user, scores):
    group = ProducerGroupFactory(members=[user] if user else [])
    products = []
    for n, score in enumerate(scores):
        product = ProductFactory(group=group, name=f"สินค้าทดสอบ {n}")
        StarRatingFactory(product=product, score=Decimal(score))
        products.append(product)
    return group, products


def test_apply_page_marks_each_product_against_the_star_rule(fair, producer_user, client_for):
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.MIN_STARS, min_stars=4)
    _group, (good, weak) = _group_with_products(producer_user, ["85", "55"])
    page = client_for(producer_user).get(f"/fairs/{fair.pk}/apply/").content.decode()
    live = page[page.index('data-testid="live-eligibility"') :]
    good_part = live[live.index(good.name) : live.index(weak.name)]
    weak_part = live[live.index(weak.name) :].split("</div>")[0]
    assert "✓ ผ่าน" in good_part and "✗" not in good_part
    assert "✗ ไม่ผ่าน" in weak_part


def test_result_page_checks_live_while_open_and_not_after(
    fair, cm_officer, producer_user, client_for
):
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.MIN_STARS, min_stars=4)
    group, products = _group_with_products(producer_user, ["55"])
    application = submit_application(
        fair=fair, group=group, products=products, zones=[], needs_electricity=False,
        wants_corner=False, pitch="", by=producer_user,
    )  # fmt: skip
    client = client_for(producer_user)
    url = f"/fairs/applications/{application.pk}/result/"
    assert 'data-testid="live-eligibility"' in client.get(url).content.decode()
    fair.state = FairState.SCORING
    fair.save()
    assert 'data-testid="live-eligibility"' not in client.get(url).content.decode()


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    scores=st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=3),
    minimum=st.integers(min_value=1, max_value=5),
)
def test_live_check_agrees_with_the_stored_evaluation(fair, cm_officer, scores, minimum):
    fair.eligibility_rules.all().delete()
    fair.applications.all().delete()
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.MIN_STARS, min_stars=minimum)
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.REGISTERED)
    group, products = _group_with_products(None, scores)
    everything, per_product = live_checks(fair, group, products)
    live_pass = all(o.passed for o in everything) and all(
        o.passed for row in per_product for o in row.outcomes
    )
    application = submit_application(
        fair=fair, group=group, products=products, zones=[], needs_electricity=False,
        wants_corner=False, pitch="", by=cm_officer,
    )  # fmt: skip
    evaluate_eligibility(fair=fair, by=cm_officer)
    application.refresh_from_db()
    assert application.passes_rules is live_pass


def test_apply_page_says_which_zones_have_booths_for_my_categories(fair, producer_user, client_for):
    food_zone = ZoneFactory(fair=fair, code="F", name="โซนอาหาร")
    BoothFactory(zone=food_zone, allowed_categories=["food"])
    _group, _products = _group_with_products(producer_user, ["85"])  # a textile product
    page = client_for(producer_user).get(f"/fairs/{fair.pk}/apply/").content.decode()
    fits = page[page.index('data-testid="zone-fits"') :].split("</ul>")[0]
    food_line = fits[fits.index("โซนอาหาร") :].split("</li>")[0]
    assert "✗" in food_line and "ผ้า" in food_line
    open_line = fits[fits.index("A ") :].split("</li>")[0]
    assert "✓" in open_line and "✗" not in open_line
