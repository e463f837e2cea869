"""How robots.txt files are fetched: outside the host's delay, and reused between runs for a day.

`RobotsTxtSlot`: a robots.txt request goes through a download slot of its own, so the page
waiting for it follows at once instead of one per-host delay later (a crawl's chain of hops pays
that delay at every hop); the host's pages keep their spacing.

`StoredRobotsTxt`: reused between runs for up to a day, as RFC 9309 (section 2.4) allows. A re-crawl that follows a crawl within the day asks each host only for what changed, not for its
robots.txt again. The files live in the crawl database (table ``robots_txt``): read when the
spider opens, the newly fetched ones written when it closes. Answers that say the file is
unreachable (5xx, network errors) are never kept. Off with ``BLOGSCOUT_ROBOTS_REUSE_HOURS=0``.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

log = logging.getLogger(__name__)


class StoredRobotsTxt:
    """Answer robots.txt requests from the database while the stored copy is younger than ``hours``."""

    def __init__(self, db_path: str, hours: float, stats=None):
        self.db_path = db_path
        self.hours = hours
        self.stats = stats
        self.stored: dict[str, tuple[int, bytes]] = {}
        self.fetched: dict[str, tuple[str, int, bytes]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        hours = settings.getfloat("BLOGSCOUT_ROBOTS_REUSE_HOURS")
        db_path = settings.get("BLOGSCOUT_DB")
        if hours <= 0 or not settings.getbool("ROBOTSTXT_OBEY") or not db_path or not Path(db_path).exists():
            raise NotConfigured
        middleware = cls(db_path, hours, crawler.stats)
        crawler.signals.connect(middleware.load, signal=signals.spider_opened)
        crawler.signals.connect(middleware.save, signal=signals.spider_closed)
        return middleware

    def load(self, spider=None) -> None:
        """Read the robots.txt files fetched in the last ``hours``."""
        since = (datetime.now(UTC) - timedelta(hours=self.hours)).replace(microsecond=0).isoformat()
        try:
            with sqlite3.connect(self.db_path, timeout=30) as conn:
                rows = conn.execute("SELECT host, status, body FROM robots_txt WHERE fetched_at >= ?", (since,))
                self.stored = {host: (status, body or b"") for host, status, body in rows}
        except sqlite3.Error as err:  # an old or foreign database: fetch as usual
            log.debug("no stored robots.txt in %s: %s", self.db_path, err)

    def save(self, spider=None) -> None:
        """Keep the robots.txt files this run fetched."""
        if not self.fetched:
            return
        rows = [(host, at, status, body) for host, (at, status, body) in self.fetched.items()]
        try:
            with sqlite3.connect(self.db_path, timeout=30) as conn:
                conn.executemany("INSERT OR REPLACE INTO robots_txt VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as err:
            log.warning("could not keep robots.txt files in %s: %s", self.db_path, err)

    def process_request(self, request, spider=None):
        if not is_robots_request(request):
            return None
        hit = self.stored.get(urlsplit(request.url).netloc)
        if hit is None:
            return None
        if self.stats:
            self.stats.inc_value("blogscout/robots_reused")
        status, body = hit
        return Response(request.url, status=status, body=body, request=request, flags=["stored"])

    def process_response(self, request, response, spider=None):
        if is_robots_request(request) and "stored" not in response.flags and 200 <= response.status < 500:
            now = datetime.now(UTC).replace(microsecond=0).isoformat()
            for url in [*request.meta.get("redirect_urls", ()), request.url]:
                self.fetched[urlsplit(url).netloc] = (now, response.status, response.body)
        return response


ROBOTS_SLOT = " robots.txt"  # a robots.txt request's download slot: "<host> robots.txt"


class RobotsTxtSlot:
    """Put robots.txt requests in a download slot of their own (``<host> robots.txt``)."""

    def process_request(self, request, spider=None):
        if is_robots_request(request) and request.meta.get("download_slot", ROBOTS_SLOT).endswith(ROBOTS_SLOT):
            request.meta["download_slot"] = f"{urlsplit(request.url).netloc}{ROBOTS_SLOT}"  # again after a redirect
        return None


def is_robots_request(request) -> bool:
    return request.meta.get("dont_obey_robotstxt", False) and urlsplit(request.url).path == "/robots.txt"
