"""A committee member's queue: the reviews still to do first, filtered by stage and fair."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from booths.models import CommitteeMember, ReviewAssignment, ReviewStatus
from booths.selectors import reviews_without_conflicts

PENDING, DRAFT, SUBMITTED = "pending", "draft", "submitted"
STAGES = {
    PENDING: _("Not started"),
    DRAFT: _("Draft saved"),
    SUBMITTED: _("Submitted"),
}


@dataclass
class SeatQueue:
    seat: CommitteeMember
    reviews: list = field(default_factory=list)
    total: int = 0
    remaining: int = 0


def _with_stage(reviews):
    """Each review's stage as a number that sorts the queue: not started, draft, submitted."""
    return reviews.annotate(scored=Count("scores")).annotate(
        stage_order=Case(
            When(status=ReviewStatus.SUBMITTED, then=Value(2)),
            When(scored__gt=0, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
    )


def stage_of(review):
    """The stage name of an annotated review."""
    if review.status == ReviewStatus.SUBMITTED:
        return SUBMITTED
    return DRAFT if review.scored else PENDING


def _visible(seats):
    reviews = reviews_without_conflicts(ReviewAssignment.objects.filter(member__in=seats))
    return _with_stage(reviews).select_related("application__group__province")


def member_queue(user, *, stage=None, fair_id=None):
    """The member's seats, each with its reviews (pending first) and how many are left to do."""
    seats = CommitteeMember.objects.filter(user=user).select_related("fair")
    if fair_id:
        seats = seats.filter(fair_id=fair_id)
    seats = list(seats.order_by("fair__start_date", "pk"))
    by_seat = defaultdict(list)
    ordered = _visible(seats).order_by("stage_order", "application__group__sort_name", "pk")
    for review in ordered:
        review.stage = stage_of(review)
        by_seat[review.member_id].append(review)
    queues = []
    for seat in seats:
        every = by_seat[seat.pk]
        left = sum(1 for r in every if r.stage != SUBMITTED)
        shown = [r for r in every if stage is None or r.stage == stage]
        queues.append(SeatQueue(seat, shown, len(every), left))
    return queues


def next_review(review):
    """The member's next review still to do after `review` (not started first), or None."""
    later = (
        _visible([review.member_id]).exclude(pk=review.pk).exclude(status=ReviewStatus.SUBMITTED)
    )
    return later.order_by("stage_order", "application__group__sort_name", "pk").first()
