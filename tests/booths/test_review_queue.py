"""The committee member's queue: work still to do first, filters, the count left and a next button."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import FairState
from booths.services import review
from tests.factories import (
    CertificationFactory,
    CommitteeMemberFactory,
    FairFactory,
    ProductFactory,
    ReviewFactory,
    StarRatingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scoring_fair(fair):
    fair.state = FairState.SCORING
    fair.scoring_deadline = fair.applications_close_on + datetime.timedelta(days=3)
    fair.save()
    return fair


def _score(item, *, submit):
    values = {c.pk: (Decimal(7), "") for c in item.member.fair.criteria.all()}
    review.save_scores(review=item, values=values, by=item.member.user, submit=submit)


def _seat_with(fair, *, submitted, drafts, pending):
    seat = CommitteeMemberFactory(fair=fair)
    made = {"submitted": [], "draft": [], "pending": []}
    for stage, count in (("submitted", submitted), ("draft", drafts), ("pending", pending)):
        for _ in range(count):
            item = ReviewFactory(member=seat)
            if stage != "pending":
                _score(item, submit=stage == "submitted")
            made[stage].append(item)
    return seat, made


def _listed_links(page, items):
    """The order in which the page links to each item's score sheet."""
    positions = {page.find(f"/fairs/review/{i.pk}/"): i for i in items}
    return [positions[p] for p in sorted(positions) if p >= 0]


def test_queue_lists_work_not_started_before_drafts_before_submitted(scoring_fair, client_for):
    seat, made = _seat_with(scoring_fair, submitted=3, drafts=1, pending=2)
    page = client_for(seat.user).get("/fairs/review/").content.decode()
    order = _listed_links(page, made["submitted"] + made["draft"] + made["pending"])
    assert order[:2] == sorted(order[:2], key=lambda i: i.application.group.sort_name)
    assert set(order[:2]) == set(made["pending"])
    assert order[2] == made["draft"][0]
    assert set(order[3:]) == set(made["submitted"])
    assert "เหลือให้คะแนน 3 จาก 6" in page or "3 left to score of 6" in page


def test_queue_shows_the_scoring_deadline(scoring_fair, client_for):
    seat, _made = _seat_with(scoring_fair, submitted=0, drafts=0, pending=1)
    page = client_for(seat.user).get("/fairs/review/").content.decode()
    assert str(scoring_fair.scoring_deadline.year + 543) in page


@pytest.mark.parametrize("stage", ["pending", "draft", "submitted"])
def test_queue_filter_shows_only_that_stage(scoring_fair, client_for, stage):
    seat, made = _seat_with(scoring_fair, submitted=1, drafts=1, pending=1)
    page = client_for(seat.user).get(f"/fairs/review/?stage={stage}").content.decode()
    every = [i for items in made.values() for i in items]
    assert _listed_links(page, every) == made[stage]


def test_queue_filter_by_fair_hides_other_fairs(scoring_fair, client_for):
    seat, made = _seat_with(scoring_fair, submitted=0, drafts=0, pending=1)
    other_fair = FairFactory(created_by=scoring_fair.created_by, name="งานอื่น", state="scoring")
    other = ReviewFactory(member=CommitteeMemberFactory(fair=other_fair, user=seat.user))
    client = client_for(seat.user)
    both = client.get("/fairs/review/").content.decode()
    assert _listed_links(both, made["pending"] + [other]) != []
    only = client.get(f"/fairs/review/?fair={other_fair.pk}").content.decode()
    assert _listed_links(only, made["pending"] + [other]) == [other]


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(stage=st.text(max_size=20), fair=st.text(max_size=20))
def test_queue_filters_any_typed_value_without_an_error(scoring_fair, client_for, stage, fair):
    seat = CommitteeMemberFactory(fair=scoring_fair)
    response = client_for(seat.user).get("/fairs/review/", {"stage": stage, "fair": fair})
    # A NUL byte is refused as a bad request before any view runs; anything else lists the queue.
    assert response.status_code == (400 if "\x00" in stage + fair else 200)


