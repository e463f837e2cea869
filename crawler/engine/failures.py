"""Classify failed requests into the error kinds the crawl summary counts, by exception type.

The places that refuse a request raise a `Refused` subclass that names its kind; download
faults are told apart by the types of the exceptions they wrap, never by message wording.
"""

from __future__ import annotations

from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils._compression import _DecompressionMaxSizeExceeded
from twisted.internet import error as net
from twisted.internet.defer import CancelledError

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


class Refused(IgnoreRequest):
    """A request blogscout refuses on purpose; ``kind`` is its error kind."""

    kind = "other"


class PrivateTargetRefused(Refused):
    """A request to a loopback, private, link-local or metadata address."""

    kind = "private"


class RedirectRefused(Refused):
    """A redirect the crawl does not follow (a loop, or one hop too many)."""

    kind = "redirect"


class RedirectLoop(RedirectRefused):
    """A redirect back to a URL of its own redirect chain."""


class TooManyRedirects(RedirectRefused):
    """A redirect beyond ``REDIRECT_MAX_TIMES``."""


class RobotsForbidden(Refused):
    """A URL the site's robots.txt disallows."""

    kind = "robots"


class HeadersTooLarge(Exception):
    """Response headers over the size or line-count limit: the download is dropped."""


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
    if isinstance(exc, (CancelledError, DownloadCancelledError, HeadersTooLarge, _DecompressionMaxSizeExceeded)):
        return "too_large"  # Scrapy cancels a download over DOWNLOAD_MAXSIZE; timeouts raise TimeoutError
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
    if isinstance(exc, Refused):
        return exc.kind, str(exc) or exc.kind
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
    if isinstance(exc, IgnoreRequest):
        return "other", str(exc) or "ignored"
    return "other", _detail(exc)
