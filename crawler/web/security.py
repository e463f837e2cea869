"""ASGI middleware of the local web app: refuse foreign ``Host`` names and cross-origin writes.

Datasette's asgi-csrf checks a token only when the request carries its cookie; a POST without
cookies passes it whatever its origin. This middleware sits in front: every request must name
one of the app's own hosts (stops DNS rebinding), and every request that may change state must
come from a page of the app itself (its ``Origin``, or else its ``Referer``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

LOCAL_NAMES = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))


def host_name(value: str) -> str:
    """The name part of a ``Host`` header value, lower-case (``[::1]:80`` -> ``::1``).

    >>> host_name("LocalHost:8765"), host_name("[::1]:8765"), host_name("127.0.0.1")
    ('localhost', '::1', '127.0.0.1')
    """
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].partition("]")[0]
    return value.rpartition(":")[0] if value.count(":") == 1 else value


def same_origin(url: str, host: str) -> bool:
    """Whether ``url`` (an Origin or Referer) is ``http://`` + the request's own Host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme == "http" and parts.netloc.lower() == host.strip().lower()


class GuardMiddleware:
    """Wraps an ASGI app: 403 for foreign hosts and for cross-origin or origin-less unsafe requests."""

    def __init__(self, app, hosts: Iterable[str]):
        self.app = app
        self.hosts = {h.strip("[]").lower() for h in (*LOCAL_NAMES, *hosts) if h}

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":  # the app has none: refuse them all
            return await send({"type": "websocket.close", "code": 1008})
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if host_name(host) not in self.hosts:
            log.warning("refused a request for host %r", host)
            return await _refuse(send, f"Unknown host {host!r}: open the app by its own address.")
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin") or headers.get("referer") or ""
            if not same_origin(origin, host):
                log.warning("refused a %s from origin %r", scope["method"], origin)
                return await _refuse(send, "Cross-origin request refused: change things from the app's own pages.")
        return await self.app(scope, receive, send)


async def _refuse(send, message: str) -> None:
    body = message.encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
