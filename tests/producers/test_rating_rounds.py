"""Rating rounds as the department holds them: a star level per product and round, a score only
when known (and then agreeing with the round), and rounds that count only while they are valid."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from producers.models import RatingRound, StarRating, current_ratings
from producers.selectors import GroupFilters, filtered_groups
from tests.factories import (
    ProducerGroupFactory,
    ProductFactory,
    RatingRoundFactory,
    StarRatingFactory,
    UserFactory,
    officer_of,
)

pytestmark = pytest.mark.django_db


def rating_url(group):
    return reverse("producers:rating_create", args=[group.pk])


def test_an_officer_records_stars_without_a_score(client):
    group = ProducerGroupFactory(province_code="50")
    product = ProductFactory(group=group)
    round_ = RatingRoundFactory(year=2025)
    client.force_login(officer_of("50"))
    response = client.post(
        rating_url(group), {"product": product.pk, "round": round_.pk, "stars": "4"}
    )
    assert response.status_code == 302
    rating = StarRating.objects.get()
    assert (rating.stars, rating.score) == (4, None)
    page = client.get(reverse("producers:group_detail", args=[group.pk])).content.decode()
    assert 'aria-label="4 จาก 5 ดาว"' in page


def test_a_score_that_disagrees_with_its_stars_is_refused_in_thai(client):
    group = ProducerGroupFactory(province_code="50")
    product = ProductFactory(group=group)
    round_ = RatingRoundFactory(year=2025)
    client.force_login(officer_of("50"))
    response = client.post(
        rating_url(group),
        {"product": product.pk, "round": round_.pk, "stars": "5", "score": "60"},
    )
    assert response.status_code == 200
    assert not StarRating.objects.exists()
    errors = response.context["form"].errors["stars"]
    assert errors == ["คะแนน 60 ได้ 2 ดาวในรอบ 2568 ไม่ใช่ 5 ดาว"]


def test_an_expired_round_no_longer_counts():
    old_round = RatingRoundFactory(
        year=2019, valid_from=datetime.date(2019, 1, 1), valid_until=datetime.date(2021, 12, 31)
    )
    product = ProductFactory()
    StarRatingFactory(product=product, round=old_round, stars=5, score=None)
    assert product.rating_on(datetime.date(2021, 12, 31)).stars == 5
    assert product.rating_on(datetime.date(2022, 1, 1)) is None
    assert product.current_rating is None
    assert not current_ratings().filter(product=product).exists()
    root = UserFactory(is_superuser=True, role="")
    assert not filtered_groups(root, GroupFilters(min_stars=1)).filter(pk=product.group_id)


def test_a_new_round_takes_over_only_from_its_start():
    product = ProductFactory()
    StarRatingFactory(product=product, round=RatingRoundFactory(year=2023), stars=5, score=None)
    StarRatingFactory(product=product, round=RatingRoundFactory(year=2025), stars=2, score=None)
    assert product.rating_on(datetime.date(2024, 6, 1)).stars == 5
    assert product.rating_on(datetime.date(2025, 6, 1)).stars == 2


rounds = st.lists(
    st.tuples(
        st.integers(2015, 2026),  # year
        st.integers(0, 400),  # starts this many days after 1 January of its year
        st.integers(0, 1200),  # lasts this many days
        st.integers(1, 5),  # stars
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda r: r[0],
)


@settings(max_examples=25, deadline=None)
@given(spec=rounds, day=st.dates(datetime.date(2015, 1, 1), datetime.date(2030, 12, 31)))
def test_the_current_rating_is_the_same_in_python_and_in_sql(spec, day):
    StarRating.objects.all().delete()
    RatingRound.objects.all().delete()
    product = ProductFactory()
    for year, offset, length, stars in spec:
        start = datetime.date(year, 1, 1) + datetime.timedelta(days=offset)
        round_ = RatingRound.objects.create(
            year=year, valid_from=start, valid_until=start + datetime.timedelta(days=length)
        )
        StarRating.objects.create(product=product, round=round_, stars=stars)
    in_python = product.rating_on(day)
    in_sql = current_ratings(day).filter(product=product).first()
    assert (in_python and in_python.pk) == (in_sql and in_sql.pk)
    valid = [r for r in spec if _valid(r, day)]
    expected = max(valid)[3] if valid else None
    assert (in_python.stars if in_python else None) == expected


def _valid(spec, day):
    year, offset, length, _stars = spec
    start = datetime.date(year, 1, 1) + datetime.timedelta(days=offset)
    return start <= day <= start + datetime.timedelta(days=length)


def test_the_group_figure_is_the_best_current_product_and_names_it(client):
    group = ProducerGroupFactory(province_code="50")
    round_ = RatingRoundFactory(year=2025)
    textile = ProductFactory(group=group, name="ผ้าทอ")
    food = ProductFactory(group=group, name="น้ำพริก")
    StarRatingFactory(product=textile, round=round_, stars=5, score=Decimal("95"))
    StarRatingFactory(product=food, round=round_, stars=1, score=None)
    from producers.selectors import group_list

    root = UserFactory(is_superuser=True, role="")
    row = group_list(root, GroupFilters()).get(pk=group.pk)
    assert (row.best_stars, row.best_stars_product) == (5, textile.pk)
