"""robots.txt handling: Scrapy's middleware with a bounded parser cache, redirect reuse, a size
cap that never ignores the file, typed refusals and one log line per failed download."""

from __future__ import annotations

import logging
from collections import OrderedDict
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, StopDownload
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from crawler import defaults
from crawler.engine.failures import RobotsForbidden, classify_failure

log = logging.getLogger(__name__)

PARSERS_MAX = defaults.SETTINGS["BLOGSCOUT_ROBOTS_PARSERS"].default
ROBOTS_MAXSIZE = defaults.SETTINGS["BLOGSCOUT_ROBOTS_MAXSIZE"].default
"""Bytes of a robots.txt that are read (RFC 9309 asks for at least 500 KiB); the rest is dropped."""
_CAP = "blogscout_robots_cap"


def cut_robots(body: bytes, limit: int = ROBOTS_MAXSIZE) -> bytes:
    """The first ``limit`` bytes of a robots.txt, ending at a line break (a cut rule is no rule).

    >>> cut_robots(b"Disallow: /a/\\nDisallow: /b/\\n", 20)
    b'Disallow: /a/\\n'
    """
    if len(body) <= limit:
        return body
    head = body[:limit]
    return head[: head.rfind(b"\n") + 1]


class RecentParsers(OrderedDict):
    """The most recently used robots.txt parsers, at most ``limit`` (a fetch in flight is never dropped).

    A crawl reads a site's pages close together, so a host that fell out is rarely needed again;
    if it is, its robots.txt is fetched once more. Keeps memory flat on crawls of many hosts.
    """

    def __init__(self, limit: int = PARSERS_MAX):
        super().__init__()
        self.limit = limit

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.limit:
            for old in list(self.keys())[: len(self) - self.limit]:
                if not isinstance(OrderedDict.__getitem__(self, old), Deferred):
                    del self[old]


class RobotsTxt(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with these changes.

    - When ``site.de/robots.txt`` redirects to ``www.site.de/robots.txt``, the rules read there
      serve ``www.site.de`` too, instead of fetching the same file a second time.
    - Parsers are kept for the most recent hosts only (`RecentParsers`).
    - A robots.txt larger than ``DOWNLOAD_MAXSIZE`` is not cancelled (and so ignored): its first
      ``BLOGSCOUT_ROBOTS_MAXSIZE`` bytes are read and obeyed (RFC 9309, 2.5).
    - A disallowed URL raises `RobotsForbidden`; a failed robots.txt download is one log line.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self._parsers = RecentParsers(crawler.settings.getint("BLOGSCOUT_ROBOTS_PARSERS", PARSERS_MAX))
        self.robots_maxsize = crawler.settings.getint("BLOGSCOUT_ROBOTS_MAXSIZE", ROBOTS_MAXSIZE)
        crawler.signals.connect(self._bytes_received, signal=signals.bytes_received)

    def process_request_2(self, rp, request) -> None:
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest as err:
            raise RobotsForbidden(f"forbidden by robots.txt: {request.url}") from err

    async def robot_parser(self, request):
        """The parser of the request's host; fetched once (Scrapy's, with a capped download)."""
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            robots = Request(
                f"{urlparse_cached(request).scheme}://{netloc}/robots.txt",
                priority=self.DOWNLOAD_PRIORITY,
                meta={"dont_obey_robotstxt": True, "download_maxsize": 0, _CAP: 0},
                callback=NO_CALLBACK,
            )
            try:
                response = await self.crawler.engine.download_async(robots)
                await self._parse_robots(response, netloc, request)
            except Exception as err:  # any download fault: crawl as if there were no robots.txt
                if not isinstance(err, IgnoreRequest):
                    kind, detail = classify_failure(Failure(err))
                    log.warning("robots.txt of %s not read (%s: %s); crawling without it", netloc, kind, detail)
                self._robots_error(err, netloc)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[netloc]
        if isinstance(parser, Deferred):
            return await maybe_deferred_to_future(parser)
        return parser

    def _bytes_received(self, data: bytes, request, spider=None) -> None:
        """Stop a robots.txt download at the cap; the bytes so far are kept and parsed."""
        if _CAP not in request.meta:
            return
        request.meta[_CAP] += len(data)
        if request.meta[_CAP] > self.robots_maxsize:
            raise StopDownload(fail=False)

    async def _parse_robots(self, response, netloc, request):
        if len(response.body) > self.robots_maxsize:
            self._stats.inc_value("blogscout/robots_truncated")
            response = response.replace(body=cut_robots(response.body, self.robots_maxsize))
        await super()._parse_robots(response, netloc, request)
        final = urlsplit(response.url).netloc
        if final != netloc and final not in self._parsers and netloc in self._parsers:
            self._parsers[final] = self._parsers[netloc]
