"""A quicker end of a transactional test, leaving the database as Django's flush leaves it.

Django ends each transactional (live_server, browser, worker) test with `flush`: TRUNCATE of all
~110 tables (a new file for each table and index) and then the post_migrate signal, which
re-creates every content type and permission one app at a time; the next test then reloads the
~8,400 areas. Together that is seconds per test, ~100 tests in the suite.

Here the other tables are emptied with one TRUNCATE in one transaction instead (triggers,
including the published-run freeze, are off for it: session_replication_role), and
the reference tables — content types and permissions (what post_migrate makes) and the areas
and standards (what tests/conftest.py `ensure_geography` puts back) — are checked against a copy
taken when the session's database was set up: kept when equal, else emptied and copied back in.
Used only for PostgreSQL as a superuser (as `make setup`'s own server is), and never when the
test asked for a serialized rollback or a subset of apps; otherwise Django's own flush runs.
"""

from django.db import connections, transaction
from django.test import TransactionTestCase

# table -> (fingerprint, binary COPY of its rows) as the set-up database held them
_REFERENCE = {}


def reference_models():
    """In the order their foreign keys need when copied back in."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from producers.models import District, Province, QualityStandard, Subdistrict

    return [ContentType, Permission, Province, District, Subdistrict, QualityStandard]


def _fingerprint(cursor, model):
    table, key = model._meta.db_table, model._meta.pk.column
    cursor.execute(
        f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t.\"{key}\"), ''))"
        f' FROM "{table}" t'
    )
    return cursor.fetchone()


def copy_out_reference(connection):
    """Called once the session's database holds its areas and standards."""
    _REFERENCE.clear()
    with connection.cursor() as cursor:
        for model in reference_models():
            table = model._meta.db_table
            with cursor.copy(f'COPY "{table}" TO STDOUT (FORMAT binary)') as copy:
                rows = b"".join(bytes(block) for block in copy)
            _REFERENCE[table] = (_fingerprint(cursor, model), rows)


def copy_in(cursor, model):
    table = model._meta.db_table
    with cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as copy:
        copy.write(_REFERENCE[table][1])


def _can_be_quick(connection):
    if connection.vendor != "postgresql" or not _REFERENCE:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SHOW is_superuser")
        return cursor.fetchone()[0] == "on"


def quick_flush(connection):
    """Every table empty but the reference ones, which hold what the set-up database held."""
    models = reference_models()
    reference = {model._meta.db_table for model in models}
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        # One TRUNCATE, not DELETE: DELETE leaves the pages behind, autovacuum then records the
        # tables as empty, and a later test's thousands of uncommitted rows get nested-loop plans
        # that ran for minutes (a report query hung a run). TRUNCATE resets that, as flush does.
        emptied = ", ".join(f'"{table}"' for table in sorted(set(tables) - reference))
        if emptied:
            cursor.execute(f"TRUNCATE {emptied}")
        for model in models:
            if _fingerprint(cursor, model) != _REFERENCE[model._meta.db_table][0]:
                cursor.execute(f'DELETE FROM "{model._meta.db_table}"')
                copy_in(cursor, model)
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def _fixture_teardown(self):
    names = self._databases_names(include_mirrors=False)
    plain = self.available_apps is None and not self.serialized_rollback
    if plain and all(_can_be_quick(connections[name]) for name in names):
        for name in names:
            quick_flush(connections[name])
    else:
        _django_fixture_teardown(self)


_django_fixture_teardown = TransactionTestCase._fixture_teardown


def install():
    TransactionTestCase._fixture_teardown = _fixture_teardown


def holds_areas():
    return bool(_REFERENCE)


def copy_in_areas():
    """The areas back into emptied tables, for the tests that follow Django's own flush."""
    from django.db import connection

    from producers.models import District, Province, Subdistrict

    with connection.cursor() as cursor:
        for model in (Province, District, Subdistrict):
            copy_in(cursor, model)
