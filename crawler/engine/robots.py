"""robots.txt handling: Scrapy's middleware with a bounded parser cache and redirect reuse."""

from __future__ import annotations

from collections import OrderedDict
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from twisted.internet.defer import Deferred

from crawler import defaults

PARSERS_MAX = defaults.SETTINGS["BLOGSCOUT_ROBOTS_PARSERS"].default


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
    """Scrapy's robots.txt middleware, with two changes.

    - When ``site.de/robots.txt`` redirects to ``www.site.de/robots.txt``, the rules read there
      serve ``www.site.de`` too, instead of fetching the same file a second time.
    - Parsers are kept for the most recent hosts only (`RecentParsers`).
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self._parsers = RecentParsers(crawler.settings.getint("BLOGSCOUT_ROBOTS_PARSERS", PARSERS_MAX))

    async def _parse_robots(self, response, netloc, request):
        await super()._parse_robots(response, netloc, request)
        final = urlsplit(response.url).netloc
        if final != netloc and final not in self._parsers and netloc in self._parsers:
            self._parsers[final] = self._parsers[netloc]
