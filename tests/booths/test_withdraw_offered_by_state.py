"""A producer is offered "withdraw" exactly when withdrawing would be accepted.

The page and the service read one rule (booths.services.applications.withdrawal_error): an
application that was not selected, or is over, offers no withdraw button, and a stale button is
refused with a Thai message instead of a confirmation of what cannot happen.
"""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.models import Application, ApplicationStatus, FairState
from tests.factories import ApplicationFactory, ProducerGroupFactory

pytestmark = pytest.mark.django_db
SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def own_application(fair, producer_user):
    group = ProducerGroupFactory(members=[producer_user])
    return ApplicationFactory(fair=fair, group=group)


def _put(application, status, state):
    Application.objects.filter(pk=application.pk).update(status=status)
    type(application.fair).objects.filter(pk=application.fair_id).update(state=state)


def _offers_withdraw(client, application):
    page = client.get(f"/fairs/applications/{application.pk}/result/").content.decode()
    return 'data-testid="give-up"' in page


def _withdraw(client, application):
    """Whether a confirmed withdrawal went through (an application withdrawn before is refused)."""
    before = Application.objects.get(pk=application.pk).status
    client.post(f"/fairs/applications/{application.pk}/withdraw/", {"confirmed": "1"})
    after = Application.objects.get(pk=application.pk).status
    return before != ApplicationStatus.WITHDRAWN and after == ApplicationStatus.WITHDRAWN


@SETTINGS
@given(status=st.sampled_from(ApplicationStatus.values), state=st.sampled_from(FairState.values))
def test_withdraw_is_offered_exactly_when_it_would_be_accepted(
    status, state, own_application, producer_user, client_for
):
    client = client_for(producer_user)
    with transaction.atomic():
        _put(own_application, status, state)
        assert _offers_withdraw(client, own_application) == _withdraw(client, own_application)
        transaction.set_rollback(True)


@pytest.mark.parametrize("status", [ApplicationStatus.NOT_SELECTED, ApplicationStatus.INELIGIBLE])
def test_an_application_given_nothing_offers_no_withdraw_once_results_are_out(
    status, own_application, producer_user, client_for
):
    _put(own_application, status, FairState.ALLOCATED)
    client = client_for(producer_user)
    assert not _offers_withdraw(client, own_application)
    response = client.post(f"/fairs/applications/{own_application.pk}/withdraw/", follow=True)
    assert "ไม่มีอะไรให้ถอน" in response.content.decode()
    assert Application.objects.get(pk=own_application.pk).status == status


@pytest.mark.parametrize("status", [ApplicationStatus.SELECTED, ApplicationStatus.WAITLISTED])
def test_a_group_with_a_booth_or_a_waiting_place_may_still_withdraw(
    status, own_application, producer_user, client_for
):
    _put(own_application, status, FairState.ALLOCATED)
    client = client_for(producer_user)
    assert _offers_withdraw(client, own_application)
    assert _withdraw(client, own_application)
