"""Groups are listed in Thai dictionary order: a leading vowel does not decide the order."""

import re

import pytest
from django.urls import reverse

from tests.factories import ProducerGroupFactory, officer_of

pytestmark = pytest.mark.django_db

# Real OTOP group names, in the order a Thai dictionary puts them.
DICTIONARY_ORDER = [
    "กลุ่มกล้วยตากบางกระทุ่ม",
    "กลุ่มทอผ้าบ้านดอนหลวง",
    "ไก่ย่างวิเชียรบุรี",
    "ขนมไทยแม่บุญมี",
    "เครื่องจักสานบ้านหนองบัว",
    "แคบหมูแม่ฉวี",
    "โคมไฟกระดาษสาบ่อสร้าง",
    "ผ้าไหมมัดหมี่ชนบท",
    "เฝือกไม้ไผ่บ้านเขว้า",
    "แหนมหมูลุงเปี๊ยก",
    "ไหมไทยสุรินทร์",
]


def test_officer_list_sorts_real_names_in_dictionary_order(client_for):
    officer = officer_of("50")
    for name in reversed(DICTIONARY_ORDER):
        ProducerGroupFactory(name=name, province_code="50")
    content = client_for(officer).get(reverse("producers:group_list")).content.decode()
    shown = [n for n in re.findall(r'class="fw-semibold">([^<]+)</a>', content)]
    assert shown == DICTIONARY_ORDER


def test_reverse_sort_is_the_exact_reverse(client_for):
    officer = officer_of("50")
    for name in DICTIONARY_ORDER:
        ProducerGroupFactory(name=name, province_code="50")
    content = (
        client_for(officer).get(reverse("producers:group_list"), {"sort": "-name"}).content.decode()
    )
    shown = re.findall(r'class="fw-semibold">([^<]+)</a>', content)
    assert shown == list(reversed(DICTIONARY_ORDER))
