"""Released booths go to the waiting list in rank order: offer, accept, decline, expire."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from booths import notices
from booths.models import (
    ApplicationStatus,
    Assignment,
    AssignmentStatus,
    Fair,
    FairState,
    OfferStatus,
    RunResult,
    WaitlistOffer,
)
from otop_fair.audit import save_with_history

OFFER_HOURS = 48
HOLDING_STATES = (FairState.ALLOCATED, FairState.RUNNING)


def booth_fits(booth, *, categories, needs_electricity):
    """Whether an applicant with these product categories and needs can use the booth."""
    if needs_electricity and not booth.has_electricity:
        return False
    return not booth.allowed_categories or set(categories) <= set(booth.allowed_categories)


def current_run(fair):
    """The published version in force: the latest one published."""
    return fair.runs.filter(is_published=True).order_by("-version").first()


def lock_fair_offers(fair_id):
    """Take the fair's row lock: releases and offer answers of one fair run one at a time, so
    two of them never offer one applicant two booths, nor one booth twice. Always taken first
    (before any assignment or offer row) so that two of them cannot wait on each other."""
    return Fair.objects.select_for_update().get(pk=fair_id)


def release_assignment(*, assignment, by, reason, is_no_show=False):
    """Free a booth (withdrawal or confirmed no-show) and offer it to the waiting list.

    Of two officers releasing the same booth at once, the second waits for the first and is
    told the booth is already released."""
    with transaction.atomic():
        lock_fair_offers(assignment.fair_id)
        assignment = (
            Assignment.objects.select_for_update(of=("self",))
            .select_related("fair", "booth__fair")
            .get(pk=assignment.pk)
        )
        if assignment.status != AssignmentStatus.ACTIVE:
            raise ValidationError(_("This booth is already released."), code="already_released")
        if assignment.fair.state not in HOLDING_STATES:
            raise ValidationError(
                _("Booths can be released only after allocation and during the fair.")
            )
        assignment.status = AssignmentStatus.RELEASED
        assignment.released_at = timezone.now()
        assignment.release_reason = reason
        assignment.is_no_show = is_no_show
        save_with_history(assignment, by=by, reason=reason)
        offer_booth(booth=assignment.booth, by=by)
    return assignment


def excuse_no_show(*, assignment, by, reason, excused=True):
    """Record that a group's absence was excused (illness, a death in the family, a flood) — or
    take the excuse back. Only an excused absence keeps the group eligible for the next fair."""
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if not assignment.is_no_show:
            raise ValidationError(_("Only a group that did not show up can be excused."))
        if assignment.is_no_show_excused == excused:
            if excused:
                raise ValidationError(_("This absence is already excused."))
            raise ValidationError(_("This absence is not excused."))
        assignment.is_no_show_excused = excused
        save_with_history(assignment, by=by, reason=reason, update_fields=["is_no_show_excused"])
    return assignment


def offer_booth(*, booth, by, now=None):
    """Offer a free booth to the first compatible applicant on the waiting list; None if nobody."""
    now = now or timezone.now()
    fair = booth.fair
    if Assignment.objects.filter(booth=booth, status=AssignmentStatus.ACTIVE).exists():
        return None
    if booth.offers.filter(status=OfferStatus.PENDING).exists():
        return None
    run = current_run(fair)
    if run is None:
        return None
    refused = booth.offers.exclude(status=OfferStatus.PENDING).values("application_id")
    candidates = (
        RunResult.objects.filter(
            run=run,
            waitlist_position__isnull=False,
            application__status=ApplicationStatus.WAITLISTED,
        )
        .exclude(application_id__in=refused)
        .exclude(application__offers__status=OfferStatus.PENDING)
        .select_related("application")
        .order_by("waitlist_position")
    )
    for result in candidates:
        app = result.application
        if booth_fits(booth, categories={app.category}, needs_electricity=app.needs_electricity):
            offer = WaitlistOffer(
                fair=fair,
                booth=booth,
                application=app,
                deadline=now + datetime.timedelta(hours=OFFER_HOURS),
            )
            save_with_history(offer, by=by)
            notices.offer_made(offer)
            return offer
    return None


def _respond(offer, status, by, reason):
    offer.status = status
    offer.responded_at = timezone.now()
    save_with_history(offer, by=by, reason=reason, update_fields=["status", "responded_at"])


def accept_offer(*, offer, by, now=None):
    """The applicant takes the booth: they now hold it."""
    now = now or timezone.now()
    with transaction.atomic():
        lock_fair_offers(offer.fair_id)
        offer = WaitlistOffer.objects.select_for_update().get(pk=offer.pk)
        # A late accept (already lapsed, or arriving from a phone's queue) says why, plainly.
        if offer.status == OfferStatus.EXPIRED or now > offer.deadline:
            raise ValidationError(_("The deadline to answer this offer has passed."))
        if offer.status != OfferStatus.PENDING:
            raise ValidationError(_("This offer is no longer open."))
        _refuse_a_second_booth(offer.application)
        _respond(offer, OfferStatus.ACCEPTED, by, "offer accepted")
        assignment = Assignment(fair=offer.fair, booth=offer.booth, application=offer.application)
        save_with_history(assignment, by=by, reason=_("waiting-list offer accepted"))
        application = offer.application
        application.status = ApplicationStatus.SELECTED
        save_with_history(application, by=by, update_fields=["status", "updated_at"])
    return assignment


def _refuse_a_second_booth(application):
    """A group holds one booth a fair: an offer to one that holds a booth already is answered
    with the booth it holds, not with a database error."""
    holdings = application.assignments.filter(status=AssignmentStatus.ACTIVE)
    held = holdings.select_related("booth").first()
    if held is not None:
        raise ValidationError(
            _("Your group already holds booth %(code)s at this fair.") % {"code": held.booth.code}
        )


def decline_offer(*, offer, by):
    """The applicant says no: they stay on the list and the booth goes to the next one."""
    with transaction.atomic():
        lock_fair_offers(offer.fair_id)
        offer = WaitlistOffer.objects.select_for_update().get(pk=offer.pk)
        if offer.status != OfferStatus.PENDING:
            raise ValidationError(_("This offer is no longer open."))
        _respond(offer, OfferStatus.DECLINED, by, "offer declined")
        return offer_booth(booth=offer.booth, by=by)


def expire_offers(*, fair, by=None, now=None):
    """Lapse the offers whose deadline has passed and pass their booths on; returns the count."""
    now = now or timezone.now()
    with transaction.atomic():
        lock_fair_offers(fair.pk)
        overdue = list(
            WaitlistOffer.objects.select_for_update()
            .filter(fair=fair, status=OfferStatus.PENDING, deadline__lt=now)
            .select_related("booth__fair", "fair", "application")
        )
        for offer in overdue:
            _respond(offer, OfferStatus.EXPIRED, by, "offer expired")
            if fair.state in HOLDING_STATES:
                offer_booth(booth=offer.booth, by=by, now=now)
        notices.offers_lapsed(overdue)
    return len(overdue)


def expire_overdue_offers(*, now=None):
    """Expire overdue offers at every fair that holds booths; the periodic job calls this."""
    total = 0
    for fair in Fair.objects.filter(state__in=HOLDING_STATES):
        total += expire_offers(fair=fair, now=now)
    return total
