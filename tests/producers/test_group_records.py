"""Officers record star ratings and certificates and assign member accounts; the group page and
the producer's home stay at a constant number of queries; the demo registry is realistic."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from producers import demo
from producers.models import (
    Certification,
    FollowUpStatus,
    ProducerGroup,
    RatingRound,
    StarRating,
    Visit,
)
from tests.factories import (
    CertificationFactory,
    ProducerGroupFactory,
    ProductFactory,
    RatingRoundFactory,
    StarRatingFactory,
    UserFactory,
    VisitFactory,
    officer_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return officer_of("50", username="officer_records")


def test_officer_records_a_rating_and_the_group_page_shows_its_stars(client_for, officer):
    group = ProducerGroupFactory(province_code="50")
    product = ProductFactory(group=group, name="ลำไยอบแห้ง")
    round_ = RatingRoundFactory(year=2025)
    client = client_for(officer)
    response = client.post(
        reverse("producers:rating_create", args=[group.pk]),
        {
            "product": product.pk,
            "round": round_.pk,
            "stars": "5",
            "score": "90",
            "certificate_no": "C-1",
        },
    )
    assert response.status_code == 302
    assert StarRating.objects.get().stars == 5
    page = client.get(reverse("producers:group_detail", args=[group.pk])).content.decode()
    assert 'aria-label="5 จาก 5 ดาว"' in page


def test_a_second_rating_in_the_same_round_is_refused(client_for, officer):
    rating = StarRatingFactory(product=ProductFactory(group__province_code="50"))
    response = client_for(officer).post(
        reverse("producers:rating_create", args=[rating.product.group_id]),
        {"product": rating.product_id, "round": rating.round_id, "stars": "3", "score": "70"},
    )
    assert response.status_code == 200
    assert StarRating.objects.count() == 1


def test_officer_records_a_certificate_with_dates_in_order(client_for, officer):
    group = ProducerGroupFactory(province_code="50")
    client = client_for(officer)
    url = reverse("producers:certification_create", args=[group.pk])
    bad = client.post(
        url,
        {
            "standard": "mpc",
            "number": "1/2568",
            "issued_on": "10/01/2569",
            "expires_on": "01/01/2568",
        },
    )
    assert "วันหมดอายุต้องไม่ก่อนวันออกใบรับรอง" in bad.content.decode()
    good = client.post(
        url,
        {
            "standard": "mpc",
            "number": "1/2568",
            "issued_on": "10/01/2569",
            "expires_on": "09/01/2572",
        },
    )
    assert good.status_code == 302
    assert Certification.objects.get().group == group


def test_officer_assigns_member_accounts_by_username(client_for, officer):
    group = ProducerGroupFactory(province_code="50")
    member = UserFactory(role="producer", username="buaphan")
    data = {
        "name": group.name,
        "group_type": group.group_type,
        "registration_no": group.registration_no,
        "contact_name": group.contact_name,
        "province": "50",
        "district": group.subdistrict.district_id,
        "subdistrict": group.subdistrict_id,
        "is_active": "on",
    }
    client = client_for(officer)
    unknown = client.post(
        reverse("producers:group_edit", args=[group.pk]), data | {"member_usernames": "nobody"}
    )
    assert "ไม่พบบัญชีผู้ผลิต" in unknown.content.decode()
    client.post(
        reverse("producers:group_edit", args=[group.pk]), data | {"member_usernames": "buaphan"}
    )
    assert list(group.members.all()) == [member]
    # As a phone keyboard capitalises it: the same account, as at sign-in.
    group.members.clear()
    client.post(
        reverse("producers:group_edit", args=[group.pk]), data | {"member_usernames": " Buaphan "}
    )
    assert list(group.members.all()) == [member]


def full_group(products):
    group = ProducerGroupFactory(province_code="50")
    for _ in range(products):
        product = ProductFactory(group=group)
        StarRatingFactory(product=product)
        CertificationFactory(group=group, product=product)
        VisitFactory(group=group)
    return group


@pytest.mark.parametrize("products", [1, 8])
def test_group_page_runs_a_constant_number_of_queries(
    client_for, officer, django_assert_max_num_queries, products
):
    group = full_group(products)
    client = client_for(officer)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("producers:group_detail", args=[group.pk])).status_code == 200


@pytest.mark.parametrize("products", [1, 8])
def test_producer_home_runs_a_constant_number_of_queries(
    client_for, producer_user, django_assert_max_num_queries, products
):
    full_group(products).members.add(producer_user)
    client = client_for(producer_user)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("producer_home")).status_code == 200


def test_demo_registry_has_history_expiring_standards_and_due_follow_ups():
    rng = demo.make_rng(1)
    officer, _, producers = demo.seed_accounts()
    groups = demo.seed_registry(40, rng=rng)
    demo.seed_field_work(officer, groups, seed=1)
    demo.seed_field_work(officer, groups, seed=1)
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=90)
    assert Certification.objects.filter(expires_on__lt=today).exists()
    assert Certification.objects.filter(expires_on__gte=today, expires_on__lte=soon).exists()
    old = RatingRound.objects.get(year=2023)
    assert old.five_star_min != RatingRound.objects.get(year=2025).five_star_min
    assert StarRating.objects.filter(round=old).exists()
    due = Visit.objects.filter(officer=officer, follow_up_status=FollowUpStatus.OPEN)
    assert due.filter(follow_up_due__lte=today + datetime.timedelta(days=7)).exists()
    assert (
        Visit.objects.count()
        == due.count() + Visit.objects.exclude(follow_up_status=FollowUpStatus.OPEN).count()
    )
    assert ProducerGroup.objects.count() == 40
    assert StarRating.objects.filter(score__gte=Decimal(0)).count() >= 40
