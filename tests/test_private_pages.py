"""Shared phones keep nothing: every signed-in answer (pages, exports, photos) says no-store.

The fair's public face is the exception by design: it shows the same thing to everyone, signed
in or not, so shared caches may keep it (tests/public/).
"""

import pytest

from tests.matrix_world import signed_in_clients, world_fixture
from tests.otop_fair.test_url_walk import PUBLIC_FACE
from tests.test_permission_matrix import ALLOW, EXPECTED, POST_ONLY, url_of

ROLES = ("producer_a", "committee_assigned", "officer_province", "superuser")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("private_media"))


@pytest.fixture(scope="module")
def clients(world):
    return signed_in_clients(world)


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_answer_is_kept_by_no_cache(db, world, clients, role):
    kept = []
    for name in sorted(set(EXPECTED) - POST_ONLY - PUBLIC_FACE):
        if EXPECTED[name][role] != ALLOW:
            continue
        response = clients[role].get(url_of(world, name))
        if response.streaming:
            b"".join(response.streaming_content)
        if "no-store" not in response.get("Cache-Control", ""):
            kept.append(f"{name} ({response.status_code}): {response.get('Cache-Control')}")
    assert not kept, f"{role} may be cached: {kept}"
