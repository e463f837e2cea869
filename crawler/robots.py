"""robots.txt handling: Scrapy's middleware, plus reuse of a robots.txt reached by a redirect."""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware


class RobotsTxt(RobotsTxtMiddleware):
    """When ``site.de/robots.txt`` redirects to ``www.site.de/robots.txt``, the rules read there
    serve ``www.site.de`` too, instead of fetching the same file a second time."""

    async def _parse_robots(self, response, netloc, request):
        await super()._parse_robots(response, netloc, request)
        final = urlsplit(response.url).netloc
        if final != netloc and final not in self._parsers:
            self._parsers[final] = self._parsers[netloc]
