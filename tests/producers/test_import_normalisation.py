"""The registry import reads every cell through the one normaliser: a pasted or re-typed copy of
a row is the same group and product, the app's own export reads back with nothing changed, phones
come out in their one form, and stored rows that turn out to be one group are listed to merge."""

import importlib
import io

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from producers.import_reading import read_rows
from producers.importing import apply_rows
from producers.models import GroupMergeCandidate, ProducerGroup, Product
from tests.factories import ProducerGroupFactory, officer_of
from tests.producers.test_import_export import HEADER, area, as_csv, good_rows
from tests.test_bad_input import SETTINGS
from tests.thai_input import canonical_phones, invisible_only, phone_spellings, polluted

pytestmark = pytest.mark.django_db
normalise_migration = importlib.import_module("producers.migrations.0006_normalise_stored_text")


@pytest.fixture
def officer():
    return officer_of("50", username="officer_normalised_import")


def _rows_of(table):
    return read_rows(as_csv(table))


def _pollute_rows(data, rows):
    """Every text cell of `rows` as it may come back from a copy-paste."""
    return [
        [
            data.draw(polluted(cell, digits=index == 0)) if cell else cell
            for index, cell in enumerate(r)
        ]
        for r in rows
    ]


@SETTINGS
@given(data=st.data())
def test_a_pasted_copy_of_the_file_changes_nothing(officer, data):
    # Each example starts from an empty registry, also after a failing one (hypothesis replays it).
    ProducerGroup.objects.all().delete()
    summary, _ = apply_rows(_rows_of(good_rows()), by=officer)
    assert summary.groups_created == 2
    again, checks = apply_rows(_rows_of(_pollute_rows(data, good_rows())), by=officer)
    assert [c.errors for c in checks if c.errors] == []
    assert (again.groups_created, again.groups_updated) == (0, 0)
    assert (again.products_created, again.products_updated) == (0, 0)
    assert ProducerGroup.objects.filter(registration_no__startswith="OTOP-IMP").count() == 2


@SETTINGS
@given(data=st.data(), phone=canonical_phones)
def test_any_spelling_of_a_phone_is_imported_in_its_one_form(officer, data, phone):
    ProducerGroup.objects.all().delete()
    rows = good_rows()[:1]
    rows[0][4] = data.draw(phone_spellings(phone))
    checks = apply_rows(_rows_of(rows), by=officer)[1]
    assert [c.errors for c in checks] == [[]]
    assert ProducerGroup.objects.get(registration_no="OTOP-IMP-1").phone == phone


def _xlsx(rows):
    workbook = Workbook()
    for row in [HEADER, *rows]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("registry.xlsx", buffer.getvalue())


def test_an_excel_phone_number_that_lost_its_zero_gets_it_back(officer):
    rows = good_rows()[:1]
    rows[0][4] = 812345670
    apply_rows(read_rows(_xlsx(rows)), by=officer)
    assert ProducerGroup.objects.get(registration_no="OTOP-IMP-1").phone == "0812345670"


def test_a_cell_that_is_no_phone_is_refused_on_that_column_in_thai(officer):
    rows = good_rows()[:1]
    rows[0][4] = "ไม่มีเบอร์"
    checks = apply_rows(_rows_of(rows), by=officer)[1]
    assert any("โทรศัพท์" in error for error in checks[0].errors)
    assert not ProducerGroup.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_importing_the_apps_own_export_changes_nothing(client_for, officer, fmt):
    sub_group = ProducerGroupFactory(province_code="50")
    ProducerGroupFactory(
        province_code="50",
        subdistrict=sub_group.subdistrict,
        name="-กลุ่มขีดนำ",
        line_id="@otopshop",
        phone="021234567",
        address="=บ้านเลขที่ 5",
    )
    client = client_for(officer)
    exported = client.get(reverse(f"producers:group_export_{fmt}")).content
    before = list(ProducerGroup.objects.order_by("pk").values())
    summary, checks = apply_rows(read_rows(SimpleUploadedFile(f"back.{fmt}", exported)), by=officer)
    assert [c.errors for c in checks if c.errors] == []
    assert (summary.groups_created, summary.groups_updated) == (0, 0)
    assert list(ProducerGroup.objects.order_by("pk").values()) == before


def test_a_stored_name_with_split_sara_am_is_found_after_the_migration(client_for, officer):
    group = ProducerGroupFactory(province_code="50")
    ProducerGroup.objects.filter(pk=group.pk).update(name="กลุ่มน\u0e4d\u0e49\u0e32พริกบ้านดอน")
    normalise_migration.normalise_groups(apps, None)
    response = client_for(officer).get(reverse("producers:group_list"), {"q": "น้ำพริก"})
    assert "กลุ่มน้ำพริกบ้านดอน" in response.content.decode()


def test_groups_that_become_one_number_are_kept_and_listed_to_merge(client_for, officer):
    kept = ProducerGroupFactory(province_code="50", registration_no="OTOP-5012")
    typed = ProducerGroupFactory(province_code="50", registration_no="OTOP-๕๐๑๒")
    twin = ProducerGroupFactory(province_code="50", registration_no="OTOP-77\u200b")
    normalise_migration.normalise_groups(apps, None)
    assert ProducerGroup.objects.count() == 3
    pair = GroupMergeCandidate.objects.get()
    assert (pair.group, pair.same_as, pair.normalised_registration_no) == (kept, typed, "OTOP-5012")
    twin.refresh_from_db()
    assert twin.registration_no == "OTOP-77"
    page = client_for(officer).get(reverse("producers:group_list")).content.decode()
    assert 'id="groups-to-merge"' in page
    assert kept.name in page and typed.name in page


def test_products_keep_one_row_when_a_name_is_reimported_with_a_zero_width_space(officer):
    apply_rows(_rows_of(good_rows()), by=officer)
    rows = good_rows()
    rows[0][8] = "ร่มกระดาษ\u200bสา"
    summary = apply_rows(_rows_of(rows), by=officer)[0]
    assert summary.products_created == 0
    assert Product.objects.filter(name__startswith="ร่ม").count() == 1


def test_area_names_are_read_through_the_normaliser(officer):
    rows = good_rows()[:1]
    rows[0][5:8] = [f"\u200b{name}\u00ad" for name in area()]
    checks = apply_rows(_rows_of(rows), by=officer)[1]
    assert checks[0].errors == []


@SETTINGS
@given(name=invisible_only)
def test_a_group_name_of_invisible_characters_is_refused_on_import(officer, name):
    rows = good_rows()[:1]
    rows[0][1] = name
    checks = apply_rows(_rows_of(rows), by=officer)[1]
    assert any("ชื่อกลุ่ม" in error for error in checks[0].errors)
    assert not ProducerGroup.objects.exists()
