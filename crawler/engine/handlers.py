"""The HTTP download handler, with connection reuse that also works through an HTTP proxy."""

from __future__ import annotations

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

from crawler.engine.headerlimit import factory_for


class PooledHTTPDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler keeping up to ``CONCURRENT_REQUESTS`` idle connections per endpoint.

    Scrapy keeps ``CONCURRENT_REQUESTS_PER_DOMAIN`` idle connections per endpoint. Through an
    HTTP proxy every host shares one endpoint, the proxy, so with more requests in flight than
    that, most connections were closed after one response and a new one opened for the next
    request. Without a proxy nothing changes: a host never has more requests in flight than
    its per-domain limit.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self._pool.maxPersistentPerHost = max(
            self._pool.maxPersistentPerHost, crawler.settings.getint("CONCURRENT_REQUESTS")
        )
        self._pool._factory = factory_for(crawler.settings)  # response headers capped (headerlimit.py)
