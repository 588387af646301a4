"""A costly figure missed by several requests at once is computed by one of them; the others get
its result. Threads stand in for nodes: each has its own database connection to the shared cache."""

import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection

from otop_fair.shared_cache import computed_once

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.cluster]


def at_once(count, work):
    """Run `work()` in `count` threads started together; returns their results."""
    results, start = [None] * count, threading.Barrier(count)

    def run(index):
        try:
            start.wait()
            results[index] = work()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_requests_missing_the_same_figure_at_once_compute_it_once():
    calls = []

    def compute():
        calls.append(1)
        time.sleep(0.5)
        return {"ranked": [3, 1, 2]}

    results = at_once(4, lambda: computed_once("figure:a", compute, timeout=60))
    assert calls == [1]
    assert results == [{"ranked": [3, 1, 2]}] * 4


def test_when_the_computing_request_fails_a_waiting_one_computes_instead():
    calls = []

    def compute():
        calls.append(1)
        time.sleep(0.3)
        if len(calls) == 1:
            raise RuntimeError("the node went away")
        return "figure"

    def attempt():
        try:
            return computed_once("figure:b", compute, timeout=60)
        except RuntimeError:
            return "failed"

    results = at_once(2, attempt)
    assert sorted(results) == ["failed", "figure"]
    assert len(calls) == 2
