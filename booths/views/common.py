"""Small helpers the booths views share: fetching objects for `@requires`, calling services."""

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


def fair_from(request, pk, **kwargs):
    return get_object_or_404(Fair.objects.select_related("province"), pk=pk)


def announced_fair_from(request, pk, **kwargs):
    """A fair applicants may be shown: a draft is nobody's business outside its officers yet."""
    fairs = Fair.objects.exclude(state=FairState.DRAFT).select_related("province")
    return get_object_or_404(fairs, pk=pk)


def application_from(request, pk, **kwargs):
    return get_object_or_404(Application.objects.select_related("fair", "group"), pk=pk)


def booth_from(request, pk, **kwargs):
    return get_object_or_404(Booth.objects.select_related("fair", "zone"), pk=pk)


def zone_from(request, pk, **kwargs):
    return get_object_or_404(Zone.objects.select_related("fair"), pk=pk)


def run_from(request, pk, **kwargs):
    return get_object_or_404(AllocationRun.objects.select_related("fair"), pk=pk)


def review_from(request, pk, **kwargs):
    return get_object_or_404(
        ReviewAssignment.objects.select_related("member__fair", "application__group__subdistrict"),
        pk=pk,
    )


def seat_from(request, pk, **kwargs):
    return get_object_or_404(CommitteeMember.objects.select_related("fair"), pk=pk)


def offer_from(request, pk, **kwargs):
    return get_object_or_404(
        WaitlistOffer.objects.select_related("application", "booth__zone", "fair"), pk=pk
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
