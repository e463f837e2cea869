"""Downloader middlewares: keep the crawl away from private networks."""

from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.urls import host_of, is_private_address

log = logging.getLogger(__name__)


class PrivateTargetRefused(IgnoreRequest):
    """A request to a loopback, private, link-local or metadata address."""


class PrivateAddressGuard:
    """Refuse requests whose host is a private, loopback or link-local address.

    Disabled by ``BLOGSCOUT_ALLOW_PRIVATE = True`` (intranets, the sandbox web).
    """

    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        if crawler.settings.getbool("BLOGSCOUT_ALLOW_PRIVATE"):
            raise NotConfigured
        return cls(crawler.stats)

    def process_request(self, request, spider=None):
        host = host_of(request.url)
        if host and is_private_address(host):
            if self.stats:
                self.stats.inc_value("blogscout/private_refused")
            raise PrivateTargetRefused(f"private address refused: {host}")
        return None
