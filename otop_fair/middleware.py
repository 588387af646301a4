"""Thai first: the page language comes from the person's own choice, never from the browser.

Phones and donated laptops in the field are often set to English; Django's LocaleMiddleware would
follow their Accept-Language header. Here only the language switcher's cookie counts.
"""

import time

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext


class ThaiFirstLocaleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class RefuseNulCharactersMiddleware:
    """A NUL character in the address, a query parameter or a form field is answered 400 before
    any view runs (a booth code or a page's name in the address reaches a query as well).

    PostgreSQL cannot store or even compare text holding NUL, so such a value reaching a filter
    or a save would be a server error; no person types one, so nothing is lost by refusing it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path_info
            or _holds_nul(request.GET)
            or (request.method == "POST" and _holds_nul(request.POST))
        ):
            return HttpResponseBadRequest(
                gettext("The request holds a character that cannot be used (NUL).")
            )
        return self.get_response(request)


def _holds_nul(data):
    return any("\x00" in key or any("\x00" in v for v in data.getlist(key)) for key in data)


# A producer's phone is often shared in the family or the group: a session nobody has used for
# this long ends, so the next person to pick the phone up is not signed in as them.
PRODUCER_IDLE_SECONDS = 12 * 60 * 60
# How often the idle clock is pushed forward (one session write per interval, not per request).
IDLE_REFRESH_SECONDS = 5 * 60


class PrivatePagesMiddleware:
    """Signed-in pages, exports and photos are never kept by a shared phone's browser cache or
    a proxy (`no-store`), unless a view chose its own Cache-Control; producers' sessions end
    after `PRODUCER_IDLE_SECONDS` without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and user.role == "producer" and not user.is_superuser:
            self._keep_alive(request)
        response = self.get_response(request)
        if signed_in and "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _keep_alive(request):
        now = int(time.time())
        if now - request.session.get("seen_at", 0) >= IDLE_REFRESH_SECONDS:
            request.session["seen_at"] = now
            request.session.set_expiry(PRODUCER_IDLE_SECONDS)


class QueuedEntryOwnerMiddleware:
    """An entry sent from the phone's offline queue goes in only under the account that made it.

    The service worker sends the queue in a Background Sync without knowing who is signed in now;
    each entry names its account in X-Otop-Account, and under any other account (or none) the
    answer is 409 and the entry stays on the phone until its own account signs in again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        owner = request.headers.get("X-Otop-Account")
        if owner is not None and request.method == "POST":
            user = request.user
            if not user.is_authenticated or str(user.pk) != owner:
                return JsonResponse({"ok": False, "errors": {}}, status=409)
        return self.get_response(request)


class ActionAddressPageMiddleware:
    """A GET to an address that only takes a button's POST is answered with a Thai page saying
    nothing changed, instead of Django's empty 405 (a blank screen).

    People land there by ordinary means: signing in again after the session ended sends them to
    the address of the button they pressed, and a reopened tab or the forward button asks for it
    again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or request.method not in ("GET", "HEAD"):
            return response
        if response.content:
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response.get("Allow", "POST")
        return page
