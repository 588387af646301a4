"""The floor plan in the officer's terms: a booth's place and size typed in metres (kept in 10 cm
plan units), turned to any angle, and a picture of the venue drawn under the booths."""

import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from booths.models import VenuePlan
from tests.matrix_world import jpeg_upload

pytestmark = pytest.mark.django_db


def _booth_data(booth, **metres):
    return {
        "code": booth.code,
        "zone": booth.zone_id,
        "booth_type": "standard",
        "x_m": "0",
        "y_m": "0",
        "w_m": "3",
        "h_m": "3",
        "rotation": "0",
    } | metres


def test_booth_form_shows_the_plan_in_metres(fair, cm_officer, client_for):
    booth = fair.booths.first()
    booth.x, booth.y, booth.w, booth.h = 125, 40, 30, 25
    booth.save()
    page = client_for(cm_officer).get(f"/fairs/booths/{booth.pk}/edit/").content.decode()
    for shown in ('value="12.5"', 'value="4"', 'value="3"', 'value="2.5"', "(เมตร)"):
        assert shown in page


def test_booth_typed_in_metres_is_kept_in_tenths_of_a_metre(fair, cm_officer, client_for):
    booth = fair.booths.first()
    data = _booth_data(booth, x_m="12.5", y_m="4", w_m="2.5", h_m="3.0", rotation="45")
    response = client_for(cm_officer).post(f"/fairs/booths/{booth.pk}/edit/", data)
    assert response.status_code == 302
    booth.refresh_from_db()
    assert (booth.x, booth.y, booth.w, booth.h, booth.rotation) == (125, 40, 25, 30, 45)


@pytest.mark.parametrize(
    ("field", "typed"),
    [("w_m", "0"), ("x_m", "-1"), ("x_m", "0.25"), ("rotation", "360"), ("h_m", "สามเมตร")],
)
def test_a_booth_off_the_plan_is_refused_in_thai_next_to_the_field(
    fair, cm_officer, client_for, field, typed
):
    booth = fair.booths.first()
    before = (booth.x, booth.y, booth.w, booth.h, booth.rotation)
    response = client_for(cm_officer).post(
        f"/fairs/booths/{booth.pk}/edit/", _booth_data(booth, **{field: typed})
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in errors), errors
    booth.refresh_from_db()
    assert (booth.x, booth.y, booth.w, booth.h, booth.rotation) == before


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(metres=st.decimals(min_value=-5, max_value=20_000, places=3, allow_nan=False))
def test_any_distance_in_metres_is_kept_to_the_tenth_or_refused(
    fair, cm_officer, client_for, metres
):
    booth = fair.booths.first()
    response = client_for(cm_officer).post(
        f"/fairs/booths/{booth.pk}/edit/", _booth_data(booth, x_m=str(metres))
    )
    booth.refresh_from_db()
    fits = 0 <= metres <= 10_000 and metres == metres.quantize(Decimal("0.1"))
    assert response.status_code == (302 if fits else 200)
    if fits:
        assert booth.x == int(metres * 10)


def test_the_editor_saves_a_free_angle(fair, cm_officer, client_for):
    booth = fair.booths.first()
    moves = {str(booth.pk): [booth.x, booth.y, False, 30]}
    client_for(cm_officer).post(f"/fairs/{fair.pk}/plan/save/", {"moves": json.dumps(moves)})
    booth.refresh_from_db()
    assert booth.rotation == 30
    page = client_for(cm_officer).get(f"/fairs/{fair.pk}/plan/").content.decode()
    assert f'transform="rotate(30 {booth.x + booth.w / 2:g} {booth.y + booth.h / 2:g})"' in page


@pytest.mark.parametrize("angle", [360, -1, 12.5, True])
def test_an_angle_beyond_a_turn_refuses_the_whole_save(fair, cm_officer, client_for, angle):
    first, second = fair.booths.order_by("pk")[:2]
    moves = {str(first.pk): [300, 300], str(second.pk): [second.x, second.y, False, angle]}
    client_for(cm_officer).post(f"/fairs/{fair.pk}/plan/save/", {"moves": json.dumps(moves)})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.x != 300 and second.rotation == 0


def _upload_venue(client, fair, *, size=(200, 100), width_m="60"):
    upload = jpeg_upload("hall.jpg", size=size)
    return client.post(f"/fairs/{fair.pk}/plan/venue/", {"image": upload, "width_m": width_m})


def test_venue_plan_is_drawn_under_the_booths_to_scale(fair, cm_officer, client_for):
    client = client_for(cm_officer)
    assert _upload_venue(client, fair).status_code == 302
    plan = VenuePlan.objects.get(fair=fair)
    assert (plan.width, plan.height) == (600, 300)
    page = client.get(f"/fairs/{fair.pk}/plan/").content.decode()
    image_at = page.index(f'<image class="venue-plan" href="/fairs/{fair.pk}/plan/venue.jpg"')
    assert 'width="600" height="300"' in page[image_at : image_at + 300]
    assert image_at < page.index("data-booth=")
    served = client.get(f"/fairs/{fair.pk}/plan/venue.jpg")
    assert served["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(b"".join(served.streaming_content))) as picture:
        assert picture.size == (200, 100)


def test_a_new_venue_plan_replaces_the_old_one(fair, cm_officer, client_for):
    client = client_for(cm_officer)
    _upload_venue(client, fair, width_m="60")
    _upload_venue(client, fair, size=(100, 100), width_m="40.5")
    plan = VenuePlan.objects.get(fair=fair)
    assert (plan.width, plan.height) == (405, 405)


def test_removing_the_venue_plan_keeps_the_booths(fair, cm_officer, client_for):
    client = client_for(cm_officer)
    _upload_venue(client, fair)
    booths = list(fair.booths.values_list("pk", "x", "y"))
    response = client.post(f"/fairs/{fair.pk}/plan/venue/remove/", follow=True)
    assert "นำผังสถานที่ออกแล้ว" in response.content.decode()
    assert not VenuePlan.objects.filter(fair=fair).exists()
    assert list(fair.booths.values_list("pk", "x", "y")) == booths
    assert client.get(f"/fairs/{fair.pk}/plan/venue.jpg").status_code == 404


def test_a_file_that_is_not_a_picture_is_refused_in_thai(fair, cm_officer, client_for):
    bogus = SimpleUploadedFile("hall.jpg", b"<svg onload='alert(1)'/>", content_type="image/jpeg")
    response = client_for(cm_officer).post(
        f"/fairs/{fair.pk}/plan/venue/", {"image": bogus, "width_m": "60"}
    )
    assert response.status_code == 200
    assert "ไม่ใช่" in " ".join(response.context["form"].errors["image"])
    assert not VenuePlan.objects.filter(fair=fair).exists()


def test_the_printed_plan_is_made_with_a_venue_picture_and_turned_booths(
    fair, cm_officer, client_for
):
    client = client_for(cm_officer)
    _upload_venue(client, fair)
    booth = fair.booths.first()
    booth.rotation = 15
    booth.save()
    response = client.get(f"/fairs/{fair.pk}/plan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
