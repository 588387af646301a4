"""The public face's guard rails: every public view is marked, rate limited and cached.

`public_page` exempts a view from LoginRequiredMiddleware explicitly (and marks it for the URL walk
and the permission matrix), limits each visitor's requests per minute through a counter in the
database (so the limit holds across processes and nodes), and keeps anonymous answers in the shared
cache, compressed once, until anything public changes (`invalidate_public_pages`).
"""

import gzip
import hashlib
import time
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET

from otop_fair.client_address import client_address
from otop_fair.models import PublicVisitCount

PUBLIC_PERMISSION = "public"
VERSION_KEY = "public-pages:version"
CACHE_SECONDS = 300


COUNT_A_VISIT = """
    INSERT INTO otop_fair_publicvisitcount (address, minute, count) VALUES (%s, %s, 1)
    ON CONFLICT (address, minute) DO UPDATE SET count = otop_fair_publicvisitcount.count + 1
    RETURNING count
"""


def is_over_rate_limit(request):
    """True once this address has made more than PUBLIC_RATE_LIMIT requests this minute.

    Counted in the database in one atomic statement (see PublicVisitCount)."""
    minute = int(time.time() // 60)
    with connection.cursor() as cursor:
        cursor.execute(COUNT_A_VISIT, [client_address(request)[:64], minute])
        count = cursor.fetchone()[0]
    if count == 1:  # this address's first request this minute: forget minutes long past
        PublicVisitCount.objects.filter(minute__lt=minute - 1).delete()
    return count > settings.PUBLIC_RATE_LIMIT


# Inside `one_invalidation_for_many_writes`: a list that records that something public changed.
_HELD = ContextVar("public_pages_held", default=None)


def invalidate_public_pages():
    """Anything public changed: every cached public answer is stale from now on."""
    held = _HELD.get()
    if held is not None:
        held.append(True)
        return
    place = _place_in_transaction()
    if place is not None and getattr(connection, "public_pages_stale_at", None) == place:
        return  # already made stale in this transaction, and no page was stored since
    cache.set(VERSION_KEY, time.time_ns(), None)
    connection.public_pages_stale_at = place


def _place_in_transaction():
    """(transaction id, savepoints) inside a transaction, else None.

    A second write in one transaction need not make the pages stale again: the first change is
    seen by others only with the second, at commit. Every save rewriting the version row left a
    chain of dead versions of it that each next write read past (a test creating thousands of
    rows slowed with their square). A savepoint rolled back undoes its bump, so the place
    includes the savepoints: inside another one, the pages are made stale again.
    """
    if not connection.in_atomic_block:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id()")
        return cursor.fetchone()[0], tuple(connection.savepoint_ids)


@contextmanager
def one_invalidation_for_many_writes():
    """Many rows written in one transaction make the cached public pages stale once, at the end.

    Each save would otherwise rewrite the one version row of the database cache: an import of
    2,000 groups left 2,000 dead versions of it in its transaction, each next write read past all
    of them (time grew with the square of the rows), and spent five round trips on it besides.
    Used around writes that render no public page in between (an import, a bulk service).
    """
    held = []
    token = _HELD.set(held)
    try:
        yield
    finally:
        _HELD.reset(token)
        if held:
            invalidate_public_pages()


def _cache_key(request):
    # Hashed: a long search query must not make a key longer than a cache accepts.
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-page:{request.LANGUAGE_CODE}:{path}"


def _compressed_answer(request, stored):
    """The stored page as the visitor's browser takes it: gzip as stored (nearly every phone)."""
    _version, compressed, content_type, cache_control = stored
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(compressed, content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(compressed), content_type=content_type)
    patch_vary_headers(response, ("Accept-Encoding",))
    if cache_control:
        response["Cache-Control"] = cache_control
    return response


def _cached_answer(request, view, args, kwargs):
    """The stored answer when it was stored under the current version; else render and store.

    The version and the page are read in one round trip to the shared cache. Pages are stored
    compressed: a hit sends the stored bytes, with no rendering and no compressing.
    """
    key = _cache_key(request)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY, 0)
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return _compressed_answer(request, stored)
    response = view(request, *args, **kwargs)
    if response.status_code != 200 or response.streaming:
        return response
    compressed = compress_string(response.content)
    stored = (version, compressed, response["Content-Type"], response.get("Cache-Control"))
    cache.set(key, stored, CACHE_SECONDS)
    # A page stored under the current version: the next write must make it stale again.
    connection.public_pages_stale_at = None
    return _compressed_answer(request, stored)


def too_many_requests():
    response = HttpResponse(_("Too many requests. Please wait a minute."), status=429)
    response["Retry-After"] = "60"
    return response


def public_page(view):
    """A page anyone may open: no login, rate limited, anonymous answers cached."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_over_rate_limit(request):
            return too_many_requests()
        if request.user.is_authenticated:
            response = view(request, *args, **kwargs)
        else:
            response = _cached_answer(request, view, args, kwargs)
        response["X-Robots-Tag"] = settings.PUBLIC_ROBOTS
        return response

    wrapped.required_permission = PUBLIC_PERMISSION
    # Compressed: a hall's network is poor, and these pages hold no secret a compression
    # side channel could reveal (no CSRF token, no session data).
    return login_not_required(require_GET(gzip_page(wrapped)))


@public_page
def robots_txt(request):
    """Search engines may index the public pages only when the office chose so; never the app."""
    lines = ["User-agent: *"]
    if "noindex" in settings.PUBLIC_ROBOTS:
        lines.append("Disallow: /")
    else:
        lines += ["Allow: /otop/", "Disallow: /"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
