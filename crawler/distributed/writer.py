"""The single writer of a distributed crawl: items from Redis into the SQLite database."""

from __future__ import annotations

import logging
import threading
import time

from crawler.distributed.state import decode_item
from crawler.storage import db as dbmod
from crawler.storage.writes import write_batch

log = logging.getLogger(__name__)


class ItemWriter(threading.Thread):
    """Drain the crawl's item list into the database in batched transactions until stopped."""

    def __init__(self, db_path: str, run_id: int, client, key: str, batch: int = 500):
        super().__init__(name="blogscout-writer", daemon=True)
        self.db_path = db_path
        self.run_id = run_id
        self.client = client
        self.key = key
        self.batch = batch
        self.stopping = threading.Event()
        self.written = 0
        self.error: Exception | None = None

    def run(self) -> None:
        db = dbmod.connect(self.db_path)
        try:
            while True:
                raw = self.client.lpop(self.key, self.batch)
                if raw:
                    self.written += write_batch(db, self.run_id, [decode_item(r) for r in raw])
                elif self.stopping.is_set():
                    break
                else:
                    time.sleep(0.05)
        except Exception as err:  # reported by stop(); the items stay in Redis for a retry
            log.error("writer stopped: %s", err)
            self.error = err
        finally:
            db.conn.close()

    def stop(self, timeout: float = 300) -> None:
        """Write what is left, then end."""
        self.stopping.set()
        self.join(timeout)
