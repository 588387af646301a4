"""The apply page's live check follows what the producer ticks: the products entered and the zones
chosen, redrawn by the page as boxes change and the same on a plain (no-JavaScript) send."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import EligibilityRule, RuleKind
from tests.factories import (
    BoothFactory,
    ProducerGroupFactory,
    ProductFactory,
    StarRatingFactory,
    ZoneFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(fair, producer_user):
    """A four-star silk and a two-star basket, against a fair asking for three stars."""
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.MIN_STARS, min_stars=3)
    group = ProducerGroupFactory(members=[producer_user])
    made = []
    for name, score, category in (
        ("ผ้าไหมสี่ดาว", "85", "textile"),
        ("ตะกร้าสองดาว", "55", "household"),
    ):
        product = ProductFactory(group=group, name=name, category=category)
        StarRatingFactory(product=product, score=Decimal(score))
        made.append(product)
    return made


def _check(client, fair, **query):
    response = client.get(f"/fairs/{fair.pk}/apply/check/", query)
    assert response.status_code == 200
    return response.content.decode()


def test_check_shows_only_the_ticked_products(fair, producer_user, client_for, products):
    silk, basket = products
    client = client_for(producer_user)
    only_basket = _check(client, fair, products=[basket.pk])
    assert basket.name in only_basket and silk.name not in only_basket
    assert "✗" in only_basket
    only_silk = _check(client, fair, products=[silk.pk])
    assert silk.name in only_silk and basket.name not in only_silk
    assert "✗" not in only_silk


def test_nothing_ticked_checks_every_product_and_says_so(fair, producer_user, client_for, products):
    page = _check(client_for(producer_user), fair)
    assert all(p.name in page for p in products)
    assert 'data-testid="live-none-ticked"' in page


def test_check_marks_the_chosen_zone_and_whether_it_takes_the_ticked_products(
    fair, producer_user, client_for, products
):
    silk, basket = products
    food_only = ZoneFactory(fair=fair, code="F", name="โซนอาหาร")
    BoothFactory(zone=food_only, code="F1", allowed_categories=["food"])
    page = _check(client_for(producer_user), fair, products=[silk.pk], choice_1=food_only.pk)
    chosen = page[page.index('data-testid="zone-chosen"') :].split("</li>")[0]
    assert "โซนอาหาร" in chosen and "✗" in chosen


def test_another_groups_product_is_not_checked(fair, producer_user, client_for, products):
    stranger = ProductFactory(name="สินค้าของกลุ่มอื่น")
    page = _check(client_for(producer_user), fair, products=[stranger.pk])
    assert stranger.name not in page
    assert 'data-testid="live-none-ticked"' in page


def test_a_refused_send_checks_what_was_sent(fair, producer_user, client_for, products):
    """Without JavaScript the check follows the boxes on the next send, even a refused one."""
    silk, basket = products
    page = client_for(producer_user).post(f"/fairs/{fair.pk}/apply/", {"products": [basket.pk]})
    live = page.content.decode().split('data-testid="live-eligibility"')[1].split("</section>")[0]
    assert basket.name in live and silk.name not in live


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    ticked=st.lists(st.one_of(st.integers(-5, 10**12), st.text(max_size=12)), max_size=4),
    zone=st.one_of(st.integers(-5, 10**12), st.text(max_size=12)),
)
def test_any_ticked_value_redraws_the_check(
    fair, producer_user, client_for, products, ticked, zone
):
    values = [str(v) for v in ticked if "\x00" not in str(v)]
    zone = str(zone).replace("\x00", "")
    page = _check(client_for(producer_user), fair, products=values, choice_2=zone)
    assert 'data-testid="live-eligibility"' in page


@pytest.mark.parametrize("size", [2, 8])
def test_check_queries_do_not_grow_with_products(
    fair, producer_user, client_for, django_assert_max_num_queries, size
):
    EligibilityRule.objects.create(fair=fair, kind=RuleKind.MIN_STARS, min_stars=3)
    group = ProducerGroupFactory(members=[producer_user])
    products = [ProductFactory(group=group) for _ in range(size)]
    for product in products:
        StarRatingFactory(product=product, score=Decimal(70))
    client = client_for(producer_user)
    ticked = [p.pk for p in products]
    # 21: the zones' own rules (issue 18) are read once.
    with django_assert_max_num_queries(21):
        _check(client, fair, products=ticked, choice_1=fair.zones.first().pk)
