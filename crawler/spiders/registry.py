"""The site registry contract: what the spider may ask and tell about the sites it knows.

Two implementations: `crawler.spiders.state.LocalSites` (this process) and
`crawler.distributed.state.RedisSites` (shared by distributed workers). The spider reads a site's
state with `get` and changes it only through the methods below, so a shared registry can apply
each change atomically; one test suite (tests/test_site_registry.py) runs against both.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from crawler.spiders.state import SiteState


@runtime_checkable
class SiteRegistry(Protocol):
    """Sites by key with their role, hops, budget and what was scheduled for them."""

    def claim(self, site: str, state: SiteState) -> bool:
        """Register `site` with `state` unless it is known; True when this call registered it."""

    def get(self, site: str) -> SiteState | None:
        """The site's state, or None. Shared registries return a snapshot: change it through this registry."""

    def __contains__(self, site: object) -> bool:
        """True when the site is registered."""

    def __len__(self) -> int:
        """The number of registered sites."""

    def role(self, site: str) -> str | None:
        """seed, candidate, platform or excluded; None for an unknown site."""

    def add_scheduled(self, site: str, n: int = 1) -> int:
        """Count `n` more requests for the site (negative gives back); returns the new count."""

    def add_posts(self, site: str, n: int = 1) -> int:
        """Count `n` more posts for the site; returns the new count."""

    def mark_done(self, site: str, kind: str) -> bool:
        """Record that a page of `kind` (feed, about, ...) was requested; True if it was not before."""

    def set_hops(self, site: str, hops: int) -> None:
        """The site was found closer to the seeds: `hops` links away."""

    def defer(self, site: str, url: str, kind: str) -> bool:
        """Keep a link `site` makes beyond the hop limit (a bounded number a site); True if kept."""

    def take_deferred(self, site: str) -> list[tuple[str, str]]:
        """The (url, kind) links `site` made beyond the hop limit, in order, forgotten from here on."""

    def close(self) -> None:
        """Release what the registry holds in this process (temporary files, caches)."""
