"""What the blog spider keeps per site, and which links it follows first."""

from __future__ import annotations

from dataclasses import dataclass, field

FOLLOW_KINDS = {"blogroll": 60, "opml": 60, "content": 40, "comment": 20}
# Within a site: the feed first (new posts), then blogroll pages, then the rest.
PAGE_PRIORITY = {"home": 0, "feed": 20, "opml": 15, "blogroll": 15, "post": 5}


@dataclass
class SiteState:
    """What the spider knows and has scheduled for one site."""

    role: str
    hops: int
    budget: int
    priority: int = 0
    scheduled: int = 0
    done: set[str] = field(default_factory=set)  # page kinds already requested: feed, about, ...
    posts: int = 0
    deferred: list[tuple[str, str]] = field(default_factory=list)  # links beyond the hop limit, for later


DEFERRED_MAX = 50


class LocalSites(dict):
    """The spider's sites registry in this process (a Redis-backed one shares it across workers)."""

    def claim(self, site: str, state: SiteState) -> bool:
        """Register a site unless known; True when this call registered it."""
        if site in self:
            return False
        self[site] = state
        return True
