"""Pages and downloads of the fair report and the group report."""

from decimal import Decimal, InvalidOperation

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from booths.models import Application
from otop_fair.db_routing import reads_from_replica
from otop_fair.exports import EXPORT_FORMATS, pdf_response
from otop_fair.permissions import requires
from otop_fair.report_time import bounded_report_time
from otop_fair.thai_text import arabic_digits, plain_number
from sales.reports import (
    SECTION_KEYS,
    fair_report,
    group_days_table,
    group_report,
    own_group_reports,
    report_fairs_for,
    report_table,
    report_tables,
    target_progress,
)
from sales.views.common import get_fair


def _application(request, fair_id, group_id):
    return get_object_or_404(
        Application.objects.select_related("fair__province", "group__province"),
        fair_id=fair_id,
        group_id=group_id,
    )


def _threshold(request):
    try:
        value = Decimal(plain_number(arabic_digits(request.GET.get("below", "").strip())))
    except InvalidOperation:
        return None
    return value if value.is_finite() and 0 <= value < 10**12 else None


@requires("sales.view_reports")
@bounded_report_time
def report_index(request):
    context = {
        "fairs": report_fairs_for(request.user) if not request.user.is_producer else [],
        "own_reports": own_group_reports(request.user),
    }
    return render(request, "sales/report_index.html", context)


@requires("sales.view_fair_report", fair=get_fair)
@reads_from_replica
@bounded_report_time
def fair_report_page(request, fair):
    report = fair_report(fair, threshold=_threshold(request))
    context = {"report": report, "tables": report_tables(report), "formats": EXPORT_FORMATS}
    context["progress"] = target_progress(fair, fair.end_date)
    return render(request, "sales/report_fair.html", context)


@requires("sales.view_fair_report", fair=get_fair)
@reads_from_replica
@bounded_report_time
def fair_report_export(request, fair, table, fmt):
    if table not in SECTION_KEYS:
        raise Http404
    section = report_table(fair_report(fair, threshold=_threshold(request)), table)
    return section.download(fmt, f"{fair.name} {section.title}", subtitle=fair.name)


@requires("sales.view_fair_report", fair=get_fair)
@reads_from_replica
@bounded_report_time
def fair_report_pdf(request, fair):
    report = fair_report(fair, threshold=_threshold(request))
    context = {"report": report, "tables": report_tables(report), "title": fair.name}
    context["progress"] = target_progress(fair, fair.end_date)
    return pdf_response(f"{fair.name}.pdf", "sales/report_fair_pdf.html", context)


@requires("sales.view_group_report", application=_application)
@reads_from_replica
@bounded_report_time
def group_report_page(request, application):
    report = group_report(application)
    context = {"report": report, "days": group_days_table(report), "formats": EXPORT_FORMATS}
    return render(request, "sales/group_report.html", context)


@requires("sales.view_group_report", application=_application)
@reads_from_replica
@bounded_report_time
def group_report_export(request, application, fmt):
    report = group_report(application)
    if fmt == "pdf":
        context = {
            "report": report,
            "days": group_days_table(report),
            "title": application.group.name,
        }
        return pdf_response(f"{application.group.name}.pdf", "sales/group_report_pdf.html", context)
    table = group_days_table(report)
    return table.download(fmt, f"{application.group.name} {application.fair.name}")
