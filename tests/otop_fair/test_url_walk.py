"""Walks every URL pattern: nothing is served to an anonymous visitor, and every view declares
the permission it needs."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# Pages that are public by nature: signing in, switching language, the health check.
PUBLIC = {"login", "set_language", "healthz", "admin:login", "logout"}
# The installable app's service worker and manifest hold no data (tests/otop_fair/test_pwa.py).
PUBLIC |= {"service_worker", "web_manifest"}
# Invitation links, slip codes, choosing among a phone's accounts and "forgot password" serve
# people who cannot sign in yet (tests/accounts/ checks each one).
PUBLIC |= {
    "accounts:choose_account",
    "accounts:invitation",
    "accounts:short_code",
    "accounts:forgot_password",
    "accounts:verify_email",
}
# The fair's public face (issue 24): anyone may open these, and each is a `public_page`
# (tests/public/). The permission matrix gives each its anonymous row.
PUBLIC_FACE = {
    "robots_txt",
    "public:group",
    "public:product",
    "public:photo",
    "public:directory",
    "public:booth",
}
# A signature, not a login, is the permission: the one-tap link of a waiting-list offer and the
# LINE webhook answer without signing in but refuse a forged signature. They stay in the
# anonymous walk below (a forged token or body is refused), and the permission matrix gives
# each a row that refuses everyone a forged one.
SIGNED = {
    "booths:offer_by_link",
    "booths:accept_by_link",
    "booths:decline_by_link",
    "notifications:line_webhook",
}
SAMPLE = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x/y",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry


def sample_url(route, pattern):
    url = "/" + route.lstrip("^").rstrip("$").replace("\\Z", "")
    for name, converter in pattern.pattern.converters.items():
        kind = type(converter).__name__.replace("Converter", "").lower()
        url = url.replace(f"<{kind}:{name}>", SAMPLE.get(kind, "1"))
        url = url.replace(f"<{name}>", "x")
    return url


ALL = [(name, sample_url(route, p), p) for name, route, p in walk(get_resolver().url_patterns)]
APP_VIEWS = [
    (name, url, p)
    for name, url, p in ALL
    if not name.startswith("admin:")
    and "(?P" not in url
    and name not in PUBLIC
    and name not in PUBLIC_FACE
]


@pytest.mark.parametrize(("name", "url", "pattern"), APP_VIEWS, ids=[a[0] for a in APP_VIEWS])
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_request_is_sent_to_login_or_refused(client, db, name, url, pattern, method):
    response = getattr(client, method)(url)
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/"), response["Location"]
    else:
        assert response.status_code in (401, 403, 404, 405), (url, response.status_code)


@pytest.mark.parametrize(("name", "url", "pattern"), APP_VIEWS, ids=[a[0] for a in APP_VIEWS])
def test_every_view_declares_its_permission(name, url, pattern):
    callback = pattern.callback
    declared = getattr(callback, "required_permission", None) or getattr(
        getattr(callback, "view_class", None), "permission_required", None
    )
    auth_view = callback.__module__.startswith("django.contrib.auth")
    assert declared or auth_view, f"{name} ({url}) must say who may use it (@requires)"


PUBLIC_FACE_VIEWS = [(name, p) for name, _url, p in ALL if name in PUBLIC_FACE]


@pytest.mark.parametrize(
    ("name", "pattern"), PUBLIC_FACE_VIEWS, ids=[a[0] for a in PUBLIC_FACE_VIEWS]
)
def test_public_face_views_are_explicitly_public(name, pattern):
    callback = pattern.callback
    assert getattr(callback, "login_required", True) is False, name
    assert callback.required_permission == "public", name


def test_every_view_open_to_anonymous_is_listed():
    """A view exempt from the login is a known public page, a public-face page or a view whose
    signature is its permission (and those are still walked anonymously with a forged one)."""
    exempt = {name for name, _url, p in ALL if getattr(p.callback, "login_required", True) is False}
    exempt = {name for name in exempt if not name.startswith("admin:")}
    listed = PUBLIC | PUBLIC_FACE | SIGNED
    assert exempt <= listed, sorted(exempt - listed)
    assert exempt >= PUBLIC_FACE | SIGNED, sorted((PUBLIC_FACE | SIGNED) - exempt)
    walked = {name for name, _url, _p in APP_VIEWS}
    assert walked >= SIGNED, "a signed view must still be walked anonymously"


def test_admin_is_closed_to_anonymous_visitors(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_walk_covers_the_project(db):
    names = {name for name, _, _ in ALL}
    assert {"home", "officer_home", "audit_log", "healthz"} <= names
