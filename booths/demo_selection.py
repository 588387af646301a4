"""Demo selection for `seed_demo`: take a fair through eligibility, committee scoring and a
published allocation with the real services, in bulk so that 10,000 applicants stay quick."""

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from booths.models import (
    CommitteeMember,
    EligibilityRule,
    ReviewAssignment,
    ReviewStatus,
    RuleKind,
)
from booths.services import lifecycle, review, runs
from booths.services.eligibility import override_eligibility
from producers.models import ProducerGroup, Standard

COMMITTEE = ["committee1", "committee2", "committee3"]
DEMO_PRODUCERS = ["producer1", "producer2"]


def demo_group_ids():
    """The groups producer1 and producer2 belong to: they are seated in the running fair."""
    return list(
        ProducerGroup.objects.filter(members__username__in=DEMO_PRODUCERS).values_list(
            "pk", flat=True
        )
    )


def committee_users():
    return list(get_user_model().objects.filter(username__in=COMMITTEE).order_by("username"))


def set_up_selection(fair, *, officer):
    """Rubric, rules and committee of a fair that is still being set up."""
    review.copy_criteria(fair=fair, by=officer)
    EligibilityRule.objects.bulk_create(
        [
            EligibilityRule(fair=fair, kind=RuleKind.REGISTERED),
            EligibilityRule(fair=fair, kind=RuleKind.MIN_STARS, min_stars=2),
            EligibilityRule(fair=fair, kind=RuleKind.CERTIFICATION, standards=[Standard.FDA]),
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
        group_id__in=demo_group_ids(), status="ineligible"
    ).select_related("fair", "group"):
        override_eligibility(
            application=application,
            is_eligible=True,
            reason="ยื่นใบรับรอง อย. ฉบับต่ออายุแล้ว เจ้าหน้าที่ตรวจเอกสารจริงเรียบร้อย",
            by=officer,
        )
    review.auto_assign(fair=fair, by=officer, k=min(3, fair.committee.count()))


SCORES_SQL = """
INSERT INTO booths_score (review_id, criterion_id, value, comment, updated_at)
SELECT r.id, c.id,
       CASE WHEN a.group_id = ANY(%(strong)s) THEN c.max_score
            ELSE floor(c.max_score / 3 + random() * (c.max_score - c.max_score / 3 + 1)) END,
       '', now()
FROM booths_reviewassignment r
JOIN booths_committeemember m ON m.id = r.member_id
JOIN booths_application a ON a.id = r.application_id
JOIN booths_criterion c ON c.fair_id = m.fair_id
WHERE m.fair_id = %(fair)s
"""


def score_everything(fair, *, rng):
    """Every review submitted with plausible scores; the demo groups score at the top.

    The scores are generated inside PostgreSQL (a seeded random()), because 10,000 applicants
    with three reviews of six criteria are 180,000 rows.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [rng.random()])
        cursor.execute(SCORES_SQL, {"strong": demo_group_ids(), "fair": fair.pk})
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
