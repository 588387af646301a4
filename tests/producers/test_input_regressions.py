"""Inputs the fuzzers found to be 500s on a fresh machine; each now gets a page or a Thai error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from producers.models import ProducerGroup
from tests.factories import ProducerGroupFactory, officer_of


@pytest.fixture
def officer(db):
    return officer_of("50", username="officer_regressions")


def test_district_options_with_a_nul_in_the_province_is_a_bad_request(client_for, officer):
    response = client_for(officer).get(
        reverse("producers:district_options"), {"province": "5\x000"}
    )
    assert response.status_code == 400


def test_a_csv_with_a_stray_carriage_return_previews_or_gets_a_thai_error(client_for, officer):
    body = 'เลขทะเบียน OTOP,ชื่อกลุ่ม\r\nOTOP-1,"กลุ่ม\rทดสอบ"\rเศษ\n'.encode()
    upload = SimpleUploadedFile("groups.csv", body, content_type="text/csv")
    response = client_for(officer).post(reverse("producers:import_upload"), {"file": upload})
    assert response.status_code == 200
    assert ProducerGroup.objects.count() == 0


def test_a_negative_price_is_refused_next_to_the_field_in_thai(client_for, officer):
    group = ProducerGroupFactory(province_id="50")
    url = reverse("producers:product_create", args=[group.pk])
    data = {"name": "ผ้าไหม", "category": "textile", "price_min": "-5", "price_max": "200"}

    response = client_for(officer).post(url, data | {"unit": "ผืน", "is_active": "on"})

    assert response.status_code == 200
    assert response.context["form"].errors["price_min"] == ["ราคาต้องไม่ต่ำกว่าศูนย์"]
    assert not group.products.exists()
