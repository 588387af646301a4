import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from otop_fair.thai import baht, reader_date, thai_date, thai_date_short, thai_sort_key


def render(source, **context):
    return Template(source).render(Context(context))


def test_long_thai_date_uses_buddhist_era_and_thai_month():
    assert thai_date(datetime.date(2026, 11, 24)) == "24 พฤศจิกายน 2569"


def test_short_thai_date_uses_two_digit_buddhist_year():
    assert thai_date_short(datetime.date(2026, 11, 24)) == "24 พ.ย. 69"
    assert thai_date_short(datetime.date(2043, 1, 5)) == "5 ม.ค. 86"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("12345.5"), "฿12,345.50"),
        (0, "฿0.00"),
        (1234567.005, "฿1,234,567.01"),
        (Decimal("-250"), "-฿250.00"),
    ],
)
def test_baht_has_symbol_and_thousands_separators(amount, expected):
    assert baht(amount) == expected


def test_filters_render_in_templates_in_thai():
    with translation.override("th"):
        html = render(
            "{{ d|thai_date }} | {{ d|thai_date_short }} | {{ x|baht }} | {{ x|baht:0 }}",
            d=datetime.date(2026, 11, 24),
            x=Decimal("12345.50"),
        )
    assert html == "24 พฤศจิกายน 2569 | 24 พ.ย. 69 | ฿12,345.50 | ฿12,346"


def test_date_filters_follow_the_english_switch():
    with translation.override("en"):
        assert render("{{ d|thai_date }}", d=datetime.date(2026, 11, 24)) == "24 Nov 2026"


def test_datetime_is_shown_in_bangkok_time():
    moment = datetime.datetime(2026, 11, 24, 20, 30, tzinfo=datetime.UTC)
    with translation.override("th"):
        assert render("{{ t|thai_datetime }}", t=moment) == "25 พ.ย. 69 03:30"


def test_empty_values_render_blank():
    assert render("[{{ d|thai_date }}][{{ x|baht }}]", d=None, x=None) == "[][]"


def test_thai_sort_key_orders_leading_vowels_by_their_consonant():
    names = ["ไก่ย่าง", "แหนม", "กล้วยตาก", "เสื่อกก", "ขนม", "โอ่ง", "น้ำพริก", "นา"]
    assert sorted(names, key=thai_sort_key) == [
        "กล้วยตาก",
        "ไก่ย่าง",
        "ขนม",
        "นา",
        "น้ำพริก",
        "เสื่อกก",
        "แหนม",
        "โอ่ง",
    ]


def test_a_date_in_a_message_is_in_the_readers_language_and_thai_without_one():
    day = datetime.date(2026, 11, 24)
    with translation.override("en"):
        assert reader_date(day) == "24 Nov 2026"
    with translation.override("th"):
        assert reader_date(day) == "24 พฤศจิกายน 2569"
    with translation.override(None):  # a job or command outside any request
        assert reader_date(day) == "24 พฤศจิกายน 2569"
