"""The address a request came from, for the login lock-out (django-axes) and anything else.

Behind `TRUSTED_PROXY_COUNT` reverse proxies (the environment variable of that name), each proxy appends the
address it was reached from to X-Forwarded-For, so the client is the entry that the outermost
trusted proxy wrote: counted from the right, past the other proxies' entries. Whatever a client
wrote into the header itself sits to the left of that and is never believed. Without a
configured proxy no header is read at all: the connection's own address is the client.
"""

from django.conf import settings
from ipware.ip import get_client_ip


def client_address(request):
    remote = request.META.get("REMOTE_ADDR")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if not proxies:
        return remote
    # ipware counts the proxies listed *in* the header; the last trusted proxy is the
    # connection itself (REMOTE_ADDR), so the header holds one proxy fewer.
    address, _routable = get_client_ip(
        request,
        proxy_order="left-most",
        proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        strict=False,
    )
    return address or remote
