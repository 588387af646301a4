"""Oversized, malformed and hostile uploads: product photos, problem photos and registry imports.

A bad file is refused with a Thai message next to the field and nothing is stored; a good one
is saved. Never a server error.
"""

import csv
import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.matrix_world import jpeg_upload, signed_in_clients, table_counts, world_fixture
from tests.test_bad_input import (
    SETTINGS,
    THAI,
    any_text,
    assert_clear_answer,
    nasty,
    submit,
    thai_text,
)


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A tiny PNG whose header claims `width` × `height` pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(b"\0" * 16))
    return b"\x89PNG\r\n\x1a\n" + body + _png_chunk(b"IEND", b"")


JPEG = jpeg_upload().read()
hostile_bytes = st.one_of(
    st.binary(max_size=2000),
    st.integers(min_value=0, max_value=len(JPEG) - 1).map(lambda n: JPEG[:n]),
    st.binary(max_size=200).map(lambda tail: JPEG[:200] + tail),
    st.sampled_from(
        [
            JPEG,
            b"",
            png_claiming(100_000, 100_000),
            png_claiming(0, 0),
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
            b"GIF89a" + b"\xff" * 64,
            b"PK\x03\x04" + b"\0" * 64,
        ]
    ),
)
file_names = st.one_of(
    st.sampled_from(["photo.jpg", "x.php", "../../etc/passwd", "a" * 300 + ".jpg", "ภาพ.png"]),
    thai_text.map(lambda t: f"{t}.jpg"),
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("upload_media"))


@pytest.fixture(scope="module")
def clients(world):
    return signed_in_clients(world)


def _upload(name, content):
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


@SETTINGS
@given(content=hostile_bytes, name=file_names, caption=nasty)
def test_product_photo_is_stored_or_refused_in_thai(db, world, clients, content, name, caption):
    url = reverse("producers:photo_add", args=[world.product_a.pk])
    response, changed = submit(
        clients["producer_a"], url, {"photo": _upload(name, content), "caption": caption}
    )
    assert_clear_answer(response, changed)


@SETTINGS
@given(content=hostile_bytes, name=file_names, description=nasty)
def test_problem_photo_is_stored_or_refused_in_thai(db, world, clients, content, name, description):
    url = reverse("sales:issue_new", args=[world.fair.pk])
    data = {"category": "electricity", "description": description, "photo": _upload(name, content)}
    response, changed = submit(clients["producer_a"], url, data)
    assert_clear_answer(response, changed)


def test_a_photo_over_ten_megabytes_is_refused_in_thai(db, world, clients):
    big = _upload("big.jpg", JPEG + b"\0" * (10 * 1024 * 1024))
    url = reverse("producers:photo_add", args=[world.product_a.pk])
    response, changed = submit(clients["producer_a"], url, {"photo": big})
    assert response.status_code == 200
    assert not changed
    assert THAI.search(" ".join(response.context["photo_form"].errors["photo"]))


def _csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["เลขทะเบียน OTOP", "ชื่อกลุ่ม", "รหัสตำบล", "ชื่อสินค้า", "ราคาต่ำสุด"])
    writer.writerows(rows)
    return buffer.getvalue().encode()


cells = st.one_of(any_text, thai_text, st.sampled_from(["", "=cmd|' /C calc'!A0", "-1", "1e999"]))
csv_files = st.one_of(
    st.lists(st.lists(cells, min_size=5, max_size=5), min_size=1, max_size=5).map(_csv),
    st.binary(max_size=500),
)


@SETTINGS
@given(content=csv_files, name=st.sampled_from(["groups.csv", "groups.xlsx", "ทะเบียน.csv"]))
def test_registry_import_previews_or_refuses_and_never_half_imports(
    db, world, clients, content, name
):
    client = clients["officer_province"]
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    with transaction.atomic():
        before = table_counts()
        preview = client.post(reverse("producers:import_upload"), {"file": upload})
        previewed = table_counts()
        confirm = client.post(reverse("producers:import_confirm"))
        after = table_counts()
        transaction.set_rollback(True)
    assert preview.status_code == 200
    assert previewed == before, "a preview must not write to the registry"
    assert confirm.status_code == 302
    if preview.context.get("failed") or not preview.context.get("checks"):
        assert after == before, "a file with errors must import nothing"


@SETTINGS
@given(content=hostile_bytes, name=file_names, width=st.one_of(nasty, st.sampled_from(["60", "0"])))
def test_venue_plan_is_stored_or_refused_in_thai(db, world, clients, content, name, width):
    url = reverse("booths:venue_plan", args=[world.fair.pk])
    data = {"image": _upload(name, content), "width_m": width}
    response, changed = submit(clients["officer_province"], url, data)
    assert_clear_answer(response, changed)
