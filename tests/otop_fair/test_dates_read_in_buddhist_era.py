"""Wherever people read a date — every page of every role, every export — it is in the Buddhist era:
no Christian-era year in a date and no raw ISO date. Excel keeps real date cells shown in BE."""

import io
import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from otop_fair.exports import BUDDHIST_DATE_FORMAT
from tests.matrix_world import ROLES, signed_in_clients, world_fixture
from tests.test_permission_matrix import ALLOW, EXPECTED, NAMES, POST_ONLY, url_of

YEAR = r"(?:19\d\d|20\d\d|2100)"
NOT_AMOUNT = r"(?![\d,.]\d)"  # 2,026.00 baht is no year
MONTHS = (
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|"
    "พฤศจิกายน|ธันวาคม|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|"
    "ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.|January|February|March|April|May|June|July|August|"
    "September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
ISO_DATE = re.compile(r"(?<![\d฿,])\d{4}-\d{2}-\d{2}(?!\d)")  # whatever the era
CE_DATES = [
    re.compile(rf"(?<![\d฿])\d{{1,2}}[/.-]\d{{1,2}}[/.-]{YEAR}{NOT_AMOUNT}"),
    ISO_DATE,
    re.compile(rf"(?:{MONTHS})\s*,?\s*{YEAR}{NOT_AMOUNT}"),
    re.compile(rf"(?<![\d฿,]){YEAR}\s+(?:{MONTHS})"),
]
COMPACT_CE_DATE = re.compile(rf"(?<!\d){YEAR}[01]\d[0-3]\d(?!\d)")  # 20261130 in a file name
EXPORTS = {
    "producers:group_export_csv": [{}],
    "producers:group_export_xlsx": [{}],
    "booths:export_holdings": [{"fmt": f} for f in ("csv", "xlsx", "pdf")],
    "sales:fair_report_pdf": [{}],
    "sales:fair_report_export": [
        {"table": t, "fmt": f} for t in ("days", "categories") for f in ("csv", "xlsx", "pdf")
    ],
    "sales:group_report_export": [{"fmt": f} for f in ("csv", "xlsx", "pdf")],
}


def christian_era_dates(text):
    return [m.group(0) for pattern in CE_DATES for m in pattern.finditer(text)]


class ReadableText(HTMLParser):
    """What a person reads on a page: text, titles, placeholders and the values of visible inputs
    (never URLs, hidden inputs or data attributes, which are for machines)."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
        for name in ("title", "placeholder", "aria-label", "alt"):
            self.parts.append(attrs.get(name) or "")
        if tag in ("input", "option") and attrs.get("type") != "hidden":
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def readable(html):
    parser = ReadableText()
    parser.feed(html)
    return "\n".join(p for p in parser.parts if p.strip())


def test_the_scanner_finds_christian_era_dates_but_not_baht_or_buddhist_era():
    found = christian_era_dates(
        "29/11/2026 | 2026-11-29 | 2569-11-29 | 29 พฤศจิกายน 2026 | 29 Nov 2026 | 2026 ต.ค."
    )
    assert found == [
        "29/11/2026",
        "2026-11-29",
        "2569-11-29",
        "พฤศจิกายน 2026",
        "Nov 2026",
        "2026 ต.ค.",
    ]
    assert christian_era_dates("29/11/2569 ฿2,026.00 29 พ.ย. 69 29 พฤศจิกายน 2569 ยอด 2026") == []


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("dates_media"))


@pytest.fixture(scope="module")
def clients(world):
    return signed_in_clients(world)


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anon"])
def test_every_page_a_role_opens_shows_dates_in_the_buddhist_era(db, world, clients, role):
    client, found = clients[role], {}
    for name in NAMES:
        if name in POST_ONLY or name in EXPORTS or EXPECTED[name][role] != ALLOW:
            continue
        response = client.get(url_of(world, name))
        bad = christian_era_dates(_text_read(response))
        if bad:
            found[name] = bad
    assert found == {}


@pytest.mark.parametrize("role", ["producer_a", "superuser"])
def test_english_pages_never_show_a_raw_iso_date(db, world, role):
    """English pages may write 29 Nov 2026, but never the machine's 2026-11-29."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(world.users[role])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Log out" in client.get(url_of(world, "home"), follow=True).content.decode()
    found = {}
    for name in NAMES:
        if name in POST_ONLY or name in EXPORTS or EXPECTED[name][role] != ALLOW:
            continue
        bad = ISO_DATE.findall(_text_read(client.get(url_of(world, name))))
        if bad:
            found[name] = bad
    assert found == {}


def _export_url(world, name, extra):
    base = url_of(world, name)
    if not extra:
        return base
    from django.urls import resolve, reverse

    match = resolve(base)
    return reverse(name, kwargs={**match.kwargs, **extra})


def _text_read(response):
    """What a person reads in the answer: a page's text, or a download's (PDF booth cards too)."""
    if response.get("Content-Type", "").startswith("text/html"):
        return readable(response.content.decode())
    if response.status_code != 200 or response.get("Content-Type", "").startswith("image/"):
        return ""
    return _export_text(response)


def _export_text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response["Content-Type"]
    if kind.startswith("application/pdf"):
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    if "spreadsheetml" in kind:
        return _xlsx_text(body)
    if kind.startswith(("text/", "application/json")):
        return body.decode("utf-8-sig")
    return ""


def _xlsx_text(body):
    """The text cells, after checking every date cell is a real date shown in the BE."""
    sheet = load_workbook(io.BytesIO(body)).active
    texts = []
    for row in sheet.iter_rows():
        for cell in row:
            if cell.is_date:
                assert cell.number_format == BUDDHIST_DATE_FORMAT, cell.coordinate
            elif isinstance(cell.value, str):
                texts.append(cell.value)
    return "\n".join(texts)


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_every_export_shows_dates_in_the_buddhist_era(db, world, clients, name):
    client = clients["superuser"]
    found = {}
    for extra in EXPORTS[name]:
        response = client.get(_export_url(world, name, extra))
        assert response.status_code == 200, (name, extra)
        filename = unquote(response["Content-Disposition"].rsplit("''", 1)[-1])
        bad = christian_era_dates(_export_text(response)) + COMPACT_CE_DATE.findall(filename)
        if bad:
            found[str(extra)] = bad
    assert found == {}
