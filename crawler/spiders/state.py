"""What the blog spider keeps per site, and which links it follows first."""

from __future__ import annotations

from dataclasses import dataclass

FOLLOW_KINDS = {"blogroll": 60, "opml": 60, "content": 40, "comment": 20}
# Within a site: the feed first (new posts), then blogroll pages, then the rest.
PAGE_PRIORITY = {"home": 0, "feed": 20, "opml": 15, "blogroll": 15, "post": 5}


@dataclass(slots=True)
class SiteState:
    """What the spider knows and has scheduled for one site.

    A crawl keeps one for every site it discovers (most of them get one or two requests), so the
    containers start as shared empty immutables and are created on first use: ~100 bytes a site.
    """

    role: str
    hops: int
    budget: int
    priority: int = 0
    scheduled: int = 0
    done: frozenset[str] = frozenset()  # page kinds already requested: feed, about, ...
    posts: int = 0
    deferred: list[tuple[str, str]] | tuple = ()  # links beyond the hop limit, for later

    def mark_done(self, kind: str) -> None:
        """Record that a page of `kind` (feed, about, contact, Impressum...) was requested."""
        if kind not in self.done:
            self.done = self.done | {kind}

    def defer(self, url: str, kind: str) -> None:
        """Keep a link beyond the hop limit, in case the site turns out closer to the seeds."""
        if not self.deferred:
            self.deferred = []
        self.deferred.append((url, kind))


DEFERRED_MAX = 50


class LocalSites(dict):
    """The spider's sites registry in this process (a Redis-backed one shares it across workers)."""

    def claim(self, site: str, state: SiteState) -> bool:
        """Register a site unless known; True when this call registered it."""
        if site in self:
            return False
        self[site] = state
        return True
