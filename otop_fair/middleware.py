"""Thai first: the page language comes from the person's own choice, never from the browser.

Phones and donated laptops in the field are often set to English; Django's LocaleMiddleware would
follow their Accept-Language header. Here only the language switcher's cookie counts.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.cache import patch_vary_headers
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
    """A NUL character in a query parameter or form field is answered 400 before any view runs.

    PostgreSQL cannot store or even compare text holding NUL, so such a value reaching a filter
    or a save would be a server error; no person types one, so nothing is lost by refusing it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_nul(request.GET) or (request.method == "POST" and _holds_nul(request.POST)):
            return HttpResponseBadRequest(
                gettext("The request holds a character that cannot be used (NUL).")
            )
        return self.get_response(request)


def _holds_nul(data):
    return any("\x00" in key or any("\x00" in v for v in data.getlist(key)) for key in data)
