"""Thai formatting that Babel and Django do not provide: Buddhist-era dates and baht amounts."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import get_language

BUDDHIST_ERA_OFFSET = 543

MONTHS_TH = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_TH_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
MONTHS_EN_SHORT = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def buddhist_year(day: datetime.date) -> int:
    return day.year + BUDDHIST_ERA_OFFSET


def thai_date(day: datetime.date) -> str:
    """24 พฤศจิกายน 2569"""
    return f"{day.day} {MONTHS_TH[day.month - 1]} {buddhist_year(day)}"


def thai_date_short(day: datetime.date) -> str:
    """24 พ.ย. 69"""
    return f"{day.day} {MONTHS_TH_SHORT[day.month - 1]} {buddhist_year(day) % 100:02d}"


def english_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS_EN_SHORT[day.month - 1]} {day.year}"


def reader_date(day: datetime.date) -> str:
    """The date in the reader's language: `24 พฤศจิกายน 2569`, or `24 Nov 2026` on English pages."""
    return english_date(day) if (get_language() or "th").startswith("en") else thai_date(day)


def baht(amount, *, decimals: int = 2) -> str:
    """฿12,345.50 — negative amounts keep their sign in front of the symbol."""
    value = Decimal(str(amount))
    quantum = Decimal(1).scaleb(-decimals)
    value = value.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    return f"{sign}฿{abs(value):,.{decimals}f}"


LEADING_VOWELS = "เแโใไ"
# Tone marks and other signs that Thai dictionaries ignore at the first level of comparison.
IGNORED_AT_FIRST_LEVEL = "่้๊๋์็ํ๎"


def thai_sort_key(name: str) -> str:
    """A key that sorts Thai names in dictionary order under a plain byte ("C") collation.

    A leading vowel (เ แ โ ใ ไ) is written before the consonant it follows in speech, so it is
    moved behind that consonant; tone marks only break ties. Thai letters are in dictionary order
    in Unicode, so comparing the keys code point by code point gives the dictionary's order.
    """
    text = name.strip().casefold()
    swapped = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in LEADING_VOWELS and i + 1 < len(text):
            swapped.append(text[i + 1])
            swapped.append(char)
            i += 2
            continue
        swapped.append(char)
        i += 1
    full = "".join(swapped)
    primary = "".join(c for c in full if c not in IGNORED_AT_FIRST_LEVEL)
    return f"{primary}\x01{full}"
