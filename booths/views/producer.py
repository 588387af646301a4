"""Producers' pages: fairs open to apply, their application, result, booth card and offers."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths import selectors
from booths.forms import ApplicationForm
from booths.models import ApplicationStatus, AssignmentStatus, Fair, FairState, OfferStatus
from booths.services import applications, waitlist
from booths.views.common import application_from, attempt, fair_from, offer_from
from otop_fair.exports import pdf_response
from otop_fair.permissions import requires


@requires("booths.view_my_applications")
def my_applications(request):
    mine = list(selectors.applications_for_producer(request.user))
    applied = {a.fair_id for a in mine}
    open_fairs = Fair.objects.filter(
        state=FairState.OPEN, applications_close_on__gte=timezone.localdate()
    ).exclude(pk__in=applied)
    offers = selectors.pending_offers_for(request.user)
    return render(
        request,
        "booths/my_applications.html",
        {"applications": mine, "open_fairs": open_fairs, "offers": offers},
    )


def _group_for(user):
    """The producer's group that applies (the first, for the rare member of several)."""
    group = user.producer_groups.order_by("pk").first()
    if group is None:
        raise Http404
    return group


@requires("booths.apply", get_object=fair_from)
def apply(request, pk, obj):
    group = _group_for(request.user)
    existing = obj.applications.filter(group=group).first()
    initial = {}
    if existing is not None:
        zones = [p.zone for p in existing.preferences.select_related("zone")]
        initial = {
            "products": existing.products.all(),
            "needs_electricity": existing.needs_electricity,
            "wants_corner": existing.wants_corner,
            "pitch": existing.pitch,
            "category": existing.category,
            **{f"choice_{i}": z for i, z in enumerate(zones[:3], start=1)},
        }
    form = ApplicationForm(request.POST or None, initial=initial, fair=obj, group=group)
    window_error = applications.application_window_error(obj)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            request,
            applications.submit_application,
            _("Your application is saved. You can change it until the window closes."),
            fair=obj,
            group=group,
            products=data["products"],
            zones=data["zones"],
            needs_electricity=data["needs_electricity"],
            wants_corner=data["wants_corner"],
            pitch=data["pitch"],
            category=data.get("category"),
            by=request.user,
        )
        if saved:
            return redirect("booths:my_applications")
    context = {
        "fair": obj,
        "group": group,
        "form": form,
        "existing": existing,
        "window_error": window_error,
    }
    return render(request, "booths/apply.html", context)


@require_POST
@requires("booths.edit_application", get_object=application_from)
def withdraw(request, pk, obj):
    attempt(
        request,
        applications.withdraw_application,
        _("Your application is withdrawn."),
        application=obj,
        by=request.user,
    )
    return redirect("booths:my_applications")


@requires("booths.view_result", get_object=application_from)
def result(request, pk, obj):
    holding = (
        obj.assignments.filter(status=AssignmentStatus.ACTIVE).select_related("booth__zone").first()
    )
    published = obj.fair.is_scoring_closed
    outcome = selectors.published_result(obj) if published else None
    plan = selectors.floor_plan(obj.fair, highlight=holding.booth_id) if holding else None
    context = {
        "application": obj,
        "fair": obj.fair,
        "holding": holding,
        "outcome": outcome,
        "is_published": published,
        "plan": plan,
        "offers": obj.offers.select_related("booth").order_by("-offered_at"),
        "checks": obj.eligibility_checks.all(),
        "can_withdraw": obj.status != ApplicationStatus.WITHDRAWN
        and obj.fair.state != FairState.CLOSED,
    }
    return render(request, "booths/result.html", context)


@requires("booths.view_result", get_object=application_from)
def booth_card(request, pk, obj):
    card = selectors.booth_card(obj)
    if card is None:
        raise Http404
    return pdf_response(f"booth-{card['booth'].code}.pdf", "booths/booth_card_pdf.html", card)


@require_POST
@requires("booths.respond_offer", get_object=offer_from)
def respond_offer(request, pk, obj):
    waitlist.expire_offers(fair=obj.fair)
    obj.refresh_from_db()
    if request.POST.get("answer") == "accept":
        attempt(
            request, waitlist.accept_offer, _("The booth is yours."), offer=obj, by=request.user
        )
    elif obj.status == OfferStatus.PENDING:
        attempt(
            request,
            waitlist.decline_offer,
            _("You declined the offer."),
            offer=obj,
            by=request.user,
        )
    return redirect("booths:result", pk=obj.application_id)
