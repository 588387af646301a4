"""Each province runs its own committee at a national fair (issue 18 point 3): a provincial
officer seats, removes and assigns the members of their own province's committee — never
another province's, the host's included — and the committee page offers them only that."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from booths.models import CommitteeMember, ConflictOfInterest, ReviewAssignment, Score
from booths.services import lifecycle, nominations, review
from producers.models import Province
from tests.booths.national import PROVINCES, national_fair
from tests.factories import CommitteeMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return national_fair()


def _officers(world):
    """(officer, the provinces whose committees they run): each province's, the head office."""
    pairs = [(officer, {code}) for code, officer in world.officers.items()]
    pairs += [(d, set()) for d in world.district_officers.values()]
    return [*pairs, (world.head_office, set(PROVINCES))]


def _nominate_all(world):
    for district, apps in world.applications.items():
        for app in apps:
            nominations.decide_nomination(
                application=app,
                decision="nominated",
                reason="",
                by=world.district_officers[district],
            )


def test_every_officer_seats_members_only_on_the_committees_of_provinces_they_keep(world):
    for officer, runs in _officers(world):
        for code in PROVINCES:
            person = UserFactory(role="committee")
            province = Province.objects.get(code=code)
            try:
                review.add_member(fair=world.fair, user=person, by=officer, province=province)
                seated = True
            except ValidationError:
                seated = False
            assert seated == (code in runs), (officer.role, code)
            assert CommitteeMember.objects.filter(user=person).exists() == seated


def test_an_officer_cannot_move_another_provinces_member_onto_their_own_committee(world):
    bangkok_member = world.members["10"][0]
    with pytest.raises(ValidationError):
        review.add_member(
            fair=world.fair,
            user=bangkok_member.user,
            by=world.officers["50"],
            province=world.fair.province,
        )
    bangkok_member.refresh_from_db()
    assert bangkok_member.province_id == "10"


def _scoring(world):
    _nominate_all(world)
    lifecycle.close_applications(fair=world.fair, by=world.head_office, confirm_early=True)


def _of_province(world, code, index=0):
    apps = [a for apps in world.applications.values() for a in apps]
    return [a for a in apps if a.group.province_id == code][index]


def test_every_officer_adds_and_removes_only_their_own_provinces_members(world):
    _scoring(world)
    for officer, runs in _officers(world):
        for code in PROVINCES:
            member, application = world.members[code][0], _of_province(world, code)
            seat = CommitteeMemberFactory(
                fair=world.fair, user=UserFactory(role="committee"), province_id=code
            )
            seat_id = seat.pk
            if code in runs:
                assert review.add_review(member=member, application=application, by=officer)
                review.remove_member(member=seat, by=officer)
            else:
                with pytest.raises(ValidationError):
                    review.add_review(member=member, application=application, by=officer)
                with pytest.raises(ValidationError):
                    review.remove_member(member=seat, by=officer)
            assert CommitteeMember.objects.filter(pk=seat_id).exists() == (code not in runs)


def test_removing_a_member_takes_their_unscored_reviews_and_conflicts_with_them(world):
    _scoring(world)
    officer = world.officers["10"]
    member = world.members["10"][0]
    application, other = _of_province(world, "10"), _of_province(world, "10", 1)
    review.add_review(member=member, application=application, by=officer)
    review.declare_conflict(member=member, application=other, reason="ญาติ", by=member.user)
    seat_id = member.pk
    assert ConflictOfInterest.objects.filter(member_id=seat_id).exists()
    review.remove_member(member=member, by=officer)
    assert not CommitteeMember.objects.filter(pk=seat_id).exists()
    assert not ReviewAssignment.objects.filter(member_id=seat_id).exists()
    assert not ConflictOfInterest.objects.filter(member_id=seat_id).exists()
    history = CommitteeMember.history.filter(id=seat_id, history_type="-").get()
    assert history.history_user == officer


