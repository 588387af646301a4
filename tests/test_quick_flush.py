"""The quicker end of a transactional test (tests/quick_flush.py) leaves what Django's flush and
the areas' reload left: every table empty but content types, permissions, areas and standards,
and those as the set-up database held them — whatever the test wrote, changed or deleted there."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from booths.models import AllocationRun
from producers.models import Province, QualityStandard, Subdistrict
from tests import quick_flush
from tests.factories import AssignmentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def rows_per_table():
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def a_test_that_writes_everywhere():
    holding = AssignmentFactory()
    officer = holding.application.group.members.first() or holding.fair.created_by
    # A published run: the database refuses to delete it (booths 0003), TRUNCATE or not.
    AllocationRun.objects.create(
        fair=holding.fair,
        version=9,
        seed=1,
        algorithm_version="t",
        created_by=officer,
        is_published=True,
        published_at=timezone.now(),
        published_by=officer,
    )
    Province.objects.filter(code="50").update(name_th="เปลี่ยนชื่อ")
    Subdistrict.objects.filter(code__startswith="1001").delete()
    QualityStandard.objects.create(code="extra", name="เพิ่ม", default_for=[])
    ContentType.objects.get_for_model(Province).delete()  # its permissions go with it
    Permission.objects.filter(codename="view_fair").update(name="x")


def test_after_a_test_only_the_reference_tables_hold_rows_as_at_set_up():
    reference = {model._meta.db_table for model in quick_flush.reference_models()}
    before = rows_per_table()
    a_test_that_writes_everywhere()

    quick_flush.quick_flush(connection)

    after = rows_per_table()
    assert {table for table, count in after.items() if count} == reference
    assert {table: after[table] for table in reference} == {t: before[t] for t in reference}
    with connection.cursor() as cursor:
        for model in quick_flush.reference_models():
            fingerprint = quick_flush._fingerprint(cursor, model)
            assert fingerprint == quick_flush._REFERENCE[model._meta.db_table][0], model
    assert Province.objects.get(code="50").name_th == "เชียงใหม่"
    assert not QualityStandard.objects.filter(code="extra").exists()


def test_every_model_has_its_content_type_and_permissions_afterwards_as_post_migrate_makes():
    a_test_that_writes_everywhere()

    quick_flush.quick_flush(connection)

    for model in apps.get_models():
        kind = ContentType.objects.get_for_model(model)
        assert kind.model_class() is model
        codenames = set(
            Permission.objects.filter(content_type=kind).values_list("codename", flat=True)
        )
        assert {
            f"{action}_{model._meta.model_name}" for action in model._meta.default_permissions
        } <= codenames
