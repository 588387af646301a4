"""Spreadsheets in and out: import with a preview, export of the filtered officer list."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from otop_fair.exports import table_response
from otop_fair.permissions import requires
from otop_fair.report_time import bounded_report_time
from otop_fair.thai_dates import buddhist_date_text
from producers import import_reading, importing, selectors
from producers.forms import GroupFilterForm, ImportForm

SESSION_KEY = "producers_import_rows"
PREVIEW_ROWS = 200


@requires("producers.import_groups")
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "columns": import_reading.COLUMNS}
    if form.is_valid():
        try:
            rows = import_reading.read_rows(form.cleaned_data["file"])
        except import_reading.ImportFileError as error:
            form.add_error("file", str(error))
            return render(request, "producers/import.html", context)
        checks = importing.check_rows(rows, request.user)
        failed = [c for c in checks if c.errors]
        request.session[SESSION_KEY] = [] if failed else rows
        context |= {"checks": checks[:PREVIEW_ROWS], "failed": failed, "total": len(checks)}
    return render(request, "producers/import.html", context)


@require_POST
@requires("producers.import_groups")
def import_confirm(request):
    rows = request.session.pop(SESSION_KEY, None)
    if not rows:
        messages.error(request, _("Nothing to import. Please upload the file again."))
        return redirect("producers:import_upload")
    summary, checks = importing.apply_rows(rows, by=request.user)
    if summary is None:
        messages.error(request, _("The file has errors; nothing was imported."))
        return redirect("producers:import_upload")
    messages.success(
        request,
        _("Imported: %(gc)s new groups, %(gu)s updated; %(pc)s new products, %(pu)s updated.")
        % {
            "gc": summary.groups_created,
            "gu": summary.groups_updated,
            "pc": summary.products_created,
            "pu": summary.products_updated,
        },
    )
    return redirect("producers:group_list")


EXPORT_HEADERS = [
    "เลขทะเบียน OTOP",
    "ชื่อกลุ่ม",
    "ประเภทกลุ่ม",
    "ผู้ติดต่อ",
    "โทรศัพท์",
    "LINE ID",
    "ที่อยู่",
    "รหัสตำบล",
    "ตำบล",
    "อำเภอ",
    "จังหวัด",
    "รหัสไปรษณีย์",
    "จำนวนสินค้า",
    "ดาวสูงสุด",
    "มาตรฐานหมดอายุ",
    "มาตรฐานใกล้หมดอายุ",
]


def _export_rows(groups):
    for g in groups.iterator(chunk_size=2000):
        yield [
            g.registration_no,
            g.name,
            g.get_group_type_display(),
            g.contact_name,
            g.phone,
            g.line_id,
            g.address,
            g.subdistrict_id,
            g.subdistrict.name_th,
            g.subdistrict.district.name_th,
            g.province.name_th,
            g.subdistrict.postal_code,
            g.product_count or 0,
            g.best_stars or "",
            "ใช่" if g.has_expired else "",
            "ใช่" if g.has_expiring else "",
        ]


@requires("producers.list_groups")
@bounded_report_time
def group_export(request, fmt):
    form = GroupFilterForm(request.GET or None, user=request.user)
    groups = selectors.group_list(request.user, form.filters())
    today = buddhist_date_text(timezone.localdate()).replace("/", "-")
    # CSV writes each row as it is read, inside the time limit (no list of 100,000 rows); a
    # workbook needs them in memory.
    rows = _export_rows(groups) if fmt == "csv" else list(_export_rows(groups))
    title = _("Producer groups")
    filename = f"ทะเบียนผู้ผลิต-{today}"
    return table_response(fmt, filename, title, EXPORT_HEADERS, rows, number_columns=(12, 13))
