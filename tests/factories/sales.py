"""Fair-time sales: daily sales, problem reports, and a big running fair made with bulk inserts."""

from decimal import Decimal

import factory
from django.db import connection
from django.utils import timezone

from booths.models import Application, ApplicationStatus, Assignment, Booth
from producers.models import Category, ProducerGroup, Product
from sales.models import DailySales, IssueReport
from tests.factories.accounts import UserFactory
from tests.factories.booths import AssignmentFactory, FairFactory, ZoneFactory
from tests.factories.producers import subdistrict_in


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


def bulk_fair(booths, *, reported_share=0.8, fair=None):
    """A running fair with `booths` held booths in three zones, made with bulk inserts; the first
    `reported_share` of the booths logged sales on each fair day so far."""
    fair = fair or FairFactory(running=True)
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
