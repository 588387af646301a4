"""A province's own rubric at a national fair (issue 18 point 3: "rubric per province or shared
from the head office"): set by that province's officers before scoring opens; its committee
scores by it, everyone else by the shared rubric; totals, ranks and explanations stay right."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from booths import scoring, selectors
from booths.models import Criterion, ReviewAssignment
from booths.rubric_forms import CriterionFormSet
from booths.rubrics import rubric_for
from booths.services import lifecycle, nominations, review, run_allocation
from booths.services.quotas import save_quotas
from producers.models import Province
from tests.booths.national import national_fair

pytestmark = pytest.mark.django_db

# Province 10's own rubric: quality (weight 3, out of 10) and story (weight 1, out of 5).
OWN = [("คุณภาพ", "3", "10"), ("เรื่องราว", "1", "5")]


@pytest.fixture
def world():
    return national_fair()


def _formset_data(rows):
    data = {"c-TOTAL_FORMS": str(len(rows)), "c-INITIAL_FORMS": "0"}
    for i, (name, weight, max_score) in enumerate(rows):
        data |= {
            f"c-{i}-name": name,
            f"c-{i}-weight": weight,
            f"c-{i}-max_score": max_score,
            f"c-{i}-order": str(i + 1),
        }
    return data


def _set_own_rubric(world, code="10", by=None):
    province = Province.objects.get(code=code)
    formset = CriterionFormSet(_formset_data(OWN), fair=world.fair, province=province, prefix="c")
    assert formset.is_valid(), formset.errors
    return review.save_criteria(
        fair=world.fair, formset=formset, by=by or world.officers[code], province=province
    )


def _to_scoring(world):
    for district, apps in world.applications.items():
        for app in apps:
            nominations.decide_nomination(
                application=app,
                decision="nominated",
                reason="",
                by=world.district_officers[district],
            )
    lifecycle.close_applications(fair=world.fair, by=world.head_office, confirm_early=True)
    review.auto_assign(fair=world.fair, by=world.head_office, k=2)


def test_a_province_officer_sets_their_provinces_rubric_and_no_other(world):
    _set_own_rubric(world)
    assert [c.name for c in rubric_for(world.fair, "10")] == ["คุณภาพ", "เรื่องราว"]
    assert [c.name for c in rubric_for(world.fair, "50")] == ["คุณภาพสินค้า"]
    with pytest.raises(ValidationError):
        _set_own_rubric(world, code="50", by=world.officers["10"])
    assert not Criterion.objects.filter(province_id="50").exists()


def test_a_provinces_rubric_is_locked_once_scoring_opens(world):
    _to_scoring(world)
    with pytest.raises(ValidationError):
        _set_own_rubric(world)
    assert not Criterion.objects.filter(province_id="10").exists()


def test_the_rubric_page_saves_the_provinces_rubric_and_refuses_another_province(world, client):
    client.force_login(world.officers["10"])
    url = reverse("booths:province_criteria", args=[world.fair.pk, "10"])
    assert client.post(url, _formset_data(OWN)).status_code == 302
    assert Criterion.objects.filter(province_id="10").count() == 2
    other = reverse("booths:province_criteria", args=[world.fair.pk, "50"])
    assert client.get(other).status_code == 404
    assert client.post(other, _formset_data(OWN)).status_code == 404
    assert not Criterion.objects.filter(province_id="50").exists()


def test_a_duplicate_name_in_a_provinces_rubric_is_told_on_the_cell(world, client):
    client.force_login(world.officers["10"])
    url = reverse("booths:province_criteria", args=[world.fair.pk, "10"])
    response = client.post(url, _formset_data([OWN[0], OWN[0]]))
    assert response.status_code == 200
    assert "name" in response.context["formset"].errors[1]
    assert not Criterion.objects.filter(province_id="10").exists()


def test_each_committee_scores_by_its_own_provinces_rubric(world, client):
    _set_own_rubric(world)
    _to_scoring(world)
    bangkok = ReviewAssignment.objects.filter(member__province_id="10").first()
    chiang_mai = ReviewAssignment.objects.filter(member__province_id="50").first()
    client.force_login(bangkok.member.user)
    sheet = client.get(reverse("booths:score_sheet", args=[bangkok.pk])).content.decode()
    assert "เรื่องราว" in sheet and "คุณภาพสินค้า" not in sheet
    client.force_login(chiang_mai.member.user)
    sheet = client.get(reverse("booths:score_sheet", args=[chiang_mai.pk])).content.decode()
    assert "คุณภาพสินค้า" in sheet and "เรื่องราว" not in sheet


def _score_all(world, values_of):
    for assignment in ReviewAssignment.objects.select_related("member__fair", "member__user"):
        criteria = rubric_for(world.fair, assignment.member.province_id)
        values = {c.pk: (Decimal(values_of(c)), "") for c in criteria}
        review.save_scores(review=assignment, values=values, by=assignment.member.user, submit=True)


def test_totals_are_weighted_by_each_provinces_rubric(world):
    _set_own_rubric(world)
    _to_scoring(world)
    shared = Criterion.objects.get(province__isnull=True)
    with pytest.raises(ValidationError):  # a Bangkok member cannot submit by the shared rubric
        assignment = ReviewAssignment.objects.filter(member__province_id="10").first()
        review.save_scores(
            review=assignment,
            values={shared.pk: (Decimal(5), "")},
            by=assignment.member.user,
            submit=True,
        )
    # Bangkok: quality 10/10 (weight 3) and story 0/5 (weight 1) → 75; Chiang Mai: 5/10 → 50.
    _score_all(world, lambda c: {"คุณภาพ": 10, "เรื่องราว": 0}.get(c.name, 5))
    rows = {row.province: row for row in selectors.ranking(world.fair)}
    assert rows["กรุงเทพมหานคร"].total == 75.0
    assert rows["เชียงใหม่"].total == 50.0
    ranks = sorted((r.rank, r.total) for r in selectors.ranking(world.fair))
    assert ranks == [(1, 75.0), (1, 75.0), (3, 50.0), (3, 50.0)]


def test_the_run_explains_each_applicant_by_rank_within_their_province(world):
    _set_own_rubric(world)
    _to_scoring(world)
    _score_all(world, lambda c: 9 if c.name != "เรื่องราว" else 1)
    category = world.applications[next(iter(world.applications))][0].category
    save_quotas(
        fair=world.fair,
        table={("50", category): 1, ("10", category): 1},
        by=world.head_office,
        reason="",
    )
    run = run_allocation(fair=world.fair, by=world.head_office, rules={"release": "keep_empty"})
    for result in run.results.select_related("application__group__province"):
        province = result.application.group.province.name_th
        assert f"จาก 2 รายของจังหวัด{province}" in result.explanation
    seated = run.results.filter(booth__isnull=False)
    assert sorted(seated.values_list("application__group__province_id", flat=True)) == [
        "10",
        "50",
    ]


totals = st.lists(st.integers(0, 20).map(lambda n: n * 5.0), max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(totals, min_size=1, max_size=4))
def test_combined_ranks_count_the_better_totals_and_share_equal_ones(lists):
    rankings = [
        [scoring.RankedApplicant((n, i), total) for i, total in enumerate(ranking)]
        for n, ranking in enumerate(lists)
    ]
    combined = scoring.combined(rankings)
    every = [a.total for ranking in rankings for a in ranking]
    assert sorted(a.application_id for a in combined) == sorted(
        a.application_id for ranking in rankings for a in ranking
    )
    for applicant in combined:
        assert applicant.rank == 1 + sum(t > applicant.total for t in every)
        assert applicant.is_tied == (every.count(applicant.total) > 1)
    assert [a.total for a in combined] == sorted(every, reverse=True)
