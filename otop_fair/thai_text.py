"""The one normaliser of Thai text typed or imported: what every form, import and search uses.

Text copied from LINE, Word or a PDF carries characters nobody sees (zero-width spaces, soft
hyphens, bidi overrides) and sara am typed as two marks (nikhahit + sara aa). Left in, they make
two identical-looking names different, hide a name that is empty, and make search miss.
"""

import re
import unicodedata

# Zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen; bidi embeddings, overrides
# and isolates.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e" + (
    "\u2066\u2067\u2068\u2069"
)
_INVISIBLE_TABLE = {ord(c): None for c in INVISIBLE}
NIKHAHIT, SARA_AA, SARA_AM = "\u0e4d", "\u0e32", "\u0e33"
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
# Nikhahit, an optional tone mark, sara aa → the tone mark, then sara am (the order Thai keyboards
# and fonts expect). A tone typed after the two marks is moved in front of sara am as well.
_SPLIT_SARA_AM = re.compile(f"{NIKHAHIT}([{TONE_MARKS}]?){SARA_AA}([{TONE_MARKS}]?)")
_THAI_DIGITS = {ord("๐") + n: str(n) for n in range(10)}


def normalise_text(value: str) -> str:
    """NFC, without invisible or bidi characters, sara am composed, each mark on a letter once,
    outer whitespace stripped."""
    # Invisibles go first: one between a letter and its accent would keep them apart under NFC.
    text = unicodedata.normalize("NFC", value.translate(_INVISIBLE_TABLE))
    text = _SPLIT_SARA_AM.sub(lambda m: m.group(1) + m.group(2) + SARA_AM, text)
    # A tone typed after sara am belongs before it.
    text = re.sub(f"{SARA_AM}([{TONE_MARKS}])", lambda m: m.group(1) + SARA_AM, text)
    return _COMBINING_RUN.sub(_one_of_each_mark, text).strip()


# A letter carries at most an above or below vowel, a tone mark and a thanthakhat: a run of more
# marks is a held or slipped key (ิิิิ), and it draws a tower over the lines above it.
MAX_MARKS_ON_A_LETTER = 3
_COMBINING_RUN = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0300-\u036f]{2,}")


def _one_of_each_mark(match):
    marks = "".join(dict.fromkeys(match.group()))
    return marks[:MAX_MARKS_ON_A_LETTER]


def arabic_digits(value: str) -> str:
    """Thai digits ๐–๙ as 0–9: for codes, numbers, phones and registration numbers."""
    return value.translate(_THAI_DIGITS)


def normalise_code(value: str) -> str:
    """A code or number as stored: normalised text with Arabic digits."""
    return arabic_digits(normalise_text(value))


_PHONE_SEPARATORS = re.compile(r"[\s\-.()/]+")
# Mobile: 06/08/09 and eight more digits; landline: 02–05, 07 and seven more.
_MOBILE = re.compile(r"0[689]\d{8}")
_LANDLINE = re.compile(r"0[2-57]\d{7}")


def canonical_phone(value: str) -> str:
    """`0XXXXXXXXX` (mobile) or `0XXXXXXXX` (landline); raises ValueError for anything else.

    Accepts +66/66, spaces, dashes, dots, brackets, Thai digits, a spreadsheet's apostrophe
    and a number that lost its leading 0 (Excel stores 0812345670 as 812345670).
    """
    text = normalise_code(str(value))
    # A spreadsheet's number cell read as a float ("812345670.0"), unless the dot is a typed
    # separator before the last digit ("060000000.0" is 060 000 0000).
    if re.fullmatch(r"\d+\.0", text):
        try:
            return _canonical_digits(text.removesuffix(".0"), value)
        except ValueError:
            pass
    return _canonical_digits(text, value)


def _canonical_digits(text, value):
    digits = _PHONE_SEPARATORS.sub("", text).lstrip("'")
    if digits.startswith("+66"):
        digits = "0" + digits[3:].removeprefix("0")
    elif digits.startswith("66") and len(digits) in (10, 11):
        digits = "0" + digits[2:]
    elif digits[:1] in ("2", "3", "4", "5", "6", "7", "8", "9") and len(digits) in (8, 9):
        digits = "0" + digits
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits):
        return digits
    raise ValueError(f"not a Thai phone number: {value!r}")


# A number as people write it on a price tag or in a LINE message: grouped in thousands by commas
# or spaces (a comma elsewhere, as in 1,5, may be a decimal comma and is left for the field),
# a baht sign in front, ".-" or "-" after a price (1,500.-), a unit word after it (1500 บาท,
# 10 ชิ้น, 20 บ.). Only the number is kept; anything else is left for the field to refuse.
_WRITTEN_NUMBER = re.compile(
    r"฿?(?P<number>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|[-+]?\.\d+)"
    r"(?:\.?-)?(?:[\u0e01-\u0e4e]+\.?)?"
)
_ANY_SPACE = re.compile(r"\s+")


def plain_number(value: str) -> str:
    """`1,500.-`, `฿ 1 500`, `1500 บาท` → `1500` (after `arabic_digits`); other text unchanged."""
    match = _WRITTEN_NUMBER.fullmatch(_ANY_SPACE.sub("", value))
    if match is None:
        return value
    return match.group("number").replace(",", "")
