"""Demo fairs for `manage.py seed_demo`: a running fair that went through scoring and a published
allocation, a fair being scored by committee1–3, and a fair open for applications."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.db.models import Count

from booths import demo_selection
from booths.models import (
    Application,
    ApplicationStatus,
    Booth,
    BoothType,
    Fair,
    FairState,
    Zone,
    ZonePreference,
)
from producers.models import Category, Product, Province

DEMO_FAIR_NAME = "OTOP ชวนช้อป เชียงใหม่ 2569"
ZONES = [
    ("A", "อาหารและเครื่องดื่ม", "#d9480f", [Category.FOOD, Category.BEVERAGE]),
    ("B", "ผ้าและเครื่องแต่งกาย", "#5f3dc4", [Category.TEXTILE]),
    ("C", "ของใช้ ของตกแต่ง ของที่ระลึก", "#0b7285", [Category.HOUSEHOLD]),
    ("D", "สมุนไพรที่ไม่ใช่อาหาร", "#2b8a3e", [Category.HERBAL]),
    ("E", "โซนทั่วไป", "#868e96", []),
]
BOOTHS_PER_ROW = 20
CELL = 34  # plan units between booth origins (30 wide + aisle)


SCORING_FAIR_NAME = "OTOP ของดีเมืองอุบล 2569"
OPEN_FAIR_NAME = "OTOP ล้านนาสร้างสรรค์ เชียงใหม่ 2570"
DEMO_FAIR_NAMES = (DEMO_FAIR_NAME, SCORING_FAIR_NAME, OPEN_FAIR_NAME)


def demo_fairs():
    """The demo's fairs, in the order they were seeded, with their booth and application counts."""
    order = {name: n for n, name in enumerate(DEMO_FAIR_NAMES)}
    fairs = Fair.objects.filter(name__in=DEMO_FAIR_NAMES).select_related("province")
    fairs = fairs.annotate(
        booth_total=Count("booths", distinct=True),
        application_total=Count("applications", distinct=True),
    )
    return sorted(fairs, key=lambda fair: order[fair.name])


def seed_fair(*, officer, booths, days, groups, rng):
    """Create the demo fairs once (by name); a second seed leaves them and their data alone.

    Returns the running fair and whether it was created now.
    """
    today = datetime.date.today()
    fair, created = _make_fair(
        DEMO_FAIR_NAME,
        venue="ศูนย์ประชุมและแสดงสินค้านานาชาติ เชียงใหม่",
        province="50",
        start=today - datetime.timedelta(days=1),
        days=days,
        booths=booths,
        groups=groups,
        officer=officer,
        rng=rng,
    )
    if created:
        demo_selection.run_to_running(fair, officer=officer, rng=rng)
    # producer1 and producer2 hold booths in the running fair and can still apply to the open one.
    mine = set(demo_selection.demo_group_ids())
    others = [g for g in groups if g.pk not in mine]
    _seed_later_fairs(others, today=today, officer=officer, rng=rng)
    fair.refresh_from_db()
    return fair, created


def _seed_later_fairs(groups, *, today, officer, rng):
    """A fair being scored by the committee and a fair open for applications."""
    scoring, created_scoring = _make_fair(
        SCORING_FAIR_NAME,
        venue="ศูนย์การค้าเซ็นทรัลพลาซา อุบลราชธานี",
        province="34",
        start=today + datetime.timedelta(days=20),
        days=5,
        booths=30,
        groups=groups[:40],
        officer=officer,
        rng=rng,
    )
    if created_scoring:
        demo_selection.run_to_scoring(scoring, officer=officer)
    _make_fair(
        OPEN_FAIR_NAME,
        venue="ศูนย์ประชุมนานาชาติเฉลิมพระเกียรติ 7 รอบพระชนมพรรษา",
        province="50",
        start=today + datetime.timedelta(days=45),
        days=7,
        booths=40,
        groups=groups[40:60],
        officer=officer,
        rng=rng,
    )


