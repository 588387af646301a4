"""Allocation at national-fair size: 3,000 booths, 10,000 applicants, 5 zones, category and province rules."""

import random
import time
import tracemalloc

from booths.allocation import Applicant, BoothSpec, Rules, allocate

CATEGORIES = ["beverage", "food", "herbal", "household", "textile"]
ZONE_CATEGORIES = {
    "A": frozenset({"food", "beverage"}),
    "B": frozenset({"textile"}),
    "C": frozenset({"household", "textile"}),
    "D": frozenset({"herbal", "household"}),
    "E": frozenset(),
}
PROVINCES = [f"P{n:02d}" for n in range(77)]


def fair_booths(count=3000):
    booths = []
    for n in range(count):
        zone = "ABCDE"[n % 5]
        booths.append(
            BoothSpec(
                id=n,
                code=f"{zone}{n // 5 + 1:03d}",
                zone=zone,
                booth_type="large" if n % 7 == 0 else "standard",
                allowed_categories=ZONE_CATEGORIES[zone],
                has_electricity=n % 3 != 0,
                is_corner=n % 20 == 0,
            )
        )
    return booths


def fair_applicants(count=10000, seed=1):
    rng = random.Random(seed)
    applicants = []
    for n in range(count):
        categories = frozenset(rng.sample(CATEGORIES, 2 if rng.random() < 0.15 else 1))
        zones = [
            z for z, allowed in ZONE_CATEGORIES.items() if not allowed or categories <= allowed
        ]
        applicants.append(
            Applicant(
                id=n,
                score=round(rng.uniform(40, 100), 1),
                categories=categories,
                province=rng.choice(PROVINCES),
                preferences=tuple(rng.sample(zones, min(len(zones), rng.randint(1, 3)))),
                needs_electricity=rng.random() < 0.3,
                wants_corner=rng.random() < 0.1,
            )
        )
    return applicants


def test_allocate_3000_booths_among_10000_applicants(report_bench):
    booths, applicants = fair_booths(), fair_applicants()
    rules = Rules(
        province_caps=dict.fromkeys(PROVINCES, 45),
        category_min={"herbal": 300},
        category_max={"food": 900},
    )
    started = time.perf_counter()
    result = allocate(applicants, booths, rules, seed=2569)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    again = allocate(applicants, booths, rules, seed=2569)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert again == result
    first = sum(1 for rank in result.choice_rank.values() if rank == 1)
    assert len(result.seated) == len(booths)
    report_bench("allocate_3000x10000_s", elapsed)
    report_bench("allocate_3000x10000_peak_mb", peak / 2**20)
    report_bench("allocate_first_choice_pct", 100.0 * first / len(result.seated))
