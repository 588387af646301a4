"""Photo uploads: checked by content, re-encoded to plain JPEG, and served so they can never run.

`validate_and_reencode_image(uploaded)` returns `(full_jpeg, thumbnail_jpeg)` as ContentFiles with
random names, or raises ValidationError with a message for the user. Pillow decides what the file
is; the name and declared content type are ignored. Re-encoding applies the EXIF orientation and
drops every piece of metadata (GPS positions included). `image_response(field_file)` serves a
stored photo from a permission-checked view.
"""

import io
import math
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# What a phone photo needs: a 50-megapixel camera's JPEG. JPEG is decoded already shrunk (DCT
# scaling, `draft`), so its memory hardly grows with its pixels; PNG, GIF and WebP decode at full
# size (WebP at ~17 bytes a pixel), so they stop at a phone's screenshot (1080×2400, 1170×2532).
# Every accepted upload then stays under 100 MB of memory (tests/otop_fair/test_upload_memory.py).
PIXEL_LIMITS = {
    "JPEG": 50_000_000,
    "MPO": 50_000_000,
    "PNG": 3_000_000,
    "GIF": 3_000_000,
    "WEBP": 2_000_000,
}
MAX_PIXELS = max(PIXEL_LIMITS.values())
FULL_SIZE = (2000, 2000)
THUMBNAIL_SIZE = (480, 480)
JPEG_QUALITY = 85

# Pillow refuses anything far larger on its own; the explicit checks below give a clear message.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

NOT_AN_IMAGE = _("This file is not a photo. Please choose a JPEG, PNG or WebP picture.")
TOO_LARGE = _("The photo is larger than 10 MB. Please choose a smaller one.")


def _read_bounded(uploaded):
    if uploaded.size is not None and uploaded.size > MAX_UPLOAD_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    uploaded.seek(0)
    data = uploaded.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    return data


def _check_declared(image):
    """Format and pixel count from the header alone, before a single pixel is decoded."""
    if image.format not in PIXEL_LIMITS:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
    limit = min(PIXEL_LIMITS[image.format], MAX_PIXELS)
    if image.width * image.height > limit:
        raise ValidationError(
            _("The photo has too many pixels (at most %(megapixels)s megapixels).")
            % {"megapixels": f"{limit / 1_000_000:g}"},
            code="too_many_pixels",
        )


def _open_shrunk(uploaded):
    """The photo decoded no larger than it is kept (FULL_SIZE), or ValidationError."""
    data = _read_bounded(uploaded)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            _check_declared(probe)
            probe.verify()
        image = Image.open(io.BytesIO(data))
        _check_declared(image)
        _decode_reduced(image)
        image.thumbnail(FULL_SIZE, Image.Resampling.LANCZOS)
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
    return image


def _decode_reduced(image):
    """Ask the JPEG decoder for the smallest scale (1/2, 1/4, 1/8) that still covers the kept
    size, so a 50-megapixel photo is never held at full size."""
    scale = max(image.size) / max(FULL_SIZE)
    if scale > 1:
        image.draft(None, (math.ceil(image.width / scale), math.ceil(image.height / scale)))
    image.load()


def _as_rgb(image):
    """Flatten transparency onto white: JPEG has no alpha channel."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image, size, name):
    copy = image.copy()
    copy.thumbnail(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # No `exif=` argument: the saved file carries no metadata at all.
    copy.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return ContentFile(buffer.getvalue(), name=name)


def validate_and_reencode_image(uploaded_file):
    """Check an uploaded photo and return `(full_jpeg, thumbnail_jpeg)` ContentFiles."""
    image = _open_shrunk(uploaded_file)
    try:
        upright = _as_rgb(ImageOps.exif_transpose(image))
    except (OSError, ValueError, SyntaxError):
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
    stem = uuid.uuid4().hex
    return _jpeg(upright, FULL_SIZE, f"{stem}.jpg"), _jpeg(upright, THUMBNAIL_SIZE, f"{stem}_t.jpg")


def image_response(field_file):
    """Serve a stored, re-encoded photo inline as JPEG that browsers must not sniff."""
    response = FileResponse(field_file.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # A shared phone's browser keeps no copy of another person's photos.
    response["Cache-Control"] = "no-store"
    return response
