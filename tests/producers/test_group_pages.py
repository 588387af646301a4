"""The officer list, the group page, creating and editing a group, the address selects."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from producers.models import Category, ProducerGroup, Subdistrict
from tests.factories import (
    CertificationFactory,
    ProducerGroupFactory,
    ProductFactory,
    RatingRoundFactory,
    StarRatingFactory,
    VisitFactory,
    officer_of,
)

pytestmark = pytest.mark.django_db
LIST = reverse("producers:group_list")


@pytest.fixture
def officer():
    return officer_of("50", "34", username="officer_list")


def names_on(response):
    return response.content.decode()


def test_search_finds_thai_text_and_registration_number(client_for, officer):
    ProducerGroupFactory(name="กลุ่มผ้าฝ้ายทอมือบ้านดอน", registration_no="OTOP-50-0001")
    ProducerGroupFactory(name="ร้านไส้อั่วป้าศรี", registration_no="OTOP-50-0002")
    client = client_for(officer)
    by_text = names_on(client.get(LIST, {"q": "ฝ้ายทอ"}))
    assert "กลุ่มผ้าฝ้ายทอมือบ้านดอน" in by_text and "ร้านไส้อั่วป้าศรี" not in by_text
    by_number = names_on(client.get(LIST, {"q": "otop-50-0002"}))
    assert "ร้านไส้อั่วป้าศรี" in by_number and "กลุ่มผ้าฝ้าย" not in by_number


def test_filters_by_province_district_and_category(client_for, officer):
    north = ProducerGroupFactory(province_code="50", name="กลุ่มเชียงใหม่")
    east = ProducerGroupFactory(province_code="34", name="กลุ่มอุบล")
    ProductFactory(group=east, category=Category.FOOD)
    ProductFactory(group=north, category=Category.TEXTILE)
    client = client_for(officer)
    by_province = names_on(client.get(LIST, {"province": "34"}))
    assert "กลุ่มอุบล" in by_province and "กลุ่มเชียงใหม่" not in by_province
    district = north.subdistrict.district_id
    by_district = names_on(client.get(LIST, {"province": "50", "district": district}))
    assert "กลุ่มเชียงใหม่" in by_district and "กลุ่มอุบล" not in by_district
    by_category = names_on(client.get(LIST, {"category": Category.FOOD}))
    assert "กลุ่มอุบล" in by_category and "กลุ่มเชียงใหม่" not in by_category


def test_filter_by_stars_uses_the_current_rating(client_for, officer):
    was_five = ProductFactory(group__name="กลุ่มเคยห้าดาว")
    StarRatingFactory(product=was_five, round=RatingRoundFactory(year=2022), score=Decimal(95))
    StarRatingFactory(product=was_five, round=RatingRoundFactory(year=2025), score=Decimal(75))
    five = ProductFactory(group__name="กลุ่มห้าดาว")
    StarRatingFactory(product=five, round=RatingRoundFactory(year=2025), score=Decimal(91))
    content = names_on(client_for(officer).get(LIST, {"stars": "5"}))
    assert "กลุ่มห้าดาว" in content and "กลุ่มเคยห้าดาว" not in content


def test_expired_and_expiring_certificates_are_flagged_and_filterable(client_for, officer):
    today = timezone.localdate()
    expired = ProducerGroupFactory(name="กลุ่มหมดอายุ")
    CertificationFactory(group=expired, expires_on=today - datetime.timedelta(days=1))
    soon = ProducerGroupFactory(name="กลุ่มใกล้หมด")
    CertificationFactory(group=soon, expires_on=today + datetime.timedelta(days=90))
    fine = ProducerGroupFactory(name="กลุ่มปกติ")
    CertificationFactory(group=fine, expires_on=today + datetime.timedelta(days=91))
    client = client_for(officer)
    content = names_on(client.get(LIST))
    assert "หมดอายุแล้ว" in content and "หมดอายุภายใน 90 วัน" in content
    expiring = names_on(client.get(LIST, {"certification": "expiring"}))
    assert "กลุ่มใกล้หมด" in expiring
    assert "กลุ่มปกติ" not in expiring and "กลุ่มหมดอายุ" not in expiring
    assert "กลุ่มหมดอายุ" in names_on(client.get(LIST, {"certification": "expired"}))


def test_group_page_shows_stars_certificate_flags_and_visit_history(client_for, officer):
    group = ProducerGroupFactory(name="กลุ่มทอผ้าบ้านไร่")
    StarRatingFactory(product=ProductFactory(group=group, name="ผ้าซิ่นตีนจก"), score=Decimal(82))
    CertificationFactory(group=group, expires_on=timezone.localdate() + datetime.timedelta(30))
    VisitFactory(group=group, officer=officer, problems_heard="ขาดเงินทุนหมุนเวียน")
    content = names_on(client_for(officer).get(reverse("producers:group_detail", args=[group.pk])))
    assert "ผ้าซิ่นตีนจก" in content
    assert 'aria-label="4 จาก 5 ดาว"' in content
    assert "หมดอายุภายใน 90 วัน" in content
    assert "ขาดเงินทุนหมุนเวียน" in content


def test_officer_creates_a_group_with_the_address_selects(client_for, officer):
    sub = Subdistrict.objects.filter(district__province_id="50").order_by("code").first()
    response = client_for(officer).post(
        reverse("producers:group_create"),
        {
            "name": "กลุ่มร่มบ่อสร้าง",
            "group_type": "community",
            "registration_no": "OTOP-NEW-1",
            "contact_name": "สมศรี",
            "province": "50",
            "district": sub.district_id,
            "subdistrict": sub.code,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    group = ProducerGroup.objects.get(registration_no="OTOP-NEW-1")
    assert group.province_id == "50"


def test_subdistrict_outside_the_chosen_district_is_refused(client_for, officer):
    other = Subdistrict.objects.filter(district__province_id="34").first()
    district = Subdistrict.objects.filter(district__province_id="50").first().district_id
    response = client_for(officer).post(
        reverse("producers:group_create"),
        {
            "name": "กลุ่มผิดที่",
            "group_type": "sme",
            "registration_no": "OTOP-WRONG",
            "contact_name": "x",
            "province": "50",
            "district": district,
            "subdistrict": other.code,
        },
    )
    assert response.status_code == 200
    assert not ProducerGroup.objects.filter(registration_no="OTOP-WRONG").exists()


def test_officer_cannot_create_a_group_in_another_province(client_for, officer):
    sub = Subdistrict.objects.filter(district__province_id="10").first()
    response = client_for(officer).post(
        reverse("producers:group_create"),
        {
            "name": "กลุ่มกรุงเทพ",
            "group_type": "sme",
            "registration_no": "OTOP-BKK",
            "contact_name": "x",
            "province": "10",
            "district": sub.district_id,
            "subdistrict": sub.code,
        },
    )
    assert response.status_code == 200
    assert not ProducerGroup.objects.filter(registration_no="OTOP-BKK").exists()


def test_choosing_a_province_lists_only_its_districts(client_for, officer):
    response = client_for(officer).get(reverse("producers:address_fields"), {"province": "50"})
    content = response.content.decode()
    assert "เมืองเชียงใหม่" in content
    assert "เมืองอุบลราชธานี" not in content
    district = Subdistrict.objects.filter(district__province_id="50").first().district
    response = client_for(officer).get(
        reverse("producers:address_fields"), {"province": "50", "district": district.code}
    )
    first_sub = district.subdistricts.order_by("sort_name").first()
    assert first_sub.name_th in response.content.decode()


def test_producer_my_group_opens_their_group(client_for, producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    response = client_for(producer_user).get(reverse("producers:my_groups"))
    assert response.status_code == 302
    assert response["Location"] == reverse("producers:group_detail", args=[group.pk])


def bulk_groups(count, province_code="50"):
    subs = list(Subdistrict.objects.filter(district__province_id=province_code)[:50])
    groups = ProducerGroup.objects.bulk_create(
        ProducerGroup(
            name=f"กลุ่มทดสอบ {i}",
            sort_name=f"กลุมทดสอบ {i:06d}",
            group_type="community",
            registration_no=f"BULK-{province_code}-{i:06d}",
            contact_name="ทดสอบ",
            subdistrict=subs[i % len(subs)],
            province_id=province_code,
        )
        for i in range(count)
    )
    round_ = RatingRoundFactory(year=2025)
    for group in groups[:30]:
        StarRatingFactory(product=ProductFactory(group=group), round=round_)
        CertificationFactory(group=group)
    return groups


@pytest.mark.parametrize("count", [20, 5000])
def test_officer_list_runs_a_constant_number_of_queries(
    client_for, officer, django_assert_max_num_queries, count
):
    bulk_groups(count)
    client = client_for(officer)
    with django_assert_max_num_queries(20):
        response = client.get(LIST, {"province": "50", "sort": "name", "stars": ""})
    assert response.status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(LIST, {"q": "ทดสอบ", "certification": "valid"}).status_code == 200
