"""How many daily-sales submissions a second one node takes, and two nodes holding together.

`sales_max_rps_p95_300`: paced producers (open the form, type for a moment, send; a tenth tap
twice) arrive at 10, 20, 30 … submissions a second against one gunicorn node, a fresh set of
producers for each step; the figure is the highest rate at which the node keeps p95 < 300 ms
with no row lost or doubled. Two nodes on one 2-core machine add no capacity, so capacity is
measured on one node and correctness on two:

`sales_peak_2nodes_*`: the peak's replay against two nodes, each producer opening the form on one
node and sending it to the other (as a load balancer may), then every row checked.

The data is seeded by the sales peak bench's own script, into the same bench database.
"""

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

from benchmarks.test_bench_sales_peak import (
    BENCH_DB,
    ROOT,
    admin_sql,
    bench_database,
    clear_previous_run,
    count_lost_or_doubled,
    free_port,
    locust_stats,
    wait_until_up,
)

RATES = (5, 10, 15, 20, 30, 40, 50, 60, 80)
STEP_S = 15  # seconds of arrivals at each rate
PACE_S = 4  # each locust user starts a producer every PACE_S seconds: rate = users / PACE_S
TWO_NODE_PRODUCERS = 600
TWO_NODE_RATE = 10
WARM_UP_PRODUCERS = 40  # every worker has loaded its templates and connections before step one
P95_LIMIT_MS = 300

LOCUSTFILE = """
import json, os, random
import gevent
from locust import HttpUser, constant_pacing, task

PRODUCERS = json.load(open(os.environ["SALES_PRODUCERS"]))
NODES = os.environ["SALES_NODES"].split(",")
TOTAL = len(PRODUCERS)
DONE = [0]


class Producer(HttpUser):
    host = NODES[0]
    wait_time = constant_pacing(float(os.environ["SALES_PACE_S"]))

    @task
    def submit_the_day(self):
        if not PRODUCERS:
            gevent.sleep(0.2)
            return
        producer = PRODUCERS.pop()
        # The form from one node, the submission to the next (one node: the same).
        opened, sent = NODES[len(PRODUCERS) % len(NODES)], NODES[(len(PRODUCERS) + 1) % len(NODES)]
        self.client.cookies.clear()
        self.client.cookies.set("sessionid", producer["session"])
        path = "/sales/booth/%d/" % producer["assignment"]
        self.client.get(opened + path, name="GET /sales/booth/[id]/")
        token = self.client.cookies.get("csrftoken", "")
        gevent.sleep(random.uniform(0.5, 2.0))  # typing the amount
        form = {"day": producer["day"], "amount": producer["amount"], "client_key": producer["key"],
                "csrfmiddlewaretoken": token}
        headers = {"Accept": "application/json", "X-CSRFToken": token}
        for _ in range(2 if producer["double"] else 1):
            with self.client.post(sent + path, form, headers=headers, name="POST /sales/booth/[id]/",
                                  catch_response=True) as response:
                if not response.ok or not response.json().get("ok"):
                    response.failure("not saved: %s" % response.status_code)
        DONE[0] += 1
        if DONE[0] == TOTAL:
            gevent.spawn(self.environment.runner.quit)
"""


