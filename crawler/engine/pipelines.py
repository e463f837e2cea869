"""Item pipeline: buffer crawl items and write them to SQLite in batched transactions, off the reactor."""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler.errors import OutputError
from crawler.storage import db as dbmod
from crawler.storage.writes import update_site_counts, write_batch

log = logging.getLogger(__name__)

_DONE = object()
STORE_FAILED = "store_failed"  # the finish reason of a crawl whose database stopped taking writes


class StoreError(OutputError):
    """The database stopped taking writes during a crawl (a full disk, a read-only file)."""


class SQLitePipeline:
    """Store items through `crawler.storage.writes.write_batch` in batches; the CLI closes the run record.

    Batches are written by one writer thread with its own connection: SQLite works while the
    reactor thread goes on crawling (it lets go of the GIL while it executes). At most
    ``queued`` batches wait; when the writer falls that far behind, the crawl waits for it.
    A batch that cannot be written is logged and counted (``blogscout/items_failed``); when the
    database itself refuses writes (`sqlite3.OperationalError`: a full disk, I/O errors) the
    crawl is stopped with reason ``store_failed`` through ``stop``, to be resumed later.
    """

    def __init__(
        self,
        db_path: str,
        run_id: int,
        batch_size: int = 500,
        flush_seconds: float = 2.0,
        stats=None,
        queued: int = 4,
        stop=None,
    ):
        self.db_path = db_path
        self.run_id = run_id
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.stats = stats
        self.buffer: list[object] = []
        self.last_flush = time.monotonic()
        self.batches: queue.Queue = queue.Queue(maxsize=queued)
        self.writer: threading.Thread | None = None
        self.stop = stop
        self.failed: sqlite3.OperationalError | None = None
        self.stopping = False

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        run_id = s.getint("BLOGSCOUT_RUN_ID")
        if not run_id:
            raise NotConfigured("BLOGSCOUT_RUN_ID is not set")
        return cls(
            s.get("BLOGSCOUT_DB"),
            run_id,
            s.getint("BLOGSCOUT_BATCH_SIZE"),
            s.getfloat("BLOGSCOUT_FLUSH_SECONDS"),
            crawler.stats,
            stop=lambda reason: deferred_from_coro(crawler.engine.close_spider_async(reason=reason)),
        )

    def open_spider(self, spider=None):
        db = dbmod.connect(self.db_path)  # opened here, so a bad database fails the crawl at once
        db.conn.close()
        self.writer = threading.Thread(target=self._write_batches, name="sqlite-writer", daemon=True)
        self.writer.start()

    def process_item(self, item, spider=None):
        if self.failed is not None and not self.stopping and self.stop is not None:
            self.stopping = True
            self.stop(STORE_FAILED)
        self.buffer.append(item)
        if len(self.buffer) >= self.batch_size or time.monotonic() - self.last_flush >= self.flush_seconds:
            self.flush()
        return item

    def flush(self) -> None:
        """Hand the buffered items to the writer (one transaction)."""
        if self.buffer:
            self.batches.put(self.buffer)
            self.buffer = []
        self.last_flush = time.monotonic()

    def close_spider(self, spider=None):
        self.flush()
        if self.writer is not None:
            self.batches.put(_DONE)
            self.writer.join()
            self.writer = None

    def _write_batches(self) -> None:
        db = dbmod.connect(self.db_path)
        try:
            while (batch := self.batches.get()) is not _DONE:
                if self.failed is not None:  # the crawl is stopping; a resume fetches these again
                    self._count("blogscout/items_failed", len(batch))
                    continue
                try:
                    written = write_batch(db, self.run_id, batch)
                except sqlite3.OperationalError as err:  # the crawl's end names it (StoreError)
                    log.info("could not store %d crawl items in %s: %s", len(batch), self.db_path, err)
                    self._count("blogscout/items_failed", len(batch))
                    if self.stats:
                        self.stats.set_value("blogscout/store_error", str(err))
                    self.failed = err
                    continue
                except Exception as err:  # a full disk, a locked or broken database: say so, keep crawling
                    log.error("could not store %d crawl items in %s: %s", len(batch), self.db_path, err)
                    self._count("blogscout/items_failed", len(batch))
                    continue
                self._count("blogscout/items_written", written)
            try:
                if self.failed is None:
                    update_site_counts(db, self.run_id)
            except Exception as err:
                log.error("could not update the site counts in %s: %s", self.db_path, err)
        finally:
            db.conn.close()

    def _count(self, key: str, value: int) -> None:
        if self.stats:
            self.stats.inc_value(key, value)
