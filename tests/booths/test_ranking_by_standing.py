"""The ranking page of a national fair never compares one province's committee's scores with
another's (issue 18): each row shows its standing — rank in its province × category list, of the
list's length — the rows run in order of standing, and a province can be shown on its own."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from booths.selectors import RankedRow, by_standing
from tests.booths.national import national_fair
from tests.booths.test_province_rubrics import _score_all, _to_scoring
from tests.test_bad_input import SETTINGS

ROWS = st.lists(
    st.tuples(st.sampled_from(["10", "50", "57"]), st.sampled_from(["food", "textile"])),
    min_size=1,
    max_size=30,
)


@SETTINGS
@given(rows=ROWS)
def test_standing_is_the_rank_in_the_province_and_category_list(rows):
    ranked = [
        RankedRow(i, f"g{i}", f"p{p}", 100.0 - i, rank=i + 1, province_id=p, category=c)
        for i, (p, c) in enumerate(rows)
    ]
    shown = by_standing(list(ranked))
    for row in ranked:
        same = [r for r in ranked if (r.province_id, r.category) == (row.province_id, row.category)]
        # The oracle: counted by hand from the rank order, never through Standing itself.
        assert (row.standing.rank, row.standing.size) == (same.index(row) + 1, len(same))
    fractions = [(2 * r.standing.rank - 1) / (2 * r.standing.size) for r in shown]
    assert fractions == sorted(fractions)
    assert sorted(r.application_id for r in shown) == list(range(len(rows)))


@pytest.mark.django_db
def test_the_page_shows_standings_and_one_province_on_request(client):
    world = national_fair(per_district=2)
    _to_scoring(world)
    _score_all(world, lambda c: 7)
    client.force_login(world.head_office)
    url = reverse("booths:ranking", args=[world.fair.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="standing-note"' in page
    assert page.count('data-testid="standing"') == world.fair.applications.count()
    province = world.fair.applications.first().group.province
    one = client.get(url, {"province": str(province.pk)}).content.decode()
    shown = one.count('data-testid="standing"')
    assert 0 < shown < world.fair.applications.count()
    assert client.get(url, {"province": "ไม่ใช่เลข"}).status_code == 200
