"""What the blog spider keeps per site: its state, and the local site registry."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass


@dataclass(slots=True)
class SiteState:
    """What the spider knows and has scheduled for one site.

    A crawl keeps one for every site it discovers (most of them get one or two requests), so it
    holds numbers and a shared empty set, ~100 bytes a site; the links the site makes beyond the
    hop limit are kept by the registry (`LocalSites.defer`), on disk. Change it through the registry
    (`crawler.spiders.registry.SiteRegistry`), never directly.
    """

    role: str
    hops: int
    budget: int
    priority: int = 0
    scheduled: int = 0
    done: frozenset[str] = frozenset()  # page kinds already requested: feed, about, ...
    posts: int = 0
    deferred: int = 0  # links beyond the hop limit kept for later (see LocalSites.defer)


DEFERRED_MAX = 50  # links beyond the hop limit kept per site


class DeferredLinks:
    """Links beyond the hop limit by site, in a temporary SQLite file; RAM holds a small buffer.

    A site at the hop limit links to sites the crawl does not follow; they are kept in case the
    site turns out closer to the seeds, which is rare. A big crawl's last ring of sites makes
    millions of them (~130 bytes each in RAM), so they wait on disk.
    """

    def __init__(self, buffer: int = 2000):
        self.buffer = buffer
        self._pending: list[tuple[str, str, str]] = []
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._conn: sqlite3.Connection | None = None

    def add(self, site: str, url: str, kind: str) -> None:
        self._pending.append((site, url, kind))
        if len(self._pending) >= self.buffer:
            self._flush()

    def take(self, site: str) -> list[tuple[str, str]]:
        """The site's links in the order they were added, forgotten from here on."""
        links: list[tuple[str, str]] = []
        if self._conn is not None:
            links = self._conn.execute(
                "SELECT url, kind FROM deferred WHERE site = ? ORDER BY rowid", (site,)
            ).fetchall()
            if links:
                self._conn.execute("DELETE FROM deferred WHERE site = ?", (site,))
        if any(p[0] == site for p in self._pending):
            links += [(url, kind) for s, url, kind in self._pending if s == site]
            self._pending = [p for p in self._pending if p[0] != site]
        return links

    def _flush(self) -> None:
        if self._conn is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="blogscout-deferred-")
            self._conn = sqlite3.connect(os.path.join(self._tmp.name, "deferred.db"), isolation_level=None)
            self._conn.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                "CREATE TABLE deferred (site TEXT, url TEXT, kind TEXT);"
                "CREATE INDEX deferred_site ON deferred (site);"
            )
        with self._conn:
            self._conn.executemany("INSERT INTO deferred VALUES (?, ?, ?)", self._pending)
        self._pending = []

    def close(self) -> None:
        self._pending = []
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


class LocalSites:
    """The site registry of one crawl process (`crawler.spiders.registry.SiteRegistry`).

    `get` returns the live `SiteState`, so what the methods change shows in it at once.
    """

    def __init__(self) -> None:
        self._sites: dict[str, SiteState] = {}
        self.deferred_links = DeferredLinks()

    def claim(self, site: str, state: SiteState) -> bool:
        """Register a site unless known; True when this call registered it."""
        if site in self._sites:
            return False
        self._sites[site] = state
        return True

    def get(self, site: str) -> SiteState | None:
        return self._sites.get(site)

    def __contains__(self, site: object) -> bool:
        return site in self._sites

    def __len__(self) -> int:
        return len(self._sites)

    def role(self, site: str) -> str | None:
        state = self._sites.get(site)
        return state.role if state else None

    def add_scheduled(self, site: str, n: int = 1) -> int:
        state = self._sites[site]
        state.scheduled += n
        return state.scheduled

    def add_posts(self, site: str, n: int = 1) -> int:
        state = self._sites[site]
        state.posts += n
        return state.posts

    def mark_done(self, site: str, kind: str) -> bool:
        state = self._sites[site]
        if kind in state.done:
            return False
        state.done = state.done | {kind}
        return True

    def set_hops(self, site: str, hops: int) -> None:
        self._sites[site].hops = hops

    def defer(self, site: str, url: str, kind: str) -> bool:
        """Keep a link of `site` beyond the hop limit (at most DEFERRED_MAX a site); True if kept."""
        state = self._sites[site]
        if state.deferred >= DEFERRED_MAX:
            return False
        state.deferred += 1
        self.deferred_links.add(site, url, kind)
        return True

    def take_deferred(self, site: str) -> list[tuple[str, str]]:
        """The links `site` made beyond the hop limit, forgotten from here on."""
        self._sites[site].deferred = 0
        return self.deferred_links.take(site)

    def close(self) -> None:
        """Remove the deferred links' file."""
        self.deferred_links.close()