@pytest.fixture
def seeded(tmp_path):
    """(env for the nodes, every seeded producer, db settings) over the freshly seeded bench db."""
    url, db = bench_database()
    admin_sql(db, [f"CREATE DATABASE {BENCH_DB}"], ignore_existing=True)
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "otop_fair.settings",
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": "600",
    }
    python = sys.executable
    for command in (["collectstatic", "--noinput", "-v", "0"], ["migrate", "--noinput", "-v", "0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    clear_previous_run(db)
    count = sum(rate * STEP_S for rate in RATES) + TWO_NODE_PRODUCERS + WARM_UP_PRODUCERS
    out = tmp_path / "producers.json"
    seeder = ROOT / "benchmarks" / "test_bench_sales_peak.py"
    subprocess.run([python, seeder, "seed", out, str(count)], cwd=ROOT, env=env, check=True)
    return env, json.loads(out.read_text()), db


@contextmanager
def gunicorn_nodes(env, count, workers):
    """`count` gunicorn nodes on free loopback ports; yields their base URLs."""
    nodes = []
    try:
        for _ in range(count):
            url = f"http://127.0.0.1:{free_port()}"
            command = [sys.executable, "-m", "gunicorn", "otop_fair.wsgi", "-b", url[7:]]
            command += ["-w", str(workers), "--log-level", "warning"]
            nodes.append((url, subprocess.Popen(command, cwd=ROOT, env=env)))
        for url, _ in nodes:
            wait_until_up(f"{url}/healthz")
        yield [url for url, _ in nodes]
    finally:
        for _, process in nodes:
            process.terminate()
        for _, process in nodes:
            # A loaded machine can take longer than gunicorn's graceful shutdown allows for.
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def replay(tmp_path, name, producers, nodes, rate):
    """Paced producers at `rate` submissions a second; returns locust's rows by request name."""
    (tmp_path / f"{name}.json").write_text(json.dumps(producers))
    locustfile = tmp_path / "locustfile.py"
    locustfile.write_text(LOCUSTFILE)
    users = max(1, round(rate * PACE_S))
    limit = len(producers) / rate * 3 + 30
    command = [sys.executable, "-m", "locust", "-f", str(locustfile), "--headless"]
    # Users start over one pace (`rate` a second), as in the sales peak bench: all started in the
    # same second, each pace would open with users/1 s = 4 × `rate` forms at once, and the figure
    # would be a burst's, not the rate's.
    command += ["-u", str(users), "-r", str(rate), "--run-time", f"{limit:.0f}s"]
    command += ["--stop-timeout", "10", "--csv", str(tmp_path / name), "--only-summary"]
    command += ["--loglevel", "WARNING", "--exit-code-on-error", "0"]
    env = {
        **os.environ,
        "SALES_PRODUCERS": str(tmp_path / f"{name}.json"),
        "SALES_NODES": ",".join(nodes),
        "SALES_PACE_S": str(PACE_S),
    }
    started = time.monotonic()
    subprocess.run(command, cwd=tmp_path, env=env, check=True, timeout=limit + 60)
    stats = locust_stats(tmp_path / name)
    row = stats["Aggregated"]
    print(
        f"\n{name}: {len(producers)} producers at {rate}/s in {time.monotonic() - started:.0f} s; "
        f"{row['Request Count']} requests ({row['Failure Count']} failed), "
        f"p50 {row['50%']} ms, p95 {row['95%']} ms"
    )
    return stats


def test_sales_capacity_of_one_node_and_two_nodes_together(seeded, tmp_path, report_bench):
    env, producers, db = seeded
    # Two nodes first, on an empty day: every row then is one of theirs.
    done = producers[:TWO_NODE_PRODUCERS]
    with gunicorn_nodes(env, 2, workers=3) as nodes:
        stats = replay(tmp_path, "two_nodes", done, nodes, TWO_NODE_RATE)
    lost_or_doubled = count_lost_or_doubled(db, done)
    report_bench("sales_peak_2nodes_p95_ms", float(stats["Aggregated"]["95%"]))
    report_bench("sales_peak_2nodes_lost_or_doubled", lost_or_doubled)
    cursor, best = len(done) + WARM_UP_PRODUCERS, 0
    with gunicorn_nodes(env, 1, workers=5) as node:
        replay(tmp_path, "warm_up", producers[len(done) : cursor], node, 5)
        done = producers[:cursor]
        for rate in RATES:
            batch = producers[cursor : cursor + rate * STEP_S]
            cursor += len(batch)
            row = replay(tmp_path, f"rate{rate}", batch, node, rate)["Aggregated"]
            done += batch
            if float(row["95%"]) >= P95_LIMIT_MS or int(row["Failure Count"]):
                break
            if count_lost_or_doubled(db, done):
                break
            best = rate
    report_bench("sales_max_rps_p95_300", best)
    assert lost_or_doubled == 0
