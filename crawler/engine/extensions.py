"""Scrapy extensions: live progress of a crawl on stderr."""

from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

log = logging.getLogger("crawler.progress")


class Progress:
    """Log pages, sites, queue size, errors and pages/s every few seconds."""

    def __init__(self, stats, interval: float):
        self.stats = stats
        self.interval = interval
        self.task = None
        self.started = time.monotonic()
        self.spider = None

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("BLOGSCOUT_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        ext = cls(crawler.stats, interval)
        ext.crawler = crawler
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        self.spider = spider
        self.started = time.monotonic()
        self.task = task.LoopingCall(self.report)
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.task and self.task.running:
            self.task.stop()

    def report(self) -> None:
        """Write one progress line."""
        get = self.stats.get_value
        pages = get("blogscout/pages", 0)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        queue = get("scheduler/enqueued", 0) - get("scheduler/dequeued", 0)
        sites = len(getattr(self.spider, "sites", {}))
        log.info(
            "pages %d | sites %d | queue %d | errors %d | %.1f pages/s",
            pages,
            sites,
            queue,
            get("blogscout/errors", 0),
            pages / elapsed,
        )
