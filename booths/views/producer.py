"""Producers' pages: fairs open to apply, their application, result, booth card and offers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths import selectors
from booths.eligibility_preview import live_checks, live_context
from booths.forms import ApplicationForm
from booths.models import ApplicationStatus, AssignmentStatus, Fair, FairState, OfferStatus
from booths.national_selectors import decision_of
from booths.services import applications, waitlist
from booths.services.appeals import appeal_window_error
from booths.views.common import (
    announced_fair_from,
    application_from,
    attempt,
    offer_from,
)
from otop_fair.accounts.slips import qr_data_uri
from otop_fair.confirm import confirmation, needs_confirmation
from otop_fair.exports import pdf_response
from otop_fair.http import wants_json
from otop_fair.permissions import requires
from producers import services as producer_services


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


@requires("booths.apply", fair=announced_fair_from)
def apply(request, fair):
    group = _group_for(request.user)
    existing = fair.applications.filter(group=group).first()
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
    form = ApplicationForm(request.POST or None, initial=initial, fair=fair, group=group)
    window_error = applications.application_window_error(fair)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            request,
            applications.submit_application,
            _("Your application is saved. You can change it until the window closes."),
            fair=fair,
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
        "fair": fair,
        "group": group,
        "form": form,
        "existing": existing,
        "can_withdraw": existing is not None and applications.withdrawal_error(existing) is None,
        "window_error": window_error,
    }
    if not window_error:
        context.update(live_context(fair, group, form))
    return render(request, "booths/apply.html", context)


@requires("booths.apply", fair=announced_fair_from)
def apply_check(request, fair):
    """The apply page's live check redrawn for what is ticked now (the page asks as boxes change)."""
    group = _group_for(request.user)
    form = ApplicationForm(request.GET, fair=fair, group=group)
    context = {"fair": fair, **live_context(fair, group, form)}
    return render(request, "booths/_live_eligibility.html", context)


@require_POST
@requires("booths.edit_application", application=application_from)
def withdraw(request, application):
    error = applications.withdrawal_error(application)
    if error:
        # A stale page's button: say why, without first asking to confirm what cannot happen.
        messages.error(request, error)
        return redirect("booths:result", application.pk)
    if needs_confirmation(request):
        return _withdraw_confirmation(request, application)
    attempt(
        request,
        applications.withdraw_application,
        _("Your application is withdrawn."),
        application=application,
        by=request.user,
    )
    return redirect("booths:my_applications")


def _withdraw_confirmation(request, application):
    holding = application.assignments.filter(status=AssignmentStatus.ACTIVE).first()
    lines = [_("Your application to “%(fair)s” is withdrawn.") % {"fair": application.fair.name}]
    if holding:
        lines += [
            _("You give up booth %(booth)s. It is offered to the next group on the waiting list.")
            % {"booth": holding.booth.code},
            _("You cannot get this booth back."),
        ]
    lines.append(_("Once applications close, you cannot apply to this fair again."))
    return confirmation(
        request,
        title=_("Give up the booth and withdraw?") if holding else _("Withdraw my application?"),
        consequences=lines,
        button=_("Yes, give up the booth") if holding else _("Yes, withdraw"),
        cancel_url=reverse("booths:result", args=[application.pk]),
    )


@requires("booths.view_result", application=application_from)
def result(request, application):
    holding = (
        application.assignments.filter(status=AssignmentStatus.ACTIVE)
        .select_related("booth__zone")
        .first()
    )
    published = application.fair.is_scoring_closed
    outcome = selectors.published_result(application) if published else None
    plan = selectors.floor_plan(application.fair, highlight=holding.booth_id) if holding else None
    context = {
        "application": application,
        "fair": application.fair,
        "holding": holding,
        "outcome": outcome,
        "is_published": published,
        "plan": plan,
        "offers": application.offers.select_related("booth").order_by("-offered_at"),
        "checks": application.eligibility_checks.all(),
        "can_withdraw": applications.withdrawal_error(application) is None,
        # Issue 18: the level that decided, the appeals, and whether one may still be filed.
        "decision": decision_of(application, outcome),
        "appeals": application.appeals.select_related("run"),
        "can_appeal": appeal_window_error(application) is None,
    }
    if (
        application.fair.state == FairState.OPEN
        and application.status != ApplicationStatus.WITHDRAWN
    ):
        context["live_group"], context["live_products"] = live_checks(
            application.fair, application.group, application.products.all()
        )
    return render(request, "booths/result.html", context)


def _card_with_story_qr(request, application):
    """The booth card's content and a QR code of the group's public story page."""
    card = selectors.booth_card(application)
    if card is None:
        raise Http404
    profile = producer_services.ensure_public_address(group=application.group)
    url = request.build_absolute_uri(reverse("public:group", args=[profile.slug]))
    card.update(story_url=url, qr=qr_data_uri(url))
    return card


@requires("booths.view_result", application=application_from)
def booth_card(request, application):
    card = _card_with_story_qr(request, application)
    return pdf_response(f"booth-{card['booth'].code}.pdf", "booths/booth_card_pdf.html", card)


@requires("booths.view_result", application=application_from)
def table_card(request, application):
    """A small A6 card for the booth's table: the booth code and the QR code of the story."""
    card = _card_with_story_qr(request, application)
    return pdf_response(f"table-{card['booth'].code}.pdf", "booths/table_card_pdf.html", card)


def _answer_offer(request, offer, wanted):
    """Apply the answer (`wanted`: accepted or declined) and say how it went, as a page or, to
    the phone's queue, as JSON; the same answer sent again (a queue resending) changes nothing."""
    result_url = reverse("booths:result", kwargs={"application_id": offer.application_id})
    try:
        if offer.status != wanted:
            answer = (
                waitlist.accept_offer if wanted == OfferStatus.ACCEPTED else waitlist.decline_offer
            )
            answer(offer=offer, by=request.user)
    except ValidationError as error:
        if wants_json(request):
            errors = {"answer": [{"message": m, "code": "refused"} for m in error.messages]}
            return JsonResponse({"ok": False, "errors": errors}, status=400)
        for message in error.messages:
            messages.error(request, message)
        return redirect(result_url)
    accepted = wanted == OfferStatus.ACCEPTED
    messages.success(
        request, _("The booth is yours.") if accepted else _("You declined the offer.")
    )
    if wants_json(request):
        return JsonResponse({"ok": True, "url": result_url})
    return redirect(result_url)


@require_POST
@requires("booths.respond_offer", offer=offer_from)
def accept_offer(request, offer):
    return _answer_offer(request, offer, OfferStatus.ACCEPTED)


@require_POST
@requires("booths.respond_offer", offer=offer_from)
def decline_offer(request, offer):
    return _answer_offer(request, offer, OfferStatus.DECLINED)


@require_POST
@requires("booths.respond_offer", offer=offer_from)
def answer_queued_before_the_split(request, offer):
    """An answer a phone queued offline while accept and decline still shared this URL: the entry
    carries the URL it was queued for and its button's `answer`, and is sent as it is (an unknown
    URL would drop it, unanswered). See tests/otop_fair/test_one_url_per_action.py for when this
    URL can go."""
    accepted = request.POST.get("answer") == "accept"
    return _answer_offer(request, offer, OfferStatus.ACCEPTED if accepted else OfferStatus.DECLINED)
