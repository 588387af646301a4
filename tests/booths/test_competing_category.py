"""The one category an application competes in: chosen among its products' categories when
applying, stored, and the category the allocation's caps and minimums count."""

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from hypothesis import given, settings
from hypothesis import strategies as st

from booths.models import Application, FairState
from booths.services import run_allocation
from booths.services.applications import competing_category, submit_application
from producers.models import Category, Product
from tests.factories import ApplicationFactory, FairFactory, ProducerGroupFactory, ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def food_and_drink(producer_user):
    """A group selling a drink (the older product, so the first) and a food."""
    group = ProducerGroupFactory(members=[producer_user])
    ProductFactory(group=group, name="น้ำตะไคร้", category=Category.BEVERAGE)
    ProductFactory(group=group, name="ข้าวแต๋น", category=Category.FOOD)
    return group


def _apply(fair, group, category):
    return submit_application(
        fair=fair,
        group=group,
        products=list(group.products.all()),
        zones=list(fair.zones.all()[:1]),
        needs_electricity=False,
        wants_corner=False,
        pitch="",
        category=category,
        by=None,
    )


@settings(max_examples=60, deadline=None)
@given(
    offered=st.sets(st.sampled_from(Category.values), min_size=1),
    chosen=st.one_of(st.none(), st.sampled_from(Category.values), st.text(max_size=12)),
)
def test_the_competing_category_is_always_one_the_products_offer(offered, chosen):
    products = [Product(category=value) for value in offered]
    try:
        category = competing_category(products, chosen)
    except ValidationError:
        assert len(offered) > 1 and chosen not in offered
        return
    assert category in offered
    assert category == (next(iter(offered)) if len(offered) == 1 else chosen)


def test_a_group_of_food_and_drink_must_choose_and_the_choice_is_stored(fair, food_and_drink):
    with pytest.raises(ValidationError):
        _apply(fair, food_and_drink, None)
    assert _apply(fair, food_and_drink, Category.FOOD).category == Category.FOOD
    assert _apply(fair, food_and_drink, Category.BEVERAGE).category == Category.BEVERAGE


def test_one_category_of_products_is_taken_without_asking(fair, producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    ProductFactory(group=group, category=Category.HERBAL)
    assert _apply(fair, group, None).category == Category.HERBAL
    assert _apply(fair, group, Category.FOOD).category == Category.HERBAL


def test_the_apply_form_asks_in_thai_only_when_there_is_a_choice(
    fair, food_and_drink, producer_user, client_for
):
    client = client_for(producer_user)
    html = client.get(f"/fairs/{fair.pk}/apply/").content.decode()
    assert 'name="category"' in html and "ประเภทสินค้าที่ใช้แข่งขัน" in html
    food_and_drink.products.filter(category=Category.BEVERAGE).update(is_active=False)
    html = client.get(f"/fairs/{fair.pk}/apply/").content.decode()
    assert 'name="category"' not in html


def test_choosing_a_category_no_product_offers_is_a_thai_message_next_to_the_field(
    fair, food_and_drink, producer_user, client_for
):
    zone = fair.zones.first()
    data = {"products": [p.pk for p in food_and_drink.products.all()], "choice_1": zone.pk}
    response = client_for(producer_user).post(
        f"/fairs/{fair.pk}/apply/", {**data, "category": Category.TEXTILE}
    )
    assert response.status_code == 200
    assert "category" in response.context["form"].errors
    assert not Application.objects.exists()


def test_the_database_refuses_a_category_outside_the_five(fair, food_and_drink):
    application = _apply(fair, food_and_drink, Category.FOOD)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(category="toys")


@pytest.mark.parametrize(
    "chosen, cap, seated",
    [
        # The old allocation counted the alphabetically first category (beverage) here.
        (Category.FOOD, Category.FOOD, False),
        (Category.FOOD, Category.BEVERAGE, True),
        (Category.BEVERAGE, Category.BEVERAGE, False),
        (Category.BEVERAGE, Category.FOOD, True),
    ],
)
def test_a_food_and_drink_group_is_capped_under_the_category_it_chose(
    fair, food_and_drink, cm_officer, chosen, cap, seated
):
    application = _apply(fair, food_and_drink, chosen)
    Application.objects.filter(pk=application.pk).update(status="eligible")
    fair.state = FairState.SCORING
    fair.save()
    run = run_allocation(fair=fair, by=cm_officer, rules={"category_max": {cap: 0}}, seed=7)
    result = run.results.get(application=application)
    assert (result.booth_id is not None) is seated


def test_the_data_migration_keeps_the_first_products_category(fair, food_and_drink):
    """Existing applications compete where reports put them before: their first product's."""
    application = _apply(fair, food_and_drink, Category.FOOD)
    empty = ApplicationFactory(fair=FairFactory())
    empty.products.clear()
    fill = importlib.import_module("booths.migrations.0012_fill_application_category")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE booths_application ALTER COLUMN category DROP NOT NULL")
        cursor.execute("UPDATE booths_application SET category = NULL")
        cursor.execute(fill.FILL_FROM_FIRST_PRODUCT)
    application.refresh_from_db()
    empty.refresh_from_db()
    assert (application.category, empty.category) == (Category.BEVERAGE, Category.FOOD)
