"""An upheld appeal against a district's decline re-enters selection (issue 18 point 4): the
officer's decision reinstates the nomination (audited, the appeal as reason), the province's
committee scores that one application late while every other stays locked, no run goes ahead
before it is scored, and the appeal's version must include it."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from booths.models import (
    AppealStatus,
    ApplicationStatus,
    CommitteeMember,
    Nomination,
    ReviewAssignment,
    ReviewStatus,
)
from booths.national_selectors import decision_of
from booths.services import (
    appeals,
    lifecycle,
    nominations,
    publish_allocation,
    review,
    run_allocation,
)
from booths.services.quotas import save_quotas
from tests.booths.national import national_fair
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REASON = "อำเภอใช้เกณฑ์เก่า สินค้ามีฉลากครบแล้ว"


def _score(assignment, value):
    criterion = assignment.member.fair.criteria.get()
    return review.save_scores(
        review=assignment,
        values={criterion.pk: (Decimal(value), "")},
        by=assignment.member.user,
        submit=True,
    )


@pytest.fixture
def published():
    """Province 50 and 10, four applications each; one of 50's declined by its district. Both
    committees score the rest (two members each), quotas 2 + 2, and version 1 is published."""
    world = national_fair(per_district=2, booths=8)
    fair = world.fair
    declined = None
    for district, apps in world.applications.items():
        officer = world.district_officers[district]
        for app in apps:
            decision = "declined" if declined is None else "nominated"
            nominations.decide_nomination(
                application=app, decision=decision, reason="ยังไม่มีฉลาก", by=officer
            )
            declined = declined or app
    category = declined.category
    save_quotas(
        fair=fair, table={("50", category): 2, ("10", category): 2}, by=world.head_office, reason=""
    )
    lifecycle.close_applications(fair=fair, by=world.head_office, confirm_early=True)
    review.auto_assign(fair=fair, by=world.head_office, k=2)
    for n, assignment in enumerate(ReviewAssignment.objects.order_by("pk")):
        _score(assignment, 4 + n % 5)
    first = run_allocation(fair=fair, by=world.head_office, rules={"release": "keep_empty"}, seed=1)
    publish_allocation(fair=fair, run=first, by=world.head_office)
    producer = UserFactory(role="producer")
    declined.group.members.add(producer)
    declined.refresh_from_db()
    return world, declined, producer


def _appeal(declined, producer):
    return appeals.file_appeal(application=declined, grounds="ฉลากครบตั้งแต่ต้นปี", by=producer)


def _late_reviews(declined):
    return list(
        ReviewAssignment.objects.filter(application=declined).select_related(
            "member__user", "member__fair"
        )
    )


def test_a_district_decline_is_decided_and_appealable_once_published(published):
    _world, declined, _producer = published
    assert declined.status == ApplicationStatus.NOT_SELECTED
    assert decision_of(declined).level == "อำเภอ"


def test_upholding_reinstates_the_nomination_with_the_appeal_as_reason(published):
    world, declined, producer = published
    appeal = _appeal(declined, producer)
    appeals.decide_appeal(appeal=appeal, status="upheld", reason=REASON, by=world.head_office)
    appeal.refresh_from_db()
    declined.refresh_from_db()
    nomination = Nomination.objects.get(application=declined)
    assert appeal.reinstated and nomination.is_nominated
    assert declined.status == ApplicationStatus.ELIGIBLE
    latest = nomination.history.latest()
    assert latest.history_user == world.head_office
    assert f"อุทธรณ์ที่ {appeal.pk}" in latest.history_change_reason
    reviewers = _late_reviews(declined)
    assert len(reviewers) == 2
    assert {r.member.province_id for r in reviewers} == {"50"}


def test_a_dismissed_appeal_or_one_against_the_committee_reinstates_nothing(published):
    world, declined, producer = published
    appeal = _appeal(declined, producer)
    appeals.decide_appeal(
        appeal=appeal, status="dismissed", reason="ไม่มีหลักฐาน", by=world.head_office
    )
    appeal.refresh_from_db()
    assert not appeal.reinstated
    assert not Nomination.objects.get(application=declined).is_nominated
    assert not _late_reviews(declined)


def test_only_the_reinstated_application_is_scored_late(published):
    world, declined, producer = published
    appeals.decide_appeal(
        appeal=_appeal(declined, producer), status="upheld", reason=REASON, by=world.head_office
    )
    for late in _late_reviews(declined):
        assert _score(late, 9).status == ReviewStatus.SUBMITTED
    locked = ReviewAssignment.objects.exclude(application=declined).select_related("member__fair")
    for other in locked:
        with pytest.raises(ValidationError):
            _score(other, 10)


def test_no_run_goes_ahead_before_the_late_scores_are_in(published):
    world, declined, producer = published
    appeals.decide_appeal(
        appeal=_appeal(declined, producer), status="upheld", reason=REASON, by=world.head_office
    )
    with pytest.raises(ValidationError) as refused:
        run_allocation(fair=world.fair, by=world.head_office, rules={"release": "keep_empty"})
    assert declined.group.name in refused.value.messages[0]


def test_the_appeals_version_includes_the_reinstated_application_and_names_the_appeal(published):
    world, declined, producer = published
    before = run_allocation(
        fair=world.fair, by=world.head_office, rules={"release": "keep_empty"}, seed=2
    )
    appeal = _appeal(declined, producer)
    appeals.decide_appeal(appeal=appeal, status="upheld", reason=REASON, by=world.head_office)
    for late in _late_reviews(declined):
        _score(late, 10)
    appeal.refresh_from_db()
    with pytest.raises(ValidationError):  # drawn before the appeal: it leaves the group out
        appeals.publish_for_appeal(appeal=appeal, run=before, by=world.head_office)
    after = run_allocation(
        fair=world.fair, by=world.head_office, rules={"release": "keep_empty"}, seed=2
    )
    appeals.publish_for_appeal(appeal=appeal, run=after, by=world.head_office)
    after.refresh_from_db()
    declined.refresh_from_db()
    result = after.results.get(application=declined)
    assert f"{appeal.pk}" in after.reason and declined.group.name in after.reason
    assert result.booth_id is not None and declined.status == ApplicationStatus.SELECTED
    assert "เชียงใหม่" in decision_of(declined, result).level
    assert result.explanation in decision_of(declined, result).sentence
    # The version is out: the application's scores are locked again like every other.
    with pytest.raises(ValidationError):
        _score(_late_reviews(declined)[0], 3)


def test_the_whole_way_through_the_pages(published, client):
    world, declined, producer = published
    fair = world.fair
    appeal = _appeal(declined, producer)
    head = world.head_office
    client.force_login(head)
    client.post(
        reverse("booths:appeal_decide", args=[appeal.pk]), {"status": "upheld", "reason": REASON}
    )
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.UPHELD and appeal.reinstated
    decided = client.get(reverse("booths:appeal_decide", args=[appeal.pk])).content.decode()
    assert 'data-testid="reinstated"' in decided and "ย้อนหลัง" in decided
    for late in _late_reviews(declined):
        client.force_login(late.member.user)
        sheet = client.get(reverse("booths:score_sheet", args=[late.pk])).content.decode()
        assert "disabled" not in sheet
        criterion = fair.criteria.get()
        client.post(
            reverse("booths:score_submit", args=[late.pk]),
            {f"value_{criterion.pk}": "10", f"comment_{criterion.pk}": ""},
        )
    client.force_login(head)
    response = client.post(
        reverse("booths:run_list", args=[fair.pk]), {"seed": "4", "release": "keep_empty"}
    )
    run = fair.runs.get(version=2)
    assert response.url == reverse("booths:run_detail", args=[run.pk])
    client.post(reverse("booths:appeal_publish", args=[appeal.pk]), {"run": run.pk})
    run.refresh_from_db()
    assert (
        run.is_published and run.results.filter(application=declined, booth__isnull=False).exists()
    )
    client.force_login(producer)
    page = client.get(reverse("booths:result", args=[declined.pk])).content.decode()
    assert run.results.get(application=declined).explanation in page


def test_a_member_with_a_conflict_is_not_given_the_late_review(published):
    world, declined, producer = published
    district = declined.group.subdistrict.district
    conflicted = world.members["50"][0]
    CommitteeMember.objects.filter(pk=conflicted.pk).update(home_district=district)
    appeals.decide_appeal(
        appeal=_appeal(declined, producer), status="upheld", reason=REASON, by=world.head_office
    )
    assert [r.member_id for r in _late_reviews(declined)] == [world.members["50"][1].pk]


def test_upholding_is_refused_whole_when_every_member_is_conflicted(published):
    world, declined, producer = published
    district = declined.group.subdistrict.district
    CommitteeMember.objects.filter(province_id="50").update(home_district=district)
    appeal = _appeal(declined, producer)
    with pytest.raises(ValidationError):
        appeals.decide_appeal(appeal=appeal, status="upheld", reason=REASON, by=world.head_office)
    appeal.refresh_from_db()
    declined.refresh_from_db()
    assert appeal.status == AppealStatus.PENDING and not appeal.reinstated
    assert declined.status == ApplicationStatus.NOT_SELECTED
    assert not Nomination.objects.get(application=declined).is_nominated


def test_a_refused_uphold_keeps_the_decision_and_reason_the_officer_typed(published, client):
    world, declined, producer = published
    district = declined.group.subdistrict.district
    CommitteeMember.objects.filter(province_id="50").update(home_district=district)
    appeal = _appeal(declined, producer)
    client.force_login(world.head_office)
    response = client.post(
        reverse("booths:appeal_decide", args=[appeal.pk]), {"status": "upheld", "reason": REASON}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert REASON in page
    assert re.search(r'value="upheld"[^>]*checked', page)
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.PENDING
