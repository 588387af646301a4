"""The score sheet marks the criteria a member has left empty (phone trials): each is marked
"not scored yet", never shown or counted as zero, the sheet says how many are left, and a submit
with any left empty marks each of them and changes nothing. Emptying a drafted score empties it."""

import re
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import FairState, ReviewStatus, Score
from booths.services import review
from tests.factories import CriterionFactory, ReviewFactory

pytestmark = pytest.mark.django_db
EMPTY_ROW = 'data-testid="empty-criterion"'


@pytest.fixture
def sheet(fair):
    """A review on a fair being scored with four criteria (two from the fair fixture)."""
    fair.state = FairState.SCORING
    fair.save()
    CriterionFactory(fair=fair, name="เรื่องราวสินค้า", weight=1)
    CriterionFactory(fair=fair, name="ราคา", weight=1)
    item = ReviewFactory(member__fair=fair)
    return item, list(fair.criteria.order_by("pk"))


def _post(criteria, filled):
    data = {}
    for n, criterion in enumerate(criteria):
        data[f"value_{criterion.pk}"] = (
            "0" if n in filled and n % 2 else ("7" if n in filled else "")
        )
        data[f"comment_{criterion.pk}"] = ""
    return data


def _left_said(page):
    said = re.search(r'data-testid="criteria-left"[^>]*>([^<]*)<', page).group(1)
    digits = re.findall(r"\d+", said)
    return int(digits[0]) if digits else 0


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(filled=st.sets(st.integers(min_value=0, max_value=3)))
def test_a_saved_draft_marks_exactly_the_empty_criteria_and_counts_them(sheet, client, filled):
    item, criteria = sheet
    client.force_login(item.member.user)
    url = reverse("booths:score_sheet", args=[item.pk])
    with transaction.atomic():
        assert client.post(url, _post(criteria, filled)).status_code == 302
        page = client.get(url).content.decode()
        transaction.set_rollback(True)
    left = len(criteria) - len(filled)
    assert page.count(EMPTY_ROW) == left
    assert _left_said(page) == left
    if not left:
        assert "ให้คะแนนครบทุกเกณฑ์แล้ว" in page


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(filled=st.sets(st.integers(min_value=0, max_value=3), max_size=3))
def test_submitting_with_empty_criteria_marks_each_and_submits_nothing(sheet, client, filled):
    item, criteria = sheet
    client.force_login(item.member.user)
    url = reverse("booths:score_submit", args=[item.pk])
    with transaction.atomic():
        response = client.post(url, _post(criteria, filled))
        item.refresh_from_db()
        status, saved = item.status, Score.objects.filter(review=item).count()
        transaction.set_rollback(True)
    page = response.content.decode()
    left = len(criteria) - len(filled)
    assert response.status_code == 200 and status != ReviewStatus.SUBMITTED and saved == 0
    assert page.count("ให้คะแนนเกณฑ์นี้ก่อนส่ง") == left
    assert page.count(EMPTY_ROW) == left
    assert f"{left} เกณฑ์" in page


def test_a_zero_is_a_score_and_an_emptied_draft_value_is_no_longer_one(sheet, client):
    item, criteria = sheet
    user = item.member.user
    review.save_scores(review=item, values={c.pk: (Decimal(0), "") for c in criteria}, by=user)
    client.force_login(user)
    url = reverse("booths:score_sheet", args=[item.pk])
    assert EMPTY_ROW not in client.get(url).content.decode()
    emptied = {**_post(criteria, {0, 1, 2, 3}), f"value_{criteria[0].pk}": ""}
    client.post(url, emptied)
    assert not Score.objects.filter(review=item, criterion=criteria[0]).exists()
    assert client.get(url).content.decode().count(EMPTY_ROW) == 1
