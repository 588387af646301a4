"""Officers keep only their provinces' groups; producers only their own groups."""

import pytest
from django.urls import reverse

from tests.factories import ProducerGroupFactory, ProductFactory, UserFactory, officer_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_provinces():
    officer_a = officer_of("50", username="officer_cm")
    group_a = ProducerGroupFactory(province_code="50", name="กลุ่มทอผ้าเชียงใหม่")
    group_b = ProducerGroupFactory(province_code="34", name="กลุ่มทอผ้าอุบล")
    return officer_a, group_a, group_b


def test_officer_list_shows_only_groups_of_their_provinces(client_for, two_provinces):
    officer_a, group_a, group_b = two_provinces
    response = client_for(officer_a).get(reverse("producers:group_list"))
    assert group_a.name in response.content.decode()
    assert group_b.name not in response.content.decode()


def test_officer_cannot_list_another_province_even_by_filter(client_for, two_provinces):
    officer_a, _, group_b = two_provinces
    response = client_for(officer_a).get(
        reverse("producers:group_list"), {"province": "34", "q": group_b.name}
    )
    assert reverse("producers:group_detail", args=[group_b.pk]) not in response.content.decode()


@pytest.mark.parametrize(
    "url_name",
    [
        "producers:group_detail",
        "producers:group_edit",
        "producers:visit_create",
        "producers:product_create",
        "producers:rating_create",
        "producers:certification_create",
    ],
)
def test_officer_cannot_open_or_edit_a_group_of_another_province(
    client_for, two_provinces, url_name
):
    officer_a, _, group_b = two_provinces
    client = client_for(officer_a)
    assert client.get(reverse(url_name, args=[group_b.pk])).status_code == 403
    assert client.post(reverse(url_name, args=[group_b.pk]), {"name": "x"}).status_code == 403


def test_officer_cannot_edit_a_product_of_another_province_by_id(client_for, two_provinces):
    officer_a, _, group_b = two_provinces
    product = ProductFactory(group=group_b)
    response = client_for(officer_a).post(
        reverse("producers:product_edit", args=[product.pk]), {"name": "hacked"}
    )
    assert response.status_code == 403
    product.refresh_from_db()
    assert product.name != "hacked"


def test_officer_opens_and_edits_a_group_of_their_province(client_for, two_provinces):
    officer_a, group_a, _ = two_provinces
    client = client_for(officer_a)
    assert client.get(reverse("producers:group_detail", args=[group_a.pk])).status_code == 200
    assert client.get(reverse("producers:group_edit", args=[group_a.pk])).status_code == 200


def test_unknown_group_id_is_not_found(client_for, two_provinces):
    officer_a, _, _ = two_provinces
    assert client_for(officer_a).get("/registry/groups/999999/").status_code == 404


def test_producer_cannot_open_another_groups_edit_page(client_for, producer_user):
    own = ProducerGroupFactory(members=[producer_user])
    other = ProducerGroupFactory()
    client = client_for(producer_user)
    assert client.get(reverse("producers:group_edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("producers:group_edit", args=[other.pk])).status_code == 403
    assert client.get(reverse("producers:group_detail", args=[other.pk])).status_code == 403


def test_producer_edits_contact_but_not_the_registration(client_for, producer_user):
    own = ProducerGroupFactory(members=[producer_user], registration_no="OTOP-KEEP")
    response = client_for(producer_user).post(
        reverse("producers:group_edit", args=[own.pk]),
        {
            "contact_name": "บัวผัน ผู้ผลิต",
            "phone": "0899999999",
            "line_id": "buaphan",
            "address": "9 หมู่ 2",
            "registration_no": "CHANGED",
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.phone == "0899999999"
    assert own.registration_no == "OTOP-KEEP"


def test_producer_cannot_reach_officer_pages(client_for, producer_user):
    client = client_for(producer_user)
    assert client.get(reverse("producers:group_list")).status_code == 403
    assert client.get(reverse("producers:import_upload")).status_code == 403
    assert client.get(reverse("producers:group_export_csv")).status_code == 403


def test_committee_member_cannot_open_a_group(client_for):
    member = UserFactory(role="committee")
    group = ProducerGroupFactory()
    assert (
        client_for(member).get(reverse("producers:group_detail", args=[group.pk])).status_code
        == 403
    )


def test_superuser_sees_every_province(client_for, superuser, two_provinces):
    _, group_a, group_b = two_provinces
    content = client_for(superuser).get(reverse("producers:group_list")).content.decode()
    assert group_a.name in content and group_b.name in content


def test_officer_cannot_close_a_follow_up_of_another_province(client_for, two_provinces):
    from tests.factories import VisitFactory

    officer_a, _, group_b = two_provinces
    visit = VisitFactory(group=group_b, follow_up="x", follow_up_status="open")
    response = client_for(officer_a).post(reverse("producers:follow_up_done", args=[visit.pk]))
    assert response.status_code == 403
    visit.refresh_from_db()
    assert visit.follow_up_status == "open"


def test_geography_has_every_province_with_official_codes():
    from producers.models import District, Province, Subdistrict

    assert Province.objects.count() == 77
    chiang_mai = Province.objects.get(code="50")
    assert chiang_mai.name_th == "เชียงใหม่" and chiang_mai.name_en == "Chiang Mai"
    assert District.objects.filter(province=chiang_mai).count() == 25
    assert Subdistrict.objects.exclude(postal_code="").count() > 7000
