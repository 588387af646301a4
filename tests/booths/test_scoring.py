"""Committee scoring: members see and score only their own, unconflicted reviews, only while scoring."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from booths.models import ConflictOfInterest, FairState, ReviewAssignment, ReviewStatus, Score
from booths.services import review
from tests.factories import ApplicationFactory, CommitteeMemberFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scoring_fair(fair):
    fair.state = FairState.SCORING
    fair.save()
    return fair


def _values(fair, value=8):
    return {c.pk: (Decimal(value), "ดี") for c in fair.criteria.all()}


def test_member_saves_a_draft_then_submits(scoring_fair):
    item = ReviewFactory(member__fair=scoring_fair)
    user = item.member.user
    review.save_scores(review=item, values=_values(scoring_fair), by=user)
    assert item.status == ReviewStatus.DRAFT
    review.save_scores(review=item, values=_values(scoring_fair, 9), by=user, submit=True)
    item.refresh_from_db()
    assert item.status == ReviewStatus.SUBMITTED
    assert set(item.scores.values_list("value", flat=True)) == {Decimal("9")}


def test_submitting_needs_every_criterion(scoring_fair):
    item = ReviewFactory(member__fair=scoring_fair)
    first = scoring_fair.criteria.first()
    with pytest.raises(ValidationError, match="ครบทุกเกณฑ์"):
        review.save_scores(
            review=item, values={first.pk: (Decimal(5), "")}, by=item.member.user, submit=True
        )


def test_a_score_above_the_maximum_is_refused(scoring_fair):
    item = ReviewFactory(member__fair=scoring_fair)
    with pytest.raises(ValidationError, match="ต้องอยู่ระหว่าง 0 ถึง 10"):
        review.save_scores(review=item, values=_values(scoring_fair, 11), by=item.member.user)


@pytest.mark.parametrize("state", [s for s in FairState.values if s != FairState.SCORING])
def test_scores_change_only_while_scoring(fair, state):
    fair.state = state
    fair.save()
    item = ReviewFactory(member__fair=fair)
    with pytest.raises(ValidationError, match="ช่วงให้คะแนน"):
        review.save_scores(review=item, values=_values(fair), by=item.member.user)
    assert not Score.objects.exists()


def test_member_page_never_shows_another_members_scores(scoring_fair, client_for):
    mine = ReviewFactory(member__fair=scoring_fair)
    theirs = ReviewFactory(member__fair=scoring_fair, application=mine.application)
    review.save_scores(review=theirs, values=_values(scoring_fair, 3), by=theirs.member.user)
    Score.objects.filter(review=theirs).update(comment="ความเห็นลับของอีกท่าน")
    page = client_for(mine.member.user).get(f"/fairs/review/{mine.pk}/").content.decode()
    assert "ความเห็นลับของอีกท่าน" not in page
    assert 'value="3.00"' not in page


def test_member_cannot_open_another_members_score_sheet(scoring_fair, client_for):
    mine = ReviewFactory(member__fair=scoring_fair)
    theirs = ReviewFactory(member__fair=scoring_fair)
    assert client_for(mine.member.user).get(f"/fairs/review/{theirs.pk}/").status_code == 403


def test_ranking_is_closed_to_members_before_scoring_ends(scoring_fair, client_for):
    item = ReviewFactory(member__fair=scoring_fair)
    assert client_for(item.member.user).get(f"/fairs/{scoring_fair.pk}/ranking/").status_code == 403


def test_ranking_opens_to_members_after_publication(scoring_fair, client_for):
    item = ReviewFactory(member__fair=scoring_fair)
    scoring_fair.state = FairState.ALLOCATED
    scoring_fair.save()
    response = client_for(item.member.user).get(f"/fairs/{scoring_fair.pk}/ranking/")
    assert response.status_code == 200


def test_declaring_a_conflict_hides_the_application_from_the_member(scoring_fair, client_for):
    item = ReviewFactory(member__fair=scoring_fair)
    application, member = item.application, item.member
    review.declare_conflict(member=member, application=application, reason="ญาติ", by=member.user)
    assert not ReviewAssignment.objects.filter(pk=item.pk).exists()
    listing = client_for(member.user).get("/fairs/review/").content.decode()
    assert application.group.name not in listing


def test_conflicted_member_cannot_score_even_with_an_old_review(scoring_fair, client_for):
    item = ReviewFactory(member__fair=scoring_fair)
    ConflictOfInterest.objects.create(member=item.member, application=item.application)
    assert client_for(item.member.user).get(f"/fairs/review/{item.pk}/").status_code == 404
    with pytest.raises(ValidationError, match="ส่วนได้ส่วนเสีย"):
        review.save_scores(review=item, values=_values(scoring_fair), by=item.member.user)


def test_member_from_the_groups_own_district_is_conflicted(scoring_fair):
    application = ApplicationFactory(fair=scoring_fair, status="eligible")
    member = CommitteeMemberFactory(
        fair=scoring_fair, home_district=application.group.subdistrict.district
    )
    assert review.has_conflict(member, application)
    with pytest.raises(ValidationError):
        review.add_review(member=member, application=application, by=member.user)


def test_automatic_assignment_balances_and_skips_conflicts(scoring_fair, cm_officer):
    apps = [ApplicationFactory(fair=scoring_fair, status="eligible") for _ in range(6)]
    members = [CommitteeMemberFactory(fair=scoring_fair) for _ in range(4)]
    ConflictOfInterest.objects.create(member=members[0], application=apps[0])
    members[1].own_group = apps[1].group
    members[1].save()
    review.auto_assign(fair=scoring_fair, by=cm_officer, k=2)
    pairs = set(ReviewAssignment.objects.values_list("member_id", "application_id"))
    assert (members[0].pk, apps[0].pk) not in pairs
    assert (members[1].pk, apps[1].pk) not in pairs
    loads = [sum(1 for m, _ in pairs if m == member.pk) for member in members]
    assert max(loads) - min(loads) <= 1
    assert len(pairs) == 12


def test_progress_page_shows_who_is_behind(scoring_fair, cm_officer, client_for):
    done = ReviewFactory(member__fair=scoring_fair)
    review.save_scores(review=done, values=_values(scoring_fair), by=done.member.user, submit=True)
    ReviewFactory(member__fair=scoring_fair)
    page = client_for(cm_officer).get(f"/fairs/{scoring_fair.pk}/committee/").content.decode()
    assert "ช้ากว่าท่านอื่น" in page
    assert "100%" in page


def test_ranked_list_shows_totals_and_review_counts(scoring_fair, cm_officer, client_for):
    item = ReviewFactory(member__fair=scoring_fair)
    review.save_scores(
        review=item, values=_values(scoring_fair, 10), by=item.member.user, submit=True
    )
    page = client_for(cm_officer).get(f"/fairs/{scoring_fair.pk}/ranking/?normalise=1")
    text = page.content.decode()
    assert item.application.group.name in text
    assert "100.00" in text


def test_the_ranking_follows_every_change_after_it_was_first_shown(scoring_fair, cm_officer):
    from booths.selectors import ranking

    first = ReviewFactory(member__fair=scoring_fair)
    second = ReviewFactory(member__fair=scoring_fair)
    for item, value in ((first, 9), (second, 5)):
        review.save_scores(
            review=item, values=_values(scoring_fair, value), by=item.member.user, submit=True
        )

    def order():
        return [(row.application_id, round(row.total, 2)) for row in ranking(scoring_fair)[:2]]

    assert order() == [(first.application_id, 90.0), (second.application_id, 50.0)]
    # A member reopens and changes a review: the list shown next must be the new one.
    review.save_scores(review=second, values=_values(scoring_fair, 10), by=second.member.user)
    assert order()[0] == (first.application_id, 90.0)
    assert order()[1][1] == 0.0
    review.save_scores(
        review=second, values=_values(scoring_fair, 10), by=second.member.user, submit=True
    )
    assert order() == [(second.application_id, 100.0), (first.application_id, 90.0)]
    # A criterion's weight changes.
    heavy, light = scoring_fair.criteria.order_by("-weight")
    uneven = {heavy.pk: (Decimal(10), ""), light.pk: (Decimal(4), "")}
    review.save_scores(review=first, values=uneven, by=first.member.user, submit=True)
    assert order()[1] == (first.application_id, 80.0)
    heavy.weight = Decimal(1)
    heavy.save()
    assert order()[1] == (first.application_id, 70.0)
