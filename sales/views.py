"""Fair-time pages: the producer's daily sales form and own figures, the officer's daily check-in,
and problems raised at the booth."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from booths.models import Assignment, AssignmentStatus, Fair
from otop_fair.http import wants_json
from otop_fair.permissions import requires
from otop_fair.thai import baht, thai_date_short
from otop_fair.uploads import image_response
from sales import selectors, services
from sales.charts import horizontal_bars
from sales.daily_report import target_progress
from sales.forms import (
    DailySalesForm,
    EncouragementVisitForm,
    IssueActionForm,
    IssueReportForm,
    SalesCutoffForm,
)
from sales.models import IssueReport, IssueStatus


def _assignment(request, assignment_id):
    queryset = Assignment.objects.select_related(
        "fair__sales_policy", "booth__zone", "application__group"
    )
    return get_object_or_404(queryset, pk=assignment_id)


def _fair(request, fair_id):
    return get_object_or_404(Fair, pk=fair_id)


def _issue(request, issue_id, **kwargs):
    queryset = IssueReport.objects.select_related(
        "fair", "assignment__booth", "assignment__application__group", "assigned_officer"
    )
    return get_object_or_404(queryset, pk=issue_id)


def _chosen_day(request, fair):
    """The fair day asked for, else today kept inside the fair's dates."""
    try:
        day = parse_date(request.GET.get("day") or request.POST.get("day") or "")
    except ValueError:  # well formed but impossible, such as 2026-02-30
        raise Http404 from None
    if day is None:
        day = min(max(timezone.localdate(), fair.start_date), fair.end_date)
    if not fair.start_date <= day <= fair.end_date:
        raise Http404
    return day


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


@requires("sales.enter_sales", get_object=_assignment)
def enter_sales(request, assignment_id, obj):
    day = _chosen_day(request, obj.fair)
    is_officer = request.user.has_perm("sales.enter_late_sales", obj)
    form = DailySalesForm(request.POST or None, needs_reason=is_officer, initial={"day": day})
    if request.method == "POST":
        row = _save_sales(request, obj, form)
        if wants_json(request):
            if row is None:
                return JsonResponse(
                    {"ok": False, "errors": form.errors.get_json_data()}, status=400
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
    days = selectors.sales_days(obj)
    current = dict(days).get(day)
    if current is not None and request.method == "GET":
        form = DailySalesForm(needs_reason=is_officer, initial=_initial_from(current))
    deadline = services.sales_policy(obj.fair).deadline_for(day)
    context = {"assignment": obj, "form": form, "day": day, "days": days, "deadline": deadline}
    return render(request, "sales/enter.html", {**context, "is_officer": is_officer})


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


@requires("sales.view_checkin", get_object=_fair)
def checkin(request, fair_id, obj):
    data = selectors.checkin_dashboard(obj, _chosen_day(request, obj))
    per_day = horizontal_bars((thai_date_short(d), total) for d, total in data.per_day)
    categories = horizontal_bars((row.label, row.today) for row in data.by_category)
    context = {"data": data, "fair": obj, "per_day_chart": per_day, "category_chart": categories}
    context["progress"] = target_progress(obj, data.day)
    return render(request, "sales/checkin.html", context)


@require_POST
@requires("sales.record_visit", get_object=_assignment)
def record_visit(request, assignment_id, obj):
    form = EncouragementVisitForm(request.POST)
    if form.is_valid() and form.cleaned_data["day"] not in obj.fair.fair_days:
        messages.error(request, _("That day is not a day of this fair."))
        return redirect(_checkin_url(obj.fair))
    if form.is_valid():
        services.record_encouragement_visit(assignment=obj, by=request.user, **form.cleaned_data)
        messages.success(request, _("Visit note saved."))
        return redirect(f"{_checkin_url(obj.fair)}?day={form.cleaned_data['day'].isoformat()}")
    messages.error(request, _("Write a short note of the visit."))
    return redirect(_checkin_url(obj.fair))


def _checkin_url(fair):
    return reverse("sales:checkin", args=[fair.pk])


@requires("sales.set_cutoff", get_object=_fair)
def cutoff(request, fair_id, obj):
    policy = services.sales_policy(obj)
    initial = {"days_after": policy.days_after, "cutoff_time": policy.cutoff_time}
    form = SalesCutoffForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_sales_cutoff(fair=obj, by=request.user, **form.cleaned_data)
        messages.success(request, _("Cut-off saved."))
        return redirect("sales:checkin", obj.pk)
    return render(request, "sales/cutoff.html", {"fair": obj, "form": form})


@requires("sales.list_issues")
def issue_list(request):
    issues = selectors.issues_visible_to(request.user)
    status = request.GET.get("status") or ""
    if status:
        issues = issues.filter(status=status)
    context = {"issues": issues[:200], "status": status, "statuses": IssueStatus.choices}
    return render(request, "sales/issue_list.html", context)


@requires("sales.report_issue", get_object=_fair)
def issue_new(request, fair_id, obj):
    is_officer = request.user.has_perm("sales.manage_issue", IssueReport(fair=obj))
    booths = Assignment.objects.filter(fair=obj, status=AssignmentStatus.ACTIVE)
    booths = booths.select_related("booth").order_by("booth__code")
    own = booths.filter(application__group__members=request.user).first()
    form = IssueReportForm(
        request.POST or None, request.FILES or None, booths=booths if is_officer else None
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        issue = services.report_issue(
            fair=obj,
            assignment=data.get("booth") if is_officer else own,
            category=data["category"],
            description=data["description"],
            photo_files=data["photo"],
            by=request.user,
            client_key=data["client_key"],
        )
        messages.success(request, _("Problem reported. An officer will follow it up."))
        if wants_json(request):
            return JsonResponse({"ok": True, "url": reverse("sales:issue_detail", args=[issue.pk])})
        return redirect("sales:issue_detail", issue.pk)
    if request.method == "POST" and wants_json(request):
        return JsonResponse({"ok": False, "errors": form.errors.get_json_data()}, status=400)
    return render(request, "sales/issue_form.html", {"form": form, "fair": obj, "booth": own})


@requires("sales.view_issue", get_object=_issue)
def issue_detail(request, issue_id, obj):
    form = IssueActionForm(initial={"resolution": obj.resolution})
    return render(request, "sales/issue_detail.html", {"issue": obj, "form": form})


@require_POST
@requires("sales.manage_issue", get_object=_issue)
def issue_move(request, issue_id, obj):
    form = IssueActionForm(request.POST)
    if form.is_valid():
        try:
            services.move_issue(issue=obj, by=request.user, **form.cleaned_data)
            messages.success(request, _("Problem updated."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("sales:issue_detail", obj.pk)


@requires("sales.view_issue", get_object=_issue)
def issue_photo(request, issue_id, obj, size="full"):
    photo = obj.photo_thumbnail if size == "thumb" else obj.photo
    if not photo:
        raise Http404
    return image_response(photo)
