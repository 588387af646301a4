"""Fairs, zones, booths, applications, holdings, the committee and its reviews.

A fair is open for applications and starts in a month, in Chiang Mai (province 50); its traits
put it elsewhere in its life: `FairFactory(draft=True)`, `scoring=True`, `allocated=True`,
`running=True` (started two days ago: its days include today), `closed=True` (over a month ago).
"""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
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
from tests.factories.accounts import UserFactory
from tests.factories.producers import ProducerGroupFactory, ProductFactory, StarRatingFactory


def _days_from_today(days):
    return factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=days))


def _days_before_start(days):
    return factory.LazyAttribute(lambda o: o.start_date - datetime.timedelta(days=days))


class FairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fair

    class Params:
        draft = factory.Trait(state=FairState.DRAFT)
        scoring = factory.Trait(state=FairState.SCORING)
        allocated = factory.Trait(state=FairState.ALLOCATED)
        running = factory.Trait(
            state=FairState.RUNNING,
            start_date=_days_from_today(-2),
            applications_open_on=_days_before_start(60),
            applications_close_on=_days_before_start(30),
        )
        closed = factory.Trait(
            state=FairState.CLOSED,
            start_date=_days_from_today(-40),
            applications_open_on=_days_before_start(60),
            applications_close_on=_days_before_start(30),
        )

    name = factory.Sequence(lambda n: f"งาน OTOP ทดสอบ {n}")
    venue = "ศูนย์ประชุมนานาชาติ"
    province = factory.LazyFunction(lambda: Province.objects.get(code="50"))
    start_date = _days_from_today(30)
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=4))
    applications_open_on = _days_before_start(40)
    applications_close_on = _days_before_start(10)
    state = FairState.OPEN
    created_by = factory.SubFactory(UserFactory, role="officer")


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zone

    fair = factory.SubFactory(FairFactory)
    code = factory.Sequence(lambda n: f"Z{n}")
    name = factory.Sequence(lambda n: f"โซน {n}")


class BoothFactory(factory.django.DjangoModelFactory):
    """A 3 m booth; booths made one after another stand in rows of ten on the plan."""

    class Meta:
        model = Booth

    zone = factory.SubFactory(ZoneFactory)
    fair = factory.SelfAttribute("zone.fair")
    code = factory.Sequence(lambda n: f"B{n:04d}")
    x = factory.Sequence(lambda n: (n % 10) * 34)
    y = factory.Sequence(lambda n: (n // 10) * 34)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application with one product of its `category`, rated 85 points (`product__rated=False`
    leaves it unrated); `zones=[…]` are its zone choices; `province_code=` places its group."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    class Params:
        province_code = "50"
        selected = factory.Trait(status=ApplicationStatus.SELECTED)

    fair = factory.SubFactory(FairFactory)
    group = factory.SubFactory(
        ProducerGroupFactory, province_code=factory.SelfAttribute("..province_code")
    )
    status = ApplicationStatus.SUBMITTED
    category = Category.TEXTILE

    @factory.post_generation
    def product(obj, create, extracted, rated=True, **kwargs):
        if create:
            product = ProductFactory(group=obj.group, category=obj.category)
            if rated:
                StarRatingFactory(product=product, score=Decimal("85"))
            obj.products.add(product)

    @factory.post_generation
    def zones(obj, create, extracted, **kwargs):
        if create and extracted:
            for rank, zone in enumerate(extracted, start=1):
                ZonePreference.objects.create(application=obj, zone=zone, rank=rank)


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A group holding a booth at a running fair; `members` are the producer accounts of that
    group. `application__category=` sets the category it competes in (and its product's)."""

    class Meta:
        model = Assignment
        skip_postgeneration_save = True

    class Params:
        province_code = "50"

    booth = factory.SubFactory(BoothFactory, zone__fair__running=True)
    fair = factory.SelfAttribute("booth.fair")
    application = factory.SubFactory(
        ApplicationFactory,
        fair=factory.SelfAttribute("..fair"),
        province_code=factory.SelfAttribute("..province_code"),
        selected=True,
        product__rated=False,
    )

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.application.group.members.add(*extracted)


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
