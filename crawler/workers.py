"""Page extraction in a worker process, so the reactor's core only schedules, downloads and stores.

Twisted's reactor runs on one core; extracting a page (parse, link kinds, main text) costs more
CPU than Scrapy spends fetching it. `ExtractionPool` runs `crawler.extract.extract_page` (and
the feed parser) in worker processes and hands the `PageInfo` back to the spider as an awaitable, so a two-core
machine parses on one core while the other crawls. Results are the same as in-process
extraction: the same pure function runs on the same bytes.

Workers are started with ``spawn`` (forking a process that runs the reactor and its threads is
unsafe) and receive the platform list once, when they start.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from crawler.extract import FeedInfo, PageInfo, extract_page, parse_feed
from crawler.urls import Platforms

log = logging.getLogger(__name__)

_worker_platforms: list[Platforms] = []  # set once in each worker process by `_init_worker`


def default_workers() -> int:
    """One extraction worker when the machine has a second core, else none (extract in-process)."""
    return 1 if (os.cpu_count() or 1) >= 2 else 0


def _init_worker(platforms: Platforms, parent: int) -> None:
    _worker_platforms[:] = [platforms]
    threading.Thread(target=_exit_with_parent, args=(parent,), name="parent-watch", daemon=True).start()


def _exit_with_parent(parent: int, interval: float = 1.0) -> None:
    """End this worker when the crawl process is gone (killed crawls must not leave workers behind)."""
    while os.getppid() == parent:
        time.sleep(interval)
    os._exit(0)


def _extract(body: bytes, url: str, encoding: str | None) -> PageInfo:
    return extract_page(body, url, encoding=encoding, platforms=_worker_platforms[0])


def _feed(body: bytes, url: str) -> FeedInfo:
    return parse_feed(body, url)


def _ready() -> bool:
    return True


class ExtractionPool:
    """`extract_page` in `workers` processes; ``workers=0`` extracts in the calling process.

    >>> import asyncio
    >>> pool = ExtractionPool(0, Platforms.load())
    >>> asyncio.run(pool.extract(b"<title>Hi</title><a href='/x'>x</a>", "http://a.de/", None)).title
    'Hi'
    >>> pool.close()
    """

    def __init__(self, workers: int, platforms: Platforms):
        self.workers = max(0, int(workers))
        self.platforms = platforms
        self._executor: ProcessPoolExecutor | None = None

    def start(self) -> ExtractionPool:
        """Start the workers (they import the extractors while the crawl starts up)."""
        if self.workers and self._executor is None:
            self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_init_worker, initargs=(self.platforms, os.getpid()))
            self._executor.submit(_ready)
        return self

    async def extract(self, body: bytes, url: str, encoding: str | None) -> PageInfo:
        """The page's `PageInfo`, from a worker when there is one."""
        if self._executor is not None:
            try:
                return await asyncio.wrap_future(self._executor.submit(_extract, body, url, encoding))
            except BrokenProcessPool:
                log.warning("extraction worker died; extracting in the crawl process from now on")
                self._executor = None
        return extract_page(body, url, encoding=encoding, platforms=self.platforms)

    async def feed(self, body: bytes, url: str) -> FeedInfo:
        """The feed's `FeedInfo` (entries, title), from a worker when there is one."""
        if self._executor is not None:
            try:
                return await asyncio.wrap_future(self._executor.submit(_feed, body, url))
            except BrokenProcessPool:
                log.warning("extraction worker died; parsing in the crawl process from now on")
                self._executor = None
        return parse_feed(body, url)

    def close(self) -> None:
        """Stop the workers."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
