"""`make run`: the web server and one job-queue worker beside it, then one block saying where to go.

    python scripts/run.py PORT

The database has been started (and the demo seeded) by make before this runs. Ctrl-C stops the
web server, the worker and the project's own database (none when DATABASE_URL names another
server, which this script leaves alone).
"""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STARTUP_SECONDS = 90


def demo_accounts():
    """(usernames, password) of the demo, from the module that seeds them."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otop_fair.settings")
    import django

    django.setup()
    from producers.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    return list(DEMO_ACCOUNTS), DEMO_PASSWORD


def wait_until_healthy(url, server):
    """True once `url` answers 200; False if the server died or never answered."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    return False


def newcomer_block(port, usernames, password):
    site = f"http://127.0.0.1:{port}/"
    line = "─" * 72
    return "\n".join(
        [
            "",
            line,
            f"  OTOP Fair is running at {site}",
            f"  Sign in as {', '.join(usernames)}",
            f"    (every demo account's password: {password})",
            f"  Health check: {site}healthz",
            "  Stop: Ctrl-C (stops the web server, the job worker and the database)",
            line,
            "",
        ]
    )


def stop(processes):
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    if os.environ.get("DATABASE_URL"):
        print("OTOP Fair stopped: the web server and the job worker.", flush=True)
        return
    subprocess.run([PYTHON, str(ROOT / "scripts" / "localdb.py"), "stop"], cwd=ROOT)
    print(
        "OTOP Fair stopped: the web server, the job worker and the database"
        " (make db starts the database again).",
        flush=True,
    )


def main(port):
    usernames, password = demo_accounts()
    # A TERM (from a process manager) stops everything as Ctrl-C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    manage = [PYTHON, str(ROOT / "manage.py")]
    worker = subprocess.Popen([*manage, "procrastinate", "worker"], cwd=ROOT)
    server = subprocess.Popen([*manage, "runserver", f"127.0.0.1:{port}"], cwd=ROOT)
    try:
        if wait_until_healthy(f"http://127.0.0.1:{port}/healthz", server):
            time.sleep(0.5)  # after the server's own log line of that first request
            print(newcomer_block(port, usernames, password), flush=True)
        else:
            print("The web server did not come up; see its messages above.", flush=True)
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop([server, worker])
    return server.returncode or 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8000))
