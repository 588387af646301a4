"""Demo registry for `manage.py seed_demo`: real provinces and districts, Thai group and product names."""

import datetime
import io
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from otop_fair.accounts.models import Role
from otop_fair.thai import buddhist_year, thai_sort_key
from otop_fair.uploads import validate_and_reencode_image
from producers.models import (
    PUBLIC_SWITCHES,
    Category,
    Certification,
    FollowUpStatus,
    GroupType,
    OtopMark,
    ProducerGroup,
    Product,
    Province,
    PublicProfile,
    RatingRound,
    Standard,
    StarRating,
    Subdistrict,
    Visit,
)
from producers.services import add_photo

DEMO_PASSWORD = "otop-demo"
# Every demo account: username → (role, first name, last name). All have DEMO_PASSWORD.
DEMO_ACCOUNTS = {
    "officer": (Role.OFFICER, "สมชาย", "พัฒนา"),
    "national": (Role.NATIONAL_OFFICER, "ประภา", "ส่วนกลาง"),
    "district1": (Role.DISTRICT_OFFICER, "อำนวย", "อำเภอ"),
    "committee1": (Role.COMMITTEE, "วิไล", "กรรมการ"),
    "committee2": (Role.COMMITTEE, "ธนพล", "กรรมการ"),
    "committee3": (Role.COMMITTEE, "จันทร์เพ็ญ", "กรรมการ"),
    "producer1": (Role.PRODUCER, "บัวผัน", "ผู้ผลิต"),
    "producer2": (Role.PRODUCER, "สุนทร", "ผู้ผลิต"),
}
# Provinces with strong OTOP networks; the demo officer looks after the first two.
DEMO_PROVINCES = ["50", "34", "40", "90", "10", "73", "57", "20"]
OFFICER_PROVINCES = ["50", "34"]
DEMO_REGISTRATIONS_FROM = datetime.date(2019, 10, 1)

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


def _demo_account(username):
    role, first_name, last_name = DEMO_ACCOUNTS[username]
    return ensure_account(username, role, first_name=first_name, last_name=last_name)


def _demo_accounts_of(role):
    return [
        _demo_account(name)
        for name, (its_role, *_names) in DEMO_ACCOUNTS.items()
        if its_role == role
    ]


def seed_accounts():
    """The provincial officer, the committee and the producers (the offices: seed_office_accounts)."""
    officer = _demo_account("officer")
    officer.officer_provinces.add(*Province.objects.filter(code__in=OFFICER_PROVINCES))
    return officer, _demo_accounts_of(Role.COMMITTEE), _demo_accounts_of(Role.PRODUCER)


def seed_office_accounts():
    """The head office (every province) and the district office of the first demo groups: the
    district of the first subdistrict of the officer's first province."""
    national, district_officer = _demo_account("national"), _demo_account("district1")
    first = Subdistrict.objects.filter(district__province_id=OFFICER_PROVINCES[0]).order_by("code")
    district_officer.officer_districts.add(first[0].district)
    return [national, district_officer]


def seed_registry(count, *, rng):
    """Make `count` producer groups with one to three products each; returns the new groups."""
    existing = _demo_groups().count()
    if existing >= count:
        return list(_demo_groups()[:count])
    rating_round, _ = RatingRound.objects.get_or_create(year=2025)
    subdistricts = _demo_subdistricts()
    groups = ProducerGroup.objects.bulk_create(
        [_demo_group(i, subdistricts, rng=rng) for i in range(existing, count)], batch_size=2000
    )
    products = Product.objects.bulk_create(_demo_products(groups, rng=rng), batch_size=5000)
    ratings, certifications = _demo_ratings_and_certifications(products, rating_round, rng=rng)
    StarRating.objects.bulk_create(ratings, batch_size=5000)
    Certification.objects.bulk_create(certifications, batch_size=5000)
    PublicProfile.objects.bulk_create(_demo_public_profiles(groups), batch_size=5000)
    return list(_demo_groups()[:count])


def _demo_public_profiles(groups):
    """Two groups in three opened a public page (every part but the contact channel)."""
    switches = dict.fromkeys(PUBLIC_SWITCHES, True) | {"show_contact": False}
    return [PublicProfile(group=g, **switches) for i, g in enumerate(groups) if i % 3 != 2]


