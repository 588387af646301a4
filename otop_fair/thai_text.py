"""Thai text helpers (owned by issue 12's text work; this minimal version is replaced at merge)."""

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def arabic_digits(value: str) -> str:
    """Thai digits ๐–๙ as 0–9; everything else unchanged."""
    return value.translate(THAI_DIGITS)
