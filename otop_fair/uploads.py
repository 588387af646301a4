"""Photo uploads: checked by content, re-encoded to plain JPEG, and served so they can never run.

`validate_and_reencode_image(uploaded)` returns `(full_jpeg, thumbnail_jpeg)` as ContentFiles with
random names, or raises ValidationError with a message for the user. Pillow decides what the file
is; the name and declared content type are ignored. Re-encoding applies the EXIF orientation and
drops every piece of metadata (GPS positions included). `image_response(field_file)` serves a
stored photo from a permission-checked view.
"""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}
FULL_SIZE = (2000, 2000)
THUMBNAIL_SIZE = (480, 480)
JPEG_QUALITY = 85

# Pillow refuses anything far larger on its own; the explicit check below gives a clear message.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS * 2


def _open_checked(uploaded):
    """The decoded image, or ValidationError: not an image, an unwanted format, too many pixels."""
    not_an_image = ValidationError(
        _("This file is not a photo. Please choose a JPEG, PNG or WebP picture."),
        code="not_an_image",
    )
    if uploaded.size is not None and uploaded.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The photo is larger than 10 MB. Please choose a smaller one."), code="too_large"
        )
    uploaded.seek(0)
    data = uploaded.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The photo is larger than 10 MB. Please choose a smaller one."), code="too_large"
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise not_an_image
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(
                    _("The photo has too many pixels (at most 40 megapixels)."),
                    code="too_many_pixels",
                )
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise not_an_image from None
    return image


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
    image = _open_checked(uploaded_file)
    try:
        upright = _as_rgb(ImageOps.exif_transpose(image))
    except (OSError, ValueError, SyntaxError):
        raise ValidationError(
            _("This file is not a photo. Please choose a JPEG, PNG or WebP picture."),
            code="not_an_image",
        ) from None
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