def _demo_groups():
    return ProducerGroup.objects.filter(registration_no__startswith="DEMO-")


def _demo_subdistricts():
    """The demo provinces' subdistricts, in the order of DEMO_PROVINCES."""
    return sorted(
        Subdistrict.objects.filter(district__province_id__in=DEMO_PROVINCES).select_related(
            "district"
        ),
        key=lambda s: (DEMO_PROVINCES.index(s.district.province_id), s.code),
    )


def _demo_group(i, subdistricts, *, rng):
    """The i-th demo group (unsaved); the first two are in the first demo province."""
    sub = subdistricts[(i * 7919) % len(subdistricts)] if i > 1 else subdistricts[i]
    group_type = rng.choice(list(GroupType))
    name = (
        f"{rng.choice(GROUP_PREFIXES[group_type])}{rng.choice(PLACE_WORDS)} {sub.name_th} {i + 1}"
    )
    return ProducerGroup(
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
        # Spread without drawing from `rng`, so the rest of the demo stays as it was.
        registered_on=DEMO_REGISTRATIONS_FROM + datetime.timedelta(days=(i * 97) % 2200),
        quadrant="ABCD"[(i * 31) % 4],
    )


def _demo_products(groups, *, rng):
    """One to three unsaved products per group, the categories taking turns."""
    categories = list(Category)
    products = []
    for i, group in enumerate(groups):
        for j in range(rng.randint(1, 3)):
            category = categories[(i + j) % len(categories)]
            products.append(_demo_product(group, category, rng=rng))
    marks = ["", *OtopMark.values]
    for k, product in enumerate(products):
        product.otop_mark = marks[(k * 7) % len(marks)]
    return products


