"""Officers import their spreadsheets (all or nothing, re-import updates) and export the list."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from producers.models import ProducerGroup, Product, Subdistrict
from tests.factories import ProducerGroupFactory, officer_of

pytestmark = pytest.mark.django_db
HEADER = [
    "เลขทะเบียน OTOP",
    "ชื่อกลุ่ม",
    "ประเภทกลุ่ม",
    "ผู้ติดต่อ",
    "โทรศัพท์",
    "จังหวัด",
    "อำเภอ",
    "ตำบล",
    "ชื่อสินค้า",
    "ประเภทสินค้า",
    "ราคาต่ำสุด",
    "ราคาสูงสุด",
]


@pytest.fixture
def officer():
    return officer_of("50", username="officer_import")


def area():
    sub = (
        Subdistrict.objects.select_related("district__province")
        .filter(district__province_id="50")
        .order_by("code")
        .first()
    )
    return ["จ." + sub.district.province.name_th, "อำเภอ" + sub.district.name_th, sub.name_th]


def good_rows():
    return [
        [
            "OTOP-IMP-1",
            "กลุ่มร่มบ่อสร้าง",
            "กลุ่มชุมชน",
            "บัวผัน",
            "0811111111",
            *area(),
            "ร่มกระดาษสา",
            "ของใช้ ของตกแต่ง และของที่ระลึก",
            "150",
            "900",
        ],
        [
            "OTOP-IMP-1",
            "กลุ่มร่มบ่อสร้าง",
            "กลุ่มชุมชน",
            "บัวผัน",
            "0811111111",
            *area(),
            "พัดกระดาษสา",
            "household",
            "50",
            "120",
        ],
        [
            "OTOP-IMP-2",
            "ร้านไส้อั่วป้าศรี",
            "single_owner",
            "ศรี",
            "0822222222",
            *area(),
            "ไส้อั่ว",
            "อาหาร",
            "80",
            "80",
        ],
    ]


def as_csv(rows, name="registry.csv"):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8-sig"), "text/csv")


def as_xlsx(rows):
    workbook = Workbook()
    for row in [HEADER, *rows]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("registry.xlsx", buffer.getvalue())


def import_file(client, file):
    preview = client.post(reverse("producers:import_upload"), {"file": file})
    confirm = client.post(reverse("producers:import_confirm"))
    return preview, confirm


def test_preview_then_import_creates_groups_and_products(client_for, officer):
    client = client_for(officer)
    preview = client.post(reverse("producers:import_upload"), {"file": as_xlsx(good_rows())})
    assert "พร้อมนำเข้า 3 แถว" in preview.content.decode()
    assert not ProducerGroup.objects.exists()
    client.post(reverse("producers:import_confirm"))
    assert ProducerGroup.objects.count() == 2
    assert Product.objects.filter(group__registration_no="OTOP-IMP-1").count() == 2
    assert ProducerGroup.objects.get(registration_no="OTOP-IMP-2").group_type == "single_owner"


def test_reimporting_the_same_file_updates_and_never_duplicates(client_for, officer):
    client = client_for(officer)
    import_file(client, as_csv(good_rows()))
    rows = good_rows()
    rows[2][3] = "ศรีสมร"
    rows[2][10] = "90"
    rows[2][11] = "95"
    import_file(client, as_csv(rows))
    assert ProducerGroup.objects.count() == 2
    assert Product.objects.count() == 3
    group = ProducerGroup.objects.get(registration_no="OTOP-IMP-2")
    assert group.contact_name == "ศรีสมร"
    assert group.products.get().price_min == 90


def test_one_bad_row_saves_nothing_and_names_the_row(client_for, officer):
    rows = good_rows()
    rows[1][9] = "เครื่องบิน"
    preview, _ = import_file(client_for(officer), as_csv(rows))
    text = preview.content.decode()
    assert "ไม่รู้จักประเภทสินค้า “เครื่องบิน”" in text
    assert '<td class="num">3</td>' in text
    assert not ProducerGroup.objects.exists()
    assert not Product.objects.exists()


def test_a_row_in_another_province_is_refused(client_for, officer):
    rows = good_rows()
    rows[0][5:8] = ["อุบลราชธานี", "เมืองอุบลราชธานี", "ในเมือง"]
    preview, _ = import_file(client_for(officer), as_csv(rows))
    assert "ไม่ใช่จังหวัดที่ท่านรับผิดชอบ" in preview.content.decode()
    assert not ProducerGroup.objects.exists()


def test_a_file_without_the_header_is_refused_in_thai(client_for, officer):
    file = SimpleUploadedFile("x.csv", b"a,b\n1,2\n", "text/csv")
    response = client_for(officer).post(reverse("producers:import_upload"), {"file": file})
    assert "เลขทะเบียน OTOP" in response.content.decode()


def test_csv_export_neutralises_formulas_and_keeps_thai(client_for, officer):
    ProducerGroupFactory(name='=HYPERLINK("http://evil")', province_code="50")
    ProducerGroupFactory(name="กลุ่มทอผ้าบ้านดอน", province_code="50")
    ProducerGroupFactory(name="กลุ่มอุบล", province_code="34")
    response = client_for(officer).get(reverse("producers:group_export_csv"))
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    names = [r[1] for r in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in names
    assert "กลุ่มทอผ้าบ้านดอน" in names
    assert "กลุ่มอุบล" not in names


def test_excel_export_follows_the_filter(client_for, officer):
    ProducerGroupFactory(name="กลุ่มผ้าฝ้าย", province_code="50")
    ProducerGroupFactory(name="กลุ่มจักสาน", province_code="50")
    response = client_for(officer).get(reverse("producers:group_export_xlsx"), {"q": "ฝ้าย"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["กลุ่มผ้าฝ้าย"]


def test_exported_file_imports_back_without_changes(client_for, officer):
    group = ProducerGroupFactory(name="กลุ่มส่งออกแล้วนำเข้า", province_code="50")
    client = client_for(officer)
    exported = client.get(reverse("producers:group_export_csv")).content
    import_file(client, SimpleUploadedFile("back.csv", exported, "text/csv"))
    assert ProducerGroup.objects.count() == 1
    group.refresh_from_db()
    assert group.name == "กลุ่มส่งออกแล้วนำเข้า"


def test_import_leaves_an_audit_trail_by_the_officer(client_for, officer):
    client = client_for(officer)
    import_file(client, as_csv(good_rows()))
    rows = good_rows()
    rows[2][4] = "0899999999"
    _, confirm = import_file(client, as_csv(rows))
    assert "ปรับปรุง 1 กลุ่ม" in client.get(confirm["Location"]).content.decode()
    group = ProducerGroup.objects.get(registration_no="OTOP-IMP-2")
    assert [h.history_user for h in group.history.all()] == [officer, officer]
    assert group.history.first().phone == "0899999999"
