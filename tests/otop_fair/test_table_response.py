"""The one export helper: a table becomes the download the URL's format names, and nothing else."""

from decimal import Decimal

import pytest
from django.http import Http404
from hypothesis import given
from hypothesis import strategies as st

from otop_fair.exports import EXPORT_FORMATS, table_response

HEADERS = ["กลุ่ม", "ยอดขาย (บาท)"]
ROWS = [["กลุ่มทอผ้าบ้านนา", Decimal("1500.50")]]
TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_each_offered_format_downloads_with_its_type_and_extension(fmt):
    response = table_response(fmt, "ยอดขาย", "ยอดขาย", HEADERS, ROWS, money_columns=(1,))
    assert response["Content-Type"] == TYPES[fmt]
    assert response["Content-Disposition"].endswith(f".{fmt}")
    assert response.content


@given(st.text(max_size=12).filter(lambda text: text not in EXPORT_FORMATS))
def test_any_other_format_is_not_found(fmt):
    with pytest.raises(Http404):
        table_response(fmt, "ยอดขาย", "ยอดขาย", HEADERS, ROWS)
