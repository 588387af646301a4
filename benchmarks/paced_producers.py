"""Paced producers sending the day's sales: a light load generator (one process, a thread a user).

The capacity bench shares the machine's two cores with the node it measures, so what generates
the load must cost little: a locust user (requests under gevent) spends about 1.4 ms of CPU per
request, Python's own http.client about 0.2 ms. Here each paced user is a thread with the
standard library's HTTP client (a real client over TCP: the cookies the node sets, the CSRF
header, a new connection per request as gunicorn's sync workers close each). What a user does is
what the locust user did:

- every PACE_S seconds (constant pacing) it takes the next producer, opens the booth's sales form
  with that producer's session (GET), waits 0.5–2 s (typing the amount) and sends the day with the
  form's CSRF token and one-time key, as the phone's script does (POST, Accept: application/json);
  a tenth of the producers tap twice;
- users start over one pace, `rate` a second, so arrivals come at the rate and not in a burst.

    python benchmarks/paced_producers.py PRODUCERS.json NODES RATE PACE_S LIMIT_S OUT.json

NODES is a comma-separated list of base URLs: the form is opened on one and sent to the next (one
node: the same). OUT.json gets every request's wall time in ms by kind, and the failures.
"""

import json
import random
import sys
import threading
import time
from http.client import HTTPConnection, HTTPException
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

FORM = "GET /sales/booth/[id]/"
SEND = "POST /sales/booth/[id]/"


class Tally:
    """Wall times by request kind and failures; users add to it from their threads."""

    def __init__(self):
        self.ms = {FORM: [], SEND: []}
        self.failures = []
        self.lock = threading.Lock()

    def add(self, kind, started, failure=None):
        ms = (time.perf_counter() - started) * 1000
        with self.lock:
            self.ms[kind].append(ms)
            if failure:
                self.failures.append(f"{kind}: {failure}")


class Phone:
    """One producer's phone: keeps the cookies the node sets and sends them back."""

    def __init__(self, session):
        self.cookies = {"sessionid": session}

    def request(self, base, method, path, body=None, headers=()):
        """(status, body bytes) of one request on a new connection."""
        address = urlsplit(base)
        headers = dict(headers)
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = HTTPConnection(address.hostname, address.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            for set_cookie in response.headers.get_all("Set-Cookie") or ():
                self.cookies.update({k: m.value for k, m in SimpleCookie(set_cookie).items()})
            return response.status, content
        finally:
            connection.close()


def timed(tally, kind, send, answered):
    """Sends one request; a status or answer other than `answered` counts as a failure."""
    started = time.perf_counter()
    try:
        status, content = send()
        failure = None if answered(status, content) else f"status {status}: {content[:200]!r}"
    except (OSError, HTTPException, ValueError) as error:
        failure = repr(error)
    tally.add(kind, started, failure)


def saved(status, content):
    return status == 200 and json.loads(content).get("ok") is True


def submit_the_day(producer, opened, sent, tally):
    """Open the booth's form on one node, type for a moment, send the day to the next."""
    phone = Phone(producer["session"])
    path = f"/sales/booth/{producer['assignment']}/"
    timed(tally, FORM, lambda: phone.request(opened, "GET", path), lambda s, _: s == 200)
    token = phone.cookies.get("csrftoken", "")
    time.sleep(random.uniform(0.5, 2.0))  # typing the amount
    form = {"day": producer["day"], "amount": producer["amount"], "client_key": producer["key"]}
    body = urlencode({**form, "csrfmiddlewaretoken": token})
    headers = {"Accept": "application/json", "X-CSRFToken": token}
    for _ in range(2 if producer["double"] else 1):
        timed(tally, SEND, lambda: phone.request(sent, "POST", path, body, headers), saved)


def paced_user(queue, nodes, pace_s, tally, lock):
    """One user: a producer every `pace_s` seconds until none is left."""
    while True:
        began = time.monotonic()
        with lock:
            if not queue:
                return
            producer = queue.pop()
            opened, sent = nodes[len(queue) % len(nodes)], nodes[(len(queue) + 1) % len(nodes)]
        submit_the_day(producer, opened, sent, tally)
        time.sleep(max(0.0, began + pace_s - time.monotonic()))


def replay(producers, nodes, rate, pace_s, limit_s):
    """Users started `rate` a second over one pace; returns the tally when all are done."""
    users = max(1, round(rate * pace_s))
    queue, tally, lock, threads = list(producers), Tally(), threading.Lock(), []
    start = time.monotonic()
    for n in range(min(users, len(queue))):
        user = threading.Thread(target=paced_user, args=(queue, nodes, pace_s, tally, lock))
        user.daemon = True  # a user stuck past the limit does not hold the process
        user.start()
        threads.append(user)
        time.sleep(max(0.0, start + (n + 1) / rate - time.monotonic()))
    for user in threads:
        user.join(max(0.0, start + limit_s - time.monotonic()))
    if any(user.is_alive() for user in threads):
        tally.failures.append(f"not done within {limit_s:.0f} s")
    return tally


def main(producers_path, nodes, rate, pace_s, limit_s, out_path):
    producers = json.loads(Path(producers_path).read_text())
    tally = replay(producers, nodes.split(","), float(rate), float(pace_s), float(limit_s))
    with tally.lock:
        Path(out_path).write_text(json.dumps({"ms": tally.ms, "failures": tally.failures}))


if __name__ == "__main__":
    main(*sys.argv[1:])
