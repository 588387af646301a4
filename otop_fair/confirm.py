"""The second step of an action that cannot be undone: a page that says what will happen.

A view that does something irreversible calls `needs_confirmation(request)` first; until the person
presses the button on the page `confirmation(...)` renders, nothing is changed. Works without
JavaScript: the page is a plain form that posts the same fields again with `confirmed=1`.
"""

from django.shortcuts import render

CONFIRMED = "confirmed"


def needs_confirmation(request):
    return request.method != "POST" or request.POST.get(CONFIRMED) != "1"


def confirmation(request, *, title, consequences, button, cancel_url):
    """The page asking to confirm; `consequences` are Thai sentences of what will happen."""
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in (CONFIRMED, "csrfmiddlewaretoken")
        for value in values
    ]
    context = {
        "title": title,
        "consequences": consequences,
        "button": button,
        "cancel_url": cancel_url,
        "carried": carried,
        "action": request.path,
    }
    return render(request, "otop_fair/confirm.html", context)
