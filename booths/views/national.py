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
from otop_fair.report_time import bounded_report_time
from otop_fair.rules import provinces_kept_by
from producers.models import ProducerGroup


def _application_for_nomination(request, application_id):
    return get_object_or_404(
        Application.objects.select_related("fair", "group__subdistrict"), pk=application_id
    )


def _group_from(request, group_id):
    return get_object_or_404(ProducerGroup.objects.select_related("subdistrict"), pk=group_id)


@requires("booths.view_nominations", fair=fair_from)
def nomination_list(request, fair):
    show = request.GET.get("show", "")
    rows = national_selectors.nomination_rows(fair, request.user, show=show)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {
        "fair": fair,
        "page": page,
        "show": show,
        "window_error": nominations.nomination_window_error(fair),
        "form": NominationForm(),
    }
    return render(request, "booths/nomination_list.html", context)


@require_POST
@requires("booths.nominate", application=_application_for_nomination)
def nominate(request, application):
    form = NominationForm(request.POST)
    if not form.is_valid():
        # Shown again on its own, with the message next to the reason it needs.
        rows = national_selectors.nomination_rows(application.fair, request.user)
        context = {
            "fair": application.fair,
            "page": Paginator(rows.filter(pk=application.pk), 1).get_page(1),
            "failed": application.pk,
            "form": form,
        }
        return render(request, "booths/nomination_list.html", context)
    attempt(
        request,
        nominations.decide_nomination,
        _("Saved: %(group)s") % {"group": application.group.name},
        application=application,
        by=request.user,
        **form.cleaned_data,
    )
    url = reverse("booths:nomination_list", args=[application.fair_id])
    return redirect(f"{url}#application-{application.pk}")


@requires("booths.view_national_progress", fair=fair_from)
@bounded_report_time
def national_progress(request, fair):
    rows = national_selectors.national_progress(fair)
    if not request.user.has_perm("booths.manage_fair", fair):
        kept = set(provinces_kept_by(request.user).values_list("code", flat=True))
        rows = [row for row in rows if row.code in kept]
    context = {"fair": fair, "rows": rows, "totals": national_selectors.progress_totals(rows)}
    return render(request, "booths/national_progress.html", context)


@requires("booths.apply_on_behalf", group=_group_from)
def apply_on_behalf(request, fair_id, group):
    fair = announced_fair_from(request, fair_id)
    form = ApplicationForm(request.POST or None, fair=fair, group=group)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            request,
            nominations.apply_on_behalf,
            _("The application of %(group)s is saved.") % {"group": group.name},
            fair=fair,
            group=group,
            by=request.user,
            products=data["products"],
            zones=data["zones"],
            needs_electricity=data["needs_electricity"],
            wants_corner=data["wants_corner"],
            pitch=data["pitch"],
            category=data.get("category"),
        )
        if saved:
            return redirect("producers:group_detail", group_id=group.pk)
    context = {"fair": fair, "group": group, "form": form}
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
