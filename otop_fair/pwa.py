"""The installable app: its web manifest and its service worker.

The service worker is served from the site root so its scope covers every page. Its version is a
digest of the shell it caches (the static files' URLs and contents), so a deploy that changes any
of them installs a new worker, which deletes the old caches. The worker keeps a signed-in
producer's own pages for offline use: see templates/pwa/sw.js for what it stores and why.
"""

import hashlib
import json
from functools import cache

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

# What every page needs offline: styles, scripts, the Thai font (regular and bold) and icons.
SHELL = (
    "vendor/bootstrap/bootstrap.subset.min.css",
    "js/menu.js",
    "css/app.css",
    "js/queue-store.js",
    "js/offline-queue.js",
    "js/pwa.js",
    "js/tables.js",
    "js/text-counter.js",
    "js/sales-offline.js",
    "js/problem-offline.js",
    "js/buddhist-date.js",
    "js/public-offline.js",
    "fonts/sarabun/sarabun-thai-400-normal.woff2",
    "fonts/sarabun/sarabun-thai-700-normal.woff2",
    "icons/icon-192.png",
)
# The public pages (no account's data): every one a visitor opened opens again offline.
PUBLIC_PAGES = r"^/otop/"
# A producer's own pages that open offline (paths; the worker matches them exactly).
OFFLINE_PAGES = (
    r"^/$",
    r"^/producer/$",
    r"^/sales/mine/$",
    r"^/sales/booth/\d+/$",
    r"^/sales/problems/$",
    r"^/sales/fairs/\d+/problems/new/$",
    r"^/fairs/mine/$",
    r"^/fairs/applications/\d+/result/$",
)


@cache
def shell_version():
    """A digest of the worker's own template and every shell file: a deploy changes it."""
    digest = hashlib.sha256()
    digest.update((settings.BASE_DIR / "templates" / "pwa" / "sw.js").read_bytes())
    for name in SHELL:
        path = finders.find(name)
        digest.update(name.encode())
        if path:
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()[:12]


@login_not_required
@require_GET
def service_worker(request):
    body = render_to_string(
        "pwa/sw.js",
        {
            "version": shell_version(),
            "shell_json": json.dumps([static(name) for name in SHELL]),
            "queue_store_url": static("js/queue-store.js"),
            "pages_json": json.dumps(OFFLINE_PAGES),
            "public_pages_json": json.dumps(PUBLIC_PAGES),
            "offline_title": _("Offline"),
            "offline_text": _("This page was not kept on this phone. Connect and try again."),
        },
    )
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    # Browsers check for a new worker on each visit; never keep an old one in an HTTP cache.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@login_not_required
@require_GET
def web_manifest(request):
    icon = {"type": "image/png"}
    manifest = {
        "name": _("OTOP Fair"),
        "short_name": _("OTOP Fair"),
        "lang": "th",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#f6f4f8",
        "theme_color": "#7a2e8e",
        "icons": [
            {**icon, "src": static("icons/icon-192.png"), "sizes": "192x192"},
            {**icon, "src": static("icons/icon-512.png"), "sizes": "512x512"},
            {
                **icon,
                "src": static("icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "purpose": "maskable",
            },
        ],
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response
