"""Objects named inside a form, not in the URL: a user may only point at what they may see.

The URL matrix checks who opens which page; these check the ids a user can slip into a POST
body on a page they may open (another group's product, another province's fair or group, a
registration number or member list a producer is not allowed to change).
"""

import pytest
from django.db import transaction
from django.urls import reverse

from tests.factories import ProducerGroupFactory
from tests.matrix_world import signed_in_clients, table_counts, world_fixture


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("bodies_media"))


@pytest.fixture(scope="module")
def clients(world):
    return signed_in_clients(world)


def post(client, name, kwargs, data):
    """POST in a rolled-back savepoint; returns the response and whether any table changed."""
    with transaction.atomic():
        before = table_counts()
        response = client.post(reverse(name, kwargs=kwargs), data)
        changed = table_counts() != before
        transaction.set_rollback(True)
    return response, changed


def test_a_producer_cannot_change_registration_or_members_of_their_group(db, world, clients):
    group = world.group_a
    data = {"contact_name": "สมศรี", "phone": "0811111111", "line_id": "", "address": "บ้าน"}
    data |= {"registration_no": "HIJACK-1", "member_usernames": "mx_producer_b", "name": "ใหม่"}
    with transaction.atomic():
        response = clients["producer_a"].post(
            reverse("producers:group_edit", args=[group.pk]), data
        )
        group.refresh_from_db()
        members = set(group.members.values_list("username", flat=True))
        transaction.set_rollback(True)
    assert response.status_code == 302
    assert group.registration_no != "HIJACK-1"
    assert group.name != "ใหม่"
    assert members == {"mx_producer_a"}


def test_an_officer_cannot_create_a_fair_in_another_province(db, world, clients):
    data = {"name": "งานแอบสร้าง", "venue": "ลาน", "province": "50", "booth_count": "1"}
    data |= {"start_date": "10/06/2570", "end_date": "12/06/2570"}
    data |= {"applications_open_on": "01/04/2570", "applications_close_on": "01/05/2570"}
    response, changed = post(clients["officer_other"], "booths:fair_create", {}, data)
    assert response.status_code == 200
    assert "province" in response.context["form"].errors
    assert not changed


@pytest.mark.parametrize("field", ["fair", "groups_present", "groups_absent", "groups_invited"])
def test_an_officer_cannot_file_a_meeting_under_another_provinces_fair_or_group(
    db, world, clients, field
):
    data = {"held_on": "01/12/2569", "place": "ศาลากลาง"}
    data[field] = str(world.fair.pk if field == "fair" else world.group_a.pk)
    response, changed = post(clients["officer_other"], "sales:meeting_create", {}, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not changed


def test_an_action_item_goes_only_to_a_group_invited_to_the_meeting(db, world, clients):
    stranger = ProducerGroupFactory()
    data = {"description": "ทำฉลาก", "owner_group": str(stranger.pk), "status": "open"}
    kwargs = {"meeting_id": world.meeting.pk}
    response, changed = post(
        clients["officer_province"], "sales:meeting_action_create", kwargs, data
    )
    assert response.status_code == 200
    assert "owner_group" in response.context["form"].errors
    assert not changed


def test_a_producer_cannot_enter_another_groups_product_in_an_application(db, world, clients):
    other = world.group_b.products.first()
    data = {"products": str(other.pk), "choice_1": str(world.zone.pk)}
    response, changed = post(
        clients["producer_a"], "booths:apply", {"fair_id": world.fair.pk}, data
    )
    assert response.status_code == 200
    assert "products" in response.context["form"].errors
    assert not changed


def test_an_officer_cannot_rate_a_product_of_another_group(db, world, clients):
    other = world.group_b.products.first()
    data = {"product": str(other.pk), "round": str(world.round.pk), "score": "90"}
    kwargs = {"group_id": world.group_a.pk}
    response, changed = post(clients["officer_province"], "producers:rating_create", kwargs, data)
    assert response.status_code == 200
    assert "product" in response.context["form"].errors
    assert not changed


def test_a_producers_problem_report_is_filed_on_their_own_booth(db, world, clients):
    data = {"category": "electricity", "description": "ไฟดับ", "booth": str(world.holding_b.pk)}
    with transaction.atomic():
        response = clients["producer_a"].post(
            reverse("sales:issue_new", args=[world.fair.pk]), data
        )
        issue = world.fair.issues.order_by("-pk").first()
        transaction.set_rollback(True)
    assert response.status_code == 302
    assert issue.assignment_id == world.holding_a.pk


def test_a_committee_member_cannot_add_themselves_reviews_through_the_conflict_form(
    db, world, clients
):
    """Declaring a conflict names an application by number; it never assigns a review."""
    review = world.scoring_review
    data = {"registration_no": world.group_b.registration_no, "reason": "ญาติ"}
    kwargs = {"seat_id": review.member_id}
    response, _changed = post(
        clients["committee_assigned"], "booths:declare_conflict", kwargs, data
    )
    assert response.status_code == 200
    assert "registration_no" in response.context["form"].errors
