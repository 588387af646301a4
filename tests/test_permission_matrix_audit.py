"""The audit trail, model by model and role by role, against the shared world.

Every audited model has history rows for objects of province 50 in the world. The officer of
province 50 and the superuser read them; the officer of Bangkok, the deactivated officer and the
former officer (now a producer, still linked to province 50) read none; committee members and
producers are refused the page. The score on the fair still being scored is read by nobody.
"""

import pytest
from django.urls import reverse

from otop_fair import audit
from otop_fair.audit_scope import audited_province_lookups
from tests.matrix_world import ROLES, signed_in_clients, world_fixture

READS, NOTHING, REFUSED, LOGIN = "reads", "reads nothing", "refused", "login"
AUDIT_TRAIL = {
    "anon": LOGIN,
    "producer_a": REFUSED,
    "producer_b": REFUSED,
    "committee_assigned": REFUSED,
    "committee_other": REFUSED,
    "officer_province": READS,
    "officer_other": NOTHING,
    "superuser": READS,
    "inactive": LOGIN,
    "role_changed": REFUSED,
    "committee_elsewhere": REFUSED,
}
MODELS = sorted(key for key, _label in audit.tracked_models())


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("audit_media"))


@pytest.fixture(scope="module")
def clients(world):
    return signed_in_clients(world)


def _province_50_ids(model_key):
    from django.apps import apps

    model = apps.get_model(model_key)
    return set(
        model._default_manager.filter(**{audited_province_lookups()[model_key]: "50"}).values_list(
            "pk", flat=True
        )
    )


def _answer(client, model_key, province_ids):
    response = client.get(reverse("audit_log"), {"model": model_key})
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return LOGIN
    if response.status_code == 403:
        return REFUSED
    assert response.status_code == 200, response.status_code
    shown = {e.object_id for e in response.context["entries"] if e.model_key == model_key}
    return READS if shown & province_ids else NOTHING


def test_the_world_has_history_in_province_50_for_every_audited_model(db, world):
    assert set(MODELS) == set(audited_province_lookups())
    empty = [key for key in MODELS if not _province_50_ids(key)]
    assert not empty, f"add objects of province 50 to the matrix world for {empty}"


@pytest.mark.parametrize("model_key", MODELS)
def test_each_role_reads_the_audit_trail_of_each_model_as_expected(db, world, clients, model_key):
    ids = _province_50_ids(model_key)
    if model_key == "booths.score":  # the draft score is read by nobody (test below)
        ids -= {world.draft_score.pk}
    answers = {role: _answer(clients[role], model_key, ids) for role in ROLES}
    assert answers == AUDIT_TRAIL


def test_a_score_of_a_fair_still_being_scored_is_read_by_nobody(db, world, clients):
    for role in ROLES:
        response = clients[role].get(reverse("audit_log"), {"model": "booths.score"})
        entries = response.context["entries"] if response.status_code == 200 else []
        assert world.draft_score.pk not in {e.object_id for e in entries}, role
        assert "ร่าง: ฉลากยังไม่ชัด" not in response.content.decode()
