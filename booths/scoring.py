"""Committee score aggregation: weighted review totals, optional per-reviewer normalisation, ranking.

Pure Python with no Django imports, so property tests and benchmarks call it directly.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

DEFAULT_DISAGREEMENT_THRESHOLD = 20.0
"""Points on the 0–100 scale between the highest and lowest review of one application."""

TOTAL_DECIMALS = 2
"""The precision the committee sees on the ranking page: totals are stored, compared and shown at
this many decimals, so two totals that look equal are a tie (they share a rank, and the allocation
orders them by its lottery)."""

_ZERO_SPREAD = 1e-9


@dataclass(frozen=True)
class CriterionSpec:
    id: Hashable
    weight: float
    max_score: float


@dataclass(frozen=True)
class ReviewScores:
    application_id: Hashable
    reviewer_id: Hashable
    scores: Mapping[Hashable, float]


@dataclass(frozen=True)
class RankedApplicant:
    application_id: Hashable
    total: float
    criterion_means: dict = field(default_factory=dict)
    review_count: int = 0
    rank: int = 0
    is_tied: bool = False
    has_disagreement: bool = False
    raw_total: float = 0.0
    spread: float = 0.0


@functools.lru_cache(maxsize=65536)
def shown_total(value: float) -> float:
    """`value` at TOTAL_DECIMALS places, halves rounded up as the page's floatformat rounds them
    (round() would turn 2.675 into 2.67 while the page shows 2.68)."""
    step = Decimal(1).scaleb(-TOTAL_DECIMALS)
    return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))


def review_total(criteria: Sequence[CriterionSpec], scores: Mapping[Hashable, float]) -> float:
    """Weighted total of one review on a 0–100 scale; a criterion left unscored counts as zero."""
    weight_sum = sum(c.weight for c in criteria)
    if weight_sum <= 0:
        raise ValueError("เกณฑ์การให้คะแนนต้องมีน้ำหนักรวมมากกว่าศูนย์")
    if any(c.max_score <= 0 for c in criteria):
        raise ValueError("คะแนนเต็มของทุกเกณฑ์ต้องมากกว่าศูนย์")
    points = sum(c.weight * scores.get(c.id, 0.0) / c.max_score for c in criteria)
    return points / weight_sum * 100.0


def _mean_sd(values: Sequence[float]) -> tuple[float, float]:
    mean = math.fsum(values) / len(values)
    variance = math.fsum((v - mean) ** 2 for v in values) / len(values)
    return mean, math.sqrt(variance)


def normalised_totals(totals: Sequence[float], reviewers: Sequence[Hashable]) -> list[float]:
    """Map each review total to the panel's mean/sd through the reviewer's own z-score.

    A reviewer who scored one application only, or gave every application the same total, says
    nothing about how their applicants compare, so each of their reviews counts as the panel mean.
    This keeps every reviewer's influence independent of their personal offset and spread.
    """
    by_reviewer: dict[Hashable, list[float]] = defaultdict(list)
    for total, reviewer in zip(totals, reviewers, strict=True):
        by_reviewer[reviewer].append(total)
    reviewer_stats = {r: _mean_sd(values) for r, values in by_reviewer.items()}
    panel_mean, panel_sd = _mean_sd(totals)
    result = []
    for total, reviewer in zip(totals, reviewers, strict=True):
        mean, sd = reviewer_stats[reviewer]
        z = (total - mean) / sd if sd > _ZERO_SPREAD else 0.0
        result.append(panel_mean + panel_sd * z)
    return result


def _criterion_means(criteria, reviews) -> dict:
    return {
        c.id: math.fsum(r.scores.get(c.id, 0.0) for r in reviews) / len(reviews) for c in criteria
    }


def _application_rows(criteria, reviews, raw, used) -> list[dict]:
    """One row per application, in order of first appearance."""
    grouped: dict[Hashable, list[int]] = {}
    for index, review in enumerate(reviews):
        grouped.setdefault(review.application_id, []).append(index)
    rows = []
    for order, (application_id, indexes) in enumerate(grouped.items()):
        values = [used[i] for i in indexes]
        rows.append(
            {
                "application_id": application_id,
                "order": order,
                "total": shown_total(math.fsum(values) / len(values)),
                "raw_total": math.fsum(raw[i] for i in indexes) / len(indexes),
                "spread": max(values) - min(values),
                "criterion_means": _criterion_means(criteria, [reviews[i] for i in indexes]),
                "review_count": len(indexes),
            }
        )
    return rows


def _assign_ranks(rows: list[dict]) -> None:
    rows.sort(key=lambda row: (-row["total"], row["order"]))
    for index, row in enumerate(rows):
        previous = rows[index - 1] if index else None
        if previous and previous["total"] == row["total"]:
            row["rank"] = previous["rank"]
            row["is_tied"] = previous["is_tied"] = True
        else:
            row["rank"] = index + 1
            row["is_tied"] = False


def aggregate(
    criteria: Sequence[CriterionSpec],
    reviews: Iterable[ReviewScores],
    *,
    normalise: bool = False,
    disagreement_threshold: float = DEFAULT_DISAGREEMENT_THRESHOLD,
) -> list[RankedApplicant]:
    """Rank applications by the mean of their review totals (best first; equal totals share a rank).

    With `normalise`, each review total is replaced by the reviewer's z-score mapped back onto the
    panel's mean and spread, so a harsh or lenient reviewer does not decide the outcome. An
    application is flagged when its review totals (as used for ranking) span more than
    `disagreement_threshold` points.
    """
    reviews = list(reviews)
    if not reviews:
        return []
    raw = [review_total(criteria, r.scores) for r in reviews]
    used = normalised_totals(raw, [r.reviewer_id for r in reviews]) if normalise else raw
    rows = _application_rows(criteria, reviews, raw, used)
    _assign_ranks(rows)
    return [
        RankedApplicant(
            application_id=row["application_id"],
            total=row["total"],
            criterion_means=row["criterion_means"],
            review_count=row["review_count"],
            rank=row["rank"],
            is_tied=row["is_tied"],
            has_disagreement=shown_total(row["spread"]) > disagreement_threshold,
            raw_total=row["raw_total"],
            spread=row["spread"],
        )
        for row in rows
    ]


def combined(rankings: Iterable[Sequence[RankedApplicant]]) -> list[RankedApplicant]:
    """Several rankings (each committee's, by its own rubric) as one, best total first; equal
    totals share a rank, and among equals each ranking keeps its order, the first ranking's
    first. Totals are all on the 0–100 scale; a national allocation still compares provinces
    only by standing within their own list, never by these totals."""
    rows = sorted((a for ranking in rankings for a in ranking), key=lambda a: -a.total)
    result: list[RankedApplicant] = []
    for index, applicant in enumerate(rows):
        previous = result[-1] if result else None
        if previous is not None and previous.total == applicant.total:
            result[-1] = replace(previous, is_tied=True)
            result.append(replace(applicant, rank=previous.rank, is_tied=True))
        else:
            result.append(replace(applicant, rank=index + 1, is_tied=False))
    return result
