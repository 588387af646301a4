"""The venue's plan under the booths: the officer's upload page, the picture itself, removing it."""

import base64

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths.models import VenuePlan
from booths.plan_forms import VenuePlanForm
from booths.services import venue
from booths.views.common import attempt, fair_from
from otop_fair.permissions import requires
from otop_fair.uploads import image_response


@requires("booths.manage_fair", fair=fair_from)
def venue_plan(request, fair):
    current = VenuePlan.objects.filter(fair=fair).first()
    initial = {"width_m": current.width_m} if current else {}
    form = VenuePlanForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            request,
            venue.set_venue_plan,
            _("The venue plan is saved; it is drawn under the booths."),
            fair=fair,
            image=form.cleaned_data["image"],
            width=form.width(),
            by=request.user,
        )
        if saved:
            return redirect("booths:floor_plan", fair_id=fair.pk)
    return render(
        request, "booths/venue_plan.html", {"fair": fair, "form": form, "current": current}
    )


@requires("booths.view_plan", fair=fair_from)
def venue_plan_image(request, fair):
    current = VenuePlan.objects.filter(fair=fair).first()
    if current is None:
        raise Http404
    return image_response(current.image)


@require_POST
@requires("booths.manage_fair", fair=fair_from)
def venue_plan_remove(request, fair):
    attempt(
        request,
        venue.remove_venue_plan,
        _("The venue plan is removed; the booths stay where they are."),
        fair=fair,
        by=request.user,
    )
    return redirect("booths:floor_plan", fair_id=fair.pk)


def venue_data_uri(plan):
    """The venue picture inlined for a PDF, which cannot open our permission-checked URL."""
    if plan is None:
        return ""
    with plan.image.open("rb") as picture:
        return "data:image/jpeg;base64," + base64.b64encode(picture.read()).decode("ascii")
