"""Producers upload product photos from their phone; photos are served safely to allowed users."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from producers.models import ProductPhoto
from tests.factories import ProducerGroupFactory, ProductFactory, UserFactory
from tests.producers.test_uploads import SVG_WITH_SCRIPT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def jpeg(name="tea.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (120, 160, 60)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def own_product(producer_user):
    return ProductFactory(group=ProducerGroupFactory(members=[producer_user]))


def upload(client, product, file, caption="ชาอู่หลงดอยแม่สลอง"):
    return client.post(
        reverse("producers:photo_add", args=[product.pk]), {"photo": file, "caption": caption}
    )


def test_producer_uploads_a_photo_and_sees_it_as_jpeg_with_nosniff(
    client_for, producer_user, own_product
):
    client = client_for(producer_user)
    assert upload(client, own_product, jpeg()).status_code == 302
    photo = ProductPhoto.objects.get(product=own_product)
    assert not photo.image.name.endswith("tea.jpg")
    for name in ("producers:photo_image", "producers:photo_thumbnail"):
        response = client.get(reverse(name, args=[photo.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "JPEG"


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("shell.php", b"<?php echo shell_exec($_GET['c']); ?>", "image/jpeg"),
        ("shell.jpg", b"<?php echo shell_exec($_GET['c']); ?>", "image/jpeg"),
        ("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"),
    ],
)
def test_script_files_are_refused_in_thai_and_the_caption_is_kept(
    client_for, producer_user, own_product, name, content, content_type
):
    bad = SimpleUploadedFile(name, content, content_type=content_type)
    response = upload(client_for(producer_user), own_product, bad, caption="คำบรรยายเดิม")
    assert response.status_code == 200
    text = response.content.decode()
    assert "ไฟล์นี้ไม่ใช่รูปภาพ" in text
    assert "คำบรรยายเดิม" in text
    assert not ProductPhoto.objects.exists()


def test_a_ninth_photo_is_refused(client_for, producer_user, own_product):
    client = client_for(producer_user)
    for _ in range(8):
        assert upload(client, own_product, jpeg()).status_code == 302
    response = upload(client, own_product, jpeg())
    assert "ไม่เกิน 8 รูป" in response.content.decode()
    assert own_product.photos.count() == 8


def test_another_producer_cannot_add_or_see_the_photos(client_for, producer_user, own_product):
    client_for(producer_user)
    upload(client_for(producer_user), own_product, jpeg())
    photo = ProductPhoto.objects.get()
    stranger = UserFactory(role="producer", username="stranger")
    client = client_for(stranger)
    assert upload(client, own_product, jpeg()).status_code == 403
    assert client.get(reverse("producers:photo_image", args=[photo.pk])).status_code == 403
    delete = reverse("producers:photo_delete", args=[photo.pk])
    assert client.post(delete, {"confirmed": "1"}).status_code == 403


def test_producer_removes_a_photo_after_confirming(client_for, producer_user, own_product):
    client = client_for(producer_user)
    upload(client, own_product, jpeg())
    photo = ProductPhoto.objects.get()
    delete = reverse("producers:photo_delete", args=[photo.pk])
    asked = client.post(delete)
    assert asked.status_code == 200 and "ลบรูปนี้" in asked.content.decode()
    assert ProductPhoto.objects.exists()
    assert client.post(delete, {"confirmed": "1"}).status_code == 302
    assert not ProductPhoto.objects.exists()


def test_producer_writes_the_product_story(client_for, producer_user, own_product):
    response = client_for(producer_user).post(
        reverse("producers:product_edit", args=[own_product.pk]),
        {
            "name": own_product.name,
            "category": own_product.category,
            "story_origin": "ทอกันมาตั้งแต่สมัยย่ายาย",
            "story_wisdom": "มัดหมี่ด้วยเชือกกล้วย",
            "story_materials": "ไหมพื้นบ้านเลี้ยงเอง",
            "story_people": "แม่บ้าน 25 คน",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    page = client_for(producer_user).get(response["Location"]).content.decode()
    assert "มัดหมี่ด้วยเชือกกล้วย" in page


def test_a_ninth_photo_is_refused_by_count_before_it_is_opened(
    producer_user, client_for, own_product
):
    client = client_for(producer_user)
    for n in range(8):
        assert upload(client, own_product, jpeg(f"p{n}.jpg")).status_code == 302
    # The ninth is far too large: were it opened, the pixel refusal would come first.
    buffer = io.BytesIO()
    Image.new("1", (6300, 6300)).save(buffer, format="PNG")
    bomb = SimpleUploadedFile("ninth.png", buffer.getvalue(), content_type="image/png")
    response = upload(client, own_product, bomb)
    assert response.status_code == 200
    assert [e.code for e in response.context["photo_form"].errors.as_data()["photo"]] == [
        "too_many_photos"
    ]
    assert own_product.photos.count() == 8
