"""The installable app: a manifest with a Thai name and icons, and a root-scoped, versioned
service worker that a deploy replaces."""

import json

import pytest
from django.contrib.staticfiles import finders

from otop_fair import pwa


def test_the_service_worker_is_served_from_the_root_and_never_kept_stale(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    body = response.content.decode()
    assert f'var VERSION = "{pwa.shell_version()}"' in body
    for name in pwa.SHELL:
        assert finders.find(name), name
        assert f"/static/{name}" in body


def test_the_manifest_names_the_app_in_thai_with_icons_that_exist(client, db):
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    assert manifest["name"] == "งาน OTOP" and manifest["lang"] == "th"
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


@pytest.mark.parametrize("changed", pwa.SHELL[:3])
def test_a_changed_shell_file_gives_a_new_version(changed, monkeypatch, tmp_path):
    pwa.shell_version.cache_clear()
    before = pwa.shell_version()
    edited = tmp_path / "edited"
    original = finders.find(changed)
    with open(original, "rb") as handle:
        edited.write_bytes(handle.read() + b"\n/* deployed */")
    real = finders.find
    monkeypatch.setattr(
        pwa.finders, "find", lambda name: str(edited) if name == changed else real(name)
    )
    pwa.shell_version.cache_clear()
    try:
        assert pwa.shell_version() != before
    finally:
        monkeypatch.undo()
        pwa.shell_version.cache_clear()


def test_signed_in_pages_link_the_manifest_and_the_banner(client_for, producer_user):
    page = client_for(producer_user).get("/producer/").content.decode()
    assert 'rel="manifest"' in page and 'id="offline-banner"' in page
    assert "data-keeps-pages" in page and "ออฟไลน์ — ข้อมูลเมื่อ" in page
