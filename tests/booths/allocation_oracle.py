"""An independent oracle for booth allocation, written from the rules (not from the module): it
uses the module's dataclasses only as records and none of their methods or helpers.

The rules, as the fair publishes them:
- A booth takes an applicant when it names no categories or names every category the applicant
  sells, and has electricity if the applicant needs it.
- An applicant's category for caps and minimums is the first of their categories in sorted order.
- Province caps and category maxima bound the seated count; a category minimum is met as far as
  booths and caps allow (the most minimum seats, summed over categories, any allowed set fills).
- Priority: among the allowed sets that fill that many minimum seats, the one seated is the best
  in rank order (it seats the best-ranked applicant any such set can seat, then the next, ...).
- Scores are compared at two decimals, halves up, as the committee sees them.
- Liking: the first wish (zone or booth type, a repeated wish counting once) a booth meets, then a
  corner if the applicant asked for one; an applicant who did not ask for a corner likes corner and
  plain booths alike.
"""

import itertools
from decimal import ROUND_HALF_UP, Decimal


def takes(booth, applicant):
    sells = set(applicant.categories)
    allowed = set(booth.allowed_categories)
    if allowed and not sells.issubset(allowed):
        return False
    return booth.has_electricity or not applicant.needs_electricity


def main_category(applicant):
    return sorted(applicant.categories)[0] if applicant.categories else ""


def committee_score(score):
    return Decimal(repr(float(score))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def wishes(applicant):
    distinct = []
    for wish in applicant.preferences:
        if wish not in distinct:
            distinct.append(wish)
    return distinct


def wish_rank(applicant, booth):
    """1-based place of the first wish the booth meets, None when it meets none."""
    for place, wish in enumerate(wishes(applicant), start=1):
        if wish == booth.zone or wish == booth.booth_type:
            return place
    return None


def liking(applicant, booth):
    """Smaller is better."""
    rank = wish_rank(applicant, booth) or len(wishes(applicant)) + 1
    return (rank, bool(applicant.wants_corner and not booth.is_corner))


def within_caps(group, rules):
    for name, cap in rules.province_caps.items():
        if sum(1 for a in group if a.province == name) > cap:
            return False
    for name, cap in rules.category_max.items():
        if sum(1 for a in group if main_category(a) == name) > cap:
            return False
    return True


def matchings(group, booths):
    """Every way to give each applicant in `group` its own booth that takes them."""
    if not group:
        yield {}
        return
    first, rest = group[0], group[1:]
    for booth in booths:
        if takes(booth, first):
            others = [b for b in booths if b is not booth]
            for matching in matchings(rest, others):
                yield {first.id: booth, **matching}


def feasible(group, booths, rules):
    return within_caps(group, rules) and next(matchings(list(group), booths), None) is not None


def minimum_seats(group, rules):
    return sum(
        min(minimum, sum(1 for a in group if main_category(a) == category))
        for category, minimum in rules.category_min.items()
    )


def largest_feasible(applicants, booths, rules):
    for size in range(len(applicants), -1, -1):
        if any(feasible(g, booths, rules) for g in itertools.combinations(applicants, size)):
            return size
    return 0


def rightful_seated(ranked, booths, rules):
    """The set of applicants the rules seat, by brute force over every subset."""
    allowed = [
        group
        for size in range(len(ranked) + 1)
        for group in itertools.combinations(ranked, size)
        if feasible(group, booths, rules)
    ]
    most = max(minimum_seats(g, rules) for g in allowed)
    valid = [{a.id for a in g} for g in allowed if minimum_seats(g, rules) == most]
    return max(valid, key=lambda ids: [a.id in ids for a in ranked])
