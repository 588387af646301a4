"""Officers' pages for setting up a fair: the fair, its lifecycle, zones, booths and floor plan."""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from booths import selectors
from booths.fair_actions import STEP_TARGETS, next_steps
from booths.forms import BoothForm, BoothGridForm, FairForm, ZoneForm
from booths.models import FairState, Zone
from booths.services import floor, lifecycle
from booths.views.common import attempt, booth_from, fair_from, zone_from
from otop_fair.confirm import confirmation, is_ticked, needs_confirmation
from otop_fair.form_keys import redirect_once
from otop_fair.permissions import requires

GRID_WARNING_SIZE = 200  # a grid larger than this is more often a typo than a hall

STEP_SERVICES = {
    "open": lifecycle.open_applications,
    "nominate": lifecycle.start_nominations,
    "score": lifecycle.close_applications,
    "start": lifecycle.start_fair,
    "close": lifecycle.close_fair,
}
STEPS = {step: (STEP_SERVICES[step], target) for step, target in STEP_TARGETS.items()}


@requires("booths.view_fairs")
def fair_list(request):
    fairs = selectors.fairs_for(request.user).select_related("province")
    return render(request, "booths/fair_list.html", {"fairs": fairs})


@requires("booths.add_fair")
def fair_create(request):
    form = FairForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        return redirect_once(
            request,
            form,
            lambda: floor.save_fair(form=form, by=request.user),
            to=lambda fair: reverse("booths:fair_detail", args=[fair.pk]),
            saved=lambda fair: _("The fair “%(fair)s” was created.") % {"fair": fair.name},
        )
    return render(request, "booths/fair_form.html", {"form": form})


@requires("booths.manage_fair", fair=fair_from)
def fair_edit(request, fair):
    form = FairForm(request.POST or None, instance=fair, user=request.user)
    if request.method == "POST" and form.is_valid():
        floor.save_fair(form=form, by=request.user)
        messages.success(request, _("The fair’s details were saved."))
        return redirect("booths:fair_detail", fair_id=fair.pk)
    return render(request, "booths/fair_form.html", {"form": form, "fair": fair})


@requires("booths.manage_fair", fair=fair_from)
def fair_detail(request, fair):
    counts = fair.applications.values("status").annotate(n=Count("pk")).order_by("status")
    context = {
        "fair": fair,
        "counts": {row["status"]: row["n"] for row in counts},
        "booth_total": fair.booths.count(),
        # Only the steps the fair's state allows (the rule check_step enforces).
        "steps": next_steps(fair),
        "runs": fair.runs.all()[:5],
    }
    return render(request, "booths/fair_detail.html", context)


STEP_CONSEQUENCES = {
    "open": [
        gettext_lazy("Producers can apply to this fair from now on, until applications close."),
        gettext_lazy("The fair is shown on the producers' list of fairs."),
    ],
    "nominate": [
        gettext_lazy("No more applications are accepted."),
        gettext_lazy("Every application is checked against the eligibility rules."),
        gettext_lazy(
            "District officers nominate or decline their districts' applications until the "
            "nomination deadline; only nominated applications go on to the provincial committees."
        ),
    ],
    "score": [
        gettext_lazy(
            "No more applications are accepted, and producers can no longer change theirs."
        ),
        gettext_lazy("Every application is checked against the eligibility rules."),
        gettext_lazy("The committee can start scoring."),
    ],
    "start": [
        gettext_lazy("The fair is running: the published booths are final."),
        gettext_lazy("Producers record their sales each day."),
    ],
    "close": [
        gettext_lazy("The fair is closed: no more sales or problems can be recorded."),
        gettext_lazy("The fair's reports use the figures as they are now."),
    ],
}


def _step_confirmation(request, fair, step, target, early):
    """The page that asks before a step; starting scoring before the districts' nomination
    deadline says what it cuts short and must be ticked as well."""
    label = FairState(target).label
    return confirmation(
        request,
        title=_("Move “%(fair)s” to “%(state)s”?") % {"fair": fair.name, "state": label},
        consequences=[early, *STEP_CONSEQUENCES[step]] if early else STEP_CONSEQUENCES[step],
        button=_("Yes, move the fair to “%(state)s”") % {"state": label},
        cancel_url=reverse("booths:fair_detail", args=[fair.pk]),
        tick=_("I start scoring before the nomination deadline, knowing the above.")
        if early
        else None,
    )


@require_POST
@requires("booths.manage_fair", fair=fair_from)
def fair_step(request, fair, step):
    service, target = STEPS.get(step, (None, None))
    if service is None:
        return redirect("booths:fair_detail", fair_id=fair.pk)
    early = lifecycle.early_scoring_warning(fair) if step == "score" else None
    if needs_confirmation(request) or (early and not is_ticked(request)):
        return _step_confirmation(request, fair, step, target, early)
    attempt(
        request,
        service,
        _("The fair is now “%(state)s”.") % {"state": FairState(target).label},
        fair=fair,
        by=request.user,
        **({"confirm_early": True} if early else {}),
    )
    return redirect("booths:fair_detail", fair_id=fair.pk)


