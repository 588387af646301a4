"""The one way a view says who may use it.

`LoginRequiredMiddleware` already turns anonymous visitors away from every view. On top of that each
view names the permission it needs with `@requires`, optionally against an object fetched from the
URL, so that the rule is written once as a `rules` predicate and checked the same way everywhere.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied


def requires(perm, get_object=None):
    """Refuse the request with 403 unless the user has `perm` (on the object `get_object` returns).

    `get_object(request, **kwargs)` may raise Http404. The object it returns is handed to the view
    as the keyword argument `obj`, so a view never fetches it twice.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = get_object(request, **kwargs) if get_object else None
            if not request.user.has_perm(perm, obj):
                raise PermissionDenied
            if get_object:
                kwargs["obj"] = obj
            return view(request, *args, **kwargs)

        wrapped.required_permission = perm
        return wrapped

    return decorator
