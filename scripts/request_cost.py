"""What one request of a hot page costs this process: CPU milliseconds and queries, without load.

Wall-clock load tests on a shared machine are noisy; the CPU a request takes in the web process
and the queries it sends are not. Seeds a small running fair (the sales peak bench's own seeder)
inside a transaction that is rolled back, then repeats the requests with Django's test client:

    .venv/bin/python scripts/request_cost.py [--n 200] [--profile sales_get]

Prints, per request kind: CPU ms per request (median and mean), queries per request and the
time PostgreSQL took to answer them (wall, measured around each query).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otop_fair.settings")


class QueryTimer:
    """Counts the queries of a request and the wall time spent waiting for them."""

    def __init__(self, keep=False):
        self.count, self.seconds = 0, 0.0
        self.kept = [] if keep else None

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            self.seconds += time.perf_counter() - started
            if self.kept is not None:
                self.kept.append((time.perf_counter() - started, sql))


def measure(name, send, n, profile=None, show_queries=False):
    from django.db import connection

    for _ in range(5):  # templates loaded, translations read, connection open
        send(0)
    cpu, queries, query_ms = [], [], []
    profiler = cProfile.Profile(time.process_time) if profile == name else None
    for i in range(n):
        timer = QueryTimer(keep=show_queries and i == n - 1)
        with connection.execute_wrapper(timer):
            if profiler:
                profiler.enable()
            started = time.process_time()
            send(i + 1)
            cpu.append((time.process_time() - started) * 1000)
            if profiler:
                profiler.disable()
        queries.append(timer.count)
        query_ms.append(timer.seconds * 1000)
    print(
        f"{name:>22}: CPU {statistics.median(cpu):6.1f} ms median, {statistics.mean(cpu):6.1f} "
        f"mean; {statistics.mean(queries):4.1f} queries ({min(queries)}–{max(queries)}), "
        f"{statistics.mean(query_ms):5.1f} ms waiting on them"
    )
    for seconds, sql in timer.kept or []:
        print(f"    {seconds * 1000:6.2f} ms  {sql[:300]}")
    if profiler:
        pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
            int(os.environ.get("ROWS", "45"))
        )


def run(n, profile, show_queries, producers_count):
    import django

    django.setup()
    from django.db import transaction
    from django.test import Client

    from benchmarks.test_bench_sales_peak import seed_running_fair

    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            producers = seed_running_fair(max(n + 10, producers_count), double_every=10)
            # One client (one handler, its middleware loaded once, as in a server process),
            # each producer's own cookies, as each phone keeps its own.
            client = Client(HTTP_HOST="127.0.0.1")
            jars = [{"sessionid": producer["session"]} for producer in producers]

            def as_producer(i):
                client.cookies.clear()
                for name, value in jars[i].items():
                    client.cookies[name] = value
                return client

            def keep_cookies(i, response):
                jars[i].update({k: m.value for k, m in response.cookies.items()})
                return response

            def sales_get(i):
                path = f"/sales/booth/{producers[i]['assignment']}/"
                response = keep_cookies(i, as_producer(i).get(path))
                assert response.status_code == 200

            def sales_post(i):
                producer = producers[i]
                path = f"/sales/booth/{producer['assignment']}/"
                form = {k: producer[k] for k in ("day", "amount")}
                form["client_key"] = producer["key"]
                response = as_producer(i).post(path, form, headers={"Accept": "application/json"})
                keep_cookies(i, response)
                assert response.status_code == 200, response.content

            measure("GET sales form", sales_get, n, profile, show_queries)
            measure("POST sales (json)", sales_post, n, profile, show_queries)
            measure("GET sales form again", sales_get, n, profile, show_queries)
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--profile", default=None, help="name of the request kind to profile")
    parser.add_argument("--queries", action="store_true", help="print the last request's queries")
    parser.add_argument("--producers", type=int, default=0, help="seed at least this many")
    args = parser.parse_args()
    run(args.n, args.profile, args.queries, args.producers)
