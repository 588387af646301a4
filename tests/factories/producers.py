"""The producer registry: groups, products, ratings, certificates, visits (geography is loaded by
migration, so it is looked up)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from producers.models import (
    Category,
    Certification,
    GroupType,
    ProducerGroup,
    Product,
    RatingRound,
    Standard,
    StarRating,
    Subdistrict,
    Visit,
)
from tests.factories.accounts import UserFactory


def subdistrict_in(province_code):
    return Subdistrict.objects.filter(district__province_id=province_code).order_by("code").first()


class ProducerGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProducerGroup
        skip_postgeneration_save = True

    class Params:
        province_code = "50"

    name = factory.Sequence(lambda n: f"กลุ่มวิสาหกิจชุมชนบ้านดอน {n}")
    group_type = GroupType.COMMUNITY
    registration_no = factory.Sequence(lambda n: f"OTOP-T{n:06d}")
    contact_name = "สมศรี ใจดี"
    phone = "0812345678"
    subdistrict = factory.LazyAttribute(lambda o: subdistrict_in(o.province_code))

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.members.add(*extracted)


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    group = factory.SubFactory(ProducerGroupFactory)
    name = factory.Sequence(lambda n: f"ผ้าไหมมัดหมี่ลาย {n}")
    category = Category.TEXTILE
    price_min = Decimal("350")
    price_max = Decimal("1200")
    unit = "ผืน"


class RatingRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RatingRound
        django_get_or_create = ("year",)

    year = 2025


class StarRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StarRating

    product = factory.SubFactory(ProductFactory)
    round = factory.SubFactory(RatingRoundFactory)
    score = Decimal("85")
    stars = factory.LazyAttribute(
        lambda o: o.round.stars_for(o.score) if o.score is not None else 3
    )


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification

    group = factory.SubFactory(ProducerGroupFactory)
    standard_id = Standard.MOPHOCHO
    number = factory.Sequence(lambda n: f"มผช. {n}/2568")
    issued_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=300))
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=400))


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    group = factory.SubFactory(ProducerGroupFactory)
    officer = factory.SubFactory(UserFactory, role="officer")
    visited_on = factory.LazyFunction(timezone.localdate)
    met_with = "ประธานกลุ่ม"
    problems_heard = "บรรจุภัณฑ์ไม่สวย ขายออนไลน์ไม่เป็น"
    advice = "แนะนำให้ออกแบบฉลากใหม่"
