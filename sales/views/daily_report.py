"""The daily provincial report (page, PDF, phone PNG), the national summary, and the officers'
page for visitors and the sales target."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from otop_fair.exports import attachment_header, pdf_response, render_pdf
from otop_fair.permissions import requires
from otop_fair.rasterise import pdf_to_png
from otop_fair.report_time import bounded_report_time
from otop_fair.thai import thai_date
from producers.models import Province
from sales import services
from sales.forms import SalesTargetForm, VisitorsForm, VisitorSheetForm
from sales.reports import national_summary, province_report, target_progress
from sales.views.common import chosen_day, get_fair
from sales.visitor_sheet import read_counter_sheet


def _province(province_code):
    return get_object_or_404(Province, pk=province_code)


def province_context(fair, day, province):
    """What the province's page, PDF and phone image show."""
    report = province_report(fair, day, province)
    title = _("Daily report of %(province)s, %(day)s") % {
        "province": report.province.name_th,
        "day": thai_date(day),
    }
    return {"fair": fair, "report": report, "title": title, "subtitle": fair.name}


def phone_pdf(context):
    """The province's page laid out on narrow pages, the size a phone shows whole."""
    return render_pdf("sales/daily_province_pdf.html", {**context, "phone": True})


def _province_context(request, fair, province_code):
    return province_context(fair, chosen_day(request, fair), _province(province_code))


@requires("sales.view_fair_report", fair=get_fair)
@bounded_report_time
def daily_national(request, fair):
    day = chosen_day(request, fair)
    context = {"fair": fair, "report": national_summary(fair, day)}
    context["progress"] = target_progress(fair, day)
    return render(request, "sales/daily_national.html", context)


@requires("sales.view_fair_report", fair=get_fair)
@bounded_report_time
def daily_national_pdf(request, fair):
    day = chosen_day(request, fair)
    title = _("National summary, %(day)s") % {"day": thai_date(day)}
    context = {"fair": fair, "report": national_summary(fair, day), "title": title}
    context["subtitle"] = fair.name
    return pdf_response(f"{fair.name} {day}.pdf", "sales/daily_national_pdf.html", context)


@requires("sales.view_fair_report", fair=get_fair)
@bounded_report_time
def daily_province(request, fair, province_code):
    context = _province_context(request, fair, province_code)
    return render(request, "sales/daily_province.html", context)


@requires("sales.view_fair_report", fair=get_fair)
@bounded_report_time
def daily_province_pdf(request, fair, province_code):
    context = _province_context(request, fair, province_code)
    name = f"{context['report'].province.name_th} {context['report'].day}.pdf"
    return pdf_response(name, "sales/daily_province_pdf.html", context)


@requires("sales.view_fair_report", fair=get_fair)
@bounded_report_time
def daily_province_png(request, fair, province_code):
    context = _province_context(request, fair, province_code)
    image = pdf_to_png(phone_pdf(context))
    response = HttpResponse(image, content_type="image/png")
    name = f"{context['report'].province.name_th} {context['report'].day}.png"
    response["Content-Disposition"] = attachment_header(name).replace("attachment", "inline", 1)
    return response


@requires("sales.set_fair_figures", fair=get_fair)
def fair_figures(request, fair):
    day = chosen_day(request, fair)
    context = {
        "fair": fair,
        "progress": target_progress(fair, fair.end_date),
        "visitors_form": VisitorsForm(initial={"day": day}),
        "sheet_form": VisitorSheetForm(),
        "target_form": SalesTargetForm(),
        **targets_set(fair),
    }
    return render(request, "sales/fair_figures.html", context)


def targets_set(fair):
    """The fair's own target, and the provinces' (77 at a national fair) with their sum: the page
    says the sum and shows the provinces as one table on demand, not a line each."""
    targets = list(fair.sales_targets.select_related("province").order_by("province__sort_name"))
    by_province = [t for t in targets if t.province_id]
    return {
        "fair_target": next((t for t in targets if not t.province_id), None),
        "province_targets": by_province,
        "province_targets_total": sum(t.amount for t in by_province),
    }


def _saved_or_messages(request, form, save):
    """Run `save(**cleaned_data)` when the form is valid; show what went wrong otherwise."""
    if form.is_valid():
        try:
            save(**form.cleaned_data)
            messages.success(request, _("Saved."))
            return
        except ValidationError as error:
            form.add_error(None, error)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@require_POST
@requires("sales.set_fair_figures", fair=get_fair)
def record_visitors(request, fair):
    form = VisitorsForm(request.POST)
    _saved_or_messages(
        request, form, lambda **data: services.record_visitors(fair=fair, by=request.user, **data)
    )
    return redirect("sales:fair_figures", fair_id=fair.pk)


@require_POST
@requires("sales.set_fair_figures", fair=get_fair)
def import_visitors(request, fair):
    form = VisitorSheetForm(request.POST, request.FILES)

    def save(sheet):
        count = services.import_visitors(fair=fair, rows=read_counter_sheet(sheet), by=request.user)
        messages.info(request, _("%(count)s days of visitors read.") % {"count": count})

    _saved_or_messages(request, form, save)
    return redirect("sales:fair_figures", fair_id=fair.pk)


@require_POST
@requires("sales.set_fair_figures", fair=get_fair)
def set_target(request, fair):
    form = SalesTargetForm(request.POST)
    _saved_or_messages(
        request, form, lambda **data: services.set_sales_target(fair=fair, by=request.user, **data)
    )
    return redirect("sales:fair_figures", fair_id=fair.pk)
