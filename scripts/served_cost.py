"""CPU a daily-sales submission costs a served node: gunicorn's workers and PostgreSQL's backends.

One producer after another (no concurrency, so the machine's other load changes the wall time
but hardly the CPU counted): every producer GETs the booth's sales form, then every producer
POSTs the day as the phone does; each kind is counted on its own. The CPU
of the gunicorn processes and of the local PostgreSQL's processes is read from /proc before and
after, so it counts everything the request made either of them do.

    DATABASE_URL=... .venv/bin/python scripts/served_cost.py producers.json --n 200

`producers.json` is what the sales peak bench's seeder writes (benchmarks/test_bench_sales_peak.py
`seed`), into the database DATABASE_URL names; each producer is sent once.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (this process only)
    return total / TICK


def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def postmaster_pid():
    return int((ROOT / ".pgdata" / "postmaster.pid").read_text().split()[0])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url):
    for _ in range(600):
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not come up")


def open_form(session, base, producer):
    """The producer's phone opens the booth's sales form; returns the wall time in ms."""
    session.cookies.clear()
    session.cookies.set("sessionid", producer["session"])
    started = time.perf_counter()
    page = session.get(f"{base}/sales/booth/{producer['assignment']}/")
    assert page.status_code == 200, page.status_code
    producer["csrftoken"] = session.cookies.get("csrftoken", "")
    return (time.perf_counter() - started) * 1000


def send_day(session, base, producer):
    """… and sends the day, as the phone's script does; returns the wall time in ms."""
    session.cookies.clear()
    session.cookies.set("sessionid", producer["session"])
    token = producer["csrftoken"]
    session.cookies.set("csrftoken", token)
    form = {"day": producer["day"], "amount": producer["amount"], "client_key": producer["key"]}
    form["csrfmiddlewaretoken"] = token
    headers = {"Accept": "application/json", "X-CSRFToken": token}
    started = time.perf_counter()
    sent = session.post(f"{base}/sales/booth/{producer['assignment']}/", form, headers=headers)
    assert sent.status_code == 200 and sent.json()["ok"], sent.text[:300]
    return (time.perf_counter() - started) * 1000


def cost(step, session, base, producers, processes):
    """CPU ms per request of gunicorn and of PostgreSQL, and the median wall ms, for `step`."""
    app_before, db_before = (cpu_seconds(p) for p in processes)
    walls = [step(session, base, producer) for producer in producers]
    app, db = (
        (cpu_seconds(p) - before) * 1000 / len(walls)
        for p, before in zip(processes, (app_before, db_before), strict=True)
    )
    return app, db, statistics.median(walls)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("producers")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--skip", type=int, default=0, help="producers already sent")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--app", default="otop_fair.wsgi", help="the WSGI module to serve")
    parser.add_argument("--config", default=str(ROOT / "deploy" / "gunicorn.conf.py"))
    args = parser.parse_args()
    producers = json.loads(Path(args.producers).read_text())[args.skip : args.skip + args.n + 20]
    port = free_port()
    env = {**os.environ, "LOG_LEVEL": "WARNING", "CONN_MAX_AGE": "600"}
    command = [sys.executable, "-m", "gunicorn", args.app, "-c", args.config]
    command += ["-b", f"127.0.0.1:{port}", "--log-level", "warning"]
    server = subprocess.Popen([*command, "-w", str(args.workers)], cwd=ROOT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/healthz")
        session = requests.Session()
        for producer in producers[:20]:  # every worker warm, its connection open
            open_form(session, base, producer)
            send_day(session, base, producer)
        processes = (children(server.pid), children(postmaster_pid()))
        measured = producers[20:]
        gets = cost(open_form, session, base, measured, processes)
        posts = cost(send_day, session, base, measured, processes)
    finally:
        server.terminate()
        server.wait(30)
    for name, (app, db, wall) in (("GET form", gets), ("POST day", posts)):
        print(
            f"{name}: gunicorn CPU {app:.1f} ms, PostgreSQL CPU {db:.1f} ms per request; "
            f"wall median {wall:.1f} ms ({len(measured)} requests)"
        )


if __name__ == "__main__":
    main()
