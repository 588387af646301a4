"""Reading an officer's spreadsheet (Excel or CSV) into plain rows, safely.

The size is checked before anything is read, a workbook's unpacked size and rows are counted
before and while they stream in, and every cell goes through the one text normaliser, so a huge,
damaged or hostile file gets a Thai message and the app's own export reads back unchanged.
"""

import csv
import io
import zipfile

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from otop_fair.exports import FORMULA_TRIGGERS
from otop_fair.thai_text import arabic_digits, normalise_text

# (key, Thai header). English keys are accepted as headers too.
COLUMNS = [
    ("registration_no", "เลขทะเบียน OTOP"),
    ("name", "ชื่อกลุ่ม"),
    ("group_type", "ประเภทกลุ่ม"),
    ("contact_name", "ผู้ติดต่อ"),
    ("phone", "โทรศัพท์"),
    ("line_id", "LINE ID"),
    ("address", "ที่อยู่"),
    ("subdistrict_code", "รหัสตำบล"),
    ("province", "จังหวัด"),
    ("district", "อำเภอ"),
    ("subdistrict", "ตำบล"),
    ("product_name", "ชื่อสินค้า"),
    ("category", "ประเภทสินค้า"),
    ("price_min", "ราคาต่ำสุด"),
    ("price_max", "ราคาสูงสุด"),
    ("unit", "หน่วย"),
]
HEADERS = dict(COLUMNS)
HEADER_KEYS = {h.strip().lower(): k for k, h in COLUMNS} | {k: k for k, _ in COLUMNS}

MAX_ROWS = 20_000
MAX_FILE_BYTES = 10 * 1024 * 1024
# An .xlsx is a zip: one that unpacks to far more than any registry needs is a zip bomb.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# Columns holding codes and numbers: Thai digits are written 0–9 there.
CODE_COLUMNS = {"registration_no", "subdistrict_code", "phone", "price_min", "price_max"}
# What a damaged or hostile workbook raises inside zipfile, openpyxl and the XML parser
# (defusedxml's refusals are ValueErrors, expat's are SyntaxErrors).
UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,
    ValueError,
    OSError,
    TypeError,
    IndexError,
    AttributeError,
    SyntaxError,
    EOFError,
    csv.Error,
)


class ImportFileError(ValueError):
    """The file as a whole cannot be read."""


def read_rows(uploaded):
    """Rows as dicts of normalised strings keyed by column key; raises ImportFileError.

    The size is checked before anything is read, and rows are counted as they stream in, so a
    huge or hostile file is refused at once with a Thai message.
    """
    if uploaded.size > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 10 MB. Please split it."))
    data = uploaded.read(MAX_FILE_BYTES + 1)
    table = _xlsx_rows(data) if data[:2] == b"PK" else _csv_rows(data)
    try:
        return _rows_of(table)
    except ImportFileError:
        raise
    except UNREADABLE as error:
        raise ImportFileError(_("The file cannot be read.")) from error


def read_table(uploaded):
    """Every row of any sheet as a list of normalised text cells (Thai digits as 0–9), with the
    same size, zip-bomb, row-count and damage checks as `read_rows`; raises ImportFileError."""
    if uploaded.size > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 10 MB. Please split it."))
    data = uploaded.read(MAX_FILE_BYTES + 1)
    try:
        rows = []
        for count, cells in enumerate(_xlsx_rows(data) if data[:2] == b"PK" else _csv_rows(data)):
            if count > MAX_ROWS:
                raise _too_many_rows()
            rows.append([arabic_digits(_cell(None, value)) for value in cells])
        return rows
    except ImportFileError:
        raise
    except UNREADABLE as error:
        raise ImportFileError(_("The file cannot be read.")) from error


def _rows_of(table):
    header = next(table, None)
    if header is None:
        raise ImportFileError(_("The file is empty."))
    keys = [HEADER_KEYS.get(normalise_text(str(h or "")).lower()) for h in header]
    if "registration_no" not in keys:
        raise ImportFileError(
            _("The first row must hold the column names, including “เลขทะเบียน OTOP”.")
        )
    rows = []
    for count, cells in enumerate(table, start=1):
        if count > MAX_ROWS:
            raise _too_many_rows()
        values = {k: _cell(k, v) for k, v in zip(keys, cells, strict=False) if k}
        if any(values.values()):
            rows.append(values)
    return rows


def _too_many_rows():
    return ImportFileError(_("The file has more than 20,000 rows. Please split it."))


def _xlsx_rows(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ImportFileError(_("The Excel file unpacks to more than 100 MB. Please split it."))
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
    except ImportFileError:
        raise
    except UNREADABLE as error:
        raise ImportFileError(_("The Excel file cannot be read.")) from error
    # The sheet's own dimension says how many rows it has: a huge sheet is refused before reading.
    if (sheet.max_row or 0) > MAX_ROWS + 1:
        raise _too_many_rows()
    return sheet.iter_rows(values_only=True)


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp874", errors="replace")
    return csv.reader(io.StringIO(text, newline=""))


def _cell(key, value):
    """One cell as the app stores it: normalised text, Arabic digits in codes and numbers, and
    without the apostrophe our own exports put before text a spreadsheet would run as a formula."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # NUL characters cannot be stored (or even looked up) in PostgreSQL text.
    text = normalise_text(str(value).replace("\x00", ""))
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):
        text = text[1:]
    return arabic_digits(text) if key in CODE_COLUMNS else text
