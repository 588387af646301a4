"""Score aggregation at national-fair size: 10,000 applicants, 3 reviews each, 6 criteria."""

import random
import time

from booths.scoring import CriterionSpec, ReviewScores, aggregate

CRITERIA = [
    CriterionSpec("quality", 3, 10),
    CriterionSpec("identity", 2, 10),
    CriterionSpec("packaging", 1, 5),
    CriterionSpec("story", 1, 5),
    CriterionSpec("readiness", 1, 5),
    CriterionSpec("demand", 2, 10),
]


def committee_reviews(applicants=10000, reviewers=60, per_application=3, seed=1):
    rng = random.Random(seed)
    leniency = [rng.uniform(-1.5, 1.5) for _ in range(reviewers)]
    reviews = []
    for application in range(applicants):
        for reviewer in rng.sample(range(reviewers), per_application):
            scores = {
                c.id: max(
                    0, min(c.max_score, round(rng.uniform(0, c.max_score) + leniency[reviewer]))
                )
                for c in CRITERIA
            }
            reviews.append(ReviewScores(application, reviewer, scores))
    return reviews


def test_aggregate_30000_reviews_with_normalisation(report_bench):
    reviews = committee_reviews()
    started = time.perf_counter()
    ranked = aggregate(CRITERIA, reviews, normalise=True)
    elapsed = time.perf_counter() - started
    assert len(ranked) == 10000
    assert [r.rank for r in ranked] == sorted(r.rank for r in ranked)
    report_bench("aggregate_30000_reviews_s", elapsed)
