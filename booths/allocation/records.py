"""What the allocation takes and returns: applicants, booths, rules and the result."""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field

ALGORITHM_VERSION = "2.0"

PROVINCE_CAP = "province_cap"
CATEGORY_MAX = "category_max"
BOOTHS_FULL = "booths_full"
CATEGORY_MIN = "category_min"
QUOTA_FULL = "quota_full"

# What happens to quota a province cannot fill at a national fair (see `national`).
SAME_CATEGORY = "same_category"
TO_WAITLIST = "waitlist"
KEEP_EMPTY = "keep_empty"
RELEASE_RULES = (SAME_CATEGORY, TO_WAITLIST, KEEP_EMPTY)


@dataclass(frozen=True)
class Applicant:
    id: Hashable
    score: float
    categories: frozenset[str]
    province: str
    preferences: tuple[str, ...] = ()
    needs_electricity: bool = False
    wants_corner: bool = False
    zones: frozenset[str] | None = None
    """The zones whose own rules the applicant meets; None when every zone takes them."""

    def __post_init__(self):
        # A wish named twice is one wish: it keeps its first place, and choice ranks count wishes.
        object.__setattr__(self, "preferences", tuple(dict.fromkeys(self.preferences)))
        if self.zones is not None:  # compared and hashed: one kind of set whatever was given
            object.__setattr__(self, "zones", frozenset(self.zones))

    @property
    def primary_category(self) -> str:
        return min(self.categories) if self.categories else ""


@dataclass(frozen=True)
class BoothSpec:
    id: Hashable
    code: str
    zone: str
    booth_type: str = ""
    allowed_categories: frozenset[str] = frozenset()
    has_electricity: bool = False
    is_corner: bool = False

    def accepts(self, applicant: Applicant) -> bool:
        categories_ok = (
            not self.allowed_categories or applicant.categories <= self.allowed_categories
        )
        zone_ok = applicant.zones is None or self.zone in applicant.zones
        power_ok = self.has_electricity or not applicant.needs_electricity
        return categories_ok and zone_ok and power_ok


@dataclass(frozen=True)
class Rules:
    province_caps: Mapping[str, int] = field(default_factory=dict)
    category_min: Mapping[str, int] = field(default_factory=dict)
    category_max: Mapping[str, int] = field(default_factory=dict)


@dataclass
class AllocationResult:
    seated: dict[Hashable, Hashable]
    choice_rank: dict[Hashable, int | None]
    waitlist: list[Hashable]
    unplaceable: list[Hashable]
    order: list[Hashable]
    explanations: dict[Hashable, str]
    reasons: dict[Hashable, str] = field(default_factory=dict)
    algorithm_version: str = ALGORITHM_VERSION


def natural_key(code: str) -> tuple:
    """ "A2" sorts before "A10"; any text has a key. Runs of decimal digits (of any script, such as
    Thai ๑๐) compare as numbers; other digit-like characters (superscripts) compare as text."""
    return tuple((0, int(p), p) if p.isdecimal() else (1, 0, p) for p in re.split(r"(\d+)", code))


def choice_rank_of(applicant: Applicant, booth: BoothSpec) -> int | None:
    """1-based position of the first preference naming the booth's zone or type."""
    for index, wish in enumerate(applicant.preferences, start=1):
        if wish in (booth.zone, booth.booth_type):
            return index
    return None
