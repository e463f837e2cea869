"""Classify failed requests into the error kinds the crawl summary counts."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net

ERROR_KINDS = (
    "http_4xx",
    "http_5xx",
    "robots",
    "private",
    "redirect",
    "timeout",
    "dns",
    "connection",
    "truncated",
    "too_large",
    "tls",
    "proxy",
    "other",
)


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what it wraps: Scrapy's ``__cause__`` chain, Twisted's ``reasons`` lists."""
    out: list[BaseException] = []
    todo = [exc]
    while todo and len(out) < 10:
        current = todo.pop(0)
        out.append(current)
        if current.__cause__ is not None:
            todo.append(current.__cause__)
        for reason in getattr(current, "reasons", None) or []:
            inner = getattr(reason, "value", reason)
            if isinstance(inner, BaseException):
                todo.append(inner)
    return out


def _kind_of(exc: BaseException) -> str | None:
    """The kind of one low-level cause, or None if it says nothing specific."""
    name = type(exc).__name__
    module = type(exc).__module__
    if isinstance(exc, (net.TimeoutError, net.TCPTimedOutError)) or "Timeout" in name:
        return "timeout"
    if isinstance(exc, net.DNSLookupError) or name == "CannotResolveHostError":
        return "dns"
    if module.startswith("OpenSSL") or "SSL" in name or "TLS" in name or "Certificate" in name:
        return "tls"
    if name == "TunnelError":
        return "proxy"
    if "DataLoss" in name:
        return "truncated"
    if "Cancel" in name or "maxsize" in str(exc).lower():
        return "too_large"
    return None


def _detail(exc: BaseException) -> str:
    text = str(exc)
    return (f"{type(exc).__name__}: {text}" if text else type(exc).__name__)[:200]


def classify_failure(failure) -> tuple[str, str]:
    """Return (kind, detail) for a Twisted failure of a request."""
    exc = failure.value
    name = type(exc).__name__
    if isinstance(exc, HttpError):
        status = exc.response.status
        return ("http_4xx" if status < 500 else "http_5xx"), f"HTTP {status}"
    if name == "PrivateTargetRefused":
        return "private", str(exc)
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "robots" in text.lower():
            return "robots", text
        return ("redirect" if "redirect" in text.lower() else "other"), text or "ignored"
    causes = _causes(exc)
    for cause in causes[::-1]:  # the innermost reason is the most telling one
        kind = _kind_of(cause)
        if kind:
            return kind, _detail(cause)
    if (
        isinstance(exc, (net.ConnectionRefusedError, net.ConnectionLost, net.ConnectError))
        or "Connection" in name
        or "Response" in name
    ):
        return "connection", _detail(exc)
    return "other", _detail(exc)
