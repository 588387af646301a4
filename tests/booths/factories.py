"""Factories for fairs, booths, applications, the committee and scores."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from booths.models import (
    Application,
    ApplicationStatus,
    Booth,
    CommitteeMember,
    Criterion,
    Fair,
    FairState,
    ReviewAssignment,
    Zone,
    ZonePreference,
)
from producers.models import Category, Province
from tests.factories import UserFactory
from tests.producers.factories import (
    ProducerGroupFactory,
    ProductFactory,
    StarRatingFactory,
)


class FairFactory(factory.django.DjangoModelFactory):
    """A fair open for applications, starting in a month, in Chiang Mai (province 50)."""

    class Meta:
        model = Fair

    name = factory.Sequence(lambda n: f"งาน OTOP ทดสอบ {n}")
    venue = "ศูนย์ประชุมนานาชาติ"
    province = factory.LazyFunction(lambda: Province.objects.get(code="50"))
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=4))
    applications_open_on = factory.LazyAttribute(lambda o: o.start_date - datetime.timedelta(40))
    applications_close_on = factory.LazyAttribute(lambda o: o.start_date - datetime.timedelta(10))
    state = FairState.OPEN
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
    x = factory.Sequence(lambda n: (n % 10) * 34)
    y = factory.Sequence(lambda n: (n // 10) * 34)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application with one rated product (`category=` picks its category)."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    fair = factory.SubFactory(FairFactory)
    group = factory.SubFactory(ProducerGroupFactory)
    status = ApplicationStatus.SUBMITTED
    category = Category.TEXTILE

    @factory.post_generation
    def product(obj, create, extracted, **kwargs):
        if create:
            product = ProductFactory(group=obj.group, category=obj.category)
            StarRatingFactory(product=product, score=Decimal("85"))
            obj.products.add(product)

    @factory.post_generation
    def zones(obj, create, extracted, **kwargs):
        if create and extracted:
            for rank, zone in enumerate(extracted, start=1):
                ZonePreference.objects.create(application=obj, zone=zone, rank=rank)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    fair = factory.SubFactory(FairFactory)
    name = factory.Sequence(lambda n: f"เกณฑ์ {n}")
    weight = Decimal("1")
    max_score = 10
    order = factory.Sequence(int)


class CommitteeMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMember

    fair = factory.SubFactory(FairFactory)
    user = factory.SubFactory(UserFactory, role="committee")


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewAssignment

    member = factory.SubFactory(CommitteeMemberFactory)
    application = factory.SubFactory(
        ApplicationFactory, fair=factory.SelfAttribute("..member.fair"), status="eligible"
    )
