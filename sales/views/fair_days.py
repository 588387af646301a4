"""Fair-time pages: the producer's daily sales form and own figures, the officer's daily check-in,
visit notes and the sales cut-off."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from otop_fair.forms import error_summary
from otop_fair.http import wants_json
from otop_fair.permissions import requires
from otop_fair.thai import baht, thai_date_short
from sales import selectors, services
from sales.charts import COMPACT_BARS, bar_chart
from sales.forms import DailySalesForm, EncouragementVisitForm, SalesCutoffForm
from sales.reports import target_progress
from sales.views.common import chosen_day, get_assignment, get_fair


def _save_sales(request, assignment, form):
    """Validate and save the day; returns the row, or None with the errors put on the form."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        return services.record_daily_sales(
            assignment=assignment,
            by=request.user,
            reason=data.get("reason") or "",
            **{k: v for k, v in data.items() if k != "reason"},
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


@requires("sales.enter_sales", assignment=get_assignment)
def enter_sales(request, assignment):
    day = chosen_day(request, assignment.fair)
    may_enter_late = request.user.has_perm("sales.enter_late_sales", assignment)
    form = DailySalesForm(request.POST or None, needs_reason=may_enter_late, initial={"day": day})
    if request.method == "POST":
        row = _save_sales(request, assignment, form)
        if wants_json(request):
            if row is None:
                errors = form.errors.get_json_data()
                # `confirm`: the phone holds the day until the producer confirms it.
                return JsonResponse(
                    {"ok": False, "errors": errors, "confirm": form.asks_to_confirm}, status=400
                )
            payload = {
                "day": row.day.isoformat(),
                "amount": f"{row.amount:.2f}",
                "orders": f"{row.orders:.2f}",
            }
            displays = {"amount_display": baht(row.amount), "orders_display": baht(row.orders)}
            return JsonResponse({"ok": True, **displays, **payload})
        if row is not None:
            messages.success(request, _("Saved: %(amount)s") % {"amount": _takings(row)})
            return redirect(f"{request.path}?day={row.day.isoformat()}")
    days = selectors.sales_days(assignment)
    current = dict(days).get(day)
    if current is not None and request.method == "GET":
        form = DailySalesForm(needs_reason=may_enter_late, initial=_initial_from(current))
    deadline = services.sales_policy(assignment.fair).deadline_for(day)
    context = {
        "assignment": assignment,
        "form": form,
        "day": day,
        "days": days,
        "deadline": deadline,
        # A day still to come is said before anything is typed, not only when saving.
        "not_yet": day > timezone.localdate(),
    }
    return render(request, "sales/enter.html", context)


def _takings(row):
    """The day's sales, and the orders taken when there are any."""
    if not row.orders:
        return baht(row.amount)
    return _("%(sales)s + orders %(orders)s") % {
        "sales": baht(row.amount),
        "orders": baht(row.orders),
    }


def _initial_from(row):
    fields = ("day", "amount", "orders", "units", "cash_amount", "transfer_amount", "note")
    return {name: getattr(row, name) for name in fields}


@requires("sales.view_own_sales")
def my_sales(request):
    overviews = [selectors.producer_overview(a) for a in selectors.producer_holdings(request.user)]
    return render(request, "sales/my_sales.html", {"overviews": overviews})


@requires("sales.list_fairs")
def fair_list(request):
    return render(request, "sales/fair_list.html", {"fairs": selectors.officer_fairs(request.user)})


@requires("sales.view_checkin", fair=get_fair)
def checkin(request, fair):
    data = selectors.checkin_dashboard(fair, chosen_day(request, fair))
    per_day = bar_chart(((thai_date_short(d), total) for d, total in data.per_day), **COMPACT_BARS)
    categories = bar_chart(((row.label, row.current) for row in data.by_category), **COMPACT_BARS)
    context = {"data": data, "fair": fair, "per_day_chart": per_day, "category_chart": categories}
    context["progress"] = target_progress(fair, data.day)
    return render(request, "sales/checkin.html", context)


@require_POST
@requires("sales.record_visit", assignment=get_assignment)
def record_visit(request, assignment):
    form = EncouragementVisitForm(request.POST)
    if form.is_valid() and form.cleaned_data["day"] not in assignment.fair.fair_days:
        messages.error(request, _("That day is not a day of this fair."))
        return redirect(_checkin_url(assignment.fair))
    if form.is_valid():
        services.record_encouragement_visit(
            assignment=assignment, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Visit note saved."))
        return redirect(
            f"{_checkin_url(assignment.fair)}?day={form.cleaned_data['day'].isoformat()}"
        )
    messages.error(request, error_summary(form))
    return redirect(_checkin_url(assignment.fair))


def _checkin_url(fair):
    return reverse("sales:checkin", args=[fair.pk])


@requires("sales.set_cutoff", fair=get_fair)
def cutoff(request, fair):
    policy = services.sales_policy(fair)
    initial = {"days_after": policy.days_after, "cutoff_time": policy.cutoff_time}
    form = SalesCutoffForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_sales_cutoff(fair=fair, by=request.user, **form.cleaned_data)
        messages.success(request, _("Cut-off saved."))
        return redirect("sales:checkin", fair.pk)
    return render(request, "sales/cutoff.html", {"fair": fair, "form": form})