def _demo_product(group, category, *, rng):
    name = rng.choice(PRODUCTS[category])
    low = Decimal(rng.randrange(30, 800))
    return Product(
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


def _demo_ratings_and_certifications(products, rating_round, *, rng):
    """A rating for every product, and an FDA number for most food and drink (unsaved).

    One pass over the products, so the random draws and the data stay as they always were.
    """
    ratings, certifications = [], []
    for product in products:
        score = Decimal(rng.randrange(45, 100))
        ratings.append(
            StarRating(
                product=product,
                round=rating_round,
                stars=rating_round.stars_for(score),
                score=score,
                certificate_no=f"OTOP-{product.pk:07d}",
            )
        )
        if product.category in (Category.FOOD, Category.BEVERAGE) and rng.random() < 0.85:
            certifications.append(
                Certification(
                    group_id=product.group_id,
                    product=product,
                    standard_id=Standard.FDA,
                    number=f"{rng.randrange(10, 99)}-1-{rng.randrange(10000, 99999)}-2-0001",
                )
            )
    return ratings, certifications


def attach_demo_producers(producers, groups):
    """producer1 and producer2 each belong to one of the first demo groups."""
    for user, group in zip(producers, groups, strict=False):
        group.members.add(user)


def make_rng(seed=2569):
    return random.Random(seed)


VISIT_NOTES = [
    (
        "ประธานกลุ่ม",
        "บรรจุภัณฑ์ยังไม่ดึงดูด ลูกค้าในงานแสดงสินค้าไม่หยิบ",
        "ออกแบบฉลากใหม่ ใส่เรื่องราวสินค้า",
        "ส่งแบบฉลากให้ตรวจ",
    ),
    ("เหรัญญิกกลุ่ม", "วัตถุดิบขึ้นราคา กำไรลดลง", "คำนวณต้นทุนใหม่และปรับราคาขายส่ง", "ตรวจตารางต้นทุน"),
    (
        "สมาชิกกลุ่ม 6 คน",
        "อยากขายออนไลน์แต่ถ่ายรูปสินค้าไม่เป็น",
        "สอนถ่ายรูปด้วยโทรศัพท์ แสงธรรมชาติ",
        "ดูรูปสินค้าในระบบ",
    ),
    (
        "ผู้จัดการร้าน",
        "ใบรับรอง มผช. ใกล้หมดอายุ",
        "ยื่นต่ออายุที่สำนักงานอุตสาหกรรมจังหวัด",
        "ตรวจเอกสารต่ออายุ มผช.",
    ),
]


def seed_field_work(officer, groups, *, seed=2569):
    """An older rating round, standards that expire, and the officer's field visits. Runs once."""
    rng = make_rng(seed + 1)
    if not StarRating.objects.filter(round__year=2023).exists():
        seed_rating_history(groups, rng=rng)
    if not Visit.objects.filter(officer=officer).exists():
        seed_visits(officer, groups, rng=rng)


def seed_rating_history(groups, *, rng):
    """2023 ratings under that round's stricter thresholds, and standards with expiry dates."""
    old_round, _ = RatingRound.objects.get_or_create(
        year=2023,
        defaults={
            "five_star_min": 92,
            "four_star_min": 82,
            "three_star_min": 72,
            "two_star_min": 55,
        },
    )
    today = datetime.date.today()
    ratings, certifications = [], []
    for product in Product.objects.filter(group__in=groups).order_by("pk"):
        if rng.random() < 0.4:
            score = Decimal(rng.randrange(40, 98))
            ratings.append(
                StarRating(
                    product=product,
                    round=old_round,
                    stars=old_round.stars_for(score),
                    score=score,
                    certificate_no=f"OTOP66-{product.pk:07d}",
                )
            )
        if rng.random() < 0.5:
            # Spread so that some are expired, some expire within 90 days and most are valid.
            expires = today + datetime.timedelta(days=rng.randrange(-120, 900))
            certifications.append(
                Certification(
                    group_id=product.group_id,
                    product=product,
                    standard_id=rng.choice([Standard.MOPHOCHO, Standard.GMP, Standard.HALAL]),
                    number=f"{rng.randrange(1, 999)}/{buddhist_year(today) - 1}",
                    issued_on=expires - datetime.timedelta(days=3 * 365),
                    expires_on=expires,
                )
            )
    StarRating.objects.bulk_create(ratings, batch_size=5000)
    Certification.objects.bulk_create(certifications, batch_size=5000)


def seed_visits(officer, groups, *, rng):
    """Visits to the officer's groups, some with follow-ups due this week or overdue."""
    today = datetime.date.today()
    own = [g for g in groups if g.province_id in OFFICER_PROVINCES][:40]
    visits = []
    for i, group in enumerate(own):
        met, heard, advice, follow_up = VISIT_NOTES[i % len(VISIT_NOTES)]
        visited = today - datetime.timedelta(days=rng.randrange(3, 200))
        has_follow_up = i % 3 != 2
        visits.append(
            Visit(
                group=group,
                officer=officer,
                visited_on=visited,
                met_with=met,
                problems_heard=heard,
                advice=advice,
                follow_up=follow_up if has_follow_up else "",
                follow_up_due=today + datetime.timedelta(days=rng.randrange(-5, 30))
                if has_follow_up
                else None,
                follow_up_status=(FollowUpStatus.OPEN if i % 4 else FollowUpStatus.DONE)
                if has_follow_up
                else FollowUpStatus.NONE,
            )
        )
    Visit.objects.bulk_create(visits)


PHOTO_COLOURS = [(122, 46, 142), (196, 120, 40), (40, 120, 90), (180, 40, 60)]


def seed_photos(groups, *, by):
    """Simple generated photos for the demo producers' products, so their pages show pictures."""
    products = Product.objects.filter(group__in=groups[:2], photos__isnull=True)
    for index, product in enumerate(products):
        for shade in range(2):
            colour = PHOTO_COLOURS[(index + shade) % len(PHOTO_COLOURS)]
            image = Image.new("RGB", (1200, 900), colour)
            draw = ImageDraw.Draw(image)
            for ring in range(6):
                inset = 80 + ring * 60
                draw.ellipse(
                    (inset, inset - 40, 1200 - inset, 900 - inset + 40),
                    outline=(255, 255, 255),
                    width=6,
                )
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG")
            upload = SimpleUploadedFile("demo.jpg", buffer.getvalue(), content_type="image/jpeg")
            full, thumbnail = validate_and_reencode_image(upload)
            add_photo(product=product, image=full, thumbnail=thumbnail, by=by)
