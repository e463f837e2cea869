"""Scrapy extensions: live progress of a crawl on stderr; a request log for benchmarks."""

from __future__ import annotations

import json
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


class RequestLog:
    """Write one JSON line per download to ``BLOGSCOUT_REQUEST_LOG``: when it was sent and answered.

    For measuring where a crawl's time goes (``benchmarks/politeness.py``): seconds since the
    crawl opened (``sent``, ``done``), url, status, page kind, hops, priority, the linking page
    (``from``) and the download slot; robots.txt included. The
    first line holds the wall-clock time the spider opened (``opened``), the last the time it
    closed (``closed``, seconds since it opened).
    """

    def __init__(self, path: str):
        self.path = path
        self.file = None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("BLOGSCOUT_REQUEST_LOG")
        if not path:
            raise NotConfigured
        ext = cls(path)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider=None):
        self.started = time.monotonic()
        self.file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115 (closed with the spider)
        self.file.write(json.dumps({"opened": time.time()}) + "\n")

    def response_downloaded(self, response, request, spider=None):
        if self.file is None:
            return
        done = time.monotonic() - self.started
        sent = done - float(request.meta.get("download_latency", 0.0))
        row = {
            "sent": round(sent, 4),
            "done": round(done, 4),
            "url": response.url,
            "status": response.status,
            "kind": request.meta.get("page_kind", "robots" if request.meta.get("dont_obey_robotstxt") else ""),
            "hops": request.meta.get("hops"),
            "priority": request.priority,
            "from": (request.headers.get(b"Referer") or b"").decode("latin-1"),
            "slot": request.meta.get("download_slot", ""),
            "stored": "stored" in response.flags,
        }
        self.file.write(json.dumps(row) + "\n")

    def spider_closed(self, spider=None):
        if self.file is not None:
            self.file.write(json.dumps({"closed": round(time.monotonic() - self.started, 4)}) + "\n")
            self.file.close()
            self.file = None
