"""An appeal against a district's decline never gets stuck (phone trials): when the applicant's
province has no committee member who may score the application late, the appeal's page says so,
names who must act and links the committee page, where that province's officers (or the head
office) may still seat a member; then the same appeal is upheld. Dismissing works at any time."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import (
    AppealStatus,
    ApplicationStatus,
    ConflictOfInterest,
    ReviewAssignment,
)
from booths.services import (
    appeals,
    lifecycle,
    nominations,
    publish_allocation,
    review,
    run_allocation,
)
from booths.services.quotas import save_quotas
from producers.models import Province, Subdistrict
from tests.booths.national import national_fair
from tests.factories import (
    ApplicationFactory,
    CommitteeMemberFactory,
    ProducerGroupFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
REASON = "ฉลากครบแล้วตั้งแต่ต้นปี"


@pytest.fixture
def published():
    """Provinces 50 and 10 have committees; a group of Lamphun (51), which has none, applied
    and was not nominated by the deadline; one of 50's groups was declined. Version 1 is out."""
    world = national_fair(per_district=1, booths=4)
    fair = world.fair
    subdistrict = Subdistrict.objects.filter(district__province_id="51").order_by("code").first()
    orphan = ApplicationFactory(fair=fair, group=ProducerGroupFactory(subdistrict=subdistrict))
    declined = None
    for district, apps in world.applications.items():
        for app in apps:
            decision = "declined" if declined is None else "nominated"
            nominations.decide_nomination(
                application=app,
                decision=decision,
                reason="ยังไม่มีฉลาก",
                by=world.district_officers[district],
            )
            declined = declined or app
    save_quotas(fair=fair, table={("50", declined.category): 2}, by=world.head_office, reason="")
    lifecycle.close_applications(fair=fair, by=world.head_office, confirm_early=True)
    review.auto_assign(fair=fair, by=world.head_office, k=1)
    for assignment in ReviewAssignment.objects.select_related("member__user", "member__fair"):
        criterion = fair.criteria.get()
        review.save_scores(
            review=assignment,
            values={criterion.pk: (Decimal(5), "")},
            by=assignment.member.user,
            submit=True,
        )
    run = run_allocation(fair=fair, by=world.head_office, rules={"release": "keep_empty"}, seed=1)
    publish_allocation(fair=fair, run=run, by=world.head_office)
    for app in (orphan, declined):
        app.refresh_from_db()
        producer = UserFactory(role="producer")
        app.group.members.add(producer)
        app.appeal = appeals.file_appeal(application=app, grounds="ขอทบทวน", by=producer)
    return world, orphan, declined


def _decide(client, user, appeal, status="upheld"):
    client.force_login(user)
    url = reverse("booths:appeal_decide", args=[appeal.pk])
    return client.post(url, {"status": status, "reason": REASON})


def test_the_appeal_page_names_who_must_seat_the_committee_and_links_it(published, client):
    world, orphan, _declined = published
    client.force_login(world.head_office)
    page = client.get(reverse("booths:appeal_decide", args=[orphan.appeal.pk]))
    text = page.content.decode()
    assert 'data-testid="scorer-gap"' in text
    assert "ลำพูน" in text and world.officers["50"].username not in text
    assert reverse("booths:committee", args=[world.fair.pk]) in text
    _decide(client, world.head_office, orphan.appeal)
    orphan.appeal.refresh_from_db()
    assert orphan.appeal.status == AppealStatus.PENDING


def test_the_province_officer_seats_a_member_late_and_the_appeal_is_upheld(published, client):
    world, orphan, _declined = published
    lamphun_officer = UserFactory(role="officer")
    lamphun_officer.officer_provinces.add(Province.objects.get(code="51"))
    member = UserFactory(role="committee")
    client.force_login(lamphun_officer)
    committee = reverse("booths:committee", args=[world.fair.pk])
    assert client.get(committee).status_code == 200
    added = client.post(
        reverse("booths:committee_member_add", args=[world.fair.pk]),
        {"user": member.pk, "province": "51"},
    )
    assert added.status_code == 302
    assert world.fair.committee.filter(user=member, province_id="51").exists()
    page = client.get(reverse("booths:appeal_decide", args=[orphan.appeal.pk]))
    assert page.status_code == 403  # the host province and the head office decide
    assert _decide(client, world.head_office, orphan.appeal).status_code == 302
    orphan.appeal.refresh_from_db()
    orphan.refresh_from_db()
    assert orphan.appeal.reinstated and orphan.status == ApplicationStatus.ELIGIBLE
    assert list(orphan.reviews.values_list("member__user", flat=True)) == [member.pk]


