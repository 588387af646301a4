"""National fairs (issue 18): the district officers' nomination page and one-tap decisions,
applying on a group's behalf, and the head office's progress of every province."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths import national_selectors
from booths.forms import ApplicationForm
from booths.models import Application
from booths.national_forms import NominationForm
from booths.services import nominations
from booths.services.applications import application_window_error
from booths.views.common import announced_fair_from, attempt, fair_from
from otop_fair.permissions import requires
from otop_fair.rules import provinces_kept_by
from producers.models import ProducerGroup


def _application_for_nomination(request, pk, **kwargs):
    return get_object_or_404(
        Application.objects.select_related("fair", "group__subdistrict"), pk=pk
    )


def _group_from(request, group_pk, **kwargs):
    return get_object_or_404(ProducerGroup.objects.select_related("subdistrict"), pk=group_pk)


@requires("booths.view_nominations", get_object=fair_from)
def nomination_list(request, pk, obj):
    show = request.GET.get("show", "")
    rows = national_selectors.nomination_rows(obj, request.user, show=show)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {
        "fair": obj,
        "page": page,
        "show": show,
        "window_error": nominations.nomination_window_error(obj),
        "form": NominationForm(),
    }
    return render(request, "booths/nomination_list.html", context)


@require_POST
@requires("booths.nominate", get_object=_application_for_nomination)
def nominate(request, pk, obj):
    form = NominationForm(request.POST)
    if not form.is_valid():
        # Shown again on its own, with the message next to the reason it needs.
        rows = national_selectors.nomination_rows(obj.fair, request.user).filter(pk=obj.pk)
        context = {
            "fair": obj.fair,
            "page": Paginator(rows, 1).get_page(1),
            "failed": obj.pk,
            "form": form,
        }
        return render(request, "booths/nomination_list.html", context)
    attempt(
        request,
        nominations.decide_nomination,
        _("Saved: %(group)s") % {"group": obj.group.name},
        application=obj,
        by=request.user,
        **form.cleaned_data,
    )
    url = reverse("booths:nomination_list", args=[obj.fair_id])
    return redirect(f"{url}#application-{obj.pk}")


@requires("booths.view_national_progress", get_object=fair_from)
def national_progress(request, pk, obj):
    rows = national_selectors.national_progress(obj)
    if not request.user.has_perm("booths.manage_fair", obj):
        kept = set(provinces_kept_by(request.user).values_list("code", flat=True))
        rows = [row for row in rows if row.code in kept]
    context = {"fair": obj, "rows": rows, "totals": national_selectors.progress_totals(rows)}
    return render(request, "booths/national_progress.html", context)


@requires("booths.apply_on_behalf", get_object=_group_from)
def apply_on_behalf(request, pk, group_pk, obj):
    fair = announced_fair_from(request, pk)
    form = ApplicationForm(request.POST or None, fair=fair, group=obj)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            request,
            nominations.apply_on_behalf,
            _("The application of %(group)s is saved.") % {"group": obj.name},
            fair=fair,
            group=obj,
            by=request.user,
            products=data["products"],
            zones=data["zones"],
            needs_electricity=data["needs_electricity"],
            wants_corner=data["wants_corner"],
            pitch=data["pitch"],
            category=data.get("category"),
        )
        if saved:
            return redirect("producers:group_detail", group_id=obj.pk)
    context = {"fair": fair, "group": obj, "form": form}
    context["window_error"] = application_window_error(fair)
    return render(request, "booths/apply_on_behalf.html", context)


@requires("booths.view_national_fairs")
def national_fairs(request):
    """Every national fair an area officer may screen for, with the way to its nominations; for a
    district officer also the groups of their districts that have not applied, each with a link
    to apply on its behalf (they have no other way to a national fair)."""
    fairs = national_selectors.national_fairs_for(request.user)
    groups = None
    if request.user.is_district_officer:
        groups = national_selectors.groups_to_apply_for(request.user, fairs)
    return render(request, "booths/national_fairs.html", {"fairs": fairs, "groups": groups})
