"""Factories for fair-time sales tests: a running fair, its booths, and the groups holding them."""

import datetime
from decimal import Decimal

import factory

from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
    Booth,
    Fair,
    FairState,
    Zone,
)
from producers.models import Category, Province
from sales.models import DailySales, IssueReport
from tests.factories import UserFactory
from tests.producers.factories import ProducerGroupFactory, ProductFactory


class FairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fair

    name = factory.Sequence(lambda n: f"OTOP ชวนช้อป {n}")
    venue = "ศูนย์ประชุมนานาชาติ"
    province = factory.LazyFunction(lambda: Province.objects.get(code="50"))
    start_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=2))
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
    """An application with one product; `category=` picks that product's OTOP category."""

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

    @factory.post_generation
    def category(obj, create, extracted, **kwargs):
        if create:
            product = ProductFactory(group=obj.group, category=extracted or Category.TEXTILE)
            obj.products.add(product)


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A group holding a booth; `members` are the producer accounts of that group.

    `application__category=` sets the group's product category.
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
