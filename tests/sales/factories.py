"""Factories for fair-time sales tests: a running fair, its booths, and the groups holding them."""

import datetime
from decimal import Decimal

import factory
from django.db import connection
from django.utils import timezone

from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
    Booth,
    Fair,
    FairState,
    Zone,
)
from producers.models import Category, ProducerGroup, Product, Province
from sales.models import DailySales, IssueReport
from tests.factories import UserFactory
from tests.producers.factories import ProducerGroupFactory, ProductFactory, subdistrict_in


class FairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fair

    name = factory.Sequence(lambda n: f"OTOP ชวนช้อป {n}")
    venue = "ศูนย์ประชุมนานาชาติ"
    province = factory.LazyFunction(lambda: Province.objects.get(code="50"))
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=2))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=4))
    applications_open_on = factory.LazyAttribute(lambda o: o.start_date - datetime.timedelta(60))
    applications_close_on = factory.LazyAttribute(lambda o: o.start_date - datetime.timedelta(30))
    state = FairState.RUNNING
    created_by = factory.SubFactory(UserFactory, role="officer")


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zone

    fair = factory.SubFactory(FairFactory)
    code = factory.Sequence(lambda n: f"Z{n}")
    name = factory.Sequence(lambda n: f"โซน {n}")


class BoothFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booth

    zone = factory.SubFactory(ZoneFactory)
    fair = factory.SelfAttribute("zone.fair")
    code = factory.Sequence(lambda n: f"B{n:04d}")


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application with one product; `category=` is the one it competes in and the product's."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    class Params:
        province_code = "50"

    fair = factory.SubFactory(FairFactory)
    group = factory.SubFactory(
        ProducerGroupFactory, province_code=factory.SelfAttribute("..province_code")
    )
    status = ApplicationStatus.SELECTED
    category = Category.TEXTILE

    @factory.post_generation
    def product(obj, create, extracted, **kwargs):
        if create:
            obj.products.add(ProductFactory(group=obj.group, category=obj.category))


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A group holding a booth; `members` are the producer accounts of that group.

    `application__category=` sets the category the group competes in (and its product's).
    """

    class Meta:
        model = Assignment
        skip_postgeneration_save = True

    class Params:
        province_code = "50"

    booth = factory.SubFactory(BoothFactory)
    fair = factory.SelfAttribute("booth.fair")
    application = factory.SubFactory(
        ApplicationFactory,
        fair=factory.SelfAttribute("..fair"),
        province_code=factory.SelfAttribute("..province_code"),
    )

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.application.group.members.add(*extracted)


class DailySalesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailySales

    assignment = factory.SubFactory(AssignmentFactory)
    day = factory.LazyAttribute(lambda o: o.assignment.fair.start_date)
    amount = Decimal("1000")
    entered_by = factory.SubFactory(UserFactory, role="officer")


class IssueReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssueReport

    assignment = factory.SubFactory(AssignmentFactory)
    fair = factory.SelfAttribute("assignment.fair")
    category = "electricity"
    description = "ไฟดับที่บูธตั้งแต่เช้า"
    reported_by = factory.SubFactory(UserFactory, role="producer")


TABLES_TO_ANALYZE = (
    "sales_dailysales",
    "booths_assignment",
    "booths_booth",
    "booths_application",
    "booths_application_products",
    "producers_product",
    "producers_producergroup",
)


def bulk_fair(booths, *, reported_share=0.8, fair=None):
    """A running fair with `booths` held booths in three zones, made with bulk inserts; the first
    `reported_share` of the booths logged sales on each fair day so far."""
    fair = fair or FairFactory()
    zones = [ZoneFactory(fair=fair, code=code) for code in ("A", "B", "C")]
    subdistrict = subdistrict_in("50")
    categories = list(Category.values)
    groups = ProducerGroup.objects.bulk_create(
        ProducerGroup(
            name=f"กลุ่มทดสอบ {fair.pk}-{n}",
            sort_name=f"{n:06d}",
            group_type="community",
            registration_no=f"BULK-{fair.pk}-{n}",
            contact_name="ผู้ติดต่อ",
            phone=f"08{n:08d}",
            subdistrict=subdistrict,
            province_id="50",
        )
        for n in range(booths)
    )
    products = Product.objects.bulk_create(
        Product(group=g, name="สินค้า", sort_name="x", category=categories[n % len(categories)])
        for n, g in enumerate(groups)
    )
    applications = Application.objects.bulk_create(
        Application(fair=fair, group=g, category=p.category, status=ApplicationStatus.SELECTED)
        for g, p in zip(groups, products, strict=True)
    )
    Application.products.through.objects.bulk_create(
        Application.products.through(application_id=a.pk, product_id=p.pk)
        for a, p in zip(applications, products, strict=True)
    )
    booth_rows = Booth.objects.bulk_create(
        Booth(fair=fair, zone=zones[n % 3], code=f"{zones[n % 3].code}{n:04d}")
        for n in range(booths)
    )
    assignments = Assignment.objects.bulk_create(
        Assignment(fair=fair, booth=b, application=a)
        for b, a in zip(booth_rows, applications, strict=True)
    )
    officer = fair.created_by
    days = [d for d in fair.fair_days if d <= timezone.localdate()]
    DailySales.objects.bulk_create(
        DailySales(assignment=a, day=d, amount=Decimal(100 + n), entered_by=officer)
        for n, a in enumerate(assignments[: int(booths * reported_share)])
        for d in days
    )
    # Fresh planner statistics: the rows above are not yet committed, so autovacuum cannot see
    # them, and a plan made for empty tables turns into nested scans at 3,000 booths.
    with connection.cursor() as cursor:
        for table in (
            "sales_dailysales",
            "booths_assignment",
            "booths_booth",
            "booths_application",
        ):
            cursor.execute(f"ANALYZE {table}")
    return fair, assignments
