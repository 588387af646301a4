"""Booth allocation: as many booths filled as the rules allow, in priority order, explained in Thai.

Pure Python with no Django imports. The steps (see `allocate`):

1. Rank applicants by score; equal scores are ordered by a lottery drawn from the seed.
2. Reserve: for each category with a minimum, seat its best-ranked applicants (still in rank order)
   until the minimum is met, as far as booths and caps allow.
3. Select: go down the ranking and seat each applicant if everyone already selected plus them can
   still be given compatible booths within the caps (an augmenting-path check).
4. Choose: the selected applicants pick booths in rank order; each takes the most preferred booth
   that still leaves a compatible booth for everyone selected after them.

Booths that every applicant sees alike (same zone, type, categories, electricity and corner) form
one class with a capacity, so the matching graph is applicants x classes rather than x booths.
An applicant's caps category is their primary category: the first of their categories in sorted
order. Without caps the number seated is the maximum possible; with caps, priority wins where the
two conflict (seating a higher-ranked applicant can block two lower-ranked ones), and no waiting
applicant could be added to the seated ones without breaking a rule.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

ALGORITHM_VERSION = "1.0"

PROVINCE_CAP = "province_cap"
CATEGORY_MAX = "category_max"
BOOTHS_FULL = "booths_full"


@dataclass(frozen=True)
class Applicant:
    id: Hashable
    score: float
    categories: frozenset[str]
    province: str
    preferences: tuple[str, ...] = ()
    needs_electricity: bool = False
    wants_corner: bool = False

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
        return categories_ok and (self.has_electricity or not applicant.needs_electricity)


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
    """ "A2" sorts before "A10"."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", code))


def lottery_order(applicants: Sequence[Applicant], seed: int) -> list[Applicant]:
    """Best score first; scores equal to six decimals are ordered by a hash of (seed, id), which
    is the same on every run and machine."""

    def draw(a: Applicant) -> str:
        return hashlib.sha256(f"{seed}\x1f{a.id!r}".encode()).hexdigest()

    return sorted(applicants, key=lambda a: (-round(a.score, 6), draw(a), repr(a.id)))


def choice_rank_of(applicant: Applicant, booth: BoothSpec) -> int | None:
    """1-based position of the first preference naming the booth's zone or type."""
    for index, wish in enumerate(applicant.preferences, start=1):
        if wish in (booth.zone, booth.booth_type):
            return index
    return None


def _class_key(b: BoothSpec) -> tuple:
    return (b.zone, b.booth_type, b.allowed_categories, b.has_electricity, b.is_corner)


