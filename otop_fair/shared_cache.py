"""A figure that is costly to compute is computed once for every node and process, not once each.

`computed_once(key, compute, timeout=…)` returns the cached value of `key`, or computes it. When
several requests miss at the same moment (every officer opens the ranking as scoring closes),
one of them takes a short lock in the shared cache and computes; the others wait for its result
instead of computing it again. The lock expires on its own, so a node that dies while computing
holds no one up for longer than COMPUTE_WAIT_S.
"""

import time

from django.core.cache import cache

COMPUTE_WAIT_S = 20
POLL_S = 0.1


def computed_once(key, compute, *, timeout):
    value = cache.get(key)
    if value is not None:
        return value
    lock = f"{key}:computing"
    if cache.add(lock, True, COMPUTE_WAIT_S):
        try:
            value = compute()
            cache.set(key, value, timeout)
        finally:
            cache.delete(lock)
        return value
    deadline = time.monotonic() + COMPUTE_WAIT_S
    while time.monotonic() < deadline:
        time.sleep(POLL_S)
        value = cache.get(key)
        if value is not None:
            return value
        if cache.get(lock) is None:  # the other computation failed: do it here
            break
    value = compute()
    cache.set(key, value, timeout)
    return value
