"""National fair allocation: 77 provinces × 5 categories of quotas, 2,500 booths in 12 zones with
their own rules, 25,000 nominated applicants (issue 18: < 5 s and < 200 MB)."""

import random
import time
import tracemalloc

from booths.allocation import SAME_CATEGORY, Applicant, BoothSpec, Quotas, allocate_national

CATEGORIES = ["beverage", "food", "herbal", "household", "textile"]
PROVINCES = [f"P{n:02d}" for n in range(77)]
# Zone: (categories it takes, its own rule over an applicant's (stars, new, flagged)).
ZONES = {
    "A": (frozenset({"food", "beverage"}), lambda stars, new, flagged: True),
    "B": (frozenset({"food"}), lambda stars, new, flagged: stars >= 3),  # ชวนชิม, 3–5★
    "C": (frozenset({"textile"}), lambda stars, new, flagged: True),
    "D": (frozenset({"textile"}), lambda stars, new, flagged: stars >= 4),
    "E": (frozenset({"household"}), lambda stars, new, flagged: True),
    "F": (frozenset({"household", "textile"}), lambda stars, new, flagged: stars >= 3),
    "G": (frozenset({"herbal"}), lambda stars, new, flagged: True),
    "H": (frozenset({"herbal", "beverage"}), lambda stars, new, flagged: stars >= 3),
    "S": (frozenset(), lambda stars, new, flagged: new),  # OTOP Smile: registered lately
    "X": (frozenset(), lambda stars, new, flagged: flagged),  # flood-hit communities
    "Y": (frozenset(), lambda stars, new, flagged: stars >= 5),
    "Z": (frozenset(), lambda stars, new, flagged: True),
}
BOOTHS = 2500
APPLICANTS = 25000


def national_booths():
    codes = sorted(ZONES)
    return [
        BoothSpec(
            id=n,
            code=f"{codes[n % 12]}{n // 12 + 1:03d}",
            zone=codes[n % 12],
            booth_type="large" if n % 9 == 0 else "standard",
            allowed_categories=ZONES[codes[n % 12]][0],
            has_electricity=n % 3 != 0,
            is_corner=n % 25 == 0,
        )
        for n in range(BOOTHS)
    ]


def national_applicants(seed=1):
    rng = random.Random(seed)
    applicants = []
    for n in range(APPLICANTS):
        category = rng.choice(CATEGORIES)
        stars, new, flagged = rng.randint(1, 5), rng.random() < 0.2, rng.random() < 0.05
        zones = frozenset(z for z, (allowed, rule) in ZONES.items() if rule(stars, new, flagged))
        wished = [z for z in sorted(zones) if not ZONES[z][0] or category in ZONES[z][0]]
        applicants.append(
            Applicant(
                id=n,
                score=round(rng.uniform(40, 100), 1),
                categories=frozenset({category}),
                province=rng.choice(PROVINCES),
                preferences=tuple(rng.sample(wished, min(len(wished), rng.randint(1, 3)))),
                needs_electricity=rng.random() < 0.3,
                wants_corner=rng.random() < 0.1,
                zones=zones,
            )
        )
    return applicants


def national_quotas(rng):
    """2,500 booths shared out over 77 × 5 quotas, some provinces asked for more than they send."""
    keys = [(p, c) for p in PROVINCES for c in CATEGORIES]
    quota = dict.fromkeys(keys, 6)
    for key in rng.sample(keys, BOOTHS - 6 * len(keys)):
        quota[key] += 1
    return Quotas(quota, SAME_CATEGORY)


def test_allocate_national_fair_of_2500_booths_among_25000_applicants(report_bench):
    booths, applicants = national_booths(), national_applicants()
    quotas = national_quotas(random.Random(2))
    started = time.perf_counter()
    result = allocate_national(applicants, booths, quotas, seed=2569)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    again = allocate_national(applicants, booths, quotas, seed=2569)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert again == result
    assert len(result.seated) > 0.95 * BOOTHS
    report_bench("allocate_national_s", elapsed)
    report_bench("allocate_national_peak_mb", peak / 2**20)
