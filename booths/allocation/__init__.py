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

The steps live in `selection`, the augmenting paths in `matching`, the Thai sentences in
`explanations`; the dataclasses it takes and returns in `records`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from booths.allocation.explanations import Explainer
from booths.allocation.records import (
    ALGORITHM_VERSION,
    BOOTHS_FULL,
    CATEGORY_MAX,
    PROVINCE_CAP,
    AllocationResult,
    Applicant,
    BoothSpec,
    Rules,
    choice_rank_of,
    natural_key,
)
from booths.allocation.selection import Instance, choose_booths, lottery_order, select_applicants

__all__ = [
    "ALGORITHM_VERSION",
    "BOOTHS_FULL",
    "CATEGORY_MAX",
    "PROVINCE_CAP",
    "AllocationResult",
    "Applicant",
    "BoothSpec",
    "Rules",
    "allocate",
    "choice_rank_of",
    "lottery_order",
    "natural_key",
]


def allocate(
    applicants: Sequence[Applicant],
    booths: Sequence[BoothSpec],
    rules: Rules | None = None,
    seed: int = 0,
    *,
    labels: Mapping[str, str] | None = None,
) -> AllocationResult:
    """Allocate booths (see the module docstring); `labels` names provinces and categories in Thai."""
    inst = Instance(lottery_order(applicants, seed), list(booths), rules or Rules())
    selected, blocked, reserved = select_applicants(inst)
    chosen = choose_booths(inst, selected)
    explain = Explainer(inst, chosen, labels or {})
    result = AllocationResult({}, {}, [], [], [a.id for a in inst.ranked], {})
    _seat_selected(result, inst, chosen, explain)
    _list_the_rest(result, inst, blocked, max(reserved, default=-1), explain)
    return result


def _seat_selected(result: AllocationResult, inst: Instance, chosen, explain: Explainer) -> None:
    """Give each selected applicant, in rank order, the next booth (by code) of their class."""
    ranked = inst.ranked
    next_booth = [0] * len(inst.classes)
    for i, x in chosen.items():
        booth = inst.classes[x][next_booth[x]]
        next_booth[x] += 1
        rank = choice_rank_of(ranked[i], booth)
        result.seated[ranked[i].id] = booth.id
        result.choice_rank[ranked[i].id] = rank
        result.explanations[ranked[i].id] = explain.seated(i, booth.code, rank)


def _list_the_rest(
    result: AllocationResult, inst: Instance, blocked, last_reserved: int, explain: Explainer
) -> None:
    """Everyone not seated waits in rank order, unless no booth could ever take them."""
    for i, applicant in enumerate(inst.ranked):
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
