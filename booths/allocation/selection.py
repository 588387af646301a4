"""The ranking, selection and booth-choice steps of the allocation, on booth classes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from booths.allocation.matching import ClassMatching
from booths.allocation.minimums import Witness
from booths.allocation.records import (
    BOOTHS_FULL,
    CATEGORY_MAX,
    CATEGORY_MIN,
    PROVINCE_CAP,
    Applicant,
    BoothSpec,
    Rules,
    choice_rank_of,
    natural_key,
)
from booths.scoring import shown_total


def lottery_order(applicants: Sequence[Applicant], seed: int) -> list[Applicant]:
    """Best score first, scores compared at the precision the committee sees (`shown_total`);
    equal scores are ordered by a hash of (seed, id), which is the same on every run and machine."""

    return sorted(
        applicants, key=lambda a: (-shown_total(a.score), lottery_draw(seed, a), repr(a.id))
    )


def lottery_draw(seed: int, applicant: Applicant) -> str:
    """The applicant's lottery ticket for the fair's seed: a hash of (seed, id)."""
    return hashlib.sha256(f"{seed}\x1f{applicant.id!r}".encode()).hexdigest()


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
    primary: list[str] = field(default_factory=list)

    def __post_init__(self):
        grouped: dict[tuple, list[BoothSpec]] = {}
        for booth in sorted(self.booths, key=lambda b: (natural_key(b.code), repr(b.id))):
            grouped.setdefault(_class_key(booth), []).append(booth)
        self.classes = list(grouped.values())
        type_index: dict[tuple, int] = {}
        for applicant in self.ranked:
            key = (applicant.categories, applicant.needs_electricity, applicant.zones)
            if key not in type_index:
                type_index[key] = len(self.compatible)
                self.compatible.append(
                    [x for x, cls in enumerate(self.classes) if cls[0].accepts(applicant)]
                )
            self.type_of.append(type_index[key])
        self.primary = [a.primary_category for a in self.ranked]
        self.matching = self.new_matching()

    def placeable(self, i: int) -> bool:
        return bool(self.compatible[self.type_of[i]])

    def new_matching(self) -> ClassMatching:
        return ClassMatching([len(c) for c in self.classes], [list(x) for x in self.compatible])

    def cap_blocker(self, i: int, provinces, categories) -> str | None:
        """Which cap (if any) seating applicant i would break, given the counts so far."""
        province, category = self.ranked[i].province, self.primary[i]
        cap = self.rules.province_caps.get(province)
        if cap is not None and provinces.get(province, 0) >= cap:
            return PROVINCE_CAP
        cap = self.rules.category_max.get(category)
        if cap is not None and categories.get(category, 0) >= cap:
            return CATEGORY_MAX
        return None

    def count_in(self, i: int, provinces, categories) -> None:
        province, category = self.ranked[i].province, self.primary[i]
        provinces[province] = provinces.get(province, 0) + 1
        categories[category] = categories.get(category, 0) + 1

    def cap_counts(self, members) -> tuple[dict[str, int], dict[str, int]]:
        provinces: dict[str, int] = {}
        categories: dict[str, int] = {}
        for i in members:
            self.count_in(i, provinces, categories)
        return provinces, categories

    def feasible(self, members) -> bool:
        """Whether these applicants can all be seated together within the caps."""
        provinces, categories = self.cap_counts(members)
        caps = self.rules
        if any(provinces.get(p, 0) > cap for p, cap in caps.province_caps.items()):
            return False
        if any(categories.get(c, 0) > cap for c, cap in caps.category_max.items()):
            return False
        matching = self.new_matching()
        return all(matching.try_add(i, self.type_of[i]) for i in members)

    def preference_groups(self, i: int) -> list[list[int]]:
        """Compatible classes grouped by the applicant's liking, most liked group first."""
        applicant = self.ranked[i]
        missing = len(applicant.preferences) + 1
        keyed: dict[tuple, list[int]] = {}
        for x in self.compatible[self.type_of[i]]:
            booth = self.classes[x][0]
            rank = choice_rank_of(applicant, booth) or missing
            # Not asking for a corner is no wish against one: such an applicant likes corner and
            # plain booths alike, and so stays movable for someone who did ask (see choose_booths).
            key = (rank, applicant.wants_corner and not booth.is_corner)
            keyed.setdefault(key, []).append(x)
        return [keyed[key] for key in sorted(keyed)]


def select_applicants(inst: Instance) -> tuple[list[int], dict[int, str]]:
    """Go down the ranking and seat each applicant who fits the caps and the booths together with
    everyone seated above them, unless that would leave fewer minimum seats filled than the rules
    allow (see `minimums`). Everyone above a waiting applicant is therefore ranked above them."""
    matching = inst.matching
    counts = inst.cap_counts(())
    witness = Witness(inst) if any(inst.rules.category_min.values()) else None
    selected: list[int] = []
    blocked: dict[int, str] = {}
    for i in range(len(inst.ranked)):
        t = inst.type_of[i]
        if not inst.compatible[t]:
            continue
        reason = inst.cap_blocker(i, *counts)
        if reason is None and not matching.try_add(i, t):
            reason = BOOTHS_FULL
        if reason is None and witness is not None and not witness.admits(i, selected, counts[1]):
            matching.release(i, t)
            reason = CATEGORY_MIN
        if reason is not None:
            blocked[i] = reason
            continue
        selected.append(i)
        inst.count_in(i, *counts)
    return selected, blocked


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
