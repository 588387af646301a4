"""Realistic open-data files with invented names: the producer register and the OPC list."""

import csv
import io
import random

from producers.models import Subdistrict

PREFIXES = ["กลุ่มวิสาหกิจชุมชน", "กลุ่มแม่บ้านเกษตรกร", "กลุ่มอาชีพ", "กลุ่มทอผ้า"]
WORDS = ["บ้านดอนแก้ว", "บ้านหนองบัว", "ห้วยทราย", "ป่าไผ่", "สันทราย", "แม่ริม", "ดอยคำ"]
PRODUCTS = [
    ("น้ำพริกนรก", "อาหาร"),
    ("กาแฟคั่วบด", "เครื่องดื่ม"),
    ("ผ้าซิ่นตีนจก", "ผ้า เครื่องแต่งกาย"),
    ("ตะกร้าสานไม้ไผ่", "ของใช้ ของตกแต่ง ของที่ระลึก"),
    ("ยาหม่องสมุนไพร", "สมุนไพรที่ไม่ใช่อาหาร"),
]


def producers(count, province_codes=("50", "57"), seed=17):
    """(province, district, subdistrict, producer name) for `count` invented producers."""
    rng = random.Random(seed)
    subs = list(
        Subdistrict.objects.filter(district__province_id__in=province_codes)
        .select_related("district__province")
        .order_by("code")
    )
    made = []
    for i in range(count):
        sub = subs[(i * 31) % len(subs)]
        name = f"{rng.choice(PREFIXES)}{rng.choice(WORDS)} {i + 1}"
        made.append(
            (f"จังหวัด{sub.district.province.name_th}", sub.district.name_th, sub.name_th, name)
        )
    return made


def register_csv(people, encoding="utf-8"):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["จังหวัด", "อำเภอ", "ตำบล", "ผู้ผลิต"])
    writer.writerows(people)
    return io.BytesIO(out.getvalue().encode(encoding))


def opc_csv(people, encoding="utf-8", seed=18):
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["ผลิตภัณฑ์", "ผู้ผลิต", "จังหวัด", "ประเภท", "ระดับดาว"])
    for province, _district, _sub, name in people:
        product, category = rng.choice(PRODUCTS)
        writer.writerow([product, name, province, category, rng.randint(1, 5)])
    return io.BytesIO(out.getvalue().encode(encoding))
