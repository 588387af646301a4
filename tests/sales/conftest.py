import pytest

from producers.models import Province
from tests.factories import AssignmentFactory, FairFactory, UserFactory


@pytest.fixture
def fair(db):
    return FairFactory(running=True)


@pytest.fixture
def province_officer(db):
    user = UserFactory(role="officer", username="officer_cm")
    user.officer_provinces.add(Province.objects.get(code="50"))
    return user


@pytest.fixture
def holding(fair, producer_user):
    """The booth `producer_user`'s group holds at the running fair."""
    return AssignmentFactory(booth__zone__fair=fair, members=[producer_user])
