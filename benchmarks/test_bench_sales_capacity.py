"""How many daily-sales submissions a second one node takes, and two nodes holding together.

`sales_max_rps_p95_300`: paced producers (open the form, type for a moment, send; a tenth tap
twice) arrive at 10, 20, 30 … submissions a second against one gunicorn node, a fresh set of
producers for each step; the figure is the highest rate at which the node keeps p95 < 300 ms
with no row lost or doubled. The producers come from benchmarks/paced_producers.py, a generator
light enough to share the two cores with the node it measures. Two nodes on one 2-core machine
add no capacity, so capacity is measured on one node and correctness on two:

`sales_peak_2nodes_*`: the peak's replay against two nodes, each producer opening the form on one
node and sending it to the other (as a load balancer may), then every row checked.

The data is seeded by the sales peak bench's own script, into the same bench database.
"""

import json
import math
import os
import resource
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
    wait_until_up,
)

RATES = (5, 10, 15, 20, 30, 40, 50, 60, 80)
STEP_S = 15  # seconds of arrivals at each rate
PACE_S = 4  # each paced user starts a producer every PACE_S seconds: rate = users / PACE_S
TWO_NODE_PRODUCERS = 600
TWO_NODE_RATE = 10
WARM_UP_PRODUCERS = 40  # every worker has loaded its templates and connections before step one
P95_LIMIT_MS = 300
GUNICORN_CONF = str(ROOT / "deploy" / "gunicorn.conf.py")


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
def gunicorn_nodes(env, count, workers=None):
    """`count` gunicorn nodes on free loopback ports; yields their base URLs. `workers`: each
    node's worker processes, when not the configuration's (2 × cores + 1)."""
    nodes = []
    try:
        for _ in range(count):
            url = f"http://127.0.0.1:{free_port()}"
            # The deployment's configuration (deploy/gunicorn.conf.py), on a loopback port.
            command = [sys.executable, "-m", "gunicorn", "otop_fair.wsgi", "-c", GUNICORN_CONF]
            command += ["-b", url[7:], "--log-level", "warning"]
            command += ["-w", str(workers)] if workers else []
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


def percentile(values, share):
    """The value below which `share` of `values` lie (nearest rank), in ms."""
    ranked = sorted(values)
    return ranked[max(0, math.ceil(share * len(ranked)) - 1)] if ranked else 0.0


def replay(tmp_path, name, producers, nodes, rate):
    """Paced producers at `rate` submissions a second (benchmarks/paced_producers.py, a light
    generator in a process of its own); returns p50, p95 and the failures over every request."""
    (tmp_path / f"{name}.json").write_text(json.dumps(producers))
    out = tmp_path / f"{name}_out.json"
    limit = len(producers) / rate * 3 + 30
    command = [sys.executable, str(ROOT / "benchmarks" / "paced_producers.py")]
    command += [str(tmp_path / f"{name}.json"), ",".join(nodes), str(rate), str(PACE_S)]
    command += [f"{limit:.0f}", str(out)]
    started, cpu_before = time.monotonic(), children_cpu_s()
    subprocess.run(command, cwd=ROOT, check=True, timeout=limit + 60)
    elapsed, generator_cpu = time.monotonic() - started, children_cpu_s() - cpu_before
    result = json.loads(out.read_text())
    walls = [ms for kind in result["ms"].values() for ms in kind]
    row = {"p50": percentile(walls, 0.5), "p95": percentile(walls, 0.95)}
    row.update(requests=len(walls), failures=len(result["failures"]))
    print(
        f"\n{name}: {len(producers)} producers at {rate}/s in {elapsed:.0f} s; "
        f"{row['requests']} requests ({row['failures']} failed), p50 {row['p50']:.0f} ms, "
        f"p95 {row['p95']:.0f} ms; generator CPU {generator_cpu * 1000 / len(producers):.1f} ms "
        f"a producer; load {os.getloadavg()[0]:.1f}"
    )
    for failure in result["failures"][:5]:
        print(f"  {failure}")
    return row


def children_cpu_s():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def test_sales_capacity_of_one_node_and_two_nodes_together(seeded, tmp_path, report_bench):
    env, producers, db = seeded
    # Two nodes first, on an empty day: every row then is one of theirs.
    done = producers[:TWO_NODE_PRODUCERS]
    with gunicorn_nodes(env, 2, workers=3) as nodes:
        row = replay(tmp_path, "two_nodes", done, nodes, TWO_NODE_RATE)
    lost_or_doubled = count_lost_or_doubled(db, done)
    report_bench("sales_peak_2nodes_p95_ms", float(row["p95"]))
    report_bench("sales_peak_2nodes_lost_or_doubled", lost_or_doubled)
    cursor, best = len(done) + WARM_UP_PRODUCERS, 0
    with gunicorn_nodes(env, 1) as node:
        replay(tmp_path, "warm_up", producers[len(done) : cursor], node, 5)
        done = producers[:cursor]
        for rate in RATES:
            batch = producers[cursor : cursor + rate * STEP_S]
            cursor += len(batch)
            row = replay(tmp_path, f"rate{rate}", batch, node, rate)
            done += batch
            if row["p95"] >= P95_LIMIT_MS or row["failures"]:
                break
            if count_lost_or_doubled(db, done):
                break
            best = rate
    report_bench("sales_max_rps_p95_300", best)
    assert lost_or_doubled == 0
