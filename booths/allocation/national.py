"""National allocation: each province's booth quota per category, filled from that province's
ranked list; unused quota released by the rule the officer chose; provinces compared only by
standing (rank within their province as a share of its list), never by score.

Pure Python with no Django imports. The steps (see `allocate_national`):

1. Each province's committee ranks its own applicants: the province's list for a category is
   ordered by score, equal scores by the lottery of the fair's published seed. An applicant's
   standing is their rank in that list as a percentage of its length, taken at the middle of the
   rank's slice so that a small province's first is not behind a large one's (`Standing.share`).
2. Everyone is ordered by standing; equal standings by the same lottery. Scores of different
   provinces are never compared, so this order decides wherever provinces compete: booth choice
   in a shared zone and released quota.
3. Quotas: going down that order, an applicant is seated when their province's quota for their
   category has room and compatible booths remain for them and everyone seated before them.
   Within one province's quota this is the province's own order, so nobody waits while someone
   ranked below them in the same list holds a place of that quota.
4. Release: a quota its province could not fill is released by the fair's rule: to waiting
   applicants of the same category from other provinces (`SAME_CATEGORY`), to the waiting list of
   every category (`TO_WAITLIST`), or kept empty (`KEEP_EMPTY`). Released places go down the same
   order, each taken by the first waiting applicant of the pool whom the booths can still take.
5. The selected choose booths in that order, as in `allocate` (`selection.choose_booths`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from booths.allocation.national_explanations import NationalExplainer
from booths.allocation.records import (
    BOOTHS_FULL,
    KEEP_EMPTY,
    QUOTA_FULL,
    RELEASE_RULES,
    SAME_CATEGORY,
    AllocationResult,
    Applicant,
    BoothSpec,
    Rules,
    choice_rank_of,
)
from booths.allocation.selection import Instance, choose_booths, lottery_draw, lottery_order


@dataclass(frozen=True)
class Quotas:
    """Booths per (province, category), and what happens to the places a province cannot fill."""

    booths: Mapping[tuple[str, str], int] = field(default_factory=dict)
    release: str = SAME_CATEGORY

    def __post_init__(self):
        if self.release not in RELEASE_RULES:
            raise ValueError(f"unknown release rule {self.release!r}")

    def of(self, province: str, category: str) -> int:
        return self.booths.get((province, category), 0)


@dataclass(frozen=True)
class Standing:
    """Rank in the province's list for the applicant's category, and that list's length."""

    rank: int
    size: int

    @cached_property
    def share(self) -> float:
        """The middle of the rank's slice of the list: the only applicant of a province stands at
        50 %, first of two at 25 %, first of forty at 1.25 %; smaller is better. Division is
        correctly rounded and distinct shares of lists this size differ by far more than a float's
        precision, so equal shares give equal floats and unequal ones keep their order."""
        return (2 * self.rank - 1) / (2 * self.size)

    @property
    def percent(self) -> float:
        return 100 * self.share


def standing_order(
    applicants: Sequence[Applicant], seed: int
) -> tuple[list[Applicant], dict[object, Standing]]:
    """Everyone ordered by standing (equal standings by lottery), and each one's standing."""
    lists: dict[tuple[str, str], list[Applicant]] = {}
    for applicant in lottery_order(applicants, seed):
        lists.setdefault((applicant.province, applicant.primary_category), []).append(applicant)
    standing = {
        a.id: Standing(rank, len(members))
        for members in lists.values()
        for rank, a in enumerate(members, start=1)
    }
    ordered = sorted(
        applicants, key=lambda a: (standing[a.id].share, lottery_draw(seed, a), repr(a.id))
    )
    return ordered, standing


@dataclass
class QuotaSelection:
    """Who is seated (rank indexes), who waits and why, and how the released places went."""

    selected: list[int] = field(default_factory=list)
    blocked: dict[int, str] = field(default_factory=dict)
    in_quota: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    released: dict[str, int] = field(default_factory=dict)
    """Released places per pool (a category, or "" for the whole waiting list) at release time."""
    released_to: dict[str, list[int]] = field(default_factory=dict)
    release_booths_full: set[int] = field(default_factory=set)


def pool_of(quotas: Quotas, category: str) -> str:
    return category if quotas.release == SAME_CATEGORY else ""


def select_by_quota(inst: Instance, quotas: Quotas) -> QuotaSelection:
    """Steps 3 and 4 of the module docstring."""
    chosen, matching = QuotaSelection(), inst.matching
    for i, applicant in enumerate(inst.ranked):
        t = inst.type_of[i]
        if not inst.compatible[t]:
            continue
        key = (applicant.province, inst.primary[i])
        holders = chosen.in_quota.setdefault(key, [])
        if len(holders) >= quotas.of(*key):
            chosen.blocked[i] = QUOTA_FULL
        elif not matching.try_add(i, t):
            chosen.blocked[i] = BOOTHS_FULL
        else:
            holders.append(i)
            chosen.selected.append(i)
    if quotas.release != KEEP_EMPTY:
        _release(inst, quotas, chosen)
    chosen.selected.sort()
    return chosen


def _release(inst: Instance, quotas: Quotas, chosen: QuotaSelection) -> None:
    """Unfilled quota to the waiting applicants of its pool, in standing order."""
    for (province, category), places in quotas.booths.items():
        left = places - len(chosen.in_quota.get((province, category), []))
        if left > 0:
            pool = pool_of(quotas, category)
            chosen.released[pool] = chosen.released.get(pool, 0) + left
    room = dict(chosen.released)
    for i in sorted(chosen.blocked):
        pool = pool_of(quotas, inst.primary[i])
        if chosen.blocked[i] != QUOTA_FULL or not room.get(pool):
            continue
        if not inst.matching.try_add(i, inst.type_of[i]):
            chosen.release_booths_full.add(i)
            continue
        room[pool] -= 1
        del chosen.blocked[i]
        chosen.selected.append(i)
        chosen.released_to.setdefault(pool, []).append(i)


def allocate_national(
    applicants: Sequence[Applicant],
    booths: Sequence[BoothSpec],
    quotas: Quotas,
    seed: int = 0,
    *,
    labels: Mapping[str, str] | None = None,
) -> AllocationResult:
    """Allocate a national fair by province quotas (see the module docstring). `labels` names
    provinces and categories in Thai. The result's order is the standing order."""
    ordered, standing = standing_order(applicants, seed)
    inst = Instance(ordered, list(booths), Rules())
    chosen = select_by_quota(inst, quotas)
    seats = choose_booths(inst, chosen.selected)
    explain = NationalExplainer(inst, seats, labels or {}, seed, standing, quotas, chosen)
    result = AllocationResult({}, {}, [], [], [a.id for a in inst.ranked], {})
    next_booth = [0] * len(inst.classes)
    for i, x in seats.items():
        booth = inst.classes[x][next_booth[x]]
        next_booth[x] += 1
        rank = choice_rank_of(inst.ranked[i], booth)
        result.seated[inst.ranked[i].id] = booth.id
        result.choice_rank[inst.ranked[i].id] = rank
        result.explanations[inst.ranked[i].id] = explain.seated(i, booth.code, rank)
    for i, applicant in enumerate(inst.ranked):
        if applicant.id in result.seated:
            continue
        if not inst.placeable(i):
            result.unplaceable.append(applicant.id)
            result.explanations[applicant.id] = explain.unplaceable(i)
            continue
        result.waitlist.append(applicant.id)
        result.reasons[applicant.id] = chosen.blocked[i]
        result.explanations[applicant.id] = explain.waiting(
            i, len(result.waitlist), chosen.blocked[i]
        )
    return result
