"""Shared fixtures: users of each role, a logged-in client per role, and a Chromium page.

Browser tests use Debian's chromium through Playwright; `make test` installs it when missing,
and the `browser` fixture fails (never skips) when it is absent.
"""

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import Phase
from hypothesis import settings as hypothesis_settings

from tests import quick_flush
from tests.factories import UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# In CI the property tests draw the same examples every run, so a green run stays green;
# locally they keep exploring (and remember failures in .hypothesis/).
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# Under `make mutation` (scripts/mutation.py sets OTOP_MUTATION_EXAMPLES) every property test
# draws the same few examples and does not shrink a failure, so a mutant that survives costs
# seconds instead of the minute a full property run takes; see pytest_collection_modifyitems.
MUTATION_EXAMPLES = int(os.environ.get("OTOP_MUTATION_EXAMPLES") or 0)
if MUTATION_EXAMPLES:
    hypothesis_settings.register_profile(
        "mutation",
        derandomize=True,
        database=None,
        deadline=None,
        max_examples=MUTATION_EXAMPLES,
        phases=[Phase.explicit, Phase.generate],
    )
    hypothesis_settings.load_profile("mutation")
    # A mutant that makes a loop endless and grows a list inside it fills the machine's memory
    # before mutmut's time limit stops it (one reached 22 GiB of a 23 GiB machine): under
    # mutation each test process may reserve 4 GiB (a test process peaks below 300 MiB), so such
    # a mutant fails with MemoryError, counted as killed, and the machine stays usable.
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def ensure_geography():
    """Provinces, districts and subdistricts come from a data migration; a transactional test's
    flush empties them, so they are put back for the tests that follow."""
    from producers.geography import load_geography
    from producers.models import District, Province, Subdistrict

    if not Subdistrict.objects.exists():
        if quick_flush.holds_areas() and not Province.objects.exists():
            quick_flush.copy_in_areas()  # after Django's own flush: milliseconds, not seconds
        else:
            load_geography(Province, District, Subdistrict)
    # The standards table is seeded by a data migration too (issue 17).
    from producers.models import QualityStandard
    from producers.standards import seed_standards

    seed_standards(QualityStandard)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Under `make mutation` each pytest process takes a test database of its own
    (tests/db_slots.py); otherwise the one OTOP_TEST_DB names."""
    slots = int(os.environ.get("OTOP_TEST_DB_SLOTS") or 0)
    if not slots:
        yield
        return
    from tests import db_slots

    db_slots.claim(slots)
    yield
    db_slots.release()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        ensure_geography()
        quick_flush.copy_out_reference(connection)
    quick_flush.install()


@pytest.fixture(autouse=True)
def _geography_for_transactional_tests(request):
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        request.getfixturevalue("transactional_db")
        ensure_geography()


@pytest.fixture
def officer(db):
    return UserFactory(role="officer", username="officer_a")


@pytest.fixture
def committee_user(db):
    return UserFactory(role="committee", username="committee_a")


@pytest.fixture
def producer_user(db):
    return UserFactory(role="producer", username="producer_a")


@pytest.fixture
def superuser(db):
    return UserFactory(role="", username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def client_for(client):
    """`client_for(user)` — the test client logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Debian's chromium is missing: run `make test` (it installs it) or apt-get.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# Chromium fires a Background Sync by the machine's real network, not Playwright's emulated
# offline, and a service worker it restarts for the sync can fetch before the emulation reaches
# its new DevTools session: an entry "queued offline" then reached the server (a flaky CI run).
# So pages behave like Safari, which has no Background Sync: the page sends the queue on load and
# on the online event. Tests marked `background_sync` keep it and dispatch the sync themselves.
NO_BACKGROUND_SYNC = "delete window.SyncManager;"


def _new_page(browser, request, viewport):
    context = browser.new_context(viewport=viewport, locale="th-TH")
    if request.node.get_closest_marker("background_sync") is None:
        context.add_init_script(NO_BACKGROUND_SYNC)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def page(browser, request):
    """A laptop-sized page; a screenshot is saved to test-artifacts/ when the test fails."""
    yield from _new_page(browser, request, {"width": 1280, "height": 900})


@pytest.fixture
def phone_page(browser, request):
    """A 360 px wide phone page."""
    yield from _new_page(browser, request, {"width": 360, "height": 740})


def browser_login(page, live_server, username, password="otop-demo"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    # The login form's own button: the menu's language switcher has submit buttons too.
    page.click("form:has(input[name=password]) button[type=submit]")
    page.wait_for_load_state("networkidle")
    # A first sign-in asks to acknowledge the privacy notice (PDPA) before anything else.
    if "/accounts/privacy/" in page.url:
        page.click("#privacy-acknowledge button[type=submit]")
        page.wait_for_load_state("networkidle")


def pytest_collection_modifyitems(items):
    """Under `make mutation`, cap the examples of tests that ask for more with @settings (a
    test's own settings outrank the profile's); the tests keep their own other settings."""
    if not MUTATION_EXAMPLES:
        return
    for item in items:
        test = getattr(item, "obj", None)
        test = getattr(test, "__func__", test)  # a method's settings sit on its function
        own = getattr(test, "_hypothesis_internal_use_settings", None)
        if own is not None:
            test._hypothesis_internal_use_settings = hypothesis_settings(
                own,
                max_examples=min(own.max_examples, MUTATION_EXAMPLES),
                derandomize=True,
                database=None,
                deadline=None,
                phases=[Phase.explicit, Phase.generate],
            )
