"""In the browser, on a phone: the producer's live check follows the boxes as they are ticked."""

import pytest
from playwright.sync_api import expect

from booths.models import EligibilityRule, RuleKind
from tests.conftest import ARTIFACTS
from tests.e2e.steps import fits_phone
from tests.factories import (
    BoothFactory,
    CriterionFactory,
    FairFactory,
    ProducerGroupFactory,
    ProductFactory,
    StarRatingFactory,
    UserFactory,
    ZoneFactory,
    officer_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _photo(page, name, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"guide-{name}-{width}.png"), full_page=True)


@pytest.fixture
def open_fair():
    officer = officer_of("50", username="officer_editor")
    fair = FairFactory(created_by=officer, name="งานทดสอบผังบูธ")
    CriterionFactory(fair=fair, name="คุณภาพสินค้า", weight=2)
    return fair


def _live_text(page):
    return page.locator("#live-eligibility").inner_text()


def test_live_check_follows_the_ticked_products_and_zone(actors, open_fair):
    EligibilityRule.objects.create(fair=open_fair, kind=RuleKind.MIN_STARS, min_stars=3)
    zone = ZoneFactory(fair=open_fair, code="F", name="โซนอาหารเท่านั้น")
    BoothFactory(zone=zone, code="F1", allowed_categories=["food"])
    group = ProducerGroupFactory(members=[UserFactory(role="producer", username="producer_tick")])
    silk = ProductFactory(group=group, name="ผ้าไหมสี่ดาว", category="textile")
    basket = ProductFactory(group=group, name="ตะกร้าสองดาว", category="household")
    StarRatingFactory(product=silk, score=85)
    StarRatingFactory(product=basket, score=55)
    producer = actors("producer_tick", phone=True)
    page = producer.go(f"/fairs/{open_fair.pk}/apply/")
    assert "ผ้าไหมสี่ดาว" in _live_text(page) and "ตะกร้าสองดาว" in _live_text(page)
    page.get_by_label("ตะกร้าสองดาว").check()
    expect(page.locator("#live-eligibility")).not_to_contain_text("ผ้าไหมสี่ดาว")
    assert "ตะกร้าสองดาว" in _live_text(page) and "✗" in _live_text(page)
    page.get_by_label("ตะกร้าสองดาว").uncheck()
    page.get_by_label("ผ้าไหมสี่ดาว").check()
    expect(page.locator("#live-eligibility")).not_to_contain_text("ตะกร้าสองดาว")
    assert "✗ ไม่ผ่าน" not in _live_text(page)
    page.select_option("[name=choice_1]", str(zone.pk))
    chosen = page.locator("[data-testid=zone-chosen]")
    chosen.wait_for()
    assert "โซนอาหารเท่านั้น" in chosen.inner_text() and "✗" in chosen.inner_text()
    fits_phone(page)
    _photo(page, "apply-live-ticked", 360)
    assert producer.problems == []
