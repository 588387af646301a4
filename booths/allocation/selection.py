"""The ranking, selection and booth-choice steps of the allocation, on booth classes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from booths.allocation.matching import ClassMatching
from booths.allocation.records import (
    BOOTHS_FULL,
    CATEGORY_MAX,
    PROVINCE_CAP,
    Applicant,
    BoothSpec,
    Rules,
    choice_rank_of,
    natural_key,
)


def lottery_order(applicants: Sequence[Applicant], seed: int) -> list[Applicant]:
    """Best score first; scores equal to six decimals are ordered by a hash of (seed, id), which
    is the same on every run and machine."""

    def draw(a: Applicant) -> str:
        return hashlib.sha256(f"{seed}\x1f{a.id!r}".encode()).hexdigest()

    return sorted(applicants, key=lambda a: (-round(a.score, 6), draw(a), repr(a.id)))


def _class_key(b: BoothSpec) -> tuple:
    return (b.zone, b.booth_type, b.allowed_categories, b.has_electricity, b.is_corner)


@dataclass
class Instance:
    """Applicants in rank order, booth classes, compatibility types and the matching state."""

    ranked: list[Applicant]
    booths: list[BoothSpec]
    rules: Rules
    classes: list[list[BoothSpec]] = field(default_factory=list)
    type_of: list[int] = field(default_factory=list)
    compatible: list[list[int]] = field(default_factory=list)

    def __post_init__(self):
        grouped: dict[tuple, list[BoothSpec]] = {}
        for booth in sorted(self.booths, key=lambda b: (natural_key(b.code), repr(b.id))):
            grouped.setdefault(_class_key(booth), []).append(booth)
        self.classes = list(grouped.values())
        type_index: dict[tuple, int] = {}
        for applicant in self.ranked:
            key = (applicant.categories, applicant.needs_electricity)
            if key not in type_index:
                type_index[key] = len(self.compatible)
                self.compatible.append(
                    [x for x, cls in enumerate(self.classes) if cls[0].accepts(applicant)]
                )
            self.type_of.append(type_index[key])
        self.matching = ClassMatching([len(c) for c in self.classes], self.compatible)

    def preference_groups(self, i: int) -> list[list[int]]:
        """Compatible classes grouped by the applicant's liking, most liked group first."""
        applicant = self.ranked[i]
        missing = len(applicant.preferences) + 1
        keyed: dict[tuple, list[int]] = {}
        for x in self.compatible[self.type_of[i]]:
            booth = self.classes[x][0]
            rank = choice_rank_of(applicant, booth) or missing
            key = (rank, applicant.wants_corner and not booth.is_corner, booth.is_corner)
            keyed.setdefault(key, []).append(x)
        return [keyed[key] for key in sorted(keyed)]


def _cap_blocker(applicant: Applicant, rules: Rules, province_count, category_count) -> str | None:
    cap = rules.province_caps.get(applicant.province)
    if cap is not None and province_count.get(applicant.province, 0) >= cap:
        return PROVINCE_CAP
    cap = rules.category_max.get(applicant.primary_category)
    if cap is not None and category_count.get(applicant.primary_category, 0) >= cap:
        return CATEGORY_MAX
    return None


def select_applicants(inst: Instance) -> tuple[list[int], dict[int, str], set[int]]:
    """Reserve category minimums, then seat in rank order while everyone stays matchable."""
    rules, matching = inst.rules, inst.matching
    province_count: dict[str, int] = {}
    category_count: dict[str, int] = {}
    selected: set[int] = set()
    reserved: set[int] = set()
    blocked: dict[int, str] = {}

    def consider(i: int) -> bool:
        applicant = inst.ranked[i]
        reason = _cap_blocker(applicant, rules, province_count, category_count)
        if reason is None and not matching.try_add(i, inst.type_of[i]):
            reason = BOOTHS_FULL
        if reason is not None:
            blocked[i] = reason
            return False
        selected.add(i)
        blocked.pop(i, None)
        province_count[applicant.province] = province_count.get(applicant.province, 0) + 1
        category = applicant.primary_category
        category_count[category] = category_count.get(category, 0) + 1
        return True

    for i, applicant in enumerate(inst.ranked if rules.category_min else ()):
        category = applicant.primary_category
        if category_count.get(category, 0) < rules.category_min.get(category, 0) and consider(i):
            reserved.add(i)
    for i in range(len(inst.ranked)):
        if i not in selected and inst.compatible[inst.type_of[i]]:
            consider(i)
    return sorted(selected), blocked, reserved


def choose_booths(inst: Instance, selected: list[int]) -> dict[int, int]:
    """Serial choice in rank order: each applicant takes the best group of equally liked classes
    that keeps everyone after them seated. They stay movable inside that group, so an applicant
    who does not mind which of several classes they get never blocks a later applicant who does."""
    matching = inst.matching
    matching.dead.clear()
    restricted: dict[tuple[int, ...], int] = {}
    for i in selected:
        matching.release(i, inst.type_of[i])
        for group in inst.preference_groups(i):
            x = matching.claim(group)
            if x is not None:
                key = tuple(group)
                if key not in restricted:
                    restricted[key] = len(matching.compatible)
                    matching.compatible.append(list(group))
                matching.seat(i, restricted[key], x)
                break
    return {i: matching.where[i] for i in selected}
