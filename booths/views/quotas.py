"""The head office's quota grid of a national fair: province × category, typed or imported."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths.models import FairState
from booths.quota_forms import QuotaGridForm, QuotaSheetForm, cell_name
from booths.services import quotas
from booths.views.common import attempt, fair_from
from otop_fair.permissions import requires
from producers.models import Province


def _grid_form(fair, provinces, data=None):
    booths_total, takes = quotas.booths_by_category(fair)
    initial = {cell_name(p, c): n for (p, c), n in quotas.quota_table(fair).items()}
    return QuotaGridForm(
        data, initial=initial, provinces=provinces, booths_total=booths_total, takes=takes
    )


def _reason(fair, typed, default):
    """The typed reason; before publication a plain label does (after it, the service asks)."""
    return typed or ("" if fair.is_scoring_closed else default)


def _save(request, fair, form, reason):
    """Whether the table was saved (the service's message is shown either way)."""
    return None is not attempt(
        request,
        quotas.save_quotas,
        _("The quotas are saved."),
        fair=fair,
        table=form.table(),
        by=request.user,
        reason=reason,
    )


@requires("booths.manage_quotas", fair=fair_from)
def quota_grid(request, fair):
    provinces = list(Province.objects.order_by("sort_name"))
    form = _grid_form(fair, provinces, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        reason = _reason(fair, form.cleaned_data["reason"], _("quota table edited"))
        if _save(request, fair, form, reason):
            return redirect("booths:quotas", fair_id=fair.pk)
    return _render(request, fair, form, QuotaSheetForm(provinces=provinces))


@require_POST
@requires("booths.manage_quotas", fair=fair_from)
def quota_import(request, fair):
    provinces = list(Province.objects.order_by("sort_name"))
    sheet = QuotaSheetForm(request.POST, request.FILES, provinces=provinces)
    if not sheet.is_valid():
        return _render(request, fair, _grid_form(fair, provinces), sheet)
    form = _grid_form(fair, provinces, sheet.cleaned_data["sheet"])
    reason = _reason(fair, sheet.cleaned_data["reason"], _("quota table imported from a sheet"))
    if form.is_valid() and _save(request, fair, form, reason):
        return redirect("booths:quotas", fair_id=fair.pk)
    messages.error(request, _("The sheet was not saved: see the marked cells."))
    return _render(request, fair, form, QuotaSheetForm(provinces=provinces))


def _render(request, fair, form, sheet):
    context = {
        "fair": fair,
        "form": form,
        "sheet": sheet,
        "booths_total": form.booths_total,
        "is_closed": fair.state == FairState.CLOSED,
        "needs_reason": fair.is_scoring_closed,
    }
    return render(request, "booths/quotas.html", context)
