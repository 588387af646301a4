"""Blind review: a committee member of a blind-reviewed fair opens every page their role reaches
and never learns who applied — no group name, district or registration number; officers still do."""

import pytest
from django.db import transaction
from django.urls import reverse

from booths.models import ConflictOfInterest
from tests.matrix_world import signed_in_clients, world_fixture
from tests.test_permission_matrix import ALLOW, EXPECTED, POST_ONLY, url_of

MEMBERS = ("committee_assigned", "committee_other", "committee_elsewhere")
# The fair's public face lists the groups that chose to be listed, for anyone signed in or not.
PUBLIC_FACE = {name for name in EXPECTED if name.startswith("public:")}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    for built in world_fixture(django_db_blocker, tmp_path_factory.mktemp("blind_media")):
        with django_db_blocker.unblock():
            for fair in (built.fair, built.scoring_fair, built.elsewhere_fair):
                fair.is_blind_review = True
                fair.save(update_fields=["is_blind_review"])
            # A conflict declared earlier, so the conflicts page lists one application.
            ConflictOfInterest.objects.create(
                member=built.seat, application=built.application_b, reason="ญาติ"
            )
        yield built


@pytest.fixture(scope="module")
def clients(world):
    return signed_in_clients(world)


def _who_applied(world):
    """What would tell a member which group an application is: for both applicant groups."""
    words = set()
    for group in (world.group_a, world.group_b):
        district = group.subdistrict.district
        words |= {group.name, group.registration_no, district.name_th, district.name_en}
    return {w for w in words if w}


def _body(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    headers = " ".join(f"{k}: {v}" for k, v in response.items())
    return body.decode("utf-8", "replace") + headers


def _pages_open_to(role):
    return sorted(
        name
        for name, roles in EXPECTED.items()
        if roles[role] == ALLOW and name not in POST_ONLY | PUBLIC_FACE
    )


@pytest.mark.parametrize("role", MEMBERS)
def test_member_of_a_blind_fair_sees_no_applicant_on_any_page_they_reach(db, world, clients, role):
    leaks = []
    for name in _pages_open_to(role):
        response = clients[role].get(url_of(world, name), follow=True)
        text = _body(response)
        shown = sorted(word for word in _who_applied(world) if word in text)
        if shown:
            leaks.append(f"{name} ({response.status_code}): {shown}")
    assert not leaks, f"{role} learns who applied on: {leaks}"


def test_the_walk_reaches_the_pages_that_name_applications(world):
    """The walk is only worth something if it opens the pages where applicants are named."""
    reached = set(_pages_open_to("committee_assigned"))
    assert {
        "booths:my_reviews",
        "booths:score_sheet",
        "booths:declare_conflict",
        "booths:ranking",
    } <= reached


def test_ranking_and_conflicts_name_an_application_number_to_a_member(db, world, clients):
    client = clients["committee_assigned"]
    ranking = client.get(reverse("booths:ranking", args=[world.fair.pk])).content.decode()
    assert f"ใบสมัครเลขที่ {world.application_a.pk}" in ranking
    conflicts = client.get(reverse("booths:declare_conflict", args=[world.seat.pk]))
    assert f"ใบสมัครเลขที่ {world.application_b.pk}" in conflicts.content.decode()


def test_a_conflict_declared_on_a_blind_fair_is_listed_by_number(db, world, clients):
    seat, application = world.scoring_review.member, world.scoring_review.application
    url = reverse("booths:declare_conflict", args=[seat.pk])
    with transaction.atomic():
        client = clients["committee_assigned"]
        client.post(url, {"registration_no": world.group_a.registration_no, "reason": "ญาติ"})
        page = client.get(url).content.decode()
        transaction.set_rollback(True)
    assert f"ใบสมัครเลขที่ {application.pk}" in page
    assert world.group_a.name not in page


@pytest.mark.parametrize("name", ["booths:ranking", "booths:application_list"])
def test_officer_of_a_blind_fair_still_sees_the_groups(db, world, clients, name):
    page = clients["officer_province"].get(reverse(name, args=[world.fair.pk])).content.decode()
    assert world.group_a.name in page
    assert world.group_b.name in page
