"""Thai text at the edge: one place that makes typed text, digits and phone numbers canonical.

A minimal version for issue 16 with the contract's signatures; issue 12's fuller one replaces it.
"""

import re
import unicodedata

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def normalise_text(value: str) -> str:
    """NFC, invisible and bidi characters removed, sara am composed."""
    value = INVISIBLE.sub("", value)
    value = value.replace("\u0e4d\u0e32", "\u0e33")
    return unicodedata.normalize("NFC", value)


def arabic_digits(value: str) -> str:
    """Thai digits ๐–๙ become 0–9; everything else is left as it is."""
    return value.translate(THAI_DIGITS)


PHONE_SEPARATORS = re.compile(r"[\s\-().]")


def canonical_phone(value: str) -> str:
    """`0XXXXXXXXX` (mobile) or `0XXXXXXXX` (landline) from any common way of writing a number.

    Accepts +66 / 66 prefixes, spaces, dashes, brackets, dots, Thai digits and a number typed
    without its leading 0; raises ValueError for anything else.
    """
    digits = PHONE_SEPARATORS.sub("", arabic_digits(normalise_text(value or "")))
    if digits.startswith("+66"):
        digits = "0" + digits[3:]
    elif digits.startswith("66") and len(digits) in (10, 11):
        digits = "0" + digits[2:]
    elif not digits.startswith("0") and len(digits) in (8, 9):
        digits = "0" + digits
    if not (digits.isascii() and digits.isdigit() and len(digits) in (9, 10)):
        raise ValueError(value)
    if digits[0] != "0" or digits[1] == "0":
        raise ValueError(value)
    is_mobile = digits[1] in "689" and len(digits) == 10
    is_landline = digits[1] in "23457" and len(digits) == 9
    if not (is_mobile or is_landline):
        raise ValueError(value)
    return digits
