"""Hypothesis strategies for Thai text as people paste and type it: clean values, and the same
values with invisible and bidi characters inserted, sara am typed as two marks, Thai digits."""

import unicodedata

from hypothesis import strategies as st

from otop_fair.thai_text import INVISIBLE

SYLLABLES = ["น้ำ", "พริก", "กลุ่ม", "ผ้า", "ไหม", "ทอง", "คำ", "ชุมชน", "ตำบล", "ข้าว", "ก่ำ"]
SYLLABLES += ["จักสาน", "ลำไย", "ซ้ำ", "ป้า", "ศรี", "café", "OTOP", "ร่ม"]
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
TONES = "่้๊๋"

words = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=5).map("".join)
clean_names = st.lists(words, min_size=1, max_size=3).map(" ".join)
clean_codes = st.tuples(
    st.sampled_from(["OTOP-", "A", "ZN", "50-"]), st.integers(0, 10**6).map(str)
).map("".join)


def _split_sara_am(text, draw):
    """ำ as nikhahit + sara aa, a tone mark before it typed in any of the orders people use."""
    out = []
    for char in text:
        if char == "ำ" and draw(st.booleans()):
            tone = out.pop() if out and out[-1] in TONES else ""
            out.append(draw(st.sampled_from([f"ํ{tone}า", f"{tone}ํา", f"ํา{tone}", f"ำ{tone}"])))
        else:
            out.append(char)
    return "".join(out)


@st.composite
def polluted(draw, clean, *, digits=False):
    """`clean` as it may arrive: invisibles and bidi controls anywhere, decomposed letters,
    split sara am, Thai digits (when `digits`), spaces around."""
    text = _split_sara_am(unicodedata.normalize("NFD", clean), draw)
    if digits:
        text = "".join(
            THAI_DIGITS[int(c)] if c.isdigit() and draw(st.booleans()) else c for c in text
        )
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(INVISIBLE)) + text[at:]
    return draw(st.sampled_from(["", " ", "\u200b "])) + text + draw(st.sampled_from(["", " "]))


invisible_only = st.text(st.sampled_from(INVISIBLE + " "), min_size=1, max_size=8)
# (a Thai phone number, any spelling of it)
MOBILE_PREFIXES = ["06", "08", "09"]
LANDLINE_PREFIXES = ["02", "03", "04", "05", "07"]
canonical_phones = st.one_of(
    st.tuples(st.sampled_from(MOBILE_PREFIXES), st.text("0123456789", min_size=8, max_size=8)),
    st.tuples(st.sampled_from(LANDLINE_PREFIXES), st.text("0123456789", min_size=7, max_size=7)),
).map("".join)


@st.composite
def phone_spellings(draw, phone):
    """`phone` (0XXXXXXXX…) with +66/66 or without its 0, separators, Thai digits, an apostrophe."""
    digits = phone[1:]
    head = draw(st.sampled_from(["0", "+66", "+66 ", "66", "", "+66 (0)"]))
    text = ""
    for char in digits:
        text += draw(st.sampled_from(["", "", " ", "-", "."])) + char
    text = head + text
    text = "".join(THAI_DIGITS[int(c)] if c.isdigit() and draw(st.booleans()) else c for c in text)
    return draw(st.sampled_from(["", "'", " "])) + text
