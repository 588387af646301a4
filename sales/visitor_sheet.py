"""The venue's visitor-counter sheet (Excel or CSV): one row per day, the date then the count.

Dates are read from Excel date cells or typed in the Buddhist era (31/12/2569); counts may have
thousands separators or Thai digits. Any bad row refuses the whole sheet with its row number.
"""

import csv
import datetime
import io
from zipfile import BadZipFile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from otop_fair.thai_dates import BuddhistDateField
from otop_fair.thai_text import plain_number

MAX_ROWS = 400
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _table(data):
    if data[:2] == b"PK":
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        except (BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
            raise ValidationError(_("The Excel file cannot be read.")) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp874", errors="replace")
    try:
        return list(csv.reader(io.StringIO(text.replace("\x00", ""), newline="")))
    except csv.Error as error:
        raise ValidationError(_("The CSV file cannot be read.")) from error


def _count(value):
    text = str(value if value is not None else "").translate(THAI_DIGITS)
    # Only a thousands comma is dropped: "1,5" is not fifteen visitors.
    text = plain_number(text)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not text.isdigit() or int(text) > 10_000_000:
        raise ValueError(text)
    return int(text)


def _day(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return BuddhistDateField().clean(str(value or "").translate(THAI_DIGITS).strip())


def read_counter_sheet(uploaded):
    """[(day, count)] from the sheet; raises ValidationError naming the first bad row."""
    table = [row for row in _table(uploaded.read()) if any(str(v or "").strip() for v in row)]
    if table and len(table[0]) >= 2 and not str(table[0][1] or "").strip()[:1].isdigit():
        table = table[1:]  # the column names
    if not table:
        raise ValidationError(_("The file has no visitor counts."))
    if len(table) > MAX_ROWS:
        raise ValidationError(_("The file has more than 400 rows."))
    rows = []
    for number, cells in enumerate(table, start=1):
        try:
            rows.append((_day(cells[0]), _count(cells[1] if len(cells) > 1 else None)))
        except (ValidationError, ValueError):
            raise ValidationError(
                _("Row %(row)s: give the date (31/12/2569) and then the number of visitors.")
                % {"row": number}
            ) from None
    return rows
