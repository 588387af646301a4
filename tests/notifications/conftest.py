"""Local servers for the channels, settings pointing at them, and a worker run in the test."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from procrastinate.contrib.django import app

from tests.notifications.servers import FakeLine, SmsStub, SmtpServer

LINE_SECRET = "test-channel-secret"


def empty_job_queue():
    """procrastinate's tables are not flushed between transactional tests: start each test
    with no job left over from another."""
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE procrastinate_jobs, procrastinate_events, procrastinate_periodic_defers"
            " CASCADE"
        )


@pytest.fixture(autouse=True)
def _empty_job_queue(request):
    marker = request.node.get_closest_marker("django_db")
    if marker is not None:
        transactional = marker.kwargs.get("transaction")
        request.getfixturevalue("transactional_db" if transactional else "db")
        empty_job_queue()


@pytest.fixture
def fake_line(settings):
    server = FakeLine()
    settings.LINE_API_HOST = server.url
    settings.LINE_CHANNEL_ACCESS_TOKEN = "test-token"
    settings.LINE_CHANNEL_SECRET = LINE_SECRET
    yield server
    server.stop()


@pytest.fixture
def sms_stub(settings):
    server = SmsStub()
    settings.SMS_GATEWAY_URL = f"{server.url}/send"
    settings.SMS_GATEWAY_TOKEN = "sms-token"
    yield server
    server.stop()


@pytest.fixture
def smtp_server(settings):
    server = SmtpServer()
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    yield server
    server.stop()


def run_worker(until=None, seconds=20, **options):
    """Run a real procrastinate worker (psycopg connector, as `manage.py procrastinate worker`)
    in this process against the test database: until no job is left (no `until`), or until
    `until()` holds (periodic jobs then get their turn). Returns whether `until` came true."""
    options = {"queues": ["default", "notifications"], "install_signal_handlers": False, **options}
    with app.replace_connector(app.connector.get_worker_connector()) as worker_app:
        return run_coroutine(_run(worker_app, until, seconds, options))


def run_coroutine(coroutine):
    """`asyncio.run`, also where an event loop already runs in this thread (Playwright's sync API
    leaves one in the main thread once a browser test has run): the coroutine then gets a loop
    of its own in a thread of its own, and this thread waits for its result."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="run-coroutine") as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def _run(worker_app, until, seconds, options):
    async with worker_app.open_async():
        if until is None:
            await worker_app.run_worker_async(wait=False, **options)
            return True
        worker = asyncio.create_task(
            worker_app.run_worker_async(wait=True, fetch_job_polling_interval=0.2, **options)
        )
        deadline = time.monotonic() + seconds
        try:
            while time.monotonic() < deadline and not worker.done():
                if await sync_to_async(until)():
                    return True
                await asyncio.sleep(0.2)
            return False
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
