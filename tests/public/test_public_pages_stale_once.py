"""Many writes in one transaction make the cached public pages stale once, unless a page was
stored in between or the first write's savepoint was rolled back (the test runs in a transaction)."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from otop_fair.public_pages import VERSION_KEY
from tests.factories import ProducerGroupFactory
from tests.public.helpers import STORY, showcase_group

pytestmark = pytest.mark.django_db


def _version_sets(django_assert_max_num_queries, work):
    with django_assert_max_num_queries(10_000) as queries:
        work()
    sqls = [q["sql"] for q in queries.captured_queries if VERSION_KEY in q["sql"]]
    return len([sql for sql in sqls if not sql.startswith("SELECT")])


def test_many_public_writes_in_one_transaction_set_the_version_once(django_assert_max_num_queries):
    def forty_groups():
        with transaction.atomic():
            ProducerGroupFactory.create_batch(40)

    assert _version_sets(django_assert_max_num_queries, forty_groups) == 1


def test_a_write_after_a_page_was_stored_makes_it_stale_again(producer_user):
    _group, product, profile = showcase_group(producer_user)
    profile.show_story = True
    profile.save()
    url = reverse("public:group", args=[profile.slug])
    assert STORY in Client().get(url).content.decode()
    product.story_origin = "เรื่องใหม่"
    product.save()
    assert "เรื่องใหม่" in Client().get(url).content.decode()


def test_a_rolled_back_savepoints_change_does_not_stand_for_a_later_one():
    cache.set(VERSION_KEY, 1, None)
    with transaction.atomic():
        try:
            with transaction.atomic():
                ProducerGroupFactory()
                raise RuntimeError("the savepoint is rolled back, and its version with it")
        except RuntimeError:
            pass
        assert cache.get(VERSION_KEY) == 1
        ProducerGroupFactory()
    assert cache.get(VERSION_KEY) != 1
