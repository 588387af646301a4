"""One test database per parallel pytest process under `make mutation`.

mutmut runs two mutants at once, each in a forked pytest that reuses the test database
(--reuse-db). Sharing one database, a transactional test's TRUNCATE or a deadlock between two
factories' identical usernames could fail a test for a reason that is not the mutant, and count
a surviving mutant as killed. scripts/mutation.py creates OTOP_TEST_DB_SLOTS copies of the
migrated test database (`<OTOP_TEST_DB>_0`, `_1`, ...); each pytest session claims the first one
no other session holds, by a PostgreSQL advisory lock kept for the session's life (a killed
process loses it with its connection).
"""

import os
import time

import psycopg
from django.conf import settings
from django.db import connection

LOCK_SPACE = 0x07F0  # the advisory-lock key space of these slots (any fixed number)
_held = []


def claim(slots: int, wait_seconds: float = 120) -> str:
    """Point the default test database at the first free slot of `slots`; its name. Raises
    RuntimeError when no slot frees up within `wait_seconds`."""
    params = {k: v for k, v in connection.get_connection_params().items() if k != "cursor_factory"}
    server = psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        for slot in range(slots):
            taken = server.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_SPACE, slot])
            if taken.fetchone()[0]:
                _held.append(server)
                # From the environment, not the settings: a forked process inherits settings
                # that an earlier session in its parent already pointed at a slot.
                name = f"{os.environ.get('OTOP_TEST_DB', 'test_otop_fair')}_{slot}"
                settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = name
                return name
        if time.monotonic() > deadline:
            server.close()
            raise RuntimeError(f"none of the {slots} mutation test databases came free")
        time.sleep(0.2)


def release() -> None:
    """End the session's claim (before mutmut forks the next pytest from this process)."""
    while _held:
        _held.pop().close()
