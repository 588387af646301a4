"""Small helpers the booths views share: fetching the object a URL names for `@requires`
(`fair_from(request, fair_id)` → the fair), calling services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404

from booths.models import (
    AllocationRun,
    Application,
    Booth,
    CommitteeMember,
    Fair,
    FairState,
    ReviewAssignment,
    WaitlistOffer,
    Zone,
)


def fair_from(request, fair_id):
    return get_object_or_404(Fair.objects.select_related("province"), pk=fair_id)


def announced_fair_from(request, fair_id):
    """A fair applicants may be shown: a draft is nobody's business outside its officers yet."""
    fairs = Fair.objects.exclude(state=FairState.DRAFT).select_related("province")
    return get_object_or_404(fairs, pk=fair_id)


def application_from(request, application_id):
    return get_object_or_404(Application.objects.select_related("fair", "group"), pk=application_id)


def booth_from(request, booth_id):
    return get_object_or_404(Booth.objects.select_related("fair", "zone"), pk=booth_id)


def zone_from(request, zone_id):
    return get_object_or_404(Zone.objects.select_related("fair"), pk=zone_id)


def run_from(request, run_id):
    return get_object_or_404(AllocationRun.objects.select_related("fair"), pk=run_id)


def review_from(request, review_id):
    return get_object_or_404(
        ReviewAssignment.objects.select_related("member__fair", "application__group__subdistrict"),
        pk=review_id,
    )


def seat_from(request, seat_id):
    return get_object_or_404(CommitteeMember.objects.select_related("fair"), pk=seat_id)


def offer_from(request, offer_id):
    return get_object_or_404(
        WaitlistOffer.objects.select_related("application", "booth__zone", "fair"), pk=offer_id
    )


def attempt(request, service, success, **kwargs):
    """Call a service; show `success` or the service's Thai reason. Returns the result or None."""
    try:
        result = service(**kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return None
    messages.success(request, success)
    return result if result is not None else True
