"""The ranking page of a national fair where a province scores by its own rubric (phone trials:
its criterion columns were blank): each such row shows its own rubric's criteria and means, the
page says which provinces these are, and the page's queries stay the same as the fair grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from booths.models import Criterion
from tests.booths.national import national_fair
from tests.booths.test_province_rubrics import _score_all, _set_own_rubric, _to_scoring

pytestmark = pytest.mark.django_db
RANKING_QUERIES = 21


def _scored(per_district):
    """Bangkok (10) scores by its own rubric (quality 9, story 4); Chiang Mai by the shared
    one (6)."""
    world = national_fair(per_district=per_district)
    _set_own_rubric(world)
    _to_scoring(world)
    _score_all(world, lambda c: {"คุณภาพ": 9, "เรื่องราว": 4}.get(c.name, 6))
    return world


def _page(client, world):
    client.force_login(world.head_office)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("booths:ranking", args=[world.fair.pk]))
    assert page.status_code == 200
    return page.content.decode(), len(queries)


def test_a_province_with_its_own_rubric_shows_its_criteria_in_its_rows(client):
    world = _scored(per_district=1)
    page, _queries = _page(client, world)
    shared = Criterion.objects.get(fair=world.fair, province__isnull=True)
    assert page.count('data-testid="own-rubric"') == 2  # Bangkok's two applications
    cells = page.split('data-testid="own-rubric"')[1:]
    for cell in cells:
        cell = cell.split("</td>")[0]
        assert "คุณภาพ <strong>9.0</strong>" in cell and "เรื่องราว <strong>4.0</strong>" in cell
    assert 'data-testid="own-rubric-note"' in page and "กรุงเทพมหานคร" in page
    assert f">{shared.name}<" in page  # the shared column, filled for Chiang Mai's rows
    assert page.count('<td class="num">6.0</td>') == 2


def test_a_fair_without_own_rubrics_shows_only_the_shared_columns(client):
    world = national_fair()
    _to_scoring(world)
    _score_all(world, lambda c: 7)
    page, _queries = _page(client, world)
    assert 'data-testid="own-rubric' not in page
    assert page.count('<td class="num">7.0</td>') == 4


@pytest.mark.parametrize("per_district", [1, 4])
def test_the_ranking_page_keeps_its_queries_as_applicants_grow(client, per_district):
    _page_text, queries = _page(client, _scored(per_district=per_district))
    assert queries <= RANKING_QUERIES
