"""Booth allocation: as many booths filled as the rules allow, in priority order, explained in Thai.

Pure Python with no Django imports. The steps (see `allocate`):

1. Rank applicants by score, compared at the precision the committee sees (`scoring.shown_total`);
   equal scores are ordered by a lottery drawn from the fair's published seed.
2. Select: go down the ranking and seat each applicant who, together with everyone seated above
   them, fits the caps and can be given compatible booths (an augmenting-path check), unless
   seating them would leave a category minimum less met than it could be.
3. Choose: the selected applicants pick booths in rank order; each takes the most preferred booth
   that still leaves a compatible booth for everyone selected after them.

The rule for minimums: a category's minimum counts seated applicants whose primary category it
is, and minimums are met as far as booths and caps allow (the most minimum seats, summed over
categories, that any allowed set of seated applicants fills). A minimum displaces a higher-ranked
applicant only when no allowed set that seats them, and everyone seated above them, meets the
minimums that far. So everyone seated above a waiting applicant is ranked above them.

An applicant's caps category is their primary category: the first of their categories in sorted
order. Without caps the number seated is the maximum possible; with caps, priority wins where the
two conflict (seating a higher-ranked applicant can block two lower-ranked ones), and no waiting
applicant could be added to the seated ones without breaking a rule or a minimum.

Preferences are the wished zones and booth types in order, then a corner if asked for. Not asking
for a corner is no wish against one, so such an applicant never holds a corner another wanted when
a plain booth would do them as well.

A booth takes an applicant when it names none of the applicant's categories or all of them, has
electricity if they need it, and lies in a zone whose own rules they meet (`Applicant.zones`, None
for every zone).

Booths that every applicant sees alike (same zone, type, categories, electricity and corner) form
one class with a capacity, so the matching graph is applicants x classes rather than x booths.
The steps live in `selection`, the augmenting paths in `matching`, the minimum seats in
`minimums`, the Thai sentences in `explanations`; the dataclasses it takes and returns in
`records`. A national fair is allocated by province quotas instead: see `national`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from booths.allocation.explanations import Explainer
from booths.allocation.national import Quotas, Standing, allocate_national, standing_order
from booths.allocation.national_explanations import ORDER_SENTENCE, RELEASE_SENTENCES
from booths.allocation.records import (
    ALGORITHM_VERSION,
    BOOTHS_FULL,
    CATEGORY_MAX,
    CATEGORY_MIN,
    KEEP_EMPTY,
    PROVINCE_CAP,
    QUOTA_FULL,
    RELEASE_RULES,
    SAME_CATEGORY,
    TO_WAITLIST,
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
    "CATEGORY_MIN",
    "KEEP_EMPTY",
    "ORDER_SENTENCE",
    "PROVINCE_CAP",
    "QUOTA_FULL",
    "RELEASE_RULES",
    "RELEASE_SENTENCES",
    "SAME_CATEGORY",
    "TO_WAITLIST",
    "AllocationResult",
    "Applicant",
    "BoothSpec",
    "Rules",
    "Quotas",
    "Standing",
    "allocate",
    "allocate_national",
    "choice_rank_of",
    "lottery_order",
    "natural_key",
    "standing_order",
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
    selected, blocked = select_applicants(inst)
    chosen = choose_booths(inst, selected)
    explain = Explainer(inst, chosen, labels or {}, seed)
    result = AllocationResult({}, {}, [], [], [a.id for a in inst.ranked], {})
    _seat_selected(result, inst, chosen, explain)
    _list_the_rest(result, inst, blocked, explain)
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


def _list_the_rest(result: AllocationResult, inst: Instance, blocked, explain: Explainer) -> None:
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
        result.explanations[applicant.id] = explain.waiting(i, len(result.waitlist), blocked[i])
