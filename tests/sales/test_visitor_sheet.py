"""The venue's visitor-counter sheet: read whole or refused whole, with the row named in Thai."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from sales.models import FairDayVisitors
from sales.visitor_sheet import read_counter_sheet

pytestmark = pytest.mark.django_db


def _be(day):
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def _csv(text):
    return SimpleUploadedFile("counter.csv", text.encode("utf-8"), content_type="text/csv")


def _post(client, fair, upload):
    url = reverse("sales:import_visitors", args=[fair.pk])
    return client.post(url, {"sheet": upload}, follow=True)


def test_a_csv_sheet_with_thai_digits_and_separators_is_read(fair, client_for, province_officer):
    first, second = fair.start_date, fair.start_date + datetime.timedelta(days=1)
    sheet = f'วันที่,จำนวนผู้เข้าชม\n{_be(first)},"1,200"\n{_be(second)},๑๕๐๐\n'
    response = _post(client_for(province_officer), fair, _csv(sheet))
    counts = dict(FairDayVisitors.objects.values_list("day", "count"))
    assert counts == {first: 1200, second: 1500}
    assert "อ่านจำนวนผู้เข้าชม 2 วัน" in response.content.decode()


def test_an_excel_sheet_with_date_cells_is_read(fair, client_for, province_officer):
    book = Workbook()
    book.active.append(["date", "visitors"])
    book.active.append([datetime.datetime.combine(fair.start_date, datetime.time()), 900])
    data = io.BytesIO()
    book.save(data)
    upload = SimpleUploadedFile("counter.xlsx", data.getvalue())
    _post(client_for(province_officer), fair, upload)
    assert FairDayVisitors.objects.get().count == 900


@pytest.mark.parametrize(
    "bad_row",
    ["31/02/2569,10", "{first},lots", "{first},-5", "{outside},10", "{first}"],
)
def test_one_bad_row_refuses_the_whole_sheet_with_a_thai_message(
    fair, client_for, province_officer, bad_row
):
    first = _be(fair.start_date)
    outside = _be(fair.end_date + datetime.timedelta(days=30))
    sheet = f"{first},100\n" + bad_row.format(first=first, outside=outside) + "\n"
    response = _post(client_for(province_officer), fair, _csv(sheet))
    assert not FairDayVisitors.objects.exists()
    shown = [str(m) for m in response.context["messages"]]
    assert shown and any(("แถว" in m or "วัน" in m) for m in shown), shown


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_any_uploaded_bytes_are_read_or_refused_never_crash(data):
    try:
        rows = read_counter_sheet(SimpleUploadedFile("x.csv", data))
    except ValidationError as error:
        assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in m) for m in error.messages)
    else:
        assert all(isinstance(day, datetime.date) and count >= 0 for day, count in rows)
