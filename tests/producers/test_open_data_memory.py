"""A national open-data file (100,000 rows) is read as a stream: the preview's memory stays bounded
by the provinces' groups, not the file (issue 17 point 4)."""

import csv
import tracemalloc

import pytest

from producers.models import Subdistrict
from producers.open_data import NEW, REGISTER, UNKNOWN
from producers.open_data_import import OpenDataImport
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ROWS = 100_000
# What the preview may hold: the provinces' name index (8-byte digests, also of the 90,000 new names)
# and the summary — well under the file itself (about 20 MB of UTF-8). Measured: 13.7 MiB.
PEAK_BYTES = 20 * 1024 * 1024


def _write_national_register(path, rows):
    """A register of `rows` invented producers, written row by row (the test holds none of it)."""
    subs = list(
        Subdistrict.objects.filter(district__province_id__in=("50", "57"))
        .select_related("district__province")
        .order_by("code")[:200]
    )
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["จังหวัด", "อำเภอ", "ตำบล", "ผู้ผลิต"])
        for i in range(rows):
            sub = subs[i % len(subs)]
            # Every tenth row names a province nobody keeps under that spelling.
            province = "เมืองสมมุติ" if i % 10 == 9 else sub.district.province.name_th
            name = f"กลุ่มวิสาหกิจชุมชนบ้านหนองบัวทดสอบการนำเข้า {i + 1}"
            writer.writerow([province, sub.district.name_th, sub.name_th, name])


def test_previewing_a_100k_row_register_reads_it_as_a_stream(tmp_path):
    path = tmp_path / "register.csv"
    _write_national_register(path, ROWS)
    size = path.stat().st_size
    job = OpenDataImport(REGISTER, UserFactory(role="national_officer"))
    tracemalloc.start()
    try:
        with open(path, "rb") as binary:
            summary = job.preview(binary)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary.counts[NEW] == ROWS * 9 // 10
    assert summary.counts[UNKNOWN] == ROWS // 10
    assert len(summary.examples[NEW]) <= 10
    assert peak < min(PEAK_BYTES, size), f"peak {peak / 2**20:.1f} MiB, file {size / 2**20:.1f} MiB"
