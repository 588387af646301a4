"""A group with something to show behind every public switch, each part marked so a test can find it."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from booths.models import Assignment, FairState
from otop_fair.uploads import validate_and_reencode_image
from producers import services
from producers.models import PublicProfile
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    CertificationFactory,
    FairFactory,
    ProducerGroupFactory,
    ProductFactory,
    StarRatingFactory,
    ZoneFactory,
)

# What each switch reveals, as text that appears nowhere else on a page.
STORY = "เรื่องเล่าของผ้าทอมือจากยายทวด"
STORY_EN = "Woven by hand since our great-grandmother"
PRICE = "4,321.00"
PHOTO = "/photo/0"
RATING_CERTIFICATE = "OPC-8841"
GROUP_CERTIFICATE = "มผช. 9917/2568"
CONTACT = "@baanpha-line"
# Never public, whatever the switches.
PERSONAL = ("สมศรี ใจดี", "0812345678", "99 หมู่ 4 บ้านหนองใหญ่", "line-private-id")


def jpeg_upload(size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, format="JPEG")
    return SimpleUploadedFile("p.jpg", buffer.getvalue(), content_type="image/jpeg")


def showcase_group(by):
    """A group whose every public part is filled in; its profile starts with every switch off."""
    group = ProducerGroupFactory(
        name="กลุ่มผ้าทอบ้านโชว์",
        address=PERSONAL[2],
        line_id=PERSONAL[3],
        registration_no="OTOP-SHOW-001",
    )
    product = ProductFactory(
        group=group,
        story_origin=STORY,
        story_en=STORY_EN,
        price_min=Decimal("4321"),
        price_max=Decimal("4321"),
    )
    StarRatingFactory(product=product, certificate_no=RATING_CERTIFICATE)
    CertificationFactory(group=group, number=GROUP_CERTIFICATE)
    full, thumb = validate_and_reencode_image(jpeg_upload())
    services.add_photo(product=product, image=full, thumbnail=thumb, by=by)
    profile = PublicProfile.objects.create(group=group, contact_channel=CONTACT)
    return group, product, profile


def hold_booth(group, *, code="C07", state=FairState.RUNNING):
    """The group holds booth `code` at a fair in `state`."""
    fair = FairFactory(state=state)
    booth = BoothFactory(zone=ZoneFactory(fair=fair, code="C"), code=code)
    application = ApplicationFactory(fair=fair, group=group, status="selected")
    Assignment.objects.create(fair=fair, booth=booth, application=application)
    return fair, booth, application
