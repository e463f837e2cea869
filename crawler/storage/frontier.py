"""What earlier runs stored that a re-crawl or a resumed crawl starts from (no Scrapy here).

A re-crawl sends conditional requests for the pages it knows that are due (see
`crawler.spiders.policy.is_due`) and, for an unchanged or not yet due page, replays the follow-ups
and links stored with it instead of fetching or parsing it again. A resumed crawl treats the
pages its interrupted run already stored as done and replays them to rebuild its frontier.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class KnownPage:
    """Validators of a stored page, for conditional requests."""

    etag: str
    last_modified: str
    content_hash: str
    page_kind: str = ""
    published: str = ""
    fetch_interval: float = 0.0  # days (crawler.spiders.policy.next_interval); 0: none stored
    next_fetch: str = ""  # ISO time the page is due again; "": due now
    has_feed: bool = True  # for a home page: whether it leads to a feed


@dataclass
class StoredPage:
    """A stored page's kind, same-site follow-ups and outgoing links."""

    url: str
    site: str
    page_kind: str
    follow: list[tuple[str, str]]
    links: list[tuple[str, str]]  # (to_url, kind)


class Frontier:
    """Read-only view of a crawl database for the spider."""

    def __init__(self, db_path: str | Path):
        self.conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)

    def close(self) -> None:
        self.conn.close()

    def known_pages(self) -> dict[str, KnownPage]:
        """Every stored page URL with its validators and re-fetch schedule."""
        rows = self.conn.execute(
            "SELECT url, coalesce(etag, ''), coalesce(last_modified, ''), "
            "coalesce(content_hash, ''), coalesce(page_kind, ''), coalesce(published, ''), "
            "coalesce(fetch_interval, 0), coalesce(next_fetch, ''), instr(coalesce(follow, ''), '\"feed\"]') > 0 "
            "FROM pages WHERE status = 200"
        )
        return {url: KnownPage(*rest) for url, *rest in rows}

    def home_pages(self) -> dict[str, str]:
        """The stored home page URL of each site (where its home URL led, redirects followed)."""
        rows = self.conn.execute(
            "SELECT site, min(url) FROM pages WHERE status = 200 AND page_kind = 'home' GROUP BY site"
        )
        return dict(rows.fetchall())

    def last_failures(self) -> dict[str, tuple[str, str]]:
        """url -> (error kind, start time of its run) of the latest failure of each URL never stored."""
        rows = self.conn.execute(
            "SELECT e.url, e.kind, r.started_at FROM fetch_errors e JOIN runs r ON r.id = e.run_id "
            "WHERE e.url NOT IN (SELECT url FROM pages) ORDER BY e.run_id, e.id"
        )
        return {url: (kind, started or "") for url, kind, started in rows}

    def stored_page(self, url: str) -> StoredPage | None:
        """The stored follow-ups and links of one page, or None if it is not stored."""
        row = self.conn.execute("SELECT site, page_kind, follow FROM pages WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        site, kind, follow = row
        links = self.conn.execute("SELECT to_url, kind FROM links WHERE from_url = ? ORDER BY id", (url,)).fetchall()
        return StoredPage(url, site, kind, [tuple(f) for f in json.loads(follow or "[]")], links)

    def run_sites(self, run_id: int) -> list[tuple[str, str, str, int, str]]:
        """(site, home_url, role, hops, found_via) of the sites a run registered."""
        return self.conn.execute(
            "SELECT site, home_url, role, hops, coalesce(found_via, '') FROM sites "
            "WHERE run_id = ? ORDER BY hops, site",
            (run_id,),
        ).fetchall()

    def done_pages(self, run_id: int) -> list[tuple[str, str, str]]:
        """(url, site, page_kind) of pages a run stored, in fetch order."""
        return self.conn.execute(
            "SELECT url, site, page_kind FROM pages WHERE run_id = ? ORDER BY fetched_at, rowid", (run_id,)
        ).fetchall()

    def failed_urls(self, run_id: int) -> list[str]:
        """URLs whose fetch failed in a run."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT url FROM fetch_errors WHERE run_id = ?", (run_id,))]
