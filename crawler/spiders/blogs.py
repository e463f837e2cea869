"""The blog spider: a thin adapter from responses to `crawler.extract.page` results, items and requests.

Seed sites are crawled deeply (home, feed, blogroll/partner pages, about/contact/Impressum, recent
posts) within a per-site budget; every blog they link to becomes a candidate, crawled shallowly,
whose own outgoing blog links are followed up to ``hops`` from the seeds. Blogroll links and links
from on-topic pages go first.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date, timedelta
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import StopDownload
from scrapy.http import TextResponse

from crawler import defaults
from crawler.engine.failures import classify_failure
from crawler.engine.seenset import SeenSet
from crawler.engine.workers import ExtractionPool, default_workers
from crawler.extract.addresses import is_private_address
from crawler.extract.page import parse_opml
from crawler.extract.traps import TrapFilter, strip_session_ids
from crawler.extract.urls import Platforms, canonical_url, host_of, is_profile_url, site_home, site_key
from crawler.items import ErrorItem, FeedItem, PageItem, SiteItem
from crawler.spiders import policy
from crawler.spiders.registry import SiteRegistry
from crawler.spiders.replay import ReplayMixin
from crawler.spiders.state import LocalSites, SiteState
from crawler.storage.db import utcnow
from crawler.storage.frontier import Frontier

log = logging.getLogger(__name__)


class BlogSpider(ReplayMixin, scrapy.Spider):
    """Crawl seed blogs and the blogs around them."""

    name = "blogs"

    def __init__(
        self,
        seeds=(),
        hops: int = defaults.HOPS,
        max_pages_per_site: int = defaults.MAX_PAGES_PER_SITE,
        candidate_pages: int = defaults.CANDIDATE_PAGES,
        max_pages: int = defaults.MAX_PAGES,
        seed_posts: int = 10,
        candidate_posts: int = 3,
        platforms: Platforms | None = None,
        excluded: frozenset[str] = frozenset(),
        topic: str = "",
        db_path: str = "",
        mode: str = "fresh",
        resume_run: int | None = None,
        settle_days: int = 30,
        sites=None,
        seen=None,
        after_start=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.seeds = list(seeds)
        self.hops = int(hops)
        self.max_pages_per_site = int(max_pages_per_site)
        self.candidate_pages = int(candidate_pages)
        self.max_pages = int(max_pages)
        self.seed_posts = int(seed_posts)
        self.candidate_posts = int(candidate_posts)
        self.platforms = platforms or Platforms.load()
        self.excluded = frozenset(excluded)
        self.topic_terms = policy.topic_terms(topic)
        self.sites: SiteRegistry = LocalSites() if sites is None else sites  # shared in distributed mode
        self.seen = SeenSet() if seen is None else seen  # 8 bytes a URL, mostly in a temporary file
        self.after_start = after_start  # called once the seeds are queued (distributed coordination)
        self.request_done = None  # called when a request's callback or errback has finished
        self.allow_private = False  # BLOGSCOUT_ALLOW_PRIVATE, set by from_crawler
        self.scheduled_total = 0
        self.db_path = db_path
        # fresh | recrawl (pages that are due, conditionally) | full (a re-crawl asking every known
        # page) | resume (continue resume_run)
        self.mode = mode
        self.lean = mode == "recrawl"
        self.now = ""  # a re-crawl's start time, for the re-fetch schedule
        self.resume_run = resume_run
        self.frontier: Frontier | None = None
        self.known: dict = {}
        self.homes: dict[str, str] = {}  # site -> its stored home page URL (a re-crawl's)
        self.failures: dict[str, tuple[str, str]] = {}  # url -> (error kind, when) of earlier failures
        self.traps = TrapFilter()
        self.settle_days = int(settle_days)  # a re-crawl does not re-fetch posts older than this
        self.settled_before = ""
        self._held: dict[str, list[tuple[str, str]]] = {}  # a changed feed's posts, until its home page is read
        self._changed_sites: set[str] = set()  # sites whose feed changed in this re-crawl

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.allow_private = crawler.settings.getbool("BLOGSCOUT_ALLOW_PRIVATE")
        crawler.signals.connect(spider.headers_received, signal=signals.headers_received)
        crawler.signals.connect(spider._start_extraction, signal=signals.spider_opened)
        crawler.signals.connect(spider._release, signal=signals.spider_closed)
        return spider

    async def start(self):
        if self.mode != "fresh":
            self.frontier = Frontier(self.db_path)
        if self.mode in ("recrawl", "full"):
            self.known = self.frontier.known_pages()
            self.homes = self.frontier.home_pages()
            self.failures = self.frontier.last_failures()
            self.now = utcnow()
        if self.lean:
            self.settled_before = (date.today() - timedelta(days=self.settle_days)).isoformat()
        resumed = self._restore_run() if self.mode == "resume" else []
        for url in self.seeds:
            site = site_key(url)
            self.sites.claim(site, SiteState("seed", 0, self.max_pages_per_site, priority=policy.SEED_PRIORITY))
            yield SiteItem(site, url, "seed", 0, "seed")
            for out in self._ask(url, site, "home", 0, canonical=False):
                yield out
        for out in self._replay_run(resumed):
            yield out
        if self.after_start:
            self.after_start()

    def closed(self, reason):
        if self.frontier:
            self.frontier.close()

    # -- downloading -------------------------------------------------------------------------

    def headers_received(self, headers, body_length, request, spider):
        """Stop downloads of content we never parse (images, PDFs, archives) after the headers."""
        if not policy.wants_body(headers.get(b"Content-Type", b"").decode("latin-1")):
            self.crawler.stats.inc_value("blogscout/skipped_non_html")
            raise StopDownload(fail=False)

    def _request(
        self, url: str, site: str, page_kind: str, hops: int, priority: int | None = None, *, canonical: bool = False
    ):
        """A request within the site's and the crawl's budget, or None.

        ``canonical=True``: `url` is canonical already (extraction results, stored follow-ups).
        """
        url = strip_session_ids(url if canonical else canonical_url(url))
        state = self.sites.get(site)
        if not url or url in self.seen or state is None or state.scheduled >= state.budget:
            return None
        if self.max_pages and self.scheduled_total >= self.max_pages:
            return None
        if self.traps.check(url, site):  # calendars, ever-deeper paths, permutations: see crawler.extract.traps
            self.seen.add(url)
            self.crawler.stats.inc_value("blogscout/trap_refused")
            return None
        self.seen.add(url)
        self.sites.add_scheduled(site)
        self.scheduled_total += 1
        callback = {"feed": self.parse_feed, "opml": self.parse_opml}.get(page_kind, self.parse_page)
        if priority is None:
            priority = policy.page_priority(state.priority, page_kind)
        # a re-crawl's validators are added by crawler.engine.conditional.ConditionalRequests
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            priority=priority,
            meta={"site": site, "page_kind": page_kind, "hops": hops},
        )

    # -- callbacks ---------------------------------------------------------------------------

    async def parse_page(self, response):
        """Extract an HTML page (in a worker process when there is one) and follow its pages and links."""
        if self._unchanged(response):
            for out in self._replay_unchanged(response):
                yield out
            for out in self._release_held(response):
                yield out
            return
        if not self._is_parsable(response):
            for out in self._release_held(response):
                yield out
            return
        info = await self._extraction().extract(response.body, response.url, _declared_encoding(response))
        for out in self._page_outputs(response, info):
            yield out
        for out in self._release_held(response):
            yield out

    def _page_outputs(self, response, info):
        """The page's item, then requests for its site pages and the blogs it links to."""
        site = self._site_of_response(response)
        yield from self._moved_site(response, site)
        state = self.sites.get(site)
        page_kind = response.meta["page_kind"] if response.meta["page_kind"] != "other" else info.page_kind
        self.crawler.stats.inc_value("blogscout/pages")
        follow = policy.site_pages(info, site, state.role, page_kind, self._post_limit(state.role))
        yield self._page_item(response, site, page_kind, info, follow)
        yield from self._schedule_site_pages(follow, site, state)
        yield from self._follow_links(info, site, state.hops)

    def _extraction(self) -> ExtractionPool:
        """The extraction pool (BLOGSCOUT_EXTRACT_WORKERS processes; 0 extracts in this process)."""
        pool = getattr(self, "_pool", None)
        if pool is None:
            workers = (
                self.settings.getint(
                    "BLOGSCOUT_EXTRACT_WORKERS", defaults.SETTINGS["BLOGSCOUT_EXTRACT_WORKERS"].default
                )
                if hasattr(self, "settings")
                else 0
            )
            pool = self._pool = ExtractionPool(default_workers() if workers < 0 else workers, self.platforms)
        return pool

    def _start_extraction(self, spider=None):
        self._extraction().start()

    def _release(self, spider=None):
        """Stop the extraction workers and remove the seen set's file."""
        pool = getattr(self, "_pool", None)
        if pool is not None:
            pool.close()
        if isinstance(self.seen, SeenSet):
            self.seen.close()
        if isinstance(self.sites, LocalSites):
            self.sites.close()

    async def parse_feed(self, response):
        """Store feed entries and queue the newest posts (the feed is parsed where pages are)."""
        if self._unchanged(response):
            for out in self._replay_unchanged(response):
                yield out
            return
        feed = await self._extraction().feed(response.body, response.url)
        for out in self._feed_outputs(response, feed):
            yield out

    def _feed_outputs(self, response, feed):
        site = self._site_of_response(response)
        self.crawler.stats.inc_value("blogscout/feeds")
        entries = [(e.url, e.title, e.published) for e in feed.entries]  # canonical: see crawled_feed
        state = self.sites.get(site)
        follow = policy.feed_posts([url for url, _, _ in entries], site, self._post_limit(state.role))
        yield FeedItem(site, response.url, entries)  # before the page: a stored feed page has its entries stored
        home = response.meta.get("resting_home")
        if home is not None:  # the site changed: read its home page again, then these posts
            self._hold(site, follow)
            yield home.replace(meta={**home.meta, "due": True})
        yield PageItem(
            url=response.url,
            site=site,
            status=response.status,
            page_kind="feed",
            content_type=_header(response, b"Content-Type"),
            title=feed.title,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            content_hash=hashlib.sha1(response.body).hexdigest(),
            follow=follow,
            fetch_interval=self._interval(response.url, "feed", changed=True),
        )
        if home is None:
            yield from self._schedule_site_pages(follow, site, state)

    def parse_opml(self, response):
        """Read a linked OPML blogroll: each entry is a blogroll link of the site."""
        if self._unchanged(response):
            yield from self._replay_unchanged(response)
            return
        site = response.meta["site"]
        links = []
        for entry in parse_opml(response.body):
            url = canonical_url(entry.html_url or "")
            if url:
                links.append((url, "opml", entry.title[:200], ""))
        self.crawler.stats.inc_value("blogscout/opml_links", len(links))
        yield PageItem(
            url=response.url,
            site=site,
            status=response.status,
            page_kind="blogroll",
            content_type="text/x-opml",
            links=links,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            content_hash=hashlib.sha1(response.body).hexdigest(),
            fetch_interval=self._interval(response.url, "blogroll", changed=True),
        )
        hops = self.sites.get(site).hops
        for url, kind, _, _ in links:
            yield from self._discover(url, kind, site, hops, 0.0)

    def on_error(self, failure):
        """Record a failed request (HTTP error, timeout, DNS, robots.txt refusal...)."""
        request = failure.request
        kind, detail = classify_failure(failure)
        stats = self.crawler.stats
        stats.inc_value("blogscout/errors")
        stats.inc_value(f"blogscout/errors/{kind}")
        if kind == "robots":
            log.debug("robots.txt forbids %s", request.url)
        yield ErrorItem(request.url, request.meta.get("site", site_key(request.url)), kind, detail)
        yield from self._after_failure(request)
        yield from self._section_home_failed(request, kind)
        if self.request_done:
            self.request_done(request)

    def _section_home_failed(self, request, kind: str):
        """A blog section asked as a site's home page (``/blog/``) that is no page: ask the host's root."""
        site = request.meta.get("site", "")
        parts = urlsplit(request.url)
        if request.meta.get("page_kind") != "home" or kind != "http_4xx" or parts.path == "/" or "/" in site:
            return
        yield from self._ask(f"{parts.scheme}://{parts.netloc}/", site, "home", request.meta.get("hops", 0))

    # -- following ---------------------------------------------------------------------------

    def _schedule_site_pages(self, wanted, site: str, state: SiteState):
        """Requests for wanted site pages: one feed/about/contact/Impressum each, posts up to the limit."""
        posts = []
        for url, kind in wanted:
            if kind == "post":
                posts.append(url)
            elif kind in policy.ONCE_KINDS and kind in state.done:
                continue
            else:
                for n, out in enumerate(self._ask(url, site, kind, state.hops)):
                    if n == 0:  # asked (or replayed): before its follow-ups, as a fetch would be
                        self.sites.mark_done(site, kind)
                    yield out
        yield from self._queue_posts(site, state, posts)

    def _post_limit(self, role: str) -> int:
        return policy.post_limit(role, seed_posts=self.seed_posts, candidate_posts=self.candidate_posts)

    def _queue_posts(self, site: str, state: SiteState, urls):
        limit = self._post_limit(state.role)
        for url in urls:
            if state.posts >= limit:
                break
            if site_key(url) != site:
                continue
            if self._settled_post(url):
                if state.scheduled < state.budget:
                    self.sites.add_posts(site)
                    yield from self._replay_settled(url, site, state)
                continue
            for n, out in enumerate(self._ask(url, site, "post", state.hops)):
                if n == 0:
                    self.sites.add_posts(site)
                yield out

    def _follow_links(self, info, site: str, hops: int):
        """Discover the blogs this page links to; record each link to a private address as refused."""
        if not self.allow_private:
            for url in info.private_links:
                self.crawler.stats.inc_value("blogscout/private_refused")
                target = site_key(url) or host_of(url)
                yield ErrorItem(url, target, "private", f"private address refused: linked from {site}")
        topical = policy.topicality(info.text, self.topic_terms)
        for link in info.links:
            if policy.follows_link(link.kind):
                yield from self._discover(link.url, link.kind, site, hops, topical)

    def _discover(self, url: str, kind: str, from_site: str, hops: int, topical: float):
        """Register the site a link points to and queue its home page if within reach."""
        target = site_key(url)
        if not target or target == from_site:
            return
        if not self.allow_private and is_private_address(host_of(url)):
            return  # recorded by _follow_links, one row per spelling; never requested
        known = self.sites.get(target)
        if known is not None:
            if hops + 1 < known.hops:  # a shorter path: the site is closer to the seeds than thought
                self.sites.set_hops(target, hops + 1)
                yield SiteItem(target, site_home(url), known.role, hops + 1, f"{kind} of {from_site}")
                for link_url, link_kind in self.sites.take_deferred(target):
                    yield from self._discover(link_url, link_kind, target, known.hops, 0.0)
            return
        category = None if "/" in target else self.platforms.category(url)  # a blog at a path of a platform
        if category or target in self.excluded:
            self.sites.claim(target, SiteState(category and "platform" or "excluded", hops + 1, 0))
            yield SiteItem(
                target, site_home(url), "platform" if category else "excluded", hops + 1, f"{kind} of {from_site}"
            )
            return
        source_role = self.sites.role(from_site)
        if hops + 1 > self.hops:
            if source_role:
                self.sites.defer(from_site, url, kind)
            return
        priority = policy.candidate_priority(kind, topical, hops + 1, source_role == "seed")
        if not self.sites.claim(target, SiteState("candidate", hops + 1, self.candidate_pages, priority=priority)):
            return  # another worker registered it a moment ago
        yield SiteItem(target, site_home(url), "candidate", hops + 1, f"{kind} of {from_site}")
        yield from self._ask(site_home(url), target, "home", hops + 1)

    # -- helpers -----------------------------------------------------------------------------

    def _is_parsable(self, response) -> bool:
        if "download_stopped" in response.flags or not isinstance(response, TextResponse):
            return False
        return policy.parses_as_page(_header(response, b"Content-Type"))

    def _site_of_response(self, response) -> str:
        """The site a response belongs to; a redirect to another site registers that site too."""
        site = response.meta["site"]
        real = site_key(response.url)
        if real and real != site:
            if real not in self.sites:
                old = self.sites.get(site)
                self.sites.claim(real, SiteState(old.role, old.hops, old.budget, old.priority))
            return real
        return site

    def _moved_site(self, response, site: str):
        """Site rows for a home page that redirected to another site: the blog moved there.

        The new site is stored with the old one's role and distance; the old one points to it
        (``moved_to``), so links to the old address count for the new one when ranking.
        """
        old = response.meta["site"]
        if site == old or response.meta["page_kind"] != "home":
            return
        state = self.sites.get(site)
        yield SiteItem(site, site_home(response.url), state.role, state.hops, f"moved from {old}")
        first = response.meta.get("redirect_urls", [response.request.url])[0]
        yield SiteItem(old, site_home(first), state.role, state.hops, moved_to=site)

    def _page_item(self, response, site: str, page_kind: str, info, follow) -> PageItem:
        contacts = [("email", e) for e in info.emails]
        contacts += [("contact_url", u) for u in info.contact_urls[:2]]
        contacts += [("impressum_url", u) for u in info.impressum_urls[:2]]
        contacts += [("social", u) for u in info.social if is_profile_url(u)]
        contacts += [("name", n) for n in info.contact_names[:1]]
        contacts += [("cooperation_url", u) for u in info.cooperation_urls[:1]]
        if page_kind in ("contact", "impressum"):
            contacts.append((f"{page_kind}_url", response.url))
        if info.sells_links:  # the page's kind, why, where: `scoring.selling` weighs them
            contacts.append(("sells_links", f"{page_kind}\t{info.sells_links}\t{response.url}"))
        return PageItem(
            url=response.url,
            site=site,
            status=response.status,
            page_kind=page_kind,
            content_type=_header(response, b"Content-Type"),
            title=info.title,
            description=info.description,
            language=info.language,
            generator=info.generator,
            published=info.published,
            text=info.text,
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            content_hash=hashlib.sha1(response.body).hexdigest(),
            fetch_interval=self._interval(response.url, page_kind, changed=True),
            feed_url=info.feeds[0] if info.feeds else "",
            is_blog=info.is_blog if page_kind == "home" else None,
            blog_reason=info.blog_reason,
            links=[(link.url, link.kind, link.anchor, link.rel) for link in info.links],
            contacts=list(dict.fromkeys(contacts)),
            follow=follow,
        )


def _header(response, name: bytes) -> str:
    """A response header as text ('' when absent)."""
    return response.headers.get(name, b"").decode("latin-1")


def _declared_encoding(response) -> str | None:
    """The charset the server declared in Content-Type, if any."""
    ctype = _header(response, b"Content-Type")
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
