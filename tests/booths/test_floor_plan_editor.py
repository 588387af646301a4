"""The floor plan editor's one save: every moved booth at once, or nothing."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import Booth

pytestmark = pytest.mark.django_db


def test_officer_saves_several_moves_in_one_request(fair, cm_officer, client_for):
    first, second = fair.booths.order_by("pk")[:2]
    moves = {str(first.pk): [200, 150], str(second.pk): [240, 150]}
    response = client_for(cm_officer).post(
        f"/fairs/{fair.pk}/plan/save/", {"moves": json.dumps(moves)}, follow=True
    )
    assert "ย้ายบูธ 2 บูธแล้ว" in response.content.decode()
    assert list(fair.booths.filter(pk__in=[first.pk, second.pk]).values_list("x", "y")) == [
        (200, 150),
        (240, 150),
    ]


def test_a_booth_of_another_fair_refuses_the_whole_save(fair, cm_officer, client_for):
    mine = fair.booths.first()
    stranger = Booth.objects.exclude(fair=fair).first() or mine
    moves = {str(mine.pk): [5, 5], str(stranger.pk + 10_000): [5, 5]}
    before = (mine.x, mine.y)
    client_for(cm_officer).post(f"/fairs/{fair.pk}/plan/save/", {"moves": json.dumps(moves)})
    mine.refresh_from_db()
    assert (mine.x, mine.y) == before


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(moves=st.text(max_size=40) | st.builds(json.dumps, st.dictionaries(
    st.text(max_size=4), st.one_of(st.integers(), st.lists(st.integers(), max_size=3), st.none()),
    max_size=3)))  # fmt: skip
def test_any_posted_moves_are_saved_or_refused_with_a_message(fair, cm_officer, client_for, moves):
    response = client_for(cm_officer).post(f"/fairs/{fair.pk}/plan/save/", {"moves": moves})
    assert response.status_code in (302, 400)


def test_a_turned_booth_swaps_its_width_and_depth_on_the_plan(fair, cm_officer, client_for):
    booth = fair.booths.first()
    booth.w, booth.h = 30, 20
    booth.save()
    moves = {str(booth.pk): [booth.x, booth.y, True]}
    client_for(cm_officer).post(f"/fairs/{fair.pk}/plan/save/", {"moves": json.dumps(moves)})
    booth.refresh_from_db()
    assert (booth.w, booth.h) == (20, 30)
