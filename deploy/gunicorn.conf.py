"""gunicorn's settings for one web node: what deploy/systemd/otop-web@.service starts, and what
the capacity bench (benchmarks/test_bench_sales_capacity.py) and scripts/served_cost.py start, so
the figure measured is the configuration recommended.

    gunicorn otop_fair.wsgi -c deploy/gunicorn.conf.py --bind 0.0.0.0:8001

WEB_WORKERS sets the number of worker processes (default 2 × cores + 1).
"""

import gc
import os

wsgi_app = "otop_fair.wsgi"
# Sync workers, no threads: a request is short (a few ms of CPU and a few queries), so a process
# per request in flight uses the cores fully; two per core, plus one, so a worker waiting on
# PostgreSQL leaves the core to another. Sync workers close each connection after the answer
# (no keep-alive): the reverse proxy in front keeps the clients' connections open.
workers = int(os.environ.get("WEB_WORKERS", 2 * (os.cpu_count() or 1) + 1))
timeout = 30
graceful_timeout = 25
# A worker is replaced after this many requests, so a slow leak cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
# The app is imported once, in the master, before the workers fork: they start in a second
# instead of each importing Django, and share the imported code's memory.
preload_app = True
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


def when_ready(server):
    """After the app is imported, before any worker forks: no database connection is shared by
    the workers, and the objects made at import move out of the garbage collector's reach (a
    full collection no longer walks Django's import-time objects on every worker, and the
    workers' copies of those pages stay shared)."""
    from django.db import connections

    connections.close_all()
    gc.freeze()
