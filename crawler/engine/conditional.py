"""Conditional requests for a re-crawl: validators of stored pages on every request, redirects included."""

from __future__ import annotations


class ConditionalRequests:
    """Add ``If-None-Match`` / ``If-Modified-Since`` to requests for pages the spider knows.

    Runs on every request the downloader sees, so a request redirected to a known page (a
    ``www.`` alias, a moved post) is conditional too. The spider's ``known`` mapping
    (url -> validators) is empty outside a re-crawl, which makes this a no-op.
    """

    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        spider = spider or getattr(self.crawler, "spider", None)
        known = getattr(spider, "known", None)
        page = known.get(request.url) if known else None
        if page is None or b"If-None-Match" in request.headers or b"If-Modified-Since" in request.headers:
            return None
        if page.etag:
            request.headers["If-None-Match"] = page.etag
        if page.last_modified:
            request.headers["If-Modified-Since"] = page.last_modified
        if 304 not in request.meta.get("handle_httpstatus_list", ()):
            request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", ()), 304]
        return None
