"""Hostile and huge registry files get a Thai message on the form, never a 500 or a long wait:
damaged workbooks, XML entity bombs, zip bombs, files over the size limit, 300,000-row sheets."""

import io
import re
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from producers.import_reading import MAX_FILE_BYTES
from tests.factories import officer_of
from tests.producers.test_import_export import HEADER
from tests.test_bad_input import SETTINGS, THAI

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client_for):
    return client_for(officer_of("50", username="officer_hostile_import"))


def _workbook_bytes(rows=()):
    workbook = Workbook()
    for row in [HEADER, *rows]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_sheet(data, transform):
    """The workbook `data` with its first sheet's XML passed through `transform`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = transform(content)
            target.writestr(info, content)
    return out.getvalue()


def _refused_in_thai(client, content, name="registry.xlsx"):
    upload = SimpleUploadedFile(name, content)
    started = time.monotonic()
    response = client.post(reverse("producers:import_upload"), {"file": upload})
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    errors = response.context["form"].errors.get("file", [])
    assert errors and THAI.search(" ".join(errors)), errors
    return elapsed


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    + b"</sheetData></worksheet>"
)


def test_an_xml_entity_bomb_is_refused_in_thai(client):
    _refused_in_thai(client, _with_sheet(_workbook_bytes(), lambda _: BILLION_LAUGHS))


@SETTINGS
@given(cut=st.integers(min_value=10, max_value=4000), junk=st.binary(max_size=64))
def test_a_damaged_workbook_is_refused_in_thai(client, cut, junk):
    data = _workbook_bytes([["OTOP-1", "กลุ่ม"]])
    _refused_in_thai(client, data[:cut] + junk)


@SETTINGS
@given(xml=st.binary(max_size=200))
def test_a_workbook_with_a_broken_sheet_is_refused_in_thai(client, xml):
    _refused_in_thai(client, _with_sheet(_workbook_bytes(), lambda _: xml))


def test_a_zip_bomb_workbook_is_refused_before_it_is_unpacked(client):
    huge = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    huge += b" " * (120 * 1024 * 1024) + b"</worksheet>"
    elapsed = _refused_in_thai(client, _with_sheet(_workbook_bytes(), lambda _: huge))
    assert elapsed < 5


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client):
    elapsed = _refused_in_thai(client, b"a" * (MAX_FILE_BYTES + 1), name="big.csv")
    assert elapsed < 5


def test_a_sheet_that_declares_300000_rows_is_refused_at_once(client):
    data = _with_sheet(
        _workbook_bytes([["OTOP-1", "กลุ่ม"]]),
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:L300000"', xml),
    )
    assert _refused_in_thai(client, data) < 2


def test_a_csv_of_300000_rows_is_refused_while_streaming(client):
    lines = ["เลขทะเบียน OTOP,ชื่อกลุ่ม"] + [f"{n},x" for n in range(300_000)]
    assert _refused_in_thai(client, "\n".join(lines).encode(), name="big.csv") < 5
