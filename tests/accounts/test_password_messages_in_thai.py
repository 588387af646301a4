"""Choosing a password is told in Thai: the rules under the field and every refusal of Django's
password validators (too short, too common, all digits, too like the person's own name)."""

import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LATIN_SENTENCE = re.compile(r"[A-Za-z][A-Za-z ,'’.-]{12,}")


def visible_text(response):
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return re.sub(r"<[^>]+>", " ", main)


def english_sentences(response):
    return LATIN_SENTENCE.findall(visible_text(response))


def test_the_password_rules_under_the_field_are_in_thai(client_for):
    person = UserFactory(username="somsri", role="committee")
    response = client_for(person).get("/accounts/password/")
    assert english_sentences(response) == []
    assert "อย่างน้อย 8 ตัวอักษร" in visible_text(response)


@pytest.mark.parametrize(
    ("typed", "thai"),
    [
        ("ab1", "สั้นเกินไป"),
        ("password", "ใช้กันทั่วไป"),
        ("4820175936", "ตัวเลขทั้งหมด"),
        ("somsri-somsri", "คล้าย"),
    ],
)
def test_a_refused_new_password_is_told_in_thai(client_for, typed, thai):
    person = UserFactory(username="somsri-somsri", role="committee")
    response = client_for(person).post(
        "/accounts/password/",
        {"old_password": "otop-demo", "new_password1": typed, "new_password2": typed},
    )
    assert response.status_code == 200
    assert thai in visible_text(response)
    assert english_sentences(response) == []


def test_two_different_new_passwords_are_told_in_thai(client_for):
    person = UserFactory(username="somsri", role="committee")
    response = client_for(person).post(
        "/accounts/password/",
        {"old_password": "otop-demo", "new_password1": "ตลาดนัดโอทอป2569", "new_password2": "x"},
    )
    assert "ไม่ตรงกัน" in visible_text(response)
    assert english_sentences(response) == []