def test_a_member_who_has_scored_stays_on_the_committee(world):
    _scoring(world)
    member = world.members["10"][0]
    application = _of_province(world, "10")
    assigned = review.add_review(member=member, application=application, by=world.officers["10"])
    Score.objects.create(review=assigned, criterion=world.fair.criteria.first(), value=5)
    with pytest.raises(ValidationError):
        review.remove_member(member=member, by=world.officers["10"])
    assert CommitteeMember.objects.filter(pk=member.pk).exists()


def test_a_province_assigning_its_reviewers_leaves_the_other_provinces_reviews_alone(world):
    _scoring(world)
    review.auto_assign(fair=world.fair, by=world.head_office, k=1, provinces=["50"])
    chiang_mai = set(ReviewAssignment.objects.values_list("pk", "member_id"))
    assert chiang_mai and all(m in {s.pk for s in world.members["50"]} for _pk, m in chiang_mai)
    review.auto_assign(fair=world.fair, by=world.officers["10"], k=2, provinces=["10"])
    kept = set(
        ReviewAssignment.objects.filter(member__province_id="50").values_list("pk", "member_id")
    )
    assert kept == chiang_mai
    bangkok = ReviewAssignment.objects.filter(member__province_id="10")
    assert bangkok.count() == 4  # two Bangkok applications, each by both Bangkok members


def _province_options(page):
    start = page.index('name="province"')
    select = page[start : page.index("</select>", start)]
    return set(re.findall(r'value="(\d+)"', select))


def test_the_committee_page_offers_a_provincial_officer_only_their_own_province(world, client):
    client.force_login(world.officers["10"])
    page = client.get(f"/fairs/{world.fair.pk}/committee/").content.decode()
    assert _province_options(page) == {"10"}
    assert world.members["10"][0].user.display_name in page
    assert world.members["50"][0].user.display_name not in page
    assert "กรุงเทพมหานคร" in page


def test_the_head_office_is_offered_every_province(world, client):
    client.force_login(world.head_office)
    page = client.get(f"/fairs/{world.fair.pk}/committee/").content.decode()
    assert {"10", "50"} <= _province_options(page)


def test_a_posted_other_province_is_refused_next_to_the_field(world, client):
    person = UserFactory(role="committee")
    client.force_login(world.officers["10"])
    response = client.post(
        f"/fairs/{world.fair.pk}/committee/add/", {"user": person.pk, "province": "50"}
    )
    assert response.status_code == 200
    assert "province" in response.context["member_form"].errors
    assert not CommitteeMember.objects.filter(user=person).exists()


def test_a_provincial_officer_seats_their_own_member_through_the_page(world, client):
    person = UserFactory(role="committee")
    client.force_login(world.officers["10"])
    client.post(f"/fairs/{world.fair.pk}/committee/add/", {"user": person.pk, "province": "10"})
    assert CommitteeMember.objects.get(user=person).province_id == "10"


def test_a_review_added_by_hand_to_another_provinces_member_is_ignored(world, client):
    _scoring(world)
    chiang_mai = _of_province(world, "50")
    client.force_login(world.officers["10"])
    client.post(
        f"/fairs/{world.fair.pk}/committee/reviews/add/",
        {"member": world.members["50"][0].pk, "registration_no": chiang_mai.group.registration_no},
    )
    assert not ReviewAssignment.objects.filter(member=world.members["50"][0]).exists()


def _committee_page_queries(client, extra_members):
    world = national_fair()
    for _ in range(extra_members):
        CommitteeMemberFactory(
            fair=world.fair, user=UserFactory(role="committee"), province_id="10"
        )
    client.force_login(world.officers["10"])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/fairs/{world.fair.pk}/committee/")
    assert response.status_code == 200
    return len(captured), response


def test_the_committee_page_keeps_its_queries_as_the_provinces_committee_grows(client):
    small, _ = _committee_page_queries(client, 0)
    large, response = _committee_page_queries(client, 5)
    assert small == large
    assert len(response.context["progress"]) == 7
