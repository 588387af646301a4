"""The shared exports: CSV that Excel opens safely, typed Excel cells, and Thai PDFs."""

import csv
import io
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.template import engines
from openpyxl import load_workbook
from pypdf import PdfReader

from otop_fair.exports import (
    MONEY_FORMAT,
    csv_response,
    pdf_response,
    render_pdf,
    table_pdf_response,
    xlsx_response,
)

HEADERS = ["กลุ่ม", "ยอดขาย (บาท)", "จำนวนวัน"]


def test_csv_starts_with_a_byte_order_mark_so_excel_reads_thai():
    response = csv_response("ยอดขาย.csv", HEADERS, [["กลุ่มทอผ้าบ้านนา", Decimal("1500.50"), 3]])
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [HEADERS, ["กลุ่มทอผ้าบ้านนา", "1500.50", "3"]]


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]
)
def test_csv_cells_that_would_run_as_formulas_are_neutralised(payload):
    response = csv_response("x.csv", HEADERS, [[payload, 1, 2]])
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows[1][0] == "'" + payload


def test_csv_keeps_negative_numbers_as_numbers():
    response = csv_response("x.csv", HEADERS, [["ก", Decimal("-5.00"), -1]])
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][1:] == ["-5.00", "-1"]


def test_thai_filename_is_encoded_per_rfc_5987():
    response = csv_response("รายงานงาน OTOP.csv", HEADERS, [])
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''" + quote("รายงานงาน OTOP.csv", safe="") in disposition
    assert 'filename="OTOP.csv"' in disposition


def test_excel_cells_are_typed_numbers_with_baht_format_and_bold_thai_headers():
    response = xlsx_response(
        "ยอดขาย.xlsx",
        "ยอดขายรายกลุ่ม",
        HEADERS,
        [["กลุ่มทอผ้า", Decimal("12345.50"), 9], ["=cmd|' /C calc'!A0", Decimal("0"), 0]],
        money_columns=(1,),
        number_columns=(2,),
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "ยอดขายรายกลุ่ม"
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.bold for c in sheet[1])
    amount = sheet["B2"]
    assert amount.data_type == "n" and amount.value == 12345.5
    assert amount.number_format == MONEY_FORMAT
    assert sheet["C2"].data_type == "n" and sheet["C2"].value == 9
    assert sheet["A3"].data_type == "s", "text starting with = must not become a formula"
    assert sheet.column_dimensions["A"].width >= len("กลุ่มทอผ้า")


def _pdf_text(pdf_bytes):
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_from_template_contains_the_thai_text_heading_and_page_numbers():
    rows = [[f"กลุ่มผู้ผลิตที่ {i} ผ้าไหมมัดหมี่", Decimal(i * 100), i] for i in range(1, 4)]
    response = table_pdf_response(
        "รายงาน.pdf", "ยอดขายรายกลุ่ม", HEADERS, rows, money_columns=(1,), number_columns=(2,)
    )
    assert response["Content-Type"] == "application/pdf"
    reader, text = _pdf_text(response.content)
    assert len(reader.pages) == 1
    assert "กรมการพัฒนาชุมชน กระทรวงมหาดไทย" in text
    assert "ผ้าไหมมัดหมี่" in text
    assert "฿300.00" in text
    assert "หน้า 1 / 1" in text


def test_pdf_page_count_follows_the_content_and_every_page_is_numbered():
    rows = [[f"กลุ่มที่ {i}", Decimal(i), i] for i in range(200)]
    pdf = render_pdf(
        "exports/table.html",
        {"title": "ทดสอบ", "headers": HEADERS, "rows": [[{"text": c} for c in r] for r in rows]},
    )
    reader, text = _pdf_text(pdf)
    pages = len(reader.pages)
    assert pages > 3
    assert f"หน้า {pages} / {pages}" in text
    assert "กลุ่มที่ 199" in text


def test_pdf_from_a_ready_html_string_gets_the_thai_font_and_a4():
    html = engines["django"].from_string("<p>สวัสดีครับ ผู้ใหญ่บ้าน</p>").render({})
    response = pdf_response("x.pdf", html)
    reader, text = _pdf_text(response.content)
    assert "สวัสดีครับ ผู้ใหญ่บ้าน" in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    fonts = reader.pages[0]["/Resources"]["/Font"].get_object().values()
    assert any("Sarabun" in font.get_object()["/BaseFont"] for font in fonts)
