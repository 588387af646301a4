"""Report tables as downloads: CSV (Excel-friendly, formula-injection safe), Excel and PDF.

Every app exports through these functions so that every file has the same Thai font, heading,
page numbers, money format and safe filenames; an export view hands its table to `table_response`
with the format the URL asked for.
"""

import csv
import datetime
import re
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import fontpkg_sarabun
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from otop_fair.thai import baht, thai_date

DEPARTMENT_HEADING = "กรมการพัฒนาชุมชน กระทรวงมหาดไทย"
MONEY_FORMAT = '#,##0.00 "฿"'
NUMBER_FORMAT = "#,##0"
# A real date cell that Excel and LibreOffice show in the Buddhist era: locale 041E (Thai) with
# calendar 07 (Thai Buddhist). Sorting and date arithmetic still work on the cell.
BUDDHIST_DATE_FORMAT = "[$-107041E]d/m/yyyy"
BUDDHIST_DATETIME_FORMAT = "[$-107041E]d/m/yyyy h:mm"
# The formats a table can be downloaded in, in the order pages offer them.
EXPORT_FORMATS = ("xlsx", "csv", "pdf")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
SARABUN_FILES = Path(fontpkg_sarabun.__file__).resolve().parent / "files"
SARABUN_WEIGHTS = {"Regular": 400, "Medium": 500, "SemiBold": 600, "Bold": 700}


