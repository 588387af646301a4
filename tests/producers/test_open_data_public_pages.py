"""An open-data import makes the cached public pages stale once, at its end, not once a row (each
bump rewrote the one version row of the database cache: the import slowed with the square of its
rows)."""

import pytest
from django.core.cache import cache

from otop_fair.public_pages import VERSION_KEY, one_invalidation_for_many_writes
from producers.models import ProducerGroup
from producers.open_data import REGISTER
from producers.open_data_import import OpenDataImport
from tests.factories import ProducerGroupFactory, UserFactory
from tests.producers.open_data_samples import producers, register_csv

pytestmark = pytest.mark.django_db


def _version_writes(django_assert_max_num_queries, work):
    """The statements `work` sent that wrote the cached pages' version."""
    with django_assert_max_num_queries(10_000) as queries:
        work()
    return [q["sql"] for q in queries.captured_queries if VERSION_KEY in q["sql"]]


def test_an_import_makes_the_public_pages_stale_once(django_assert_max_num_queries):
    cache.set(VERSION_KEY, 1, None)
    people = producers(30)
    job = OpenDataImport(REGISTER, UserFactory(role="national_officer"))
    writes = _version_writes(django_assert_max_num_queries, lambda: job.apply(register_csv(people)))
    assert ProducerGroup.objects.count() == 30
    assert cache.get(VERSION_KEY) != 1
    # One set of the version: a SELECT of its row and one UPDATE (or INSERT).
    assert len([sql for sql in writes if not sql.startswith("SELECT")]) == 1


def test_writes_held_together_make_the_pages_stale_when_the_block_ends():
    cache.set(VERSION_KEY, 1, None)
    with one_invalidation_for_many_writes():
        ProducerGroupFactory()
        ProducerGroupFactory()
        assert cache.get(VERSION_KEY) == 1
    assert cache.get(VERSION_KEY) != 1


def test_a_block_that_wrote_nothing_public_leaves_the_pages_cached():
    cache.set(VERSION_KEY, 1, None)
    with one_invalidation_for_many_writes():
        UserFactory()
    assert cache.get(VERSION_KEY) == 1


def test_a_write_outside_a_block_still_makes_the_pages_stale_at_once():
    cache.set(VERSION_KEY, 1, None)
    ProducerGroupFactory()
    assert cache.get(VERSION_KEY) != 1
