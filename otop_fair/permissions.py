"""The one way a view says who may use it.

`LoginRequiredMiddleware` already turns anonymous visitors away from every view. On top of that each
view names the permission it needs with `@requires`, optionally against an object fetched from the
URL, so that the rule is written once as a `rules` predicate and checked the same way everywhere.
"""

import inspect
from functools import wraps

from django.core.exceptions import PermissionDenied


def requires(perm, get_object=None, **named_getter):
    """Refuse the request with 403 unless the user has `perm` (on the object fetched from the URL).

    The object is named: `@requires("booths.manage_fair", fair=fair_from)` calls
    `fair_from(request, fair_id=…)` with the URL parameters it names (which the view then does not
    receive), checks `perm` on the fair and hands it to the view as `fair`:
    `def holdings(request, fair)`. The getter may raise Http404.

    The older form `get_object=` (views not converted yet) passes every URL parameter to the
    getter and to the view, and the object as `obj`; a named getter (`fair_from`) given there gets
    the URL's `pk` as its one parameter.
    """
    if len(named_getter) > 1 or (named_getter and get_object):
        raise TypeError("@requires checks one object: name it once")
    name, getter = next(iter(named_getter.items())) if named_getter else ("obj", get_object)
    taken = _parameters_of(getter) if named_getter else ()

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = None
            if getter is not None:
                ids = {key: kwargs.pop(key) for key in taken}
                obj = (
                    getter(request, **ids) if named_getter else _fetch_old(getter, request, kwargs)
                )
            if not request.user.has_perm(perm, obj):
                raise PermissionDenied
            if getter is not None:
                kwargs[name] = obj
            return view(request, *args, **kwargs)

        wrapped.required_permission = perm
        return wrapped

    return decorator


def _parameters_of(getter):
    """The URL parameters a getter takes (all but the request)."""
    return tuple(inspect.signature(getter).parameters)[1:]


def _fetch_old(getter, request, kwargs):
    """The older form: a getter taking `**kwargs` gets every URL parameter, a named one the `pk`."""
    parameters = inspect.signature(getter).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return getter(request, **kwargs)
    return getter(request, kwargs["pk"])
