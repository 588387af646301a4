"""Producers see only their own result; every page renders for its audience in bounded queries."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from booths.models import Assignment, ConflictOfInterest, FairState
from booths.services import publish_allocation, review, run_allocation
from producers.models import Province
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    CommitteeMemberFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _build(fair, officer, size):
    """A fair with `size` booths and applicants, scored by two members and published."""
    zone = fair.zones.get()
    for _ in range(size - fair.booths.count()):
        BoothFactory(zone=zone)
    fair.state = FairState.SCORING
    fair.save()
    members = [CommitteeMemberFactory(fair=fair) for _ in range(2)]
    apps = [ApplicationFactory(fair=fair, status="eligible", zones=[zone]) for _ in range(size + 2)]
    values = {c.pk: (5, "") for c in fair.criteria.all()}
    for app in apps:
        for member in members:
            item = ReviewFactory(member=member, application=app)
            review.save_scores(review=item, values=values, by=member.user, submit=True)
    run = run_allocation(fair=fair, by=officer, seed=1)
    publish_allocation(fair=fair, run=run, by=officer)
    fair.refresh_from_db()
    return apps, members, run


def _mine(user, app):
    app.group.members.add(user)
    return app


def test_producer_sees_own_result_with_explanation_and_booth(
    fair, cm_officer, producer_user, client_for
):
    apps, _, _ = _build(fair, cm_officer, 4)
    held = (
        Assignment.objects.filter(fair=fair, status="active")
        .select_related("booth", "application")
        .first()
    )
    _mine(producer_user, held.application)
    page = client_for(producer_user).get(f"/fairs/applications/{held.application_id}/result/")
    text = page.content.decode()
    assert held.booth.code in text
    assert "ได้บูธ" in text
    assert 'class="is-mine"' in text


def test_producer_cannot_see_another_groups_result(fair, cm_officer, producer_user, client_for):
    apps, _, _ = _build(fair, cm_officer, 4)
    _mine(producer_user, apps[0])
    response = client_for(producer_user).get(f"/fairs/applications/{apps[1].pk}/result/")
    assert response.status_code == 403
    card = client_for(producer_user).get(f"/fairs/applications/{apps[1].pk}/card.pdf")
    assert card.status_code == 403


def test_before_publication_the_result_page_shows_no_outcome(fair, producer_user, client_for):
    app = _mine(producer_user, ApplicationFactory(fair=fair))
    text = client_for(producer_user).get(f"/fairs/applications/{app.pk}/result/").content.decode()
    assert "ผลจะแสดงที่นี่เมื่อประกาศผลการจัดสรรแล้ว" in text
    other = ApplicationFactory(fair=fair)
    assert (
        client_for(producer_user).get(f"/fairs/applications/{other.pk}/result/").status_code == 403
    )


def test_producer_lists_only_own_applications(fair, producer_user, client_for):
    mine = _mine(producer_user, ApplicationFactory(fair=fair))
    other = ApplicationFactory(fair=fair)
    text = client_for(producer_user).get("/fairs/mine/").content.decode()
    assert mine.group.name in text
    assert other.group.name not in text


def test_booth_card_is_a_pdf_for_the_holder(fair, cm_officer, producer_user, client_for):
    _build(fair, cm_officer, 2)
    held = Assignment.objects.filter(fair=fair, status="active").first()
    _mine(producer_user, held.application)
    response = client_for(producer_user).get(f"/fairs/applications/{held.application_id}/card.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_officer_exports_the_booth_holders(fair, cm_officer, client_for, fmt):
    _build(fair, cm_officer, 2)
    response = client_for(cm_officer).get(f"/fairs/{fair.pk}/export.{fmt}")
    assert response.status_code == 200


OFFICER_PAGES = [
    "/fairs/",
    "/fairs/{fair}/",
    "/fairs/{fair}/booths/",
    "/fairs/{fair}/zones/",
    "/fairs/{fair}/plan/",
    "/fairs/{fair}/applications/",
    "/fairs/{fair}/eligibility/",
    "/fairs/{fair}/criteria/",
    "/fairs/{fair}/committee/",
    "/fairs/{fair}/ranking/",
    "/fairs/{fair}/ranking/?normalise=1",
    "/fairs/{fair}/runs/",
    "/fairs/runs/{run}/",
    "/fairs/{fair}/holdings/",
    "/officer/",
]


@pytest.mark.parametrize("size", [3, 25])
def test_officer_pages_render_in_bounded_queries(fair, cm_officer, client_for, size):
    """Every page reads the one fair built at this size (a GET writes nothing), each from a cold
    cache: building the fair once per size, not once per page, saves half a minute."""
    _, _, run = _build(fair, cm_officer, size)
    client = client_for(cm_officer)
    answers = {}
    for url in OFFICER_PAGES:
        for each in caches.all():
            each.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url.format(fair=fair.pk, run=run.pk))
        answers[url] = (response.status_code, len(queries))
    # (status, queries) of each page that is not 200 or runs more than 30 queries.
    wrong = {url: found for url, found in answers.items() if found[0] != 200 or found[1] > 30}
    assert wrong == {}


@pytest.mark.parametrize("size", [3, 25])
def test_committee_and_producer_pages_render_in_bounded_queries(
    fair, cm_officer, client_for, django_assert_max_num_queries, size
):
    apps, members, _ = _build(fair, cm_officer, size)
    member_client = client_for(members[0].user)
    with django_assert_max_num_queries(20):
        assert member_client.get("/fairs/review/").status_code == 200
    with django_assert_max_num_queries(20):
        assert member_client.get("/committee/").status_code == 200
    producer = UserFactory(role="producer", username="p_pages")
    for app in apps:
        app.group.members.add(producer)
    producer_client = client_for(producer)
    with django_assert_max_num_queries(20):
        assert producer_client.get("/fairs/mine/").status_code == 200
    with django_assert_max_num_queries(20):
        assert producer_client.get("/producer/").status_code == 200


def test_member_listing_excludes_conflicts(fair, client_for):
    fair.state = FairState.SCORING
    fair.save()
    item = ReviewFactory(member__fair=fair)
    ConflictOfInterest.objects.create(member=item.member, application=item.application)
    text = client_for(item.member.user).get("/fairs/review/").content.decode()
    assert item.application.group.name not in text


def test_officer_builds_a_grid_of_booths_after_a_preview(fair, cm_officer, client_for):
    zone = fair.zones.get()
    grid = {
        "zone": zone.pk,
        "prefix": "K",
        "first": 1,
        "last": 40,
        "digits": 2,
        "per_row": 10,
        "origin_x": 0,
        "origin_y": 400,
        "booth_type": "standard",
    }
    client = client_for(cm_officer)
    preview = client.post(f"/fairs/{fair.pk}/booths/", grid).content.decode()
    assert "K01" in preview and "K40" in preview and 'data-testid="confirmation"' in preview
    assert not fair.booths.filter(code__startswith="K").exists()
    response = client.post(f"/fairs/{fair.pk}/booths/", grid | {"confirmed": "1"}, follow=True)
    assert "สร้างบูธแล้ว" in response.content.decode()
    codes = set(fair.booths.filter(code__startswith="K").values_list("code", flat=True))
    assert codes == {f"K{n:02d}" for n in range(1, 41)}


def test_officer_creates_a_fair_in_own_province(cm_officer, client_for):
    response = client_for(cm_officer).post(
        "/fairs/new/",
        {
            "name": "งานใหม่",
            "venue": "ลานกิจกรรม",
            "province": "50",
            "start_date": "01/03/2570",
            "end_date": "05/03/2570",
            "applications_open_on": "01/01/2570",
            "applications_close_on": "01/02/2570",
            "booth_count": 10,
        },
        follow=True,
    )
    assert response.redirect_chain[-1][1] == 302
    assert "สร้างงาน “งานใหม่” แล้ว" in response.content.decode()


def test_province_choice_is_limited_to_the_officers_own(cm_officer, client_for):
    page = client_for(cm_officer).get("/fairs/new/").content.decode()
    assert Province.objects.get(code="50").name_th in page
    assert Province.objects.get(code="34").name_th not in page


def test_officer_prints_the_floor_plan_with_names(fair, cm_officer, client_for):
    _build(fair, cm_officer, 2)
    response = client_for(cm_officer).get(f"/fairs/{fair.pk}/plan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_seated_producer_can_give_up_the_booth(fair, cm_officer, producer_user, client_for):
    _build(fair, cm_officer, 2)
    held = Assignment.objects.filter(fair=fair, status="active").first()
    _mine(producer_user, held.application)
    client = client_for(producer_user)
    assert (
        "ถอนตัว" in client.get(f"/fairs/applications/{held.application_id}/result/").content.decode()
    )
    asked = client.post(f"/fairs/applications/{held.application_id}/withdraw/").content.decode()
    held.refresh_from_db()
    assert held.status == "active"
    assert held.booth.code in asked and "ย้อนกลับไม่ได้" in asked
    client.post(f"/fairs/applications/{held.application_id}/withdraw/", {"confirmed": "1"})
    held.refresh_from_db()
    assert held.status == "released"