class _ClassMatching:
    """A matching of selected applicants into booth classes, extended by augmenting paths.

    `members[x][t]` holds the movable applicants of compatibility type t sitting in class x (a dict
    used as an ordered set, so moves are deterministic). Applicants of one type accept exactly the
    same classes, so a breadth-first search over classes expands each type at most once.
    """

    def __init__(self, capacities: list[int], compatible: list[list[int]]):
        self.capacity = capacities
        self.used = [0] * len(capacities)
        self.compatible = compatible
        self.members: list[dict[int, dict[int, None]]] = [{} for _ in capacities]
        self.where: dict[int, int] = {}
        self.dead: set[int] = set()
        self.dead_candidates: dict[int, object] = {}

    def _has_room(self, x: int) -> bool:
        return self.used[x] < self.capacity[x]

    def find_path(self, starts: Sequence[int]) -> list[tuple[int, int, int]] | None:
        """Moves (type, from, to) that free a seat in one of `starts`, ending with (-1, start, start)
        for the start class to sit in; None when no such chain of moves exists."""
        parent: dict[int, tuple[int, int] | None] = {}
        for x in starts:
            if x in self.dead or x in parent:
                continue
            if self._has_room(x):
                return [(-1, x, x)]
            parent[x] = None
        queue, expanded = deque(parent), set()
        while queue:
            x = queue.popleft()
            for t in list(self.members[x]):
                if t in expanded:
                    continue
                expanded.add(t)
                for y in self.compatible[t]:
                    if y in parent or y in self.dead:
                        continue
                    parent[y] = (x, t)
                    if self._has_room(y):
                        return self._trace(parent, y)
                    queue.append(y)
        self.dead_candidates = parent
        return None

    @staticmethod
    def _trace(parent, y) -> list[tuple[int, int, int]]:
        moves = []
        while parent[y] is not None:
            x, t = parent[y]
            moves.append((t, x, y))
            y = x
        moves.append((-1, y, y))
        return moves

    def apply(self, moves: list[tuple[int, int, int]]) -> int:
        """Shift one applicant along each move and return the class whose seat was freed."""
        for t, x, y in moves[:-1]:
            bucket = self.members[x][t]
            i, _ = bucket.popitem()
            if not bucket:
                del self.members[x][t]
            self.members[y].setdefault(t, {})[i] = None
            self.where[i] = y
        start = moves[-1][1]
        self.used[moves[0][2]] += 1
        return start

    def seat(self, i: int, t: int, x: int) -> None:
        self.members[x].setdefault(t, {})[i] = None
        self.where[i] = x

    def try_add(self, i: int, t: int) -> bool:
        moves = self.find_path(self.compatible[t])
        if moves is None:
            self.dead.update(self.dead_candidates)
            return False
        self.seat(i, t, self.apply(moves))
        return True

    def release(self, i: int, t: int) -> None:
        """Take i out of the movable set and free its seat (it is about to choose again)."""
        x = self.where.pop(i)
        bucket = self.members[x][t]
        del bucket[i]
        if not bucket:
            del self.members[x][t]
        self.used[x] -= 1

    def claim(self, starts: Sequence[int]) -> int | None:
        """Fix a seat in one of `starts` if the other selected applicants can still be seated."""
        moves = self.find_path(starts)
        if moves is None:
            return None
        return self.apply(moves)


@dataclass
class _Instance:
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
        self.matching = _ClassMatching([len(c) for c in self.classes], self.compatible)

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


def _select(inst: _Instance) -> tuple[list[int], dict[int, str], set[int]]:
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


def _choose(inst: _Instance, selected: list[int]) -> dict[int, int]:
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


def _label(wish: str, zones: set[str]) -> str:
    return f"โซน {wish}" if wish in zones else f"บูธประเภท {wish}"


