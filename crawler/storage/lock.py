"""One crawl per database: an exclusive lock file next to it, released even when the holder dies."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
from pathlib import Path

from crawler.errors import BlogscoutError

log = logging.getLogger(__name__)


class LockedError(BlogscoutError):
    """Another crawl holds the database."""


class CrawlLock:
    """``with CrawlLock(db_path):`` — exclusive per database file, across processes.

    Uses ``flock`` on ``<db>.lock``: the kernel drops the lock when its process ends. A clean exit
    empties the file; a crawl killed with SIGKILL leaves its holder record in an unlocked file,
    which the next crawl reports as a stale lock and takes over. The file is never deleted, so two
    processes can never lock two different files of the same name.
    """

    def __init__(self, db_path: str | Path):
        self.path = Path(f"{db_path}.lock")
        self.fd: int | None = None
        self.stale: dict | None = None

    def acquire(self) -> None:
        """Take the lock or raise `LockedError` naming the holder."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            holder = _read_holder(fd)
            os.close(fd)
            who = (
                f"pid {holder.get('pid')} on {holder.get('host')} since {holder.get('since')}"
                if holder
                else "another process"
            )
            raise LockedError(
                f"{self.path.with_suffix('')}: a crawl is already running ({who}); wait for it to finish or stop it"
            ) from err
        previous = _read_holder(fd)
        if previous:
            self.stale = previous
            log.warning("cleared a stale lock left by pid %s (%s)", previous.get("pid"), previous.get("since"))
        from crawler.storage.db import utcnow

        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": utcnow()}).encode(), 0)
        self.fd = fd

    def release(self) -> None:
        """Empty the lock file (a clean exit) and drop the lock; the file itself stays."""
        if self.fd is not None:
            try:
                os.ftruncate(self.fd, 0)
            finally:
                fcntl.flock(self.fd, fcntl.LOCK_UN)
                os.close(self.fd)
                self.fd = None

    def __enter__(self) -> CrawlLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _read_holder(fd: int) -> dict:
    try:
        data = os.pread(fd, 4096, 0)
        return json.loads(data) if data.strip() else {}
    except (OSError, ValueError):
        return {}
