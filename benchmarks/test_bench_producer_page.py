"""The producer's sales page on a cold cache over a throttled phone connection (400 kbit/s,
400 ms): the bytes it transfers, compressed as production sends them, and its first contentful
paint. Chromium's own network emulation (CDP) does the throttling.

Production compresses every response (WhiteNoise's precompressed static files; the proxy in front
of the app for pages); here a gzip layer around the test server stands in for both."""

import gzip

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread

from tests.conftest import CHROMIUM, browser_login, ensure_geography
from tests.factories import AssignmentFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400_000 / 8,
    "uploadThroughput": 400_000 / 8,
}
FCP = "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"


def gzipped(app):
    """WSGI: compress each answer as production's WhiteNoise and proxy do."""

    def compressing_app(environ, start_response):
        if "gzip" not in environ.get("HTTP_ACCEPT_ENCODING", ""):
            return app(environ, start_response)
        answer = {}

        def keep(status, headers, exc_info=None):
            answer.update(status=status, headers=headers)

        body = b"".join(app(environ, keep))
        headers = [(k, v) for k, v in answer["headers"] if k.lower() != "content-length"]
        if body and not any(k.lower() == "content-encoding" for k, _ in headers):
            body = gzip.compress(body, 6)
            headers.append(("Content-Encoding", "gzip"))
        start_response(answer["status"], [*headers, ("Content-Length", str(len(body)))])
        return [body]

    return compressing_app


@pytest.fixture
def compressed_server(transactional_db):
    ensure_geography()
    server = LiveServerThread("127.0.0.1", lambda app: gzipped(StaticFilesHandler(app)))
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    server.url = f"http://127.0.0.1:{server.port}"
    yield server
    server.terminate()


@pytest.fixture
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def _signed_in_cookies(browser, live_server, username):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    browser_login(page, live_server, username)
    cookies = context.cookies()
    context.close()
    return cookies


def cold_load(browser, url, cookies):
    """Open `url` in a fresh context (empty cache, no service worker) over the slow link."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="th-TH", service_workers="block"
    )
    context.add_cookies(cookies)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", PHONE_3G)
    sizes = {}
    urls = {}
    cdp.on(
        "Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    fcp_ms = page.evaluate(FCP)
    context.close()
    return sum(sizes.values()), fcp_ms, {urls.get(k, k): v for k, v in sizes.items()}


def test_producer_sales_page_weight_and_first_paint(compressed_server, chromium, report_bench):
    live_server = compressed_server
    producer = UserFactory(role="producer", username="bench_producer")
    booth = AssignmentFactory(members=[producer])
    cookies = _signed_in_cookies(chromium, live_server, "bench_producer")
    total, fcp_ms, parts = cold_load(
        chromium, f"{live_server.url}/sales/booth/{booth.pk}/", cookies
    )
    for url, size in sorted(parts.items(), key=lambda item: -item[1]):
        print(f"  {size / 1024:6.1f} KB  {url.removeprefix(live_server.url)}")
    report_bench("producer_sales_page_kb", round(total / 1024, 1))
    report_bench("producer_sales_page_3g_s", round(fcp_ms / 1000, 3))
