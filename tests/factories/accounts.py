"""Accounts: people of every role (password `otop-demo`), and officers keeping provinces."""

import factory
from django.contrib.auth import get_user_model

from producers.models import Province

DEMO_PASSWORD = "otop-demo"


class UserFactory(factory.django.DjangoModelFactory):
    """A producer by default; `role="officer"`, `"committee"`… for the others."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="th_TH")
    last_name = factory.Faker("last_name", locale="th_TH")
    role = "producer"
    password = factory.PostGenerationMethodCall("set_password", DEMO_PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def officer_of(*province_codes, username=None):
    """An officer account that keeps the given provinces."""
    kwargs = {"role": "officer"} | ({"username": username} if username else {})
    user = UserFactory(**kwargs)
    user.officer_provinces.add(*Province.objects.filter(code__in=province_codes))
    return user
