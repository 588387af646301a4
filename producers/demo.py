"""Demo registry for `manage.py seed_demo`: real provinces and districts, Thai group and product names."""

import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from otop_fair.accounts.models import Role
from otop_fair.thai import thai_sort_key
from producers.models import (
    Category,
    Certification,
    GroupType,
    ProducerGroup,
    Product,
    Province,
    RatingRound,
    Standard,
    StarRating,
    Subdistrict,
)

DEMO_PASSWORD = "otop-demo"
# Provinces with strong OTOP networks; the demo officer looks after the first two.
DEMO_PROVINCES = ["50", "34", "40", "90", "10", "73", "57", "20"]
OFFICER_PROVINCES = ["50", "34"]

GROUP_PREFIXES = {
    GroupType.COMMUNITY: ["กลุ่มวิสาหกิจชุมชน", "กลุ่มแม่บ้าน", "กลุ่มอาชีพ"],
    GroupType.SINGLE_OWNER: ["ร้าน", "บ้าน"],
    GroupType.SME: ["บริษัท", "ห้างหุ้นส่วน"],
}
PRODUCTS = {
    Category.FOOD: ["น้ำพริกเผา", "ไส้อั่ว", "แหนมหมู", "กล้วยตาก", "ข้าวแต๋น", "หมูยอ", "ทองม้วน"],
    Category.BEVERAGE: ["ชาอู่หลง", "กาแฟอาราบิก้า", "น้ำมะม่วงหิมพานต์", "ไวน์หมากเม่า", "น้ำตาลสด"],
    Category.TEXTILE: ["ผ้าไหมมัดหมี่", "ผ้าฝ้ายทอมือ", "ผ้าขาวม้า", "ผ้าซิ่นตีนจก", "เสื้อม่อฮ่อม"],
    Category.HOUSEHOLD: ["ร่มบ่อสร้าง", "เครื่องจักสานไม้ไผ่", "โอ่งมังกร", "เครื่องเบญจรงค์", "ตุ๊กตาชาววัง"],
    Category.HERBAL: ["ยาหม่องสมุนไพร", "สบู่น้ำผึ้ง", "ลูกประคบ", "น้ำมันเหลือง", "แชมพูมะกรูด"],
}
PLACE_WORDS = ["บ้านดอน", "หนองบัว", "ดอยสะเก็ด", "ท่าช้าง", "โคกสูง", "บ้านไร่", "ห้วยทราย", "แม่ริม"]
PEOPLE = ["สมศรี ใจดี", "บุญมี ทองคำ", "มาลัย ศรีสุข", "ประเสริฐ แก้วมณี", "อำไพ วงศ์ใหญ่"]


def ensure_account(username, role, *, first_name, last_name=""):
    """Create a demo account once; a second seed keeps whatever was changed since."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={"role": role, "first_name": first_name, "last_name": last_name},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def seed_accounts():
    officer = ensure_account(Role.OFFICER, Role.OFFICER, first_name="สมชาย", last_name="พัฒนา")
    officer.officer_provinces.add(*Province.objects.filter(code__in=OFFICER_PROVINCES))
    committee = [
        ensure_account(f"committee{i}", Role.COMMITTEE, first_name=name, last_name="กรรมการ")
        for i, name in enumerate(["วิไล", "ธนพล", "จันทร์เพ็ญ"], start=1)
    ]
    producers = [
        ensure_account(f"producer{i}", Role.PRODUCER, first_name=name, last_name="ผู้ผลิต")
        for i, name in enumerate(["บัวผัน", "สุนทร"], start=1)
    ]
    return officer, committee, producers


def seed_registry(count, *, rng):
    """Make `count` producer groups with one to three products each; returns the new groups."""
    existing = ProducerGroup.objects.filter(registration_no__startswith="DEMO-").count()
    if existing >= count:
        return list(ProducerGroup.objects.filter(registration_no__startswith="DEMO-")[:count])
    rating_round, _ = RatingRound.objects.get_or_create(year=2025)
    subdistricts = sorted(
        Subdistrict.objects.filter(district__province_id__in=DEMO_PROVINCES).select_related(
            "district"
        ),
        key=lambda s: (DEMO_PROVINCES.index(s.district.province_id), s.code),
    )
    groups = []
    for i in range(existing, count):
        sub = subdistricts[(i * 7919) % len(subdistricts)] if i > 1 else subdistricts[i]
        group_type = rng.choice(list(GroupType))
        name = f"{rng.choice(GROUP_PREFIXES[group_type])}{rng.choice(PLACE_WORDS)} {sub.name_th} {i + 1}"
        groups.append(
            ProducerGroup(
                name=name,
                sort_name=thai_sort_key(name),
                group_type=group_type,
                registration_no=f"DEMO-{i + 1:06d}",
                contact_name=rng.choice(PEOPLE),
                phone=f"08{rng.randrange(10_000_000, 99_999_999)}",
                line_id=f"otop{i + 1}",
                address=f"{rng.randrange(1, 200)} หมู่ {rng.randrange(1, 15)}",
                subdistrict=sub,
                province_id=sub.district.province_id,
            )
        )
    groups = ProducerGroup.objects.bulk_create(groups, batch_size=2000)
    products, ratings, certifications = [], [], []
    categories = list(Category)
    for i, group in enumerate(groups):
        for j in range(rng.randint(1, 3)):
            category = categories[(i + j) % len(categories)]
            name = rng.choice(PRODUCTS[category])
            low = Decimal(rng.randrange(30, 800))
            products.append(
                Product(
                    group=group,
                    name=name,
                    sort_name=thai_sort_key(name),
                    category=category,
                    description=f"{name}จากชุมชน{group.subdistrict.name_th}",
                    price_min=low,
                    price_max=low * 2,
                    unit="ชิ้น",
                    story_origin=f"สืบทอดภูมิปัญญาจากบรรพบุรุษใน{group.subdistrict.name_th}",
                    story_wisdom="ทำมือทุกขั้นตอนตามสูตรดั้งเดิม",
                    story_materials="วัตถุดิบในท้องถิ่น",
                    story_people="สมาชิกกลุ่มแม่บ้านในหมู่บ้าน",
                )
            )
    products = Product.objects.bulk_create(products, batch_size=5000)
    for product in products:
        ratings.append(
            StarRating(
                product=product,
                round=rating_round,
                score=Decimal(rng.randrange(45, 100)),
                certificate_no=f"OTOP-{product.pk:07d}",
            )
        )
        if product.category in (Category.FOOD, Category.BEVERAGE) and rng.random() < 0.85:
            certifications.append(
                Certification(
                    group_id=product.group_id,
                    product=product,
                    standard=Standard.FDA,
                    number=f"{rng.randrange(10, 99)}-1-{rng.randrange(10000, 99999)}-2-0001",
                )
            )
    StarRating.objects.bulk_create(ratings, batch_size=5000)
    Certification.objects.bulk_create(certifications, batch_size=5000)
    return list(ProducerGroup.objects.filter(registration_no__startswith="DEMO-")[:count])


def attach_demo_producers(producers, groups):
    """producer1 and producer2 each belong to one of the first demo groups."""
    for user, group in zip(producers, groups, strict=False):
        group.members.add(user)


def make_rng(seed=2569):
    return random.Random(seed)