class _Explainer:
    """Plain Thai sentences saying why each applicant got what they got."""

    def __init__(self, inst: _Instance, chosen: dict[int, int], labels: Mapping[str, str]):
        self.inst, self.chosen, self.labels = inst, chosen, labels
        self.zones = {b.zone for b in inst.booths}
        self.last_holder = {}
        for i, x in chosen.items():
            self.last_holder[x] = max(self.last_holder.get(x, -1), i)
        self.taken = {}
        for x in chosen.values():
            self.taken[x] = self.taken.get(x, 0) + 1

    def _wish_reason(self, i: int, wish: str) -> str:
        inst = self.inst
        wanted = [
            x
            for x in inst.compatible[inst.type_of[i]]
            if wish in (inst.classes[x][0].zone, inst.classes[x][0].booth_type)
        ]
        if not wanted:
            return "ไม่มีบูธที่รับสินค้าของท่าน" + self._power(i)
        if all(
            self.taken.get(x, 0) == len(inst.classes[x]) and self.last_holder[x] < i for x in wanted
        ):
            return "เต็มด้วยผู้สมัครที่คะแนนสูงกว่า"
        return "ต้องเว้นไว้ให้ผู้ได้รับคัดเลือกรายอื่นที่ใช้บูธอื่นไม่ได้"

    def _power(self, i: int) -> str:
        return "และมีไฟฟ้า" if self.inst.ranked[i].needs_electricity else ""

    def why_not_better(self, i: int, rank: int | None) -> str:
        applicant = self.inst.ranked[i]
        wishes = applicant.preferences if rank is None else applicant.preferences[: rank - 1]
        by_reason: dict[str, list[str]] = {}
        for wish in wishes:
            label = _label(wish, self.zones)
            by_reason.setdefault(self._wish_reason(i, wish), []).append(label)
        return " และ".join(
            f"{' และ'.join(labels)} {reason}" for reason, labels in by_reason.items()
        )

    def seated(self, i: int, code: str, rank: int | None) -> str:
        if not self.inst.ranked[i].preferences:
            return f"ได้บูธ {code} (ไม่ได้ระบุตัวเลือก)"
        if rank == 1:
            return f"ได้บูธ {code} (ตัวเลือกที่ 1) ตามที่ขอเป็นอันดับแรก"
        where = "นอกตัวเลือกที่ขอ" if rank is None else f"ตัวเลือกที่ {rank}"
        return f"ได้บูธ {code} ({where}) เพราะ{self.why_not_better(i, rank)}"

    def waiting(self, i: int, position: int, reason: str, reserved_below: bool) -> str:
        applicant = self.inst.ranked[i]
        rules = self.inst.rules
        if reason == PROVINCE_CAP:
            name = self.labels.get(applicant.province, applicant.province)
            cap = rules.province_caps[applicant.province]
            why = f"จังหวัด{name}ได้บูธครบโควตา {cap} บูธแล้วด้วยผู้สมัครที่คะแนนสูงกว่า"
        elif reason == CATEGORY_MAX:
            category = applicant.primary_category
            name = self.labels.get(category, category)
            cap = rules.category_max[category]
            why = f"สินค้าประเภท{name}ได้บูธครบจำนวนสูงสุด {cap} บูธแล้วด้วยผู้สมัครที่คะแนนสูงกว่า"
        else:
            why = f"บูธที่รับสินค้าประเภทนี้{self._power(i)}เต็มด้วยผู้สมัครที่คะแนนสูงกว่า"
            if reserved_below:
                why += "และผู้สมัครที่ได้ที่นั่งขั้นต่ำของประเภทสินค้า"
        return f"อยู่ในรายชื่อสำรองลำดับที่ {position} เพราะ{why}"

    def unplaceable(self, i: int) -> str:
        applicant = self.inst.ranked[i]
        names = ", ".join(self.labels.get(c, c) for c in sorted(applicant.categories))
        return f"ไม่มีบูธใดรับได้ เพราะไม่มีบูธที่รับสินค้าประเภท {names} {self._power(i)}".rstrip()


def allocate(
    applicants: Sequence[Applicant],
    booths: Sequence[BoothSpec],
    rules: Rules | None = None,
    seed: int = 0,
    *,
    labels: Mapping[str, str] | None = None,
) -> AllocationResult:
    """Allocate booths (see the module docstring); `labels` names provinces and categories in Thai."""
    inst = _Instance(lottery_order(applicants, seed), list(booths), rules or Rules())
    selected, blocked, reserved = _select(inst)
    chosen = _choose(inst, selected)
    explain = _Explainer(inst, chosen, labels or {})
    ranked = inst.ranked
    result = AllocationResult({}, {}, [], [], [a.id for a in ranked], {})
    last_reserved = max(reserved, default=-1)
    next_booth = [0] * len(inst.classes)
    for i in selected:
        x = chosen[i]
        booth = inst.classes[x][next_booth[x]]
        next_booth[x] += 1
        rank = choice_rank_of(ranked[i], booth)
        result.seated[ranked[i].id] = booth.id
        result.choice_rank[ranked[i].id] = rank
        result.explanations[ranked[i].id] = explain.seated(i, booth.code, rank)
    for i, applicant in enumerate(ranked):
        if applicant.id in result.seated:
            continue
        if not inst.compatible[inst.type_of[i]]:
            result.unplaceable.append(applicant.id)
            result.explanations[applicant.id] = explain.unplaceable(i)
            continue
        result.waitlist.append(applicant.id)
        result.reasons[applicant.id] = blocked[i]
        result.explanations[applicant.id] = explain.waiting(
            i, len(result.waitlist), blocked[i], last_reserved > i
        )
    return result
