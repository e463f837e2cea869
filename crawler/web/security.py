"""ASGI middleware of the local web app: who may ask what.

Datasette's asgi-csrf checks a token only when the request carries its cookie; a POST without
cookies passes it whatever its origin. This middleware sits in front of the whole app:

- every request must name one of the app's own hosts (stops DNS rebinding);
- with an access token (remote serving), every request needs the token's cookie; a request
  with ``?token=`` trades a right token for that cookie;
- Datasette's introspection pages under ``/-/`` (they show the database's absolute path,
  versions and settings) are refused; the plugin's pages and static files stay;
- another site may link to the app, but a page of another site (``Sec-Fetch-Site``
  ``cross-site`` or ``same-site``) can neither embed nor fetch it, nor send it SQL;
- every request that may change state must come from a page of the app itself (its
  ``Origin``, or else its ``Referer``).
"""

from __future__ import annotations

import html
import logging
import secrets
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit

log = logging.getLogger(__name__)

LOCAL_NAMES = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
COOKIE = "blogscout_access"
TOKEN_PARAM = "token"
SQL_PARAMS = frozenset(("sql", "_sql", "_where"))
OPEN_PREFIXES = ("/-/blogscout/", "/-/static/", "/-/static-plugins/")
FOREIGN_SITES = frozenset(("cross-site", "same-site"))


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
    """Whether ``url`` (an Origin or Referer) is ``http(s)://`` + the request's own Host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.strip().lower()


def new_token() -> str:
    """A random access token for remote serving."""
    return secrets.token_urlsafe(24)


def _same_secret(given: str, token: str) -> bool:
    return secrets.compare_digest(given.encode("utf-8", "replace"), token.encode("utf-8"))


def _cookie(header: str, name: str) -> str:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""


def foreign_request(headers: dict, params: list[tuple[str, str]]) -> bool:
    """Whether a page of another site made the browser send this: anything but a plain link to the app.

    >>> foreign_request({"sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors"}, [])
    True
    >>> foreign_request({"sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate"}, [("sql", "1")])
    True
    >>> foreign_request({"sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate"}, [])
    False
    """
    if headers.get("sec-fetch-site") not in FOREIGN_SITES:
        return False
    return headers.get("sec-fetch-mode") != "navigate" or any(k in SQL_PARAMS for k, _ in params)


class GuardMiddleware:
    """Wraps an ASGI app: refuses what the module docstring lists with 403 (404 for introspection)."""

    def __init__(self, app, hosts: Iterable[str], token: str | None = None):
        self.app = app
        self.hosts = {h.strip("[]").lower() for h in (*LOCAL_NAMES, *hosts) if h}
        self.token = token

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":  # the app has none: refuse them all
            return await send({"type": "websocket.close", "code": 1008})
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        params = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        host = headers.get("host", "")
        if host_name(host) not in self.hosts:
            log.warning("refused a request for host %r", host)
            return await _answer(send, 403, f"Unknown host {host!r}: open the app by its own address.")
        if self.token:
            given = [v for k, v in params if k == TOKEN_PARAM]
            if given and _same_secret(given[0], self.token):
                rest = [(k, v) for k, v in params if k != TOKEN_PARAM]
                return await _enter(send, scope["path"], rest, self.token)
            if given or not _same_secret(_cookie(headers.get("cookie", ""), COOKIE), self.token):
                log.warning("refused a request without the access token: %s", scope["path"])
                return await _answer(
                    send, 403, "Access token missing or wrong: open the link `blogscout serve` printed."
                )
        path = scope["path"]
        if path.startswith("/-/") and not path.startswith(OPEN_PREFIXES):
            return await _answer(send, 404, "Not found.")
        if foreign_request(headers, params):
            log.warning("refused a request another site made: %s", path)
            return await _answer(send, 403, "Request from another site refused: open the app's pages directly.")
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin") or headers.get("referer") or ""
            if not same_origin(origin, host):
                log.warning("refused a %s from origin %r", scope["method"], origin)
                return await _answer(send, 403, "Cross-origin request refused: change things from the app's own pages.")
        return await self.app(scope, receive, send)


async def _enter(send, path: str, params: list[tuple[str, str]], token: str) -> None:
    """Set the access cookie and move on to the same page without the token in its address."""
    target = "/" + path.lstrip("/") + ("?" + urlencode(params) if params else "")
    shown = html.escape(target, quote=True)
    body = (
        f'<!DOCTYPE html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={shown}">'
        f'<title>blogscout</title><p><a href="{shown}">Continue to blogscout</a></p>'
    )
    cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    await _answer(
        send, 200, body, "text/html", [(b"set-cookie", cookie.encode()), (b"referrer-policy", b"no-referrer")]
    )


async def _answer(send, status: int, text: str, kind: str = "text/plain", extra: list | None = None) -> None:
    body = text.encode("utf-8")
    headers = [
        (b"content-type", f"{kind}; charset=utf-8".encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
