"""Photos are checked by their header before decoding and decoded shrunk, so memory stays bounded.

Memory is the peak resident size of a fresh subprocess that accepts one upload (`tracemalloc`
does not see Pillow's buffers). The largest upload each format may have is measured; the figures
are printed (`-s`) for the record.
"""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from otop_fair import uploads

ROOT = Path(__file__).resolve().parents[2]
LIMIT_MB = 100
# VmHWM (the peak resident size of this process's own memory) starts afresh at exec; getrusage's
# ru_maxrss would carry the forking test runner's size over.
MEASURE = """
import sys
from django.core.files.uploadedfile import SimpleUploadedFile
from otop_fair.uploads import validate_and_reencode_image
data = open(sys.argv[1], "rb").read()
full, thumb = validate_and_reencode_image(SimpleUploadedFile("p", data))
assert full.size and thumb.size
status = open("/proc/self/status").read().split("VmHWM:")[1]
print(int(status.split()[0]) // 1024)
"""
MAKE = """
import sys
from PIL import Image
fmt, mode, w, h, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
Image.linear_gradient("L").resize((w, h)).convert(mode).save(out, format=fmt)
"""
# The largest picture each format may have (at its pixel limit), in its heaviest mode.
LARGEST = {
    "JPEG": ("RGB", 8660, 5773),  # a 50-megapixel camera
    "PNG": ("RGBA", 1730, 1730),
    "GIF": ("P", 1730, 1730),
    "WEBP": ("RGBA", 1414, 1414),
}


def _run(script, *args):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


@pytest.mark.parametrize("fmt", sorted(LARGEST))
def test_the_largest_accepted_upload_of_each_format_stays_under_100_mb(fmt, tmp_path):
    mode, width, height = LARGEST[fmt]
    assert width * height <= uploads.PIXEL_LIMITS[fmt]
    path = tmp_path / f"largest.{fmt.lower()}"
    _run(MAKE, fmt, mode, width, height, path)
    assert path.stat().st_size <= uploads.MAX_UPLOAD_BYTES
    peak_mb = int(_run(MEASURE, path).stdout.strip())
    print(f"\nbench: upload_peak_rss_mb {fmt} {width}x{height} {peak_mb}")
    assert peak_mb < LIMIT_MB


def _png(size):
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, format="PNG", optimize=True)
    return SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png")


def test_the_reported_6300_px_png_is_refused_from_its_header_at_once():
    bomb = _png((6300, 6300))
    started = time.monotonic()
    with pytest.raises(ValidationError) as error:
        uploads.validate_and_reencode_image(bomb)
    assert error.value.code == "too_many_pixels"
    assert time.monotonic() - started < 0.5


@pytest.mark.parametrize("fmt", sorted(LARGEST))
def test_one_pixel_row_past_each_limit_is_refused(fmt):
    mode, width, height = LARGEST[fmt]
    limit = uploads.PIXEL_LIMITS[fmt]
    height = limit // width + 1
    buffer = io.BytesIO()
    Image.new("L" if fmt != "PNG" else "1", (width, height)).convert(
        "RGB" if fmt == "JPEG" else "L"
    ).save(buffer, format=fmt)
    with pytest.raises(ValidationError) as error:
        uploads.validate_and_reencode_image(SimpleUploadedFile("p", buffer.getvalue()))
    assert error.value.code == "too_many_pixels"


def test_a_big_jpeg_keeps_its_orientation_after_shrunk_decoding():
    exif = Image.Exif()
    exif[0x0112] = 6  # shown rotated 90° clockwise
    buffer = io.BytesIO()
    Image.new("RGB", (4000, 2000), (200, 120, 40)).save(buffer, format="JPEG", exif=exif)
    full, _thumb = uploads.validate_and_reencode_image(SimpleUploadedFile("p", buffer.getvalue()))
    with Image.open(full) as image:
        assert image.size == (1000, 2000)
