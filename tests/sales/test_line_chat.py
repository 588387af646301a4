"""Sales by LINE chat: the parser reads the ways producers write a figure, refuses the rest, and
the reply says what was saved through the same service as the form."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from sales.line_chat import answer_chat, parse_sale
from sales.models import DailySales
from tests.factories import AssignmentFactory

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

PHRASINGS = [
    ("ยอด 12500", 12500, None, False),
    ("ยอด12500", 12500, None, False),
    ("ยอด 12,500", 12500, None, False),
    ("ยอด 12 500", 12500, None, False),
    ("ยอด ๑๒๕๐๐", 12500, None, False),
    ("ยอด ๑๒,๕๐๐ บาท", 12500, None, False),
    ("ยอดขาย 12500 บาท", 12500, None, False),
    ("ยอดขายวันนี้ 8,000", 8000, None, False),
    ("ยอด: 4,500", 4500, None, False),
    ("ขาย 12,500 สั่งจอง 3000", 12500, 3000, False),
    ("ขาย ๑๒,๕๐๐ จอง ๓,๐๐๐", 12500, 3000, False),
    ("ขาย 700 ยอดจอง 1,200", 700, 1200, False),
    ("เมื่อวาน ยอด 9000", 9000, None, True),
    ("ยอด 9000 เมื่อวาน", 9000, None, True),
    ("ยอดเมื่อวานนี้ 9,000", 9000, None, True),
    ("แก้ 11000", 11000, None, False),
    ("แก้ยอด 11,000", 11000, None, False),
    ("แก้ไข ๑๑๐๐๐", 11000, None, False),
    ("  ยอด   12500.50  ", Decimal("12500.50"), None, False),
    ("ยอด 0", 0, None, False),
]

NONSENSE = [
    "สวัสดีครับ",
    "ยอด",
    "ยอด abc",
    "ยอด -500",
    "ยอด 1e5",
    "ยอด 12500 13000",
    "12500",
    "hello 12500",
    "ยอด 99999999999999",
    "ยอด 12.345",
    "ขาย 100 จอง 99999999999999",
    "",
]


@pytest.mark.parametrize(("text", "amount", "orders", "yesterday"), PHRASINGS)
def test_a_chat_sale_is_read_in_every_common_phrasing(text, amount, orders, yesterday):
    sale = parse_sale(text)
    assert sale is not None
    assert sale.amount == Decimal(amount)
    assert sale.orders == (Decimal(orders) if orders is not None else None)
    assert sale.yesterday == yesterday


@pytest.mark.parametrize("text", NONSENSE)
def test_anything_else_is_not_a_sale(text):
    assert parse_sale(text) is None


@given(
    amount=st.integers(min_value=0, max_value=10**9),
    commas=st.booleans(),
    thai=st.booleans(),
    word=st.sampled_from(["ยอด", "ขาย", "ยอดขาย", "แก้"]),
    gap=st.sampled_from(["", " ", "  "]),
)
def test_any_amount_written_any_way_reads_back_the_same(amount, commas, thai, word, gap):
    figure = f"{amount:,}" if commas else str(amount)
    figure = figure.translate(THAI) if thai else figure
    sale = parse_sale(f"{word}{gap}{figure}")
    assert sale is not None and sale.amount == amount


@pytest.mark.django_db
def test_a_chat_sale_is_saved_once_and_the_reply_says_what(holding, producer_user):
    reply = answer_chat(None, user=producer_user, text="ขาย 12,500 สั่งจอง 3000", message_id="m1")
    row = DailySales.objects.get()
    assert (row.amount, row.orders, row.total) == (12500, 3000, 15500)
    assert row.day == timezone.localdate()
    assert "12,500" in reply and "3,000" in reply and holding.booth.code in reply
    again = answer_chat(None, user=producer_user, text="ขาย 12,500", message_id="m1")
    assert DailySales.objects.count() == 1 and "12,500" in again


@pytest.mark.django_db
def test_chat_orders_set_the_days_orders_and_a_figure_without_orders_keeps_them(
    holding, producer_user
):
    answer_chat(None, user=producer_user, text="ขาย 500 จอง 1,200", message_id="m1")
    answer_chat(None, user=producer_user, text="แก้ ขาย 700 จอง 900", message_id="m2")
    assert DailySales.objects.get().orders == 900
    answer_chat(None, user=producer_user, text="แก้ 800", message_id="m3")
    row = DailySales.objects.get()
    assert (row.amount, row.orders) == (800, 900)


@given(orders=st.integers(min_value=0, max_value=10**9), thai=st.booleans())
def test_orders_written_any_way_read_back_the_same(orders, thai):
    figure = f"{orders:,}".translate(THAI) if thai else f"{orders:,}"
    sale = parse_sale(f"ขาย 100 สั่งจอง {figure}")
    assert sale is not None and sale.orders == orders


@pytest.mark.django_db
def test_a_figure_sets_the_day_it_never_adds(holding, producer_user):
    answer_chat(None, user=producer_user, text="ยอด 12500", message_id="m1")
    answer_chat(None, user=producer_user, text="แก้ 11000", message_id="m2")
    assert DailySales.objects.get().amount == 11000


@pytest.mark.django_db
def test_yesterday_is_saved_on_yesterday_before_the_cutoff(holding, producer_user, time_machine):
    morning = datetime.datetime.combine(timezone.localdate(), datetime.time(9, 0))
    time_machine.move_to(timezone.make_aware(morning))
    reply = answer_chat(None, user=producer_user, text="เมื่อวาน ยอด 9000", message_id="m1")
    assert DailySales.objects.exists(), reply
    assert DailySales.objects.get().day == timezone.localdate() - datetime.timedelta(days=1)


@pytest.mark.django_db
def test_past_the_cutoff_nothing_is_saved_and_the_reply_says_why(holding, producer_user):
    # Tomorrow afternoon "yesterday" is today, whose cut-off (next day, 12:00 local) has passed;
    # a fixed local hour, so the test does not depend on when it runs.
    today = timezone.localdate()
    later = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(15, 0))
    later = timezone.make_aware(later)
    day = today
    reply = answer_chat(None, user=producer_user, text="เมื่อวาน ยอด 9000", message_id="m", now=later)
    assert not DailySales.objects.filter(day=day).exists()
    assert reply.startswith("ไม่ได้บันทึก")


@pytest.mark.django_db
def test_with_two_booths_it_asks_which(holding, producer_user):
    other = AssignmentFactory(booth__zone__fair=holding.fair, members=[producer_user])
    reply = answer_chat(None, user=producer_user, text="ยอด 500", message_id="m1")
    assert not DailySales.objects.exists()
    assert holding.booth.code in reply and other.booth.code in reply
    answer_chat(None, user=producer_user, text=f"ยอด {other.booth.code} 500", message_id="m2")
    assert DailySales.objects.get().assignment == other


@pytest.mark.django_db
def test_without_a_booth_nothing_is_saved(producer_user):
    reply = answer_chat(None, user=producer_user, text="ยอด 500", message_id="m1")
    assert reply and not DailySales.objects.exists()
