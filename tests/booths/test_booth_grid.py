"""A new grid of booths never lies over booths already on the plan; positions are typed in metres."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import FairState
from booths.services import floor, run_allocation
from tests.factories import ApplicationFactory, ZoneFactory

pytestmark = pytest.mark.django_db


def _grid(fair, zone, prefix, count, per_row, origin=(None, None)):
    return floor.create_booth_grid(
        fair=fair, zone=zone, prefix=prefix, first=1, last=count, digits=3, per_row=per_row,
        origin_x=origin[0], origin_y=origin[1], booth_type="standard", allowed_categories=[],
        has_electricity=False, by=fair.created_by,
    )  # fmt: skip


def _overlapping_pairs(booths):
    return [
        (a.code, b.code)
        for i, a in enumerate(booths)
        for b in booths[i + 1 :]
        if a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h
    ]


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(grids=st.lists(st.tuples(st.integers(1, 30), st.integers(1, 12)), min_size=1, max_size=4))
def test_grids_placed_without_a_position_never_overlap(fair, grids):
    fair.state = FairState.DRAFT
    fair.save()
    fair.booths.all().delete()
    zone = fair.zones.get()
    for index, (count, per_row) in enumerate(grids):
        _grid(fair, zone, f"G{index}", count, per_row)
    assert _overlapping_pairs(list(fair.booths.all())) == []


def test_a_grid_typed_over_existing_booths_is_refused_and_nothing_is_made(fair):
    fair.state = FairState.DRAFT
    fair.save()
    zone = fair.zones.get()
    before = fair.booths.count()
    first = fair.booths.order_by("pk").first()
    with pytest.raises(ValidationError, match=first.code):
        _grid(fair, zone, "Z", 5, 5, origin=(first.x, first.y))
    assert fair.booths.count() == before


def test_grid_position_is_typed_in_metres(fair, cm_officer, client_for):
    zone = fair.zones.get()
    data = {
        "zone": zone.pk, "prefix": "M", "first": 1, "last": 2, "digits": 2, "per_row": 2,
        "origin_x": "12.5", "origin_y": "200", "booth_type": "standard", "confirmed": "1",
    }  # fmt: skip
    client_for(cm_officer).post(f"/fairs/{fair.pk}/booths/", data)
    booth = fair.booths.get(code="M01")
    assert (booth.x, booth.y) == (125, 2000)


def test_booth_list_names_allowed_categories_in_thai(fair, cm_officer, client_for):
    booth = fair.booths.first()
    booth.allowed_categories = ["food", "textile"]
    booth.save()
    page = client_for(cm_officer).get(f"/fairs/{fair.pk}/booths/").content.decode()
    table = page[page.index("<tbody>") : page.index("</tbody>")]
    assert "อาหาร" in table and "textile" not in table


def test_officer_deletes_an_unused_booth_after_confirming(fair, cm_officer, client_for):
    booth = fair.booths.first()
    client = client_for(cm_officer)
    asked = client.post(f"/fairs/booths/{booth.pk}/delete/")
    assert 'data-testid="confirmation"' in asked.content.decode()
    assert fair.booths.filter(pk=booth.pk).exists()
    client.post(f"/fairs/booths/{booth.pk}/delete/", {"confirmed": "1"})
    assert not fair.booths.filter(pk=booth.pk).exists()


def test_a_booth_in_an_allocation_run_cannot_be_deleted(fair, cm_officer):
    fair.state = FairState.SCORING
    fair.save()
    zone = fair.zones.get()
    ApplicationFactory(fair=fair, status="eligible", zones=[zone])
    run = run_allocation(fair=fair, by=cm_officer, seed=1)
    used = run.results.exclude(booth=None).first().booth
    with pytest.raises(ValidationError, match=used.code):
        floor.delete_booth(booth=used, by=cm_officer)
    assert fair.booths.filter(pk=used.pk).exists()


def test_officer_deletes_an_empty_unchosen_zone_after_confirming(fair, cm_officer, client_for):
    spare = ZoneFactory(fair=fair, code="X", name="โซนพิมพ์ผิด")
    client = client_for(cm_officer)
    asked = client.post(f"/fairs/zones/{spare.pk}/delete/").content.decode()
    assert "โซนพิมพ์ผิด" in asked and fair.zones.filter(pk=spare.pk).exists()
    client.post(f"/fairs/zones/{spare.pk}/delete/", {"confirmed": "1"})
    assert not fair.zones.filter(pk=spare.pk).exists()


def test_a_zone_with_booths_or_chosen_by_an_applicant_stays(fair, cm_officer):
    with pytest.raises(ValidationError, match="A"):
        floor.delete_zone(zone=fair.zones.get(code="A"), by=cm_officer)
    chosen = ZoneFactory(fair=fair, code="Y")
    ApplicationFactory(fair=fair, zones=[chosen])
    with pytest.raises(ValidationError, match="Y"):
        floor.delete_zone(zone=chosen, by=cm_officer)
    assert fair.zones.filter(code__in=["A", "Y"]).count() == 2