def test_a_province_with_a_committee_and_no_waiting_appeal_gets_no_late_seat(published):
    world, _orphan, declined = published
    appeals.decide_appeal(
        appeal=declined.appeal, status="dismissed", reason="ไม่มีหลักฐาน", by=world.head_office
    )
    world.fair.refresh_from_db()
    with pytest.raises(ValidationError, match="ปิด"):
        review.add_member(
            fair=world.fair,
            user=UserFactory(role="committee"),
            by=world.head_office,
            province=Province.objects.get(code="50"),
        )


def test_an_appeal_without_scorers_can_still_be_dismissed(published, client):
    world, orphan, _declined = published
    assert _decide(client, world.head_office, orphan.appeal, "dismissed").status_code == 302
    orphan.appeal.refresh_from_db()
    assert orphan.appeal.status == AppealStatus.DISMISSED


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(conflicted=st.sets(st.integers(min_value=0, max_value=1)))
def test_upholding_is_possible_exactly_when_the_page_shows_no_gap(published, client, conflicted):
    """Whichever of the province's seats have a conflict with the group: the page warns iff
    every seat does, and the warning's message is the refusal's."""
    world, _orphan, declined = published
    with transaction.atomic():
        seats = world.members["50"]
        for n in conflicted:
            ConflictOfInterest.objects.create(member=seats[n], application=declined)
        client.force_login(world.head_office)
        page = client.get(reverse("booths:appeal_decide", args=[declined.appeal.pk]))
        gap = page.context["scorer_gap"]
        _decide(client, world.head_office, declined.appeal)
        declined.appeal.refresh_from_db()
        assert (gap is not None) == (len(conflicted) == len(seats))
        assert (declined.appeal.status == AppealStatus.UPHELD) == (gap is None)
        transaction.set_rollback(True)


def _decline_card(client, user, name, pk):
    client.force_login(user)
    text = client.get(reverse(name, args=[pk])).content.decode()
    marker = 'data-testid="district-decline"'
    return text[text.index(marker) :][:600] if marker in text else None


def test_whoever_decides_the_appeal_reads_the_districts_reason_even_after_upholding(published):
    from django.test import Client

    world, _orphan, declined = published
    officer = declined.nomination.by
    officer_name = officer.get_full_name() or officer.username
    card = _decline_card(Client(), world.head_office, "booths:appeal_decide", declined.appeal.pk)
    assert "ยังไม่มีฉลาก" in card and officer_name in card
    appeals.decide_appeal(
        appeal=declined.appeal, status="upheld", reason=REASON, by=world.head_office
    )
    card = _decline_card(Client(), world.head_office, "booths:appeal_decide", declined.appeal.pk)
    assert "ยังไม่มีฉลาก" in card


def test_the_applicant_reads_the_districts_reason_on_the_appeal_page(published, client):
    _world, orphan, declined = published
    member = declined.group.members.get()
    card = _decline_card(client, member, "booths:appeal", declined.pk)
    officer = declined.nomination.by
    assert "ยังไม่มีฉลาก" in card and (officer.get_full_name() or officer.username) not in card
    member = orphan.group.members.get()
    card = _decline_card(client, member, "booths:appeal", orphan.pk)
    assert "ไม่ได้รับการเสนอชื่อจากอำเภอภายในวันที่" in card


def test_the_appeal_page_reads_the_same_number_of_queries_for_a_larger_committee(
    published, client, django_assert_max_num_queries
):
    """Its check for a usable seat reads one application's conflicts, not the whole fair's."""
    world, _orphan, declined = published
    client.force_login(world.head_office)
    url = reverse("booths:appeal_decide", args=[declined.appeal.pk])
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    districts = list(world.applications)
    for n in range(10):
        CommitteeMemberFactory(
            fair=world.fair, province_id="50", home_district_id=districts[n % len(districts)]
        )
    with django_assert_max_num_queries(len(small)):
        assert client.get(url).status_code == 200
