"""Demo selection for `seed_demo`: take a fair through eligibility, committee scoring and a
published allocation with the real services, in bulk so that 10,000 applicants stay quick."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from booths.models import (
    CommitteeMember,
    EligibilityRule,
    ReviewAssignment,
    ReviewStatus,
    RuleKind,
    Score,
)
from booths.services import lifecycle, review, runs
from booths.services.eligibility import override_eligibility
from producers.models import Standard

COMMITTEE = ["committee1", "committee2", "committee3"]
DEMO_GROUPS = ["DEMO-000001", "DEMO-000002"]


def committee_users():
    return list(get_user_model().objects.filter(username__in=COMMITTEE).order_by("username"))


def set_up_selection(fair, *, officer):
    """Rubric, rules and committee of a fair that is still being set up."""
    review.copy_criteria(fair=fair, by=officer)
    EligibilityRule.objects.bulk_create(
        [
            EligibilityRule(fair=fair, kind=RuleKind.REGISTERED),
            EligibilityRule(fair=fair, kind=RuleKind.MIN_STARS, min_stars=2),
            EligibilityRule(fair=fair, kind=RuleKind.CERTIFICATION, standard=Standard.FDA),
            EligibilityRule(fair=fair, kind=RuleKind.NO_SHOW),
        ]
    )
    CommitteeMember.objects.bulk_create(
        [CommitteeMember(fair=fair, user=user) for user in committee_users()]
    )


def start_scoring(fair, *, officer):
    """Close applications (eligibility is checked), let demo groups through, assign reviewers."""
    lifecycle.close_applications(fair=fair, by=officer)
    for application in fair.applications.filter(
        group__registration_no__in=DEMO_GROUPS, status="ineligible"
    ).select_related("fair", "group"):
        override_eligibility(
            application=application,
            is_eligible=True,
            reason="ยื่นใบรับรอง อย. ฉบับต่ออายุแล้ว เจ้าหน้าที่ตรวจเอกสารจริงเรียบร้อย",
            by=officer,
        )
    review.auto_assign(fair=fair, by=officer, k=min(3, fair.committee.count()))


def score_everything(fair, *, rng):
    """Every review submitted with plausible scores; the demo groups score at the top."""
    criteria = list(fair.criteria.all())
    reviews = list(
        ReviewAssignment.objects.filter(member__fair=fair).values_list(
            "pk", "application__group__registration_no"
        )
    )
    scores = []
    for review_id, registration_no in reviews:
        strong = registration_no in DEMO_GROUPS
        for criterion in criteria:
            top = criterion.max_score
            value = top if strong else rng.randint(max(1, top // 3), top)
            scores.append(Score(review_id=review_id, criterion=criterion, value=Decimal(value)))
    Score.objects.bulk_create(scores, batch_size=10000)
    ReviewAssignment.objects.filter(member__fair=fair).update(
        status=ReviewStatus.SUBMITTED, submitted_at=timezone.now()
    )


def run_to_running(fair, *, officer, rng):
    """open → scoring → allocated (published v1) → running."""
    with transaction.atomic():
        start_scoring(fair, officer=officer)
        score_everything(fair, rng=rng)
        run = runs.run_allocation(fair=fair, by=officer, seed=2569)
        runs.publish_allocation(fair=fair, run=run, by=officer)
        lifecycle.start_fair(fair=fair, by=officer)


def run_to_scoring(fair, *, officer):
    """open → scoring, with reviewers assigned and nothing scored yet."""
    with transaction.atomic():
        start_scoring(fair, officer=officer)
