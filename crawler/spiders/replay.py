"""Re-crawl and resume for the blog spider: replay what was stored instead of fetching or parsing.

A re-crawl replays an unchanged page (304, or the stored content hash) and settled old posts from
the links and follow-ups stored with them; a resumed crawl restores its interrupted run's sites and
done pages and replays those to rebuild the frontier.
"""

from __future__ import annotations

import hashlib

from crawler.extract.urls import canonical_url
from crawler.items import PageItem
from crawler.spiders import policy
from crawler.spiders.state import SiteState


class ReplayMixin:
    """The parts of `crawler.spiders.blogs.BlogSpider` that read the stored crawl."""

    def _restore_run(self) -> list[tuple[str, str, str]]:
        """Register the sites and done pages of the interrupted run; return its done pages."""
        for site, _home, role, hops, _via in self.frontier.run_sites(self.resume_run):
            site_budget = policy.budget(role, seed_pages=self.max_pages_per_site, candidate_pages=self.candidate_pages)
            self.sites.claim(site, SiteState(role, hops, site_budget, priority=policy.resumed_priority(role, hops)))
        done = self.frontier.done_pages(self.resume_run)
        for url, site, kind in done:
            self.seen.add(url)
            if site in self.sites:
                self.sites.add_scheduled(site)
                self.sites.mark_done(site, kind)
                if kind == "post":
                    self.sites.add_posts(site)
            self.scheduled_total += 1
        self.seen.update(self.frontier.failed_urls(self.resume_run))
        self.crawler.stats.set_value("blogscout/resumed_pages", len(done))
        return done

    def _replay_run(self, done):
        """Rebuild the frontier of a resumed run from its stored pages and unvisited sites."""
        for url, site, _kind in done:
            state = self.sites.get(site)
            if state is not None:
                yield from self._replay(url, site, state.hops)
        for site, home, role, hops, _via in self.frontier.run_sites(self.resume_run) if done else []:
            if role in ("seed", "candidate") and home:
                request = self._request(home, site, "home", hops)
                if request:
                    yield request

    def _replay(self, url: str, site: str, hops: int):
        """Follow an unchanged or already stored page from what was stored with it."""
        stored = self.frontier.stored_page(url) if self.frontier else None
        if stored is None:
            return
        state = self.sites.get(site)
        yield from self._schedule_site_pages(stored.follow, site, state)
        for to_url, kind in stored.links:
            if policy.follows_link(kind):
                yield from self._discover(to_url, kind, site, hops, 0.0)

    def _unchanged(self, response) -> bool:
        """True for a 304, or a 200 whose body is the one stored."""
        if response.status == 304:
            return True
        known = self.known.get(response.url)
        return bool(known and known.content_hash and known.content_hash == hashlib.sha1(response.body).hexdigest())

    def _replay_unchanged(self, response):
        site = self._site_of_response(response)
        self.crawler.stats.inc_value("blogscout/unchanged")
        yield PageItem(url=response.url, site=site, status=200, page_kind=response.meta["page_kind"], unchanged=True)
        yield from self._replay(response.url, site, self.sites.get(site).hops)

    def _settled_post(self, url: str) -> bool:
        """A re-crawl's known post older than the settle period: replayed from storage, not fetched."""
        known = self.known.get(canonical_url(url) or url)
        return bool(
            known
            and known.page_kind == "post"
            and known.published
            and known.published < self.settled_before
            and url not in self.seen
        )

    def _replay_settled(self, url: str, site: str, state: SiteState):
        self.seen.add(url)
        self.sites.add_scheduled(site)  # as if fetched: the same budget as the crawl that stored it
        self.scheduled_total += 1
        self.crawler.stats.inc_value("blogscout/settled_posts")
        yield PageItem(url=url, site=site, status=200, page_kind="post", unchanged=True)
        yield from self._replay(url, site, state.hops)
