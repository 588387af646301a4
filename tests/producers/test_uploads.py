"""Photo uploads are judged by their content, re-encoded without metadata and upright."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from otop_fair import uploads

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def jpeg_bytes(size=(40, 20), color=(200, 30, 30), exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format="JPEG", **kwargs)
    return buffer.getvalue()


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_real_photo_is_reencoded_to_jpeg_with_a_thumbnail():
    full, thumb = uploads.validate_and_reencode_image(upload("a.png", jpeg_bytes((3000, 1500))))
    with Image.open(full) as image:
        assert image.format == "JPEG"
        assert max(image.size) == 2000
    with Image.open(thumb) as image:
        assert max(image.size) == 480
    assert full.name.endswith(".jpg") and "a.png" not in full.name


def test_renamed_php_script_is_refused_with_a_thai_message():
    php = upload("shell.php.jpg", b"<?php system($_GET['c']); ?>")
    with pytest.raises(ValidationError) as error:
        uploads.validate_and_reencode_image(php)
    assert "ไม่ใช่รูปภาพ" in str(error.value.messages[0])


def test_svg_with_script_is_refused_even_when_declared_an_image():
    with pytest.raises(ValidationError):
        uploads.validate_and_reencode_image(upload("x.svg", SVG_WITH_SCRIPT, "image/svg+xml"))


def test_truncated_jpeg_is_refused():
    with pytest.raises(ValidationError):
        uploads.validate_and_reencode_image(upload("cut.jpg", jpeg_bytes()[:60]))


def test_file_over_ten_megabytes_is_refused():
    big = upload("big.jpg", jpeg_bytes() + b"\0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        uploads.validate_and_reencode_image(big)
    assert error.value.code == "too_large"


def test_too_many_pixels_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_PIXELS", 100)
    with pytest.raises(ValidationError) as error:
        uploads.validate_and_reencode_image(upload("wide.jpg", jpeg_bytes((20, 10))))
    assert error.value.code == "too_many_pixels"


def test_exif_is_stripped_and_orientation_applied():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x010F] = "SecretCam"
    full, _ = uploads.validate_and_reencode_image(
        upload("side.jpg", jpeg_bytes((40, 20), exif=exif))
    )
    with Image.open(full) as image:
        assert image.size == (20, 40)
        assert not image.getexif()
        assert b"SecretCam" not in full.read()


def test_transparent_png_becomes_a_white_backed_jpeg():
    buffer = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(buffer, format="PNG")
    full, _ = uploads.validate_and_reencode_image(upload("t.png", buffer.getvalue(), "image/png"))
    with Image.open(full) as image:
        assert image.getpixel((5, 5))[0] > 240
