"""WCAG 2.2 AA on the main page of every role, at phone and laptop width, checked by axe-core.

axe-core is vendored here (tests/a11y/vendor/, MIT licence), never served by the app: the test
injects it into the page. Zero serious or critical violations are allowed; the others are
printed so they stay visible.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.conftest import browser_login
from tests.factories import AssignmentFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [1280, 360]


def _world():
    officer = UserFactory(role="officer", username="a11y_officer")
    UserFactory(role="committee", username="a11y_committee")
    producer = UserFactory(role="producer", username="a11y_producer")
    booth = AssignmentFactory(members=[producer])
    from producers.models import Province

    officer.officer_provinces.add(*Province.objects.all()[:3])
    return booth


def _pages(booth):
    """(who signs in, the page): each role's home and the producer's pages at the fair."""
    return [
        (None, "/accounts/login/"),
        ("a11y_officer", "/officer/"),
        ("a11y_officer", f"/sales/fairs/{booth.fair_id}/checkin/"),
        ("a11y_committee", "/committee/"),
        ("a11y_producer", "/producer/"),
        ("a11y_producer", f"/sales/booth/{booth.pk}/"),
        ("a11y_producer", "/sales/problems/"),
    ]


def axe_violations(page):
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        (v["impact"], v["id"], [(n["target"], n["failureSummary"][-90:]) for n in v["nodes"]][:3])
        for v in result["violations"]
    ]


def signed_in_page_by_page(page, live_server, pages):
    """(who, path) in turn, signing in only when the person changes: each person signs in once,
    not once for every page of theirs (the cookies of the one before are cleared)."""
    current = object()
    for username, path in sorted(pages, key=lambda each: each[0] or ""):
        if username != current:
            page.context.clear_cookies()
            if username:
                browser_login(page, live_server, username)
            current = username
        yield username, path


def test_every_roles_main_page_has_no_serious_or_critical_violation(live_server, browser):
    """Each page at each width, read at that width after one sign-in per person."""
    booth = _world()
    assert get_user_model().objects.count() >= 4
    context = browser.new_context(
        viewport={"width": WIDTHS[0], "height": 900}, locale="th-TH", bypass_csp=True
    )
    page = context.new_page()
    found = {}
    try:
        for _username, path in signed_in_page_by_page(page, live_server, _pages(booth)):
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(live_server.url + path)
                found[f"{width}px {path}"] = axe_violations(page)
    finally:
        context.close()
    for where, violations in found.items():
        print(f"axe {where}: {violations or 'none'}")
    serious = {
        where: [v for v in violations if v[0] in ("serious", "critical")]
        for where, violations in found.items()
    }
    assert not any(serious.values()), serious


TARGETS = """() => [...document.querySelectorAll(
  'main .btn, main select, main input:not([type=hidden]):not([type=radio]):not([type=checkbox]),'
  + ' main .form-check, .navbar .nav-link, .navbar-toggler, main summary')]
  .filter(e => e.offsetParent !== null)
  .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect().height])
  .filter(([, h]) => h < 44)"""


def test_tap_targets_on_the_producers_pages_are_at_least_44_px(live_server, phone_page):
    booth = _world()
    browser_login(phone_page, live_server, "a11y_producer")
    for path in (
        "/producer/",
        f"/sales/booth/{booth.pk}/",
        "/sales/problems/",
        f"/sales/fairs/{booth.fair_id}/problems/new/",
    ):
        phone_page.goto(live_server.url + path)
        phone_page.click(".navbar-toggler")
        phone_page.wait_for_timeout(400)
        assert phone_page.evaluate(TARGETS) == [], path
