"""Item pipeline: buffer crawl items and write them to SQLite in batched transactions."""

from __future__ import annotations

import logging
import time

from scrapy.exceptions import NotConfigured

from crawler import db as dbmod
from crawler.store import update_site_counts, write_batch

log = logging.getLogger(__name__)


class SQLitePipeline:
    """Store items through `crawler.store.write_batch` in batches; the CLI closes the run record."""

    def __init__(self, db_path: str, run_id: int, batch_size: int = 500, flush_seconds: float = 2.0, stats=None):
        self.db_path = db_path
        self.run_id = run_id
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.stats = stats
        self.buffer: list[object] = []
        self.last_flush = time.monotonic()
        self.db = None

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        run_id = s.getint("BLOGSCOUT_RUN_ID")
        if not run_id:
            raise NotConfigured("BLOGSCOUT_RUN_ID is not set")
        return cls(s.get("BLOGSCOUT_DB"), run_id, s.getint("BLOGSCOUT_BATCH_SIZE"),
                   s.getfloat("BLOGSCOUT_FLUSH_SECONDS"), crawler.stats)

    def open_spider(self, spider=None):
        self.db = dbmod.connect(self.db_path)

    def process_item(self, item, spider=None):
        self.buffer.append(item)
        if len(self.buffer) >= self.batch_size or time.monotonic() - self.last_flush >= self.flush_seconds:
            self.flush()
        return item

    def flush(self) -> None:
        """Write the buffered items in one transaction."""
        if self.buffer:
            written = write_batch(self.db, self.run_id, self.buffer)
            if self.stats:
                self.stats.inc_value("blogscout/items_written", written)
            self.buffer = []
        self.last_flush = time.monotonic()

    def close_spider(self, spider=None):
        self.flush()
        update_site_counts(self.db, self.run_id)
        self.db.conn.close()