def _make_fair(name, *, venue, province, start, days, booths, groups, officer, rng):
    fair = Fair.objects.filter(name=name).first()
    if fair is not None:
        return fair, False
    province = Province.objects.filter(code=province).first() or Province.objects.get(code="50")
    closes = min(
        start - datetime.timedelta(days=10), datetime.date.today() + datetime.timedelta(days=20)
    )
    with transaction.atomic():
        fair = Fair.objects.create(
            name=name,
            venue=venue,
            province=province,
            start_date=start,
            end_date=start + datetime.timedelta(days=days - 1),
            applications_open_on=closes - datetime.timedelta(days=30),
            applications_close_on=closes,
            booth_count=booths,
            state=FairState.OPEN,
            created_by=officer,
        )
        zones = [
            Zone.objects.create(fair=fair, code=code, name=zone_name, color=color)
            for code, zone_name, color, _ in ZONES
        ]
        Booth.objects.bulk_create(_booth_grid(fair, zones, booths), batch_size=2000)
        _applications(fair, zones, groups, rng)
        demo_selection.set_up_selection(fair, officer=officer)
    return fair, True


def _booth_grid(fair, zones, count):
    per_zone = max(1, -(-count // len(zones)))
    rows_per_zone = -(-per_zone // BOOTHS_PER_ROW)
    booths = []
    for n in range(count):
        zone_index = min(n // per_zone, len(zones) - 1)
        zone = zones[zone_index]
        local = n - zone_index * per_zone
        row, col = divmod(local, BOOTHS_PER_ROW)
        is_corner = col in (0, BOOTHS_PER_ROW - 1)
        booths.append(
            Booth(
                fair=fair,
                zone=zone,
                code=f"{zone.code}{local + 1:03d}",
                booth_type=BoothType.CORNER if is_corner else BoothType.STANDARD,
                allowed_categories=list(ZONES[zone_index][3]),
                has_electricity=(col % 2 == 0) or zone.code == "A",
                is_corner=is_corner,
                x=col * CELL,
                y=(zone_index * rows_per_zone + row) * CELL + zone_index * 20,
            )
        )
    return booths


def _applications(fair, zones, groups, rng):
    products_by_group = defaultdict(list)
    for product in Product.objects.filter(group__in=groups).only("id", "group_id", "category"):
        products_by_group[product.group_id].append(product)
    zone_by_category = {
        cat: z for z, (_, _, _, cats) in zip(zones, ZONES, strict=True) for cat in cats
    }
    offered = {}
    for group in groups:
        products = products_by_group[group.pk]
        first = zone_by_category.get(products[0].category) if products else None
        # Groups bring the products that suit one zone, as they do at real fairs.
        offered[group.pk] = (
            first,
            [p for p in products if zone_by_category.get(p.category) == first],
        )
    applications = Application.objects.bulk_create(
        [
            Application(
                fair=fair,
                group=group,
                needs_electricity=rng.random() < 0.3,
                wants_corner=rng.random() < 0.2,
                pitch="สินค้าขายดีประจำตำบล อยากพบลูกค้าในเมือง",
                category=_first_category(offered[group.pk][1]),
                status=ApplicationStatus.SUBMITTED,
            )
            for group in groups
        ],
        batch_size=2000,
    )
    _link_products_and_zones(applications, offered, zones)


def _first_category(products):
    """Demo groups compete in the category of the first product they bring."""
    return products[0].category if products else Category.FOOD


def _link_products_and_zones(applications, offered, zones):
    product_links, preferences = [], []
    through = Application.products.through
    for application in applications:
        first, fitting = offered[application.group_id]
        for product in fitting:
            product_links.append(through(application_id=application.pk, product_id=product.pk))
        ranked = [first] if first else []
        ranked.append(zones[-1])
        for rank, zone in enumerate(ranked, start=1):
            preferences.append(ZonePreference(application=application, zone=zone, rank=rank))
    through.objects.bulk_create(product_links, batch_size=5000)
    ZonePreference.objects.bulk_create(preferences, batch_size=5000)