def neutralise_formula(value):
    """Text a spreadsheet would treat as a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def attachment_header(filename):
    """Content-Disposition with an ASCII fallback and the real (Thai) name per RFC 5987."""
    fallback = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("_.") or "report"
    if "." in filename and "." not in fallback:
        fallback += "." + filename.rsplit(".", 1)[1]
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = attachment_header(filename)
    return response


def csv_response(filename, headers, rows):
    """A UTF-8 CSV with a byte-order mark, so Excel opens the Thai text correctly."""
    response = _download(b"", filename, "text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([neutralise_formula(h) for h in headers])
    for row in rows:
        writer.writerow([neutralise_formula(_plain(value)) for value in row])
    return response


def _plain(value):
    if isinstance(value, datetime.datetime):
        local = _local(value)
        return f"{thai_date(local.date())} {local:%H:%M}"
    if isinstance(value, datetime.date):
        return thai_date(value)
    return "" if value is None else value


def _local(moment):
    """Bangkok wall-clock time without a zone: what people read, and what Excel can store."""
    if timezone.is_aware(moment):
        moment = timezone.make_naive(moment)
    return moment.replace(microsecond=0)


def _sheet_title(title):
    return re.sub(r"[\[\]:*?/\\]", " ", str(title))[:31] or "Sheet1"


def xlsx_response(filename, title, headers, rows, money_columns=(), number_columns=()):
    """An Excel workbook: numbers stay numbers, money shows in baht, headers bold.

    `money_columns` and `number_columns` are zero-based column indexes.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(title)
    sheet.append([str(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E9ECEF")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(str(h)) for h in headers]
    for row_number, row in enumerate(rows, start=2):
        for index, value in enumerate(row):
            cell = sheet.cell(row=row_number, column=index + 1, value=_typed(value))
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
            if index in money_columns:
                cell.number_format = MONEY_FORMAT
            elif index in number_columns:
                cell.number_format = NUMBER_FORMAT
            elif isinstance(value, datetime.datetime):
                cell.number_format = BUDDHIST_DATETIME_FORMAT
            elif isinstance(value, datetime.date):
                cell.number_format = BUDDHIST_DATE_FORMAT
            if index < len(widths):
                widths[index] = max(widths[index], len(_shown(value)))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, 8), 60)
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return _download(buffer.getvalue(), filename, XLSX_TYPE)


def _typed(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        return _local(value)
    return value


def _shown(value):
    if isinstance(value, int | float | Decimal):
        return f"{value:,.2f} ฿"
    return "" if value is None else str(value)


def font_face_css():
    """@font-face rules pointing WeasyPrint at the packaged Sarabun files."""
    rules = []
    for name, weight in SARABUN_WEIGHTS.items():
        url = (SARABUN_FILES / f"Sarabun-{name}.ttf").as_uri()
        rules.append(
            f'@font-face {{ font-family: "Sarabun"; font-weight: {weight}; '
            f'font-style: normal; src: url("{url}"); }}'
        )
    return "\n".join(rules)


def page_css():
    """A4 pages with the department heading on top and "หน้า x / y" below, in Sarabun.

    Given to WeasyPrint as a user stylesheet, so any HTML (a template or a ready string) gets it and
    a template may still override it.
    """
    return f"""{font_face_css()}
@page {{
  size: A4;
  margin: 22mm 15mm 18mm 15mm;
  @top-center {{ content: "{DEPARTMENT_HEADING}"; font-family: "Sarabun"; font-size: 9pt;
                 color: #555; }}
  @bottom-center {{ content: "หน้า " counter(page) " / " counter(pages); font-family: "Sarabun";
                    font-size: 9pt; color: #555; }}
}}
html {{ font-family: "Sarabun", sans-serif; font-size: 11pt; line-height: 1.45; }}
"""


def pdf_context(context):
    """The context every PDF template gets on top of its own: the heading and date printed."""
    return {
        "department_heading": DEPARTMENT_HEADING,
        "printed_on": thai_date(timezone.localdate()),
        **context,
    }


def html_to_pdf(html):
    # Imported late: loading Pango costs time on every process start that never makes a PDF.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    stylesheet = CSS(string=page_css(), font_config=fonts)
    document = HTML(string=html, base_url=str(SARABUN_FILES))
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts)


def render_pdf(template_name, context):
    """Render a template that extends exports/pdf_base.html to PDF bytes (A4, Sarabun)."""
    return html_to_pdf(render_to_string(template_name, pdf_context(context)))


def pdf_response(filename, html_string_or_template, context=None):
    """A PDF download from a template name and context, or from ready HTML when context is None."""
    if context is None:
        pdf = html_to_pdf(html_string_or_template)
    else:
        pdf = render_pdf(html_string_or_template, context)
    return _download(pdf, filename, "application/pdf")


def pdf_cells(row, money_columns=(), number_columns=()):
    """One table row as cells the PDF templates print: formatted text and whether to right-align."""
    cells = []
    for index, value in enumerate(row):
        if index in money_columns and value is not None:
            cells.append({"text": baht(value), "is_number": True})
        elif index in number_columns and value is not None:
            cells.append({"text": f"{value:,}", "is_number": True})
        else:
            is_number = isinstance(value, int | float | Decimal) and not isinstance(value, bool)
            text = f"{value:,}" if is_number else _plain(value)
            cells.append({"text": text, "is_number": is_number})
    return cells


def pdf_header_cells(headers, money_columns=(), number_columns=()):
    """Table headers marked numeric or not, so the PDF gives number columns a narrow width."""
    return [
        {
            "text": str(h),
            "is_number": i in money_columns or i in number_columns,
            "is_money": i in money_columns,
        }
        for i, h in enumerate(headers)
    ]


def table_pdf_response(
    filename, title, headers, rows, money_columns=(), number_columns=(), subtitle=""
):
    """One report table as a PDF with the department heading: the PDF twin of xlsx_response."""
    context = {
        "title": title,
        "subtitle": subtitle,
        "headers": pdf_header_cells(headers, money_columns, number_columns),
        "rows": [pdf_cells(row, money_columns, number_columns) for row in rows],
    }
    return pdf_response(filename, "exports/table.html", context)


def table_response(
    fmt, filename, title, headers, rows, *, money_columns=(), number_columns=(), subtitle=""
):
    """One table as the download `fmt` names ("xlsx", "csv" or "pdf"), saved as `filename` plus
    the format's extension; any other format is a 404, as for a URL that does not exist."""
    columns = {"money_columns": money_columns, "number_columns": number_columns}
    if fmt == "csv":
        return csv_response(f"{filename}.csv", headers, rows)
    if fmt == "xlsx":
        return xlsx_response(f"{filename}.xlsx", title, headers, rows, **columns)
    if fmt == "pdf":
        return table_pdf_response(
            f"{filename}.pdf", title, headers, rows, **columns, subtitle=subtitle
        )
    raise Http404
