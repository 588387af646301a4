"""How the apps' rules.py turn a plain function into a `rules` predicate.

The predicates are written as undecorated functions and registered afterwards
(`is_producer = predicate(is_producer)`) because mutation testing (`make mutation`, mutmut) leaves
decorated functions unmutated. mutmut wraps each function it mutates in a `(*args, **kwargs)`
trampoline that keeps the original signature only in `inspect.signature`; `rules` reads the arity
with `getfullargspec`, which would see the trampoline's `*args` and hand a one-argument predicate
the object too. So the arity is read here from the signature and fixed in a small adapter.
"""

import inspect
from functools import update_wrapper

import rules


def predicate(fn):
    """`rules.predicate(fn)` with the arity of `fn`'s signature: (user) or (user, obj)."""
    arity = len(inspect.signature(fn).parameters)
    if arity == 1:

        def call(user):
            return fn(user)
    elif arity == 2:

        def call(user, obj):
            return fn(user, obj)
    else:
        raise TypeError(f"a predicate takes (user) or (user, obj), not {arity} arguments: {fn}")
    return update_wrapper(rules.predicate(call, name=fn.__name__), fn)
