"""The one way a view says who may use it.

`LoginRequiredMiddleware` already turns anonymous visitors away from every view. On top of that each
view names the permission it needs with `@requires`, optionally against an object fetched from the
URL, so that the rule is written once as a `rules` predicate and checked the same way everywhere.
"""

import inspect
from functools import wraps

from django.core.exceptions import PermissionDenied


def requires(perm, **named_getter):
    """Refuse the request with 403 unless the user has `perm` (on the object fetched from the URL).

    The object is named: `@requires("booths.manage_fair", fair=fair_from)` calls
    `fair_from(request, fair_id=…)` with the URL parameters it names (which the view then does not
    receive), checks `perm` on the fair and hands it to the view as `fair`:
    `def holdings(request, fair)`. The getter may raise Http404.

    A getter names each URL parameter it takes (no `**kwargs`), so that the view's signature says
    which parameters reach it; the older `get_object=` form that handed the view every parameter
    and a generic `obj` is refused.
    """
    if "get_object" in named_getter:
        raise TypeError("@requires(get_object=…) is gone: name the object, e.g. fair=fair_from")
    if len(named_getter) > 1:
        raise TypeError("@requires checks one object: name it once")
    name, getter = next(iter(named_getter.items())) if named_getter else (None, None)
    taken = _parameters_of(getter) if getter else ()

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = None
            if getter is not None:
                obj = getter(request, **{key: kwargs.pop(key) for key in taken})
            if not request.user.has_perm(perm, obj):
                raise PermissionDenied
            if getter is not None:
                kwargs[name] = obj
            return view(request, *args, **kwargs)

        wrapped.required_permission = perm
        return wrapped

    return decorator


def _parameters_of(getter):
    """The URL parameters a getter takes (all but the request), each by its name."""
    parameters = list(inspect.signature(getter).parameters.values())[1:]
    loose = [p.name for p in parameters if p.kind not in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    if loose:
        raise TypeError(f"{getter.__name__} must name its URL parameters, not take {loose}")
    return tuple(p.name for p in parameters)
