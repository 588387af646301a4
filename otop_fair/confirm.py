"""The second step of an action that cannot be undone: a page that says what will happen.

A view that does something irreversible calls `needs_confirmation(request)` first; until the person
presses the button on the page `confirmation(...)` renders, nothing is changed. Works without
JavaScript: the page is a plain form that posts the same fields again with `confirmed=1`.
"""

from django.shortcuts import render

CONFIRMED = "confirmed"


def needs_confirmation(request):
    return request.method != "POST" or request.POST.get(CONFIRMED) != "1"


TICK = "ticked"


def is_ticked(request):
    return request.POST.get(TICK) == "1"


def confirmation(request, *, title, consequences, button, cancel_url, tick=None):
    """The page asking to confirm; `consequences` are Thai sentences of what will happen. With
    `tick` (a sentence), the person must also tick it: for a step taken against a warning."""
    carried = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in (CONFIRMED, TICK, "csrfmiddlewaretoken")
        for value in values
    ]
    context = {
        "title": title,
        "consequences": consequences,
        "button": button,
        "cancel_url": cancel_url,
        "carried": carried,
        "tick": tick,
        # Pressed the button without ticking: say so next to the box.
        "tick_missing": tick is not None and request.POST.get(CONFIRMED) == "1",
        "action": request.path,
    }
    return render(request, "otop_fair/confirm.html", context)