def test_after_submitting_the_sheet_offers_the_next_application_not_started(
    scoring_fair, client_for
):
    seat, made = _seat_with(scoring_fair, submitted=0, drafts=1, pending=1)
    first = made["draft"][0]
    client = client_for(seat.user)
    values = {f"value_{c.pk}": "8" for c in scoring_fair.criteria.all()}
    response = client.post(f"/fairs/review/{first.pk}/submit/", values, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == f"/fairs/review/{first.pk}/"
    assert f'href="/fairs/review/{made["pending"][0].pk}/"' in page
    assert 'data-testid="next-review"' in page


def test_last_submit_says_everything_is_done_instead_of_a_next_button(scoring_fair, client_for):
    seat, made = _seat_with(scoring_fair, submitted=0, drafts=0, pending=1)
    only = made["pending"][0]
    values = {f"value_{c.pk}": "8" for c in scoring_fair.criteria.all()}
    page = (
        client_for(seat.user)
        .post(f"/fairs/review/{only.pk}/submit/", values, follow=True)
        .content.decode()
    )
    assert 'data-testid="next-review"' not in page
    assert 'data-testid="all-done"' in page


@pytest.mark.parametrize("size", [3, 12])
def test_queue_page_queries_do_not_grow_with_reviews(
    scoring_fair, client_for, django_assert_max_num_queries, size
):
    seat, _made = _seat_with(scoring_fair, submitted=size // 3, drafts=size // 3, pending=size // 3)
    client = client_for(seat.user)
    with django_assert_max_num_queries(12):
        assert client.get("/fairs/review/").status_code == 200


def _scored_application_with_evidence(fair):
    item = ReviewFactory(member__fair=fair)
    group = item.application.group
    product = ProductFactory(group=group, name="ผ้าไหมลายดอกแก้ว", price_min=350, price_max=1200)
    product.story_origin = "ทอด้วยมือจากกี่โบราณของหมู่บ้าน"
    product.save()
    item.application.products.add(product)
    StarRatingFactory(product=product)
    CertificationFactory(group=group, product=product, number="มผช. 99/2568")
    return item


@pytest.mark.parametrize("is_blind", [False, True])
def test_score_sheet_shows_what_is_scored_and_blind_review_hides_who(
    scoring_fair, client_for, is_blind
):
    scoring_fair.is_blind_review = is_blind
    scoring_fair.save()
    item = _scored_application_with_evidence(scoring_fair)
    group = item.application.group
    client = client_for(item.member.user)
    sheet = client.get(f"/fairs/review/{item.pk}/").content.decode()
    queue = client.get("/fairs/review/").content.decode()
    for shown in ("ผ้าไหมลายดอกแก้ว", "ทอด้วยมือจากกี่โบราณ", "350", "1,200", "★", "มาตรฐาน"):
        assert shown in sheet
    for hidden in (group.name, "มผช. 99/2568", group.province.name_th):
        assert (hidden in sheet) is not is_blind
    assert group.registration_no not in sheet
    assert (group.name in queue) is not is_blind


def test_officer_still_sees_the_group_of_a_blind_reviewed_application(
    scoring_fair, cm_officer, client_for
):
    scoring_fair.is_blind_review = True
    scoring_fair.save()
    item = _scored_application_with_evidence(scoring_fair)
    page = client_for(cm_officer).get(f"/fairs/applications/{item.application_id}/")
    assert item.application.group.name in page.content.decode()


def test_fair_settings_say_photos_and_stories_may_still_reveal_a_group(
    scoring_fair, cm_officer, client_for
):
    page = client_for(cm_officer).get(f"/fairs/{scoring_fair.pk}/edit/").content.decode()
    assert "พิจารณาแบบปกปิดชื่อ" in page
    assert "รูปสินค้าและเรื่องราวสินค้าอาจยังทำให้รู้ได้" in page
