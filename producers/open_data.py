"""The department's open data: the published OPC list (product, producer, province, category,
stars) and the producer register (province, district, subdistrict, producer).

Files are read as a stream of rows (a national file has 100,000), in UTF-8 or cp874. Each row is
matched to a group by province and normalised name. `preview` counts what an import would do and
writes nothing; `apply` writes it in one transaction, with history, and running it again changes
nothing. Groups created from the register have no registration number until an officer adds one.
"""

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from otop_fair.thai_text import normalise_text
from producers.models import Category

REGISTER, OPC = "register", "opc"
HEADERS = {
    "province": ("จังหวัด", "province"),
    "district": ("อำเภอ", "district"),
    "subdistrict": ("ตำบล", "subdistrict"),
    "producer": ("ผู้ผลิต", "ชื่อผู้ผลิต", "producer"),
    "product": ("ผลิตภัณฑ์", "ชื่อผลิตภัณฑ์", "product"),
    "category": ("ประเภท", "ประเภทผลิตภัณฑ์", "category"),
    "stars": ("ระดับดาว", "ดาว", "stars"),
}
NEEDED = {
    REGISTER: ("province", "district", "subdistrict", "producer"),
    OPC: ("product", "producer", "province", "category", "stars"),
}
CATEGORIES = {
    "อาหาร": Category.FOOD,
    "เครื่องดื่ม": Category.BEVERAGE,
    "ผ้าเครื่องแต่งกาย": Category.TEXTILE,
    "ผ้าและเครื่องแต่งกาย": Category.TEXTILE,
    "ของใช้ของตกแต่งของที่ระลึก": Category.HOUSEHOLD,
    "สมุนไพรที่ไม่ใช่อาหาร": Category.HERBAL,
}
AREA_PREFIX = re.compile(r"^(จังหวัด|จ\.|อำเภอ|อ\.|เขต|ตำบล|ต\.|แขวง)\s*")
SAMPLE_BYTES = 64 * 1024
MATCHED, NEW, AMBIGUOUS, UNKNOWN, INVALID = "matched", "new", "ambiguous", "unknown", "invalid"


class OpenDataError(ValueError):
    """The file as a whole cannot be read."""


def name_key(value):
    """How two spellings of one name compare: normalised, spacing collapsed, case folded."""
    return " ".join(normalise_text(value or "").split()).casefold()


def area_key(value):
    return name_key(AREA_PREFIX.sub("", normalise_text(value or "").strip()))


def text_stream(binary):
    """The file as text, without reading it whole: UTF-8 (with or without BOM) or else cp874."""
    sample = binary.read(SAMPLE_BYTES)
    binary.seek(0)
    encoding = "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the sample's end is still UTF-8.
        if error.start < len(sample) - 3:
            encoding = "cp874"
    return io.TextIOWrapper(binary, encoding=encoding, newline="")


def rows(binary, kind):
    """(row number, {key: text}) for every data row; the header names the columns."""
    reader = csv.reader(text_stream(binary))
    try:
        header = next(reader)
    except (StopIteration, UnicodeDecodeError, csv.Error) as error:
        raise OpenDataError(_("The file is empty or not a CSV file.")) from error
    columns = _columns(header, kind)
    for number, cells in enumerate(reader, start=2):
        yield number, {key: (cells[i].strip() if i < len(cells) else "") for key, i in columns}


def _columns(header, kind):
    names = {name_key(h): i for i, h in enumerate(header)}
    found = {}
    for key in NEEDED[kind]:
        index = next((names[name_key(h)] for h in HEADERS[key] if name_key(h) in names), None)
        if index is None:
            raise OpenDataError(_("The column %(name)s is missing.") % {"name": HEADERS[key][0]})
        found[key] = index
    return list(found.items())


@dataclass
class Summary:
    """What an import does (or would do): counts by outcome and the first rows of each."""

    counts: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)
    changes: int = 0

    def note(self, outcome, number, text):
        self.counts[outcome] += 1
        self.examples.setdefault(outcome, [])
        if len(self.examples[outcome]) < 10:
            self.examples[outcome].append((number, text))
