"""Officers reset, unlock and deactivate the accounts of their provinces, each action recorded;
other provinces' officers are refused; a superuser does the same for officers."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis.extra.django import TestCase

from otop_fair.accounts.models import AccountAction, AccountEvent
from tests.factories import ProducerGroupFactory, UserFactory, officer_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    person = UserFactory(username="otop-m1", first_name="บัวผัน", phone="0812345678")
    ProducerGroupFactory(members=[person])
    return person


def act(client, name, person):
    return client.post(reverse(f"accounts:{name}", args=[person.pk]))


def events(person, action):
    return AccountEvent.objects.filter(target=person, action=action)


def test_a_reset_stops_the_old_password_and_is_recorded_with_the_officer(client_for, member):
    officer = officer_of("50")
    response = act(client_for(officer), "person_reset", member)
    member.refresh_from_db()
    assert response["Content-Type"] == "application/pdf"
    assert not member.check_password("otop-demo")
    assert events(member, AccountAction.RESET).get().by == officer


@pytest.mark.parametrize(
    "action", ["person_reset", "person_unlock", "person_deactivate", "person_activate"]
)
def test_officers_of_other_provinces_are_refused_and_nothing_is_recorded(
    client_for, member, action
):
    outsider = officer_of("10")
    response = act(client_for(outsider), action, member)
    member.refresh_from_db()
    assert response.status_code == 403
    assert member.is_active and member.check_password("otop-demo")
    assert not AccountEvent.objects.filter(target=member).exists()


def test_a_deactivated_member_cannot_sign_in_and_the_group_shows_it_has_no_active_account(
    client_for, client, member
):
    officer = officer_of("50")
    officer_client = client_for(officer)
    act(officer_client, "person_deactivate", member)
    group = member.producer_groups.get()
    page = officer_client.get(reverse("producers:group_detail", args=[group.pk]))
    assert "ยังไม่มีบัญชีที่ใช้งานได้" in page.content.decode()
    assert events(member, AccountAction.DEACTIVATED).get().by == officer
    client.logout()
    response = client.post("/accounts/login/", {"username": "0812345678", "password": "otop-demo"})
    assert response.status_code == 200


def test_a_signed_in_member_is_signed_out_once_deactivated(client_for, member):
    member_client = client_for(member)
    assert member_client.get("/").status_code == 302
    officer = officer_of("50")
    officer_client = Client()
    officer_client.force_login(officer)
    act(officer_client, "person_deactivate", member)
    response = member_client.get(reverse("producers:my_groups"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_officer_cannot_act_on_another_officer_but_a_superuser_can(client_for):
    officer, colleague = officer_of("50"), officer_of("50", username="colleague")
    assert act(client_for(officer), "person_deactivate", colleague).status_code == 403
    root = UserFactory(username="root", role="", is_superuser=True, is_staff=True)
    assert act(client_for(root), "person_deactivate", colleague).status_code == 302
    colleague.refresh_from_db()
    assert not colleague.is_active


class UnlockAfterLockOut(TestCase):
    def test_an_officer_unlocks_a_locked_out_producer_and_it_is_recorded(self):
        member = UserFactory(username="otop-lock", phone="0812345678")
        ProducerGroupFactory(members=[member])
        officer = officer_of("50")
        with self.settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=2):
            for _ in range(2):
                self.client.post("/accounts/login/", {"username": "081 234 5678", "password": "x"})
            locked = self.client.post(
                "/accounts/login/", {"username": "0812345678", "password": "otop-demo"}
            )
            assert locked.status_code == 429
            self.client.force_login(officer)
            act(self.client, "person_unlock", member)
            self.client.logout()
            again = self.client.post(
                "/accounts/login/", {"username": "0812345678", "password": "otop-demo"}
            )
        assert again.status_code == 302
        assert events(member, AccountAction.UNLOCKED).get().by == officer


@pytest.mark.parametrize("count", [3, 30])
def test_the_people_list_costs_the_same_queries_for_few_or_many(
    client_for, django_assert_max_num_queries, count
):
    officer = officer_of("50")
    for n in range(count):
        ProducerGroupFactory(members=[UserFactory(username=f"otop-q{n}")])
    client = client_for(officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounts:people_list"))
    assert response.status_code == 200
    assert len(response.context["page"]) == count
