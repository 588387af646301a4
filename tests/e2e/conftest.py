"""Fixtures of the end-to-end journey: one browser window per person, each watched for
Content-Security-Policy violations and script errors, and photographed when the test fails."""

import pytest

from tests.conftest import ARTIFACTS, browser_login

LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


class Actor:
    """A person at their own browser window, logged in as themselves."""

    def __init__(self, name, page, live_server):
        self.name = name
        self.page = page
        self.url = live_server.url
        self.live_server = live_server
        self.problems = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def _console(self, message):
        text = message.text
        if message.type == "error" and ("Content Security Policy" in text or "Refused" in text):
            self.problems.append(f"CSP on {self.page.url}: {text}")

    def go(self, path):
        self.page.goto(f"{self.url}{path}")
        return self.page

    def signs_in_again_if_logged_out(self):
        """A producer's session ends after 12 idle hours: the next fair morning they sign in."""
        self.go("/")
        if "/accounts/login/" in self.page.url:
            browser_login(self.page, self.live_server, self.name)
            assert "/accounts/login/" not in self.page.url, f"{self.name} could not log in"


class Cast:
    """`cast(username, phone=False)` opens a logged-in window for that account."""

    def __init__(self, browser, live_server):
        self.browser = browser
        self.live_server = live_server
        self.opened = []

    def __call__(self, username, phone=False):
        context = self.browser.new_context(viewport=PHONE if phone else LAPTOP, locale="th-TH")
        context.set_default_timeout(15_000)
        context.set_default_navigation_timeout(30_000)
        actor = Actor(username, context.new_page(), self.live_server)
        self.opened.append((context, actor))
        browser_login(actor.page, self.live_server, username)
        assert "/accounts/login/" not in actor.page.url, f"{username} could not log in"
        return actor

    def problems(self):
        """Every CSP violation and script error any window met."""
        return [problem for _context, actor in self.opened for problem in actor.problems]


@pytest.fixture
def actors(browser, live_server, request):
    cast = Cast(browser, live_server)
    yield cast
    failed = getattr(request.node, "rep_call", None)
    for context, actor in cast.opened:
        if failed is not None and failed.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            path = ARTIFACTS / f"{request.node.name}-{actor.name}.png"
            actor.page.screenshot(path=str(path), full_page=True)
        context.close()
