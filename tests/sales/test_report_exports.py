"""Downloads of the fair report: typed Excel cells, injection-safe CSV, and the whole report as
one Thai PDF with the department heading and numbered pages."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from producers.models import Province
from tests.sales.report_factories import build_known_fair

pytestmark = pytest.mark.django_db


@pytest.fixture
def chiang_mai_officer(officer):
    officer.officer_provinces.add(Province.objects.get(code="50"))
    return officer


@pytest.fixture
def known(chiang_mai_officer):
    return build_known_fair(chiang_mai_officer)


def export(client, fair, table, fmt):
    return client.get(reverse("sales:fair_report_export", args=[fair.pk, table, fmt]))


def test_group_names_that_look_like_formulas_are_neutralised_in_csv(
    client_for, chiang_mai_officer, known
):
    group = known.groups["g1"]
    group.name = '=HYPERLINK("http://evil.example","คลิก")'
    group.save()
    response = export(client_for(chiang_mai_officer), known.fair, "top", "csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["ลำดับ", "กลุ่ม"]
    assert rows[1][1] == "'" + group.name
    assert rows[1][5] == "4000.00"


def test_sales_per_day_excel_has_dates_and_baht_numbers(client_for, chiang_mai_officer, known):
    response = export(client_for(chiang_mai_officer), known.fair, "days", "xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:3] == ["วันงาน", "บูธที่ส่งยอด", "ยอดขายและสั่งจอง (บาท)"]
    amounts = [sheet.cell(row=r, column=3) for r in range(2, 5)]
    assert [c.value for c in amounts] == [1700, 0, 3800]
    assert all(c.data_type == "n" and "฿" in c.number_format for c in amounts)
    assert sheet["A2"].is_date


def test_whole_report_is_one_thai_pdf_with_every_section(client_for, chiang_mai_officer, known):
    response = client_for(chiang_mai_officer).get(
        reverse("sales:fair_report_pdf", args=[known.fair.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    pages = len(reader.pages)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "กรมการพัฒนาชุมชน กระทรวงมหาดไทย" in text
    assert "รายงานผลการจัดงาน" in text and known.fair.name in text
    for title in ("ยอดขายรายวัน", "ยอดขายตามโซน", "ปัญหาแยกตามประเภท", "การสมัครและการคัดเลือก"):
        assert title in text
    assert "2569" in text
    assert f"หน้า 1 / {pages}" in text and f"หน้า {pages} / {pages}" in text
    assert 2 <= pages <= 5
