"""A national fair's quota table (province × category): typed in a grid or imported from a sheet,
totals checked against the booths, saved with history; only the head office sets it."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from booths.models import FairLevel, ProvinceQuota
from booths.quota_forms import cell_name
from booths.services.quotas import quota_table, save_quotas
from tests.factories import BoothFactory, FairFactory, UserFactory, ZoneFactory

pytestmark = pytest.mark.django_db
# A Thai message in an error block or next to a field.
THAI_ERROR = re.compile(r"(invalid-feedback|alert-danger)[^>]*>(\s|<[^>]*>)*[\u0e01-\u0e5b]")


@pytest.fixture
def head_office(db):
    return UserFactory(role="national_officer", username="head_office")


@pytest.fixture
def national(head_office):
    """A national fair with 6 booths: 4 take textiles only, 2 take any category."""
    fair = FairFactory(level=FairLevel.NATIONAL, created_by=head_office)
    textiles = ZoneFactory(fair=fair, code="T")
    for _ in range(4):
        BoothFactory(zone=textiles, allowed_categories=["textile"])
    anything = ZoneFactory(fair=fair, code="X")
    for _ in range(2):
        BoothFactory(zone=anything)
    return fair


def grid_post(cells, reason=""):
    return {cell_name(p, c): str(n) for (p, c), n in cells.items()} | {"reason": reason}


def test_saving_replaces_the_table_and_records_who_and_why(national, head_office):
    save_quotas(fair=national, table={("50", "textile"): 3}, by=head_office, reason="รอบแรก")
    save_quotas(
        fair=national,
        table={("50", "textile"): 2, ("10", "food"): 1},
        by=head_office,
        reason="ปรับ",
    )
    assert quota_table(national) == {("50", "textile"): 2, ("10", "food"): 1}
    changed = ProvinceQuota.history.filter(province_id="50").order_by("history_date").last()
    assert changed.history_user == head_office and changed.history_change_reason == "ปรับ"


def test_a_column_beyond_the_booths_that_take_its_category_is_refused(national, head_office):
    # Only the 2 open booths take food.
    with pytest.raises(ValidationError) as caught:
        save_quotas(fair=national, table={("50", "food"): 3}, by=head_office, reason="")
    assert "3" in str(caught.value) and not ProvinceQuota.objects.exists()


def test_quotas_adding_up_beyond_the_booths_are_refused(national, head_office):
    table = {("50", "textile"): 4, ("10", "food"): 2, ("20", "food"): 1}
    with pytest.raises(ValidationError):
        save_quotas(fair=national, table=table, by=head_office, reason="")


def test_a_provincial_fair_holds_no_quotas(head_office):
    fair = FairFactory()
    with pytest.raises(ValidationError):
        save_quotas(fair=fair, table={("50", "food"): 1}, by=head_office, reason="")


def test_the_head_office_edits_the_grid_with_row_and_column_totals(
    national, head_office, client_for
):
    client = client_for(head_office)
    url = reverse("booths:quotas", args=[national.pk])
    response = client.post(url, grid_post({("50", "textile"): 3, ("10", "textile"): 1}))
    assert response.status_code == 302
    assert quota_table(national) == {("50", "textile"): 3, ("10", "textile"): 1}
    page = client.get(url).content.decode()
    assert 'value="3"' in page and "จากทั้งหมด 6 บูธ" in page


@pytest.mark.parametrize("typed", ["-1", "สาม", "1.5", "99999999", "1e3"])
def test_a_cell_that_is_not_a_count_of_booths_gets_a_thai_message(
    national, head_office, client_for, typed
):
    url = reverse("booths:quotas", args=[national.pk])
    response = client_for(head_office).post(url, {cell_name("50", "textile"): typed})
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    assert not ProvinceQuota.objects.exists()


def test_thai_digits_in_a_cell_count(national, head_office, client_for):
    url = reverse("booths:quotas", args=[national.pk])
    client_for(head_office).post(url, {cell_name("50", "textile"): "๓"})
    assert quota_table(national) == {("50", "textile"): 3}


def test_a_column_over_its_booths_is_shown_on_the_grid_in_thai(national, head_office, client_for):
    url = reverse("booths:quotas", args=[national.pk])
    response = client_for(head_office).post(url, {cell_name("50", "food"): "5"})
    page = response.content.decode()
    assert response.status_code == 200 and "text-danger" in page
    assert "อาหาร" in page and not ProvinceQuota.objects.exists()


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "quotas.xlsx"
    return data


def csv_file(text):
    data = io.BytesIO(text.encode("utf-8-sig"))
    data.name = "quotas.csv"
    return data


def test_a_sheet_of_provinces_by_categories_imports_from_excel_and_csv(
    national, head_office, client_for
):
    client = client_for(head_office)
    url = reverse("booths:quota_import", args=[national.pk])
    sheet = xlsx([["จังหวัด", "ผ้าและเครื่องแต่งกาย", "อาหาร"], ["เชียงใหม่", 3, 1], ["10", "๑", None]])
    assert client.post(url, {"sheet": sheet}).status_code == 302
    assert quota_table(national) == {("50", "textile"): 3, ("50", "food"): 1, ("10", "textile"): 1}
    text = 'จังหวัด,textile\nจังหวัดเชียงใหม่,"2"\n'
    assert client.post(url, {"sheet": csv_file(text)}).status_code == 302
    assert quota_table(national) == {("50", "textile"): 2}


@pytest.mark.parametrize(
    "content",
    [
        "จังหวัด,ผ้า?\nเชียงใหม่,1\n",
        "จังหวัด,textile\nเมืองลับแล,1\n",
        "จังหวัด,textile\nเชียงใหม่,1\nเชียงใหม่,2\n",
        "จังหวัด,textile\nเชียงใหม่,หนึ่ง\n",
        "จังหวัด,textile\nเชียงใหม่,²\n",
        "จังหวัด,textile\nเชียงใหม่,9\n",
        "",
        "\x00\x01PK\x03\x04garbage",
    ],
)
def test_a_sheet_that_cannot_be_read_is_refused_with_a_thai_message_and_nothing_saved(
    national, head_office, client_for, content
):
    url = reverse("booths:quota_import", args=[national.pk])
    response = client_for(head_office).post(url, {"sheet": csv_file(content)})
    assert response.status_code == 200
    assert THAI_ERROR.search(response.content.decode())
    assert not ProvinceQuota.objects.exists()


def test_a_damaged_excel_file_is_refused(national, head_office, client_for):
    url = reverse("booths:quota_import", args=[national.pk])
    data = io.BytesIO(b"PK\x03\x04" + b"\x00" * 200)
    data.name = "quotas.xlsx"
    response = client_for(head_office).post(url, {"sheet": data})
    assert response.status_code == 200 and "Excel" in response.content.decode()


@pytest.mark.parametrize("role", ["officer", "committee", "producer"])
def test_only_the_head_office_sets_quotas(national, client_for, role):
    user = UserFactory(role=role)
    response = client_for(user).get(reverse("booths:quotas", args=[national.pk]))
    assert response.status_code == 403


def test_a_provincial_fair_has_no_quota_grid(head_office, client_for):
    fair = FairFactory()
    response = client_for(head_office).get(reverse("booths:quotas", args=[fair.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize("booths", [6, 60])
def test_the_grid_takes_the_same_queries_for_more_booths_and_quotas(
    national, head_office, client_for, django_assert_max_num_queries, booths
):
    zone = national.zones.get(code="X")
    for _ in range(booths - 6):
        BoothFactory(zone=zone)
    table = {("50", "textile"): 1, ("10", "food"): 1}
    if booths > 6:
        table = {(p, c): 1 for p in ("10", "20", "30", "50", "57") for c in ("food", "herbal")}
    save_quotas(fair=national, table=table, by=head_office, reason="")
    client = client_for(head_office)
    with django_assert_max_num_queries(7):
        assert client.get(reverse("booths:quotas", args=[national.pk])).status_code == 200


cells = st.one_of(
    st.sampled_from(["เชียงใหม่", "จังหวัดน่าน", "10", "textile", "อาหาร", "3", "๒", "1,000", "-1"]),
    st.text(max_size=12),
    st.integers(-(10**12), 10**12).map(str),
)
sheets = st.lists(st.lists(cells, max_size=6), max_size=6).map(
    lambda rows: "\n".join(",".join(f'"{c}"' for c in row) for row in rows)
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=sheets, raw=st.binary(max_size=300), use_raw=st.booleans())
def test_any_sheet_is_imported_or_refused_in_thai_and_a_refusal_saves_nothing(
    national, head_office, client_for, text, raw, use_raw
):
    url = reverse("booths:quota_import", args=[national.pk])
    upload = io.BytesIO(raw if use_raw else text.encode())
    upload.name = "quotas.csv"
    with transaction.atomic():
        response = client_for(head_office).post(url, {"sheet": upload})
        saved = ProvinceQuota.objects.exists()
        transaction.set_rollback(True)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert THAI_ERROR.search(response.content.decode()) and not saved


def test_an_emptied_grid_clears_the_table(national, head_office, client_for):
    save_quotas(fair=national, table={("50", "textile"): 2}, by=head_office, reason="")
    url = reverse("booths:quotas", args=[national.pk])
    assert client_for(head_office).post(url, {"reason": "ยกเลิก"}).status_code == 302
    assert quota_table(national) == {}
