"""A cap on response header bytes and lines, like ``DOWNLOAD_MAXSIZE`` for bodies.

Twisted's HTTP client limits the length of one header line but not how many there are: a
server sending a million header lines held the crawl at ~875 MB. Here the header section of a
response may hold at most ``BLOGSCOUT_HEADERS_MAXSIZE`` bytes and ``BLOGSCOUT_HEADERS_MAXCOUNT``
lines; beyond that the connection is dropped and the download fails as `HeadersTooLarge`
(error kind ``too_large``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from scrapy.core.downloader.handlers.http11 import (
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
    _LenientHTTPClientParser,
)
from twisted.web._newclient import HEADER

from crawler import defaults
from crawler.engine.failures import HeadersTooLarge

HEADERS_MAXSIZE = defaults.SETTINGS["BLOGSCOUT_HEADERS_MAXSIZE"].default
HEADERS_MAXCOUNT = defaults.SETTINGS["BLOGSCOUT_HEADERS_MAXCOUNT"].default


class BoundedHeadersParser(_LenientHTTPClientParser):
    """Scrapy's lenient response parser, counting header bytes and lines."""

    limits = (HEADERS_MAXSIZE, HEADERS_MAXCOUNT)

    def lineReceived(self, line: bytes) -> None:
        if self.state == HEADER:
            size, count = self.__dict__.get("_header_seen", (0, 0))
            size, count = size + len(line) + 2, count + 1
            self._header_seen = (size, count)
            if size > self.limits[0] or count > self.limits[1]:
                raise HeadersTooLarge(f"response headers over {self.limits[0]} bytes or {self.limits[1]} lines")
        super().lineReceived(line)


class BoundedHeadersProtocol(_LenientHTTP11ClientProtocol):
    """Parses each response with `BoundedHeadersParser` (Scrapy swaps the parser class the same way)."""

    limits = (HEADERS_MAXSIZE, HEADERS_MAXCOUNT)

    def request(self, request):
        result = super().request(request)
        self._parser.__class__ = BoundedHeadersParser
        self._parser.limits = self.limits
        return result


class BoundedHeadersFactory(_LenientHTTP11ClientFactory):
    """Builds `BoundedHeadersProtocol` connections; use as ``pool._factory`` through `factory_for`."""

    def __init__(self, quiescentCallback, metadata, limits: tuple[int, int] = (HEADERS_MAXSIZE, HEADERS_MAXCOUNT)):
        super().__init__(quiescentCallback, metadata)
        self.limits = limits

    def buildProtocol(self, addr):
        protocol = BoundedHeadersProtocol(self._quiescentCallback)
        protocol.limits = self.limits
        return protocol


def factory_for(settings) -> Callable[..., BoundedHeadersFactory]:
    """The connection factory (``pool._factory``) with the limits of these settings."""
    limits = (
        settings.getint("BLOGSCOUT_HEADERS_MAXSIZE", HEADERS_MAXSIZE),
        settings.getint("BLOGSCOUT_HEADERS_MAXCOUNT", HEADERS_MAXCOUNT),
    )
    return partial(BoundedHeadersFactory, limits=limits)