@requires("booths.manage_fair", fair=fair_from)
def zones(request, fair):
    form = ZoneForm(request.POST or None, instance=Zone(fair=fair))
    saved = request.method == "POST" and form.is_valid()
    if saved and attempt(request, floor.save_zone, _("Zone saved."), fair=fair, form=form):
        return redirect("booths:zones", fair_id=fair.pk)
    zone_rows = fair.zones.select_related("rule").annotate(booth_total=Count("booths"))
    return render(request, "booths/zones.html", {"fair": fair, "form": form, "zones": zone_rows})


@requires("booths.manage_fair", fair=fair_from)
def booths(request, fair):
    form = BoothGridForm(request.POST or None, fair=fair)
    if request.method == "POST" and form.is_valid() and needs_confirmation(request):
        return confirmation(
            request,
            title=_("Create %(n)s booths?") % {"n": form.booth_total},
            consequences=_grid_preview(fair, form),
            button=_("Yes, create %(n)s booths") % {"n": form.booth_total},
            cancel_url=reverse("booths:booths", args=[fair.pk]),
        )
    if request.method == "POST" and form.is_valid():
        made = attempt(
            request,
            floor.create_booth_grid,
            _("Booths created."),
            fair=fair,
            by=request.user,
            **form.grid(),
        )
        if made:
            return redirect("booths:booths", fair_id=fair.pk)
    page = Paginator(fair.booths.select_related("zone"), 100).get_page(request.GET.get("page"))
    return render(request, "booths/booths.html", {"fair": fair, "form": form, "page": page})


def _grid_preview(fair, form):
    data = form.cleaned_data
    codes = [f"{data['prefix']}{n:0{data['digits']}d}" for n in (data["first"], data["last"])]
    lines = [
        _("%(n)s booths, %(first)s to %(last)s, in zone %(zone)s, %(per_row)s to a row.")
        % {"n": form.booth_total, "first": codes[0], "last": codes[1], "zone": data["zone"],
           "per_row": data["per_row"]},
    ]  # fmt: skip
    if data["origin_x"] is None or data["origin_y"] is None:
        lines.append(_("They are placed below the booths already on the plan."))
    if fair.state != FairState.DRAFT:
        lines.append(_("Applications are already open: producers see the new booths at once."))
    if form.booth_total > GRID_WARNING_SIZE:
        lines.append(
            _("That is a lot of booths: check the first and last numbers before you go on.")
        )
    return lines


@requires("booths.manage_fair", booth=booth_from)
def booth_edit(request, booth):
    form = BoothForm(request.POST or None, instance=booth)
    saved = request.method == "POST" and form.is_valid()
    if saved and attempt(request, floor.save_booth, _("Booth saved."), form=form):
        return redirect("booths:booths", fair_id=booth.fair_id)
    return render(
        request, "booths/booth_form.html", {"form": form, "booth": booth, "fair": booth.fair}
    )


@requires("booths.view_plan", fair=fair_from)
def floor_plan(request, fair):
    names = request.user.has_perm("booths.manage_fair", fair)
    plan = selectors.floor_plan(fair, names=names)
    context = {"fair": fair, "plan": plan, "names": names}
    context["is_editable"] = names and fair.state in floor.LAYOUT_STATES
    return render(request, "booths/floor_plan.html", context)


@require_POST
@requires("booths.manage_fair", booth=booth_from)
def booth_delete(request, booth):
    back = reverse("booths:booths", args=[booth.fair_id])
    if needs_confirmation(request):
        return confirmation(
            request,
            title=_("Delete booth %(code)s?") % {"code": booth.code},
            consequences=[
                _("Booth %(code)s is removed from the fair and its floor plan.")
                % {"code": booth.code},
                _("Only a booth no group holds, was offered or was allocated can be deleted."),
            ],
            button=_("Yes, delete the booth"),
            cancel_url=back,
        )
    attempt(request, floor.delete_booth, _("The booth was deleted."), booth=booth, by=request.user)
    return redirect(back)


@require_POST
@requires("booths.manage_fair", fair=fair_from)
def floor_plan_save(request, fair):
    """The editor's one save: every moved booth's new position, as JSON {booth id: [x, y]}."""
    moves = _posted_moves(request.POST.get("moves", ""))
    if moves is None:
        messages.error(request, _("The moves could not be read. Nothing was saved."))
    elif moves:
        attempt(
            request,
            floor.move_booths,
            _("%(n)s booths moved.") % {"n": len(moves)},
            fair=fair,
            moves=moves,
            by=request.user,
        )
    return redirect("booths:floor_plan", fair_id=fair.pk)


def _posted_moves(text):
    """{booth id: [x, y]} from the editor's JSON, or None when it is not that shape."""
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return None
    if not isinstance(raw, dict) or not all(k.isascii() and k.isdigit() for k in raw):
        return None
    return {int(k): v for k, v in raw.items()}


@require_POST
@requires("booths.manage_fair", zone=zone_from)
def zone_delete(request, zone):
    back = reverse("booths:zones", args=[zone.fair_id])
    if needs_confirmation(request):
        return confirmation(
            request,
            title=_("Delete zone %(code)s?") % {"code": zone.code},
            consequences=[
                _("Zone %(code)s %(name)s is removed from the fair.")
                % {"code": zone.code, "name": zone.name},
                _("Only a zone without booths that no applicant chose can be deleted."),
            ],
            button=_("Yes, delete the zone"),
            cancel_url=back,
        )
    attempt(request, floor.delete_zone, _("The zone was deleted."), zone=zone, by=request.user)
    return redirect(back)
