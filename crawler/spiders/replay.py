"""Re-crawl and resume for the blog spider: replay what was stored instead of fetching or parsing.

A re-crawl asks only for the pages that are due (`crawler.spiders.policy.is_due`); a page not due
yet, an unchanged page (304, or the stored content hash) and settled old posts are replayed from
the links and follow-ups stored with them. A site's feed goes first: while it is unchanged the
site's home page rests; a changed feed brings the home page back, then the feed's new posts. A
seed's home, blogroll and OPML pages are asked every time (a new partner need not come with a
post). A
resumed crawl restores its interrupted run's sites and done pages and replays those to rebuild
the frontier.
"""

from __future__ import annotations

import hashlib

from crawler.extract.traps import strip_session_ids
from crawler.extract.urls import canonical_url
from crawler.items import PageItem
from crawler.spiders import policy
from crawler.spiders.state import SiteState


class ReplayMixin:
    """The parts of `crawler.spiders.blogs.BlogSpider` that read the stored crawl."""

    def _restore_run(self) -> list[tuple[str, str, str]]:
        """Register the sites and done pages of the interrupted run; return its done pages."""
        done = self.frontier.done_pages(self.resume_run)
        read_homes = {site for _url, site, kind in done if kind == "home"}
        for site, home, role, hops, _via in self.frontier.run_sites(self.resume_run):
            site_budget = policy.budget(role, seed_pages=self.max_pages_per_site, candidate_pages=self.candidate_pages)
            self.sites.claim(site, SiteState(role, hops, site_budget, priority=policy.resumed_priority(role, hops)))
            if site in read_homes and home:  # stored under the URL it redirected to: not again
                self.seen.add(strip_session_ids(canonical_url(home)))
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
        home = response.meta.get("resting_home")
        if home is not None:  # an unchanged feed: its site's home page stays as stored
            yield from self._replay_resting(home)
        site = self._site_of_response(response)
        kind = response.meta["page_kind"]
        self.crawler.stats.inc_value("blogscout/unchanged")
        interval = self._interval(response.url, kind, changed=False)
        yield PageItem(url=response.url, site=site, status=200, page_kind=kind, unchanged=True, fetch_interval=interval)
        yield from self._replay(response.url, site, self.sites.get(site).hops)

    # -- the re-fetch schedule -----------------------------------------------------------------

    def _ask(self, url: str, site: str, page_kind: str, hops: int, *, canonical: bool = True):
        """A wanted page's request; in a re-crawl, when the page is not due, its stored follow-ups.

        A resting home page whose site has a feed sends the feed instead, carrying the home page's
        request: the feed's answer decides whether the home page is read again.
        """
        request = self._request(url, site, page_kind, hops, canonical=canonical)
        if request is None:
            return
        known = self.known.get(request.url) if self.lean else None
        if known is None and self.lean and page_kind == "home" and self.homes.get(site, request.url) != request.url:
            request = request.replace(url=self.homes[site])  # where the home URL redirected to last time
            self.seen.add(request.url)
            known = self.known.get(request.url)
        if known is None and self.lean and request.url in self.failures:
            kind, failed_at = self.failures[request.url]
            if not policy.retry_due(kind, failed_at, self.now):
                self.crawler.stats.inc_value("blogscout/failed_resting")
                return
        changed = site in self._changed_sites
        role = self.sites.role(site) or ""
        if known is None or policy.is_due(
            page_kind, known.next_fetch, self.now, has_feed=known.has_feed, site_changed=changed, role=role
        ):
            yield request
            return
        feed = self._stored_feed_request(request.url, site, hops) if page_kind == "home" else None
        if feed is None:
            yield from self._replay_resting(request)
            return
        self.sites.mark_done(site, "feed")
        feed.meta["resting_home"] = request
        yield feed

    def _stored_feed_request(self, home_url: str, site: str, hops: int):
        stored = self.frontier.stored_page(home_url)
        feed_url = next((u for u, kind in stored.follow if kind == "feed"), None) if stored else None
        return self._request(feed_url, site, "feed", hops, canonical=True) if feed_url else None

    def _replay_resting(self, request):
        """A known page that is not due: kept as stored, its follow-ups and links replayed."""
        site = request.meta["site"]
        self.crawler.stats.inc_value("blogscout/not_due")
        yield PageItem(url=request.url, site=site, status=200, page_kind=request.meta["page_kind"], unchanged=True)
        yield from self._replay(request.url, site, self.sites.get(site).hops)

    def _hold(self, site: str, follow) -> None:
        """Keep a changed feed's posts until the site's home page was read again."""
        self._held[site] = follow
        self._changed_sites.add(site)

    def _release_held(self, response):
        """After a home page read because its feed changed: the feed's posts."""
        if not response.meta.get("due"):
            return
        site = response.meta["site"]
        follow = self._held.pop(site, None)
        state = self.sites.get(site)
        if follow and state is not None:
            yield from self._schedule_site_pages(follow, site, state)

    def _after_failure(self, request):
        """A failed feed still lets its resting home page be read; a failed home page, the held posts."""
        home = request.meta.get("resting_home")
        if home is not None:
            yield home.replace(meta={**home.meta, "due": True})
        yield from self._release_held(request)

    def _interval(self, url: str, page_kind: str, *, changed: bool) -> float:
        """Days until the page is due again (crawler.spiders.policy.next_interval)."""
        known = self.known.get(url)
        return policy.next_interval(page_kind, known.fetch_interval if known else 0.0, changed)

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
