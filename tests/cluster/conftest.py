"""Two gunicorn nodes on their own ports against the suite's test database, sharing a real S3 API
on 127.0.0.1 (moto in server mode) for media — as a load balancer would see a region's nodes.

Node B also reads report pages from a "replica": the same database under another
application_name, so a test can tell from pg_stat_activity which connection read what.
(The job workers of the notifications issue are started beside the nodes here, once they exist.)
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "otop-media"
REPLICA_NAME = "otop_replica"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url(settings_dict, **query):
    """A URL of the test database for another process (unix socket or TCP)."""
    host = settings_dict["HOST"] or settings_dict["OPTIONS"].get("host", "")
    user = settings_dict["USER"] + (
        f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    )
    name = settings_dict["NAME"]
    if not host or host.startswith("/"):
        query = {"host": host, **query} if host else query
        base = f"postgres://{user}@/{name}"
    else:
        base = f"postgres://{user}@{host}:{settings_dict['PORT'] or 5432}/{name}"
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def wait_until_up(url, process, seconds=45):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the node at {url} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"the node at {url} did not come up")


@pytest.fixture(scope="module")
def object_store():
    """A real S3 API on a loopback port with an empty private bucket; yields (endpoint, client)."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="otop-test",
        aws_secret_access_key="otop-test-secret",
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


@pytest.fixture(scope="module")
def nodes(django_db_setup, django_db_blocker, object_store, tmp_path_factory):
    """{"A": url, "B": url, "media_roots": [...]}: two gunicorn nodes, one worker each."""
    from django.db import connection

    endpoint, _ = object_store
    db_url = database_url(connection.settings_dict)
    common = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tests.cluster.node_settings",
        "DATABASE_URL": db_url,
        "AXES_FAILURE_LIMIT": "4",
        "LOG_LEVEL": "WARNING",
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "otop-test",
        "S3_SECRET_ACCESS_KEY": "otop-test-secret",
    }
    common.pop("CACHE_URL", None)
    common.pop("DATABASE_REPLICA_URL", None)
    replica = database_url(connection.settings_dict, application_name=REPLICA_NAME)
    extra = {"A": {}, "B": {"DATABASE_REPLICA_URL": replica}}
    started, media_roots = {}, []
    try:
        for name in ("A", "B"):
            media = tmp_path_factory.mktemp(f"node_{name}_media")
            media_roots.append(media)
            port = free_port()
            command = [
                sys.executable,
                "-m",
                "gunicorn",
                "otop_fair.wsgi",
                "-b",
                f"127.0.0.1:{port}",
            ]
            # The deployment's configuration (preloaded app, frozen import-time objects).
            command += ["-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
            command += ["-w", "1", "--log-level", "warning"]
            env = {**common, **extra[name], "MEDIA_ROOT": str(media)}
            started[name] = (
                f"http://127.0.0.1:{port}",
                subprocess.Popen(command, cwd=ROOT, env=env),
            )
        for url, process in started.values():
            wait_until_up(url, process)
        yield {"A": started["A"][0], "B": started["B"][0], "media_roots": media_roots}
    finally:
        for _, process in started.values():
            process.terminate()
        for _, process in started.values():
            process.wait(20)
