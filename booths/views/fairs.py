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
from booths.forms import BoothForm, BoothGridForm, FairForm, ZoneForm
from booths.models import FairState, Zone
from booths.services import floor, lifecycle
from booths.views.common import attempt, booth_from, fair_from, zone_from
from otop_fair.confirm import confirmation, needs_confirmation
from otop_fair.permissions import requires

GRID_WARNING_SIZE = 200  # a grid larger than this is more often a typo than a hall

STEPS = {
    "open": (lifecycle.open_applications, FairState.OPEN),
    "nominate": (lifecycle.start_nominations, FairState.NOMINATING),
    "score": (lifecycle.close_applications, FairState.SCORING),
    "start": (lifecycle.start_fair, FairState.RUNNING),
    "close": (lifecycle.close_fair, FairState.CLOSED),
}


@requires("booths.view_fairs")
def fair_list(request):
    fairs = selectors.fairs_for(request.user).select_related("province")
    return render(request, "booths/fair_list.html", {"fairs": fairs})


@requires("booths.add_fair")
def fair_create(request):
    form = FairForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fair = floor.save_fair(form=form, by=request.user)
        messages.success(request, _("The fair “%(fair)s” was created.") % {"fair": fair.name})
        return redirect("booths:fair_detail", pk=fair.pk)
    return render(request, "booths/fair_form.html", {"form": form})


@requires("booths.manage_fair", get_object=fair_from)
def fair_edit(request, pk, obj):
    form = FairForm(request.POST or None, instance=obj, user=request.user)
    if request.method == "POST" and form.is_valid():
        floor.save_fair(form=form, by=request.user)
        messages.success(request, _("The fair’s details were saved."))
        return redirect("booths:fair_detail", pk=pk)
    return render(request, "booths/fair_form.html", {"form": form, "fair": obj})


@requires("booths.manage_fair", get_object=fair_from)
def fair_detail(request, pk, obj):
    counts = obj.applications.values("status").annotate(n=Count("pk")).order_by("status")
    context = {
        "fair": obj,
        "counts": {row["status"]: row["n"] for row in counts},
        "booth_total": obj.booths.count(),
        "steps": [
            (name, target)
            for name, (_fn, target) in STEPS.items()
            if obj.is_national or target != FairState.NOMINATING
        ],
        "next_step": next((n for n, (_f, t) in STEPS.items() if t == obj.next_state), None),
        "runs": obj.runs.all()[:5],
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


@require_POST
@requires("booths.manage_fair", get_object=fair_from)
def fair_step(request, pk, step, obj):
    service, target = STEPS.get(step, (None, None))
    if service is not None and needs_confirmation(request):
        return confirmation(
            request,
            title=_("Move “%(fair)s” to “%(state)s”?")
            % {
                "fair": obj.name,
                "state": FairState(target).label,
            },
            consequences=STEP_CONSEQUENCES[step],
            button=_("Yes, move the fair to “%(state)s”") % {"state": FairState(target).label},
            cancel_url=reverse("booths:fair_detail", args=[pk]),
        )
    if service is not None:
        attempt(
            request,
            service,
            _("The fair is now “%(state)s”.") % {"state": FairState(target).label},
            fair=obj,
            by=request.user,
        )
    return redirect("booths:fair_detail", pk=pk)


@requires("booths.manage_fair", get_object=fair_from)
def zones(request, pk, obj):
    form = ZoneForm(request.POST or None, instance=Zone(fair=obj))
    saved = request.method == "POST" and form.is_valid()
    if saved and attempt(request, floor.save_zone, _("Zone saved."), fair=obj, form=form):
        return redirect("booths:zones", pk=pk)
    zone_rows = obj.zones.select_related("rule").annotate(booth_total=Count("booths"))
    return render(request, "booths/zones.html", {"fair": obj, "form": form, "zones": zone_rows})


@requires("booths.manage_fair", get_object=fair_from)
def booths(request, pk, obj):
    form = BoothGridForm(request.POST or None, fair=obj)
    if request.method == "POST" and form.is_valid() and needs_confirmation(request):
        return confirmation(
            request,
            title=_("Create %(n)s booths?") % {"n": form.booth_total},
            consequences=_grid_preview(obj, form),
            button=_("Yes, create %(n)s booths") % {"n": form.booth_total},
            cancel_url=reverse("booths:booths", args=[pk]),
        )
    if request.method == "POST" and form.is_valid():
        made = attempt(
            request,
            floor.create_booth_grid,
            _("Booths created."),
            fair=obj,
            by=request.user,
            **form.grid(),
        )
        if made:
            return redirect("booths:booths", pk=pk)
    page = Paginator(obj.booths.select_related("zone"), 100).get_page(request.GET.get("page"))
    return render(request, "booths/booths.html", {"fair": obj, "form": form, "page": page})


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


@requires("booths.manage_fair", get_object=booth_from)
def booth_edit(request, pk, obj):
    form = BoothForm(request.POST or None, instance=obj)
    saved = request.method == "POST" and form.is_valid()
    if saved and attempt(request, floor.save_booth, _("Booth saved."), form=form):
        return redirect("booths:booths", pk=obj.fair_id)
    return render(request, "booths/booth_form.html", {"form": form, "booth": obj, "fair": obj.fair})


@requires("booths.view_plan", get_object=fair_from)
def floor_plan(request, pk, obj):
    names = request.user.has_perm("booths.manage_fair", obj)
    plan = selectors.floor_plan(obj, names=names)
    context = {"fair": obj, "plan": plan, "names": names}
    context["is_editable"] = names and obj.state in floor.LAYOUT_STATES
    return render(request, "booths/floor_plan.html", context)


@require_POST
@requires("booths.manage_fair", get_object=booth_from)
def booth_delete(request, pk, obj):
    back = reverse("booths:booths", args=[obj.fair_id])
    if needs_confirmation(request):
        return confirmation(
            request,
            title=_("Delete booth %(code)s?") % {"code": obj.code},
            consequences=[
                _("Booth %(code)s is removed from the fair and its floor plan.")
                % {"code": obj.code},
                _("Only a booth no group holds, was offered or was allocated can be deleted."),
            ],
            button=_("Yes, delete the booth"),
            cancel_url=back,
        )
    attempt(request, floor.delete_booth, _("The booth was deleted."), booth=obj, by=request.user)
    return redirect(back)


@require_POST
@requires("booths.manage_fair", get_object=fair_from)
def floor_plan_save(request, pk, obj):
    """The editor's one save: every moved booth's new position, as JSON {booth id: [x, y]}."""
    moves = _posted_moves(request.POST.get("moves", ""))
    if moves is None:
        messages.error(request, _("The moves could not be read. Nothing was saved."))
    elif moves:
        attempt(
            request,
            floor.move_booths,
            _("%(n)s booths moved.") % {"n": len(moves)},
            fair=obj,
            moves=moves,
            by=request.user,
        )
    return redirect("booths:floor_plan", pk=pk)


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
@requires("booths.manage_fair", get_object=zone_from)
def zone_delete(request, pk, obj):
    back = reverse("booths:zones", args=[obj.fair_id])
    if needs_confirmation(request):
        return confirmation(
            request,
            title=_("Delete zone %(code)s?") % {"code": obj.code},
            consequences=[
                _("Zone %(code)s %(name)s is removed from the fair.")
                % {"code": obj.code, "name": obj.name},
                _("Only a zone without booths that no applicant chose can be deleted."),
            ],
            button=_("Yes, delete the zone"),
            cancel_url=back,
        )
    attempt(request, floor.delete_zone, _("The zone was deleted."), zone=obj, by=request.user)
    return redirect(back)
