"""Officers make accounts for their groups: one from the group page, or every group of an import
or a filtered list in one action, which a second press leaves as it is."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from otop_fair.accounts.models import AccountAction, AccountEvent, User
from otop_fair.accounts.services import create_group_accounts
from producers.models import ProducerGroup, Subdistrict
from tests.factories import ProducerGroupFactory, officer_of

pytestmark = pytest.mark.django_db
# The registry import's own column names (producers/importing.py).
HEADER = ["เลขทะเบียน OTOP", "ชื่อกลุ่ม", "ประเภทกลุ่ม", "ผู้ติดต่อ", "โทรศัพท์", "จังหวัด", "อำเภอ", "ตำบล"]


def area():
    sub = (
        Subdistrict.objects.select_related("district__province")
        .filter(district__province_id="50")
        .order_by("code")
        .first()
    )
    return ["จ." + sub.district.province.name_th, "อำเภอ" + sub.district.name_th, sub.name_th]


def import_registry(client, rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    upload = SimpleUploadedFile("registry.csv", buffer.getvalue().encode("utf-8-sig"), "text/csv")
    client.post(reverse("producers:import_upload"), {"file": upload})
    return client.post(reverse("producers:import_confirm"))


def registry_rows(count):
    return [
        [
            f"OTOP-BULK-{n:04d}",
            f"กลุ่มทดสอบ {n}",
            "กลุ่มชุมชน",
            f"ผู้ประสาน {n}",
            f"08{n:08d}",
            *area(),
        ]
        for n in range(count)
    ]


def make_accounts_for(client, regnos):
    return client.post(reverse("accounts:group_accounts_create"), {"registration_no": regnos})


def test_an_officer_makes_200_accounts_from_an_import_in_one_action_and_none_the_second_time(
    client_for,
):
    officer = officer_of("50", username="officer_bulk")
    client = client_for(officer)
    rows = registry_rows(200)
    import_registry(client, rows)
    regnos = [row[0] for row in rows]
    assert ProducerGroup.objects.filter(registration_no__in=regnos).count() == 200

    first = make_accounts_for(client, regnos)
    assert first.status_code == 302
    groups = ProducerGroup.objects.filter(registration_no__in=regnos)
    assert groups.filter(members__is_active=True).distinct().count() == 200
    assert User.objects.filter(producer_groups__in=groups).count() == 200

    make_accounts_for(client, regnos)
    assert User.objects.filter(producer_groups__in=groups).count() == 200
    created = AccountEvent.objects.filter(action=AccountAction.CREATED, by=officer)
    assert created.count() == 200


@pytest.mark.parametrize("count", [5, 60])
def test_making_accounts_costs_the_same_queries_for_few_or_many_groups(
    client_for, django_assert_max_num_queries, count
):
    officer = officer_of("50", username="officer_queries")
    groups = ProducerGroupFactory.create_batch(count)
    client = client_for(officer)
    with django_assert_max_num_queries(16):
        make_accounts_for(client, [g.registration_no for g in groups])
    assert User.objects.filter(producer_groups__in=groups).count() == count


def test_the_contact_person_of_a_group_becomes_its_member_with_the_canonical_phone(client_for):
    officer = officer_of("50")
    group = ProducerGroupFactory(contact_name="บัวผัน ทองดี", phone="๐๘๑-๒๓๔-๕๖๗๘")
    response = client_for(officer).post(reverse("accounts:group_account_create", args=[group.pk]))
    member = group.members.get()
    assert response.status_code == 302
    assert (member.first_name, member.phone, member.role) == ("บัวผัน ทองดี", "0812345678", "producer")
    assert not member.has_usable_password()


def test_a_filtered_list_makes_accounts_only_for_the_groups_it_shows(client_for):
    officer = officer_of("50", "10")
    shown = ProducerGroupFactory(name="กลุ่มผ้าทอสันกำแพง")
    hidden = ProducerGroupFactory(name="กลุ่มจักสาน")
    client_for(officer).post(reverse("accounts:group_accounts_create"), {"q": "ผ้าทอ"})
    assert shown.members.count() == 1
    assert hidden.members.count() == 0


def test_an_officer_cannot_make_accounts_for_another_provinces_groups(client_for):
    outsider = officer_of("10")
    group = ProducerGroupFactory()
    client = client_for(outsider)
    make_accounts_for(client, [group.registration_no])
    single = client.post(reverse("accounts:group_account_create", args=[group.pk]))
    assert single.status_code == 403
    assert group.members.count() == 0


def test_an_officer_registers_a_committee_member_of_their_province(client_for):
    officer = officer_of("50")
    province = officer.officer_provinces.get()
    response = client_for(officer).post(
        reverse("accounts:committee_create"),
        {"first_name": "สมชาย", "last_name": "ใจกว้าง", "phone": "089 999 8888", "province": "50"},
    )
    member = User.objects.get(role="committee")
    assert response.status_code == 302
    assert (member.username, member.phone, member.province) == (
        "0899998888",
        "0899998888",
        province,
    )


def test_an_officer_cannot_register_a_committee_member_in_another_province(client_for):
    officer = officer_of("50")
    response = client_for(officer).post(
        reverse("accounts:committee_create"),
        {"first_name": "สมชาย", "phone": "0899998888", "province": "10"},
    )
    assert response.status_code == 200
    assert "province" in response.context["form"].errors
    assert not User.objects.filter(role="committee").exists()


# Numbers that read the same once simplified (`A-1`, `a1`) or not at all (`กข`).
registration_numbers = st.lists(
    st.text(st.sampled_from("Aa-1กข"), min_size=1, max_size=4), min_size=1, max_size=6, unique=True
)


class AnyRegistrationNumbers(TestCase):
    """Each example runs in its own rolled-back transaction (hypothesis' Django TestCase)."""

    @given(numbers=registration_numbers)
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_give_one_account_per_group_and_none_the_second_time(self, numbers):
        officer = officer_of("50", username="officer_any")
        groups = [ProducerGroupFactory(registration_no=number) for number in numbers]
        chosen = ProducerGroup.objects.filter(pk__in=[g.pk for g in groups])
        first = create_group_accounts(groups=chosen, by=officer)
        second = create_group_accounts(groups=chosen, by=officer)
        assert (len(first), len(second)) == (len(groups), 0)
        assert all(g.members.count() == 1 for g in groups)
