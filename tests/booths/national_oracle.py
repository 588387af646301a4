"""An independent oracle for the national allocation, written from the published rules with the
module's dataclasses used only as records (see `allocation_oracle` for booths and liking).

The rules of a national fair:
- A booth takes an applicant as at a provincial fair, and only in a zone whose own rules the
  applicant meets (`zones`, None meaning every zone).
- Each province ranks its applicants of a category by committee score; equal scores keep the
  order the published lottery gave them. Standing = (2 x rank - 1) / (2 x list length).
- Stage 1: the set seated on quotas is the best in standing order among the sets that keep every
  (province, category) within its quota and can all be given booths.
- Stage 2 (unless the quota is kept empty): places a province left unfilled form a pool (per
  category, or one pool for the whole waiting list); the set added is the best in standing order
  among the sets within the pools that can be given booths together with stage 1.
"""

import itertools
from fractions import Fraction

from tests.booths.allocation_oracle import committee_score, main_category, takes


def takes_at(booth, applicant):
    zone_ok = applicant.zones is None or booth.zone in applicant.zones
    return zone_ok and takes(booth, applicant)


def can_all_be_seated(group, booths):
    """Brute force over booth permutations."""
    group = list(group)
    if len(group) > len(booths):
        return False
    return any(
        all(takes_at(b, a) for a, b in zip(group, chosen, strict=True))
        for chosen in itertools.permutations(booths, len(group))
    )


def province_lists(ordered):
    """(province, category) → its applicants in the order of `ordered`."""
    lists = {}
    for a in ordered:
        lists.setdefault((a.province, main_category(a)), []).append(a)
    return lists


def standings(ordered):
    """id → (rank, size, standing) from each province's list in `ordered`'s order."""
    out = {}
    for members in province_lists(ordered).values():
        for rank, a in enumerate(members, start=1):
            out[a.id] = (rank, len(members), Fraction(2 * rank - 1, 2 * len(members)))
    return out


def lists_follow_scores(ordered):
    return all(
        committee_score(x.score) >= committee_score(y.score)
        for members in province_lists(ordered).values()
        for x, y in itertools.pairwise(members)
    )


def best_in_order(candidates, allowed):
    """The set best in the candidates' order (its first member as early as possible, then the
    next...) among the subsets `allowed` accepts, by brute force."""
    best = ()
    for size in range(len(candidates) + 1):
        for group in itertools.combinations(candidates, size):
            if allowed(group):
                key = [a in group for a in candidates]
                if key > [a in best for a in candidates]:
                    best = group
    return set(best)


def rightful_national(ordered, booths, quotas):
    """(ids seated on quotas, ids seated in all)."""

    def within_quota(group):
        counts = {}
        for a in group:
            key = (a.province, main_category(a))
            counts[key] = counts.get(key, 0) + 1
        return all(n <= quotas.booths.get(key, 0) for key, n in counts.items())

    first = best_in_order(ordered, lambda g: within_quota(g) and can_all_be_seated(g, booths))
    if quotas.release == "keep_empty":
        return {a.id for a in first}, {a.id for a in first}
    pools = {}
    for (province, category), places in quotas.booths.items():
        taken = sum(1 for a in first if (a.province, main_category(a)) == (province, category))
        pool = category if quotas.release == "same_category" else ""
        pools[pool] = pools.get(pool, 0) + max(0, places - taken)

    def within_pools(group):
        counts = {}
        for a in group:
            pool = main_category(a) if quotas.release == "same_category" else ""
            counts[pool] = counts.get(pool, 0) + 1
        return all(n <= pools.get(pool, 0) for pool, n in counts.items())

    rest = [a for a in ordered if a not in first]
    second = best_in_order(
        rest, lambda g: within_pools(g) and can_all_be_seated([*first, *g], booths)
    )
    return {a.id for a in first}, {a.id for a in first | second}
