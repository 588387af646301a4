"""Sales by LINE chat: a linked producer writes "ยอด 12500" to the Official Account and the day's
figure is saved through the same idempotent service as the sales form (the LINE message id is
the key, so a redelivered message changes nothing).

`parse_sale` is pure; `answer_chat` is the receiver of the notifications package's
`line_text_received` signal and returns the Thai reply.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from booths.models import Assignment, AssignmentStatus, FairState
from otop_fair.thai import baht, thai_date
from otop_fair.thai_text import arabic_digits
from sales.services import record_daily_sales

MAX_AMOUNT = Decimal("9999999999.99")
# 12,500 or 12 500 — a figure in groups of three, not the digits of a booth code (A12 500).
GROUPED = re.compile(r"(?<![A-Za-z0-9.])\d{1,3}(?:[, ]\d{3})+(?![\d.])")
NUMBER = r"(\d+(?:\.\d{1,2})?)"
KEYWORD = r"(?:แก้ไข|แก้|ยอดขาย|ยอด|ขาย)"
ORDERS = re.compile(r"(?:สั่งจอง|ยอดจอง|จอง)\s*:?\s*" + NUMBER)
BOOTH = re.compile(r"(?:บูธ\s*)?(?<![A-Za-z0-9])([A-Za-z]{1,3}-?\d{1,4})(?![\d.])")
SALE = re.compile(r"(แก้ไข|แก้)?\s*" + KEYWORD + r"?\s*(?:ยอด|ขาย)?\s*(?:วันนี้)?\s*:?\s*" + NUMBER)


@dataclass(frozen=True)
class ChatSale:
    amount: Decimal
    orders: Decimal | None = None
    yesterday: bool = False
    correction: bool = False
    booth_code: str = ""


def _plain(text):
    """Arabic digits, no thousands separators, no "บาท", single spaces."""
    text = arabic_digits(text).replace("บาท", " ").replace("฿", " ")
    text = GROUPED.sub(lambda m: re.sub("[, ]", "", m.group(0)), text)
    return " ".join(text.split())


def parse_sale(text):
    """The sale a chat line reports, or None when it is not one (nothing is then saved)."""
    text = _plain(text)
    yesterday = "เมื่อวาน" in text
    text = " ".join(text.replace("เมื่อวานนี้", " ").replace("เมื่อวาน", " ").split())
    if not re.match(KEYWORD, text):
        return None
    orders = ORDERS.search(text)
    text = ORDERS.sub(" ", text)
    booth = BOOTH.search(text)
    text = BOOTH.sub(" ", text) if booth else text
    match = SALE.fullmatch(" ".join(text.split()))
    if match is None or not re.search(KEYWORD, text):
        return None
    amount = Decimal(match.group(2))
    orders = Decimal(orders.group(1)) if orders else None
    if amount > MAX_AMOUNT or (orders is not None and orders > MAX_AMOUNT):
        return None
    return ChatSale(
        amount=amount,
        orders=orders,
        yesterday=yesterday,
        correction=bool(match.group(1)),
        booth_code=booth.group(1).upper().replace("-", "") if booth else "",
    )


def _booths_of(user, code):
    held = Assignment.objects.filter(
        status=AssignmentStatus.ACTIVE,
        fair__state=FairState.RUNNING,
        application__group__members=user,
    ).select_related("booth", "fair")
    held = list(held)
    if code:
        held = [a for a in held if a.booth.code.upper().replace("-", "") == code]
    return held


def answer_chat(sender, *, user, text, message_id, now=None, **kwargs):
    """Save the day's figure a producer sent by chat and say what was saved; None when the text
    is not a sale (the caller then answers with an example)."""
    sale = parse_sale(text)
    if sale is None:
        return None
    now = now or timezone.now()
    held = _booths_of(user, sale.booth_code)
    if not held:
        return _("No booth of yours is open at a running fair, so nothing was saved.")
    if len(held) > 1:
        codes = ", ".join(a.booth.code for a in held)
        return _('You hold several booths (%(codes)s). Send for example: "ยอด %(code)s 12500"') % {
            "codes": codes,
            "code": held[0].booth.code,
        }
    day = timezone.localdate(now) - datetime.timedelta(days=1 if sale.yesterday else 0)
    try:
        row = record_daily_sales(
            assignment=held[0], day=day, amount=sale.amount, by=user,
            client_key=f"line:{message_id}"[:64], now=now, orders=sale.orders,
        )  # fmt: skip
    except ValidationError as error:
        if getattr(error, "code", None) == "implausible":
            # No tick to confirm with in a chat: the sales page asks for it.
            return (
                _(
                    "Not saved: %(takings)s is far more than a booth usually takes in a day. If it "
                    "is right, enter it on the sales page of the app and confirm it there."
                )
                % error.params
            )
        return _("Not saved: %(reason)s") % {"reason": " ".join(error.messages)}
    return _saved_reply(row, held[0], sale)


def _saved_reply(row, assignment, sale):
    reply = _("Saved: booth %(booth)s, %(day)s, sales %(amount)s (the day's total).") % {
        "booth": assignment.booth.code,
        "day": thai_date(row.day),
        "amount": baht(row.amount, decimals=0),
    }
    if sale.orders is not None:
        reply += " " + _("Orders taken: %(orders)s.") % {"orders": baht(row.orders, decimals=0)}
    return reply
