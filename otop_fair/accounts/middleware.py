"""Until a person who just signed in has acknowledged the privacy notice, every page leads there."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from otop_fair.accounts.pdpa import SESSION_PENDING

OPEN_PREFIXES = ("/static/", "/media/", "/i18n/", "/accounts/logout/", "/healthz")


class PrivacyNoticeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_read_notice(request):
            notice = reverse("accounts:privacy_notice")
            return redirect(f"{notice}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_read_notice(self, request):
        session = getattr(request, "session", None)
        if session is None or not session.get(SESSION_PENDING):
            return False
        path = request.path
        return path != reverse("accounts:privacy_notice") and not path.startswith(OPEN_PREFIXES)
