"""Classify failed requests into the error kinds the crawl summary counts."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net

ERROR_KINDS = ("http_4xx", "http_5xx", "robots", "private", "timeout", "dns", "connection",
               "too_large", "tls", "other")


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
        return ("robots" if "robots" in text.lower() else "other"), text or "ignored"
    if isinstance(exc, (net.TimeoutError, net.TCPTimedOutError)) or "Timeout" in name:
        return "timeout", name
    if isinstance(exc, net.DNSLookupError):
        return "dns", str(exc)[:200]
    if "SSL" in name or "TLS" in name or "Certificate" in name:
        return "tls", str(exc)[:200]
    if "Cancel" in name or "maxsize" in str(exc).lower():
        return "too_large", str(exc)[:200]
    if isinstance(exc, (net.ConnectionRefusedError, net.ConnectionLost, net.ConnectError)) or "Connection" in name:
        return "connection", name
    return "other", f"{name}: {exc}"[:200]
