"""Crawl policy, pure: priorities, budgets, post limits and which pages and links to follow.

No Scrapy here: the spider (`crawler.spiders.blogs`) asks these functions and turns the answers
into requests. Higher priorities are fetched first (Scrapy's convention).
"""

from __future__ import annotations

from datetime import datetime

from crawler.extract.urls import site_key

# Links to other blogs worth following, by link kind, and their base priority.
FOLLOW_KINDS = {"blogroll": 60, "opml": 60, "content": 40, "source": 40, "comment": 20}
# Within a site: the feed first (new posts), then blogroll pages, then the rest.
PAGE_PRIORITY = {"home": 0, "feed": 20, "opml": 15, "blogroll": 15, "post": 5}
SEED_PRIORITY = 200  # seeds before every candidate
SEED_BONUS = 30  # a blog linked from a seed goes before one linked from a candidate
HOP_PENALTY = 10  # per link between a candidate and the seeds
TOPIC_BONUS = 20  # for a link from a page that mentions every topic term
RESUMED_CANDIDATE_PRIORITY = 60  # a resumed run's candidates: the blogroll priority, less the hop penalty

# Page kinds a site is asked for once; more pages of a kind come only from the home page.
ONCE_KINDS = frozenset({"feed", "about", "contact", "impressum"})
OPML_PER_PAGE = 2
SEED_BLOGROLLS_PER_PAGE = 5  # a seed's blogroll pages are its most valuable: several are read
CANDIDATE_BLOGROLLS_PER_PAGE = 1

# Content types the spider parses; downloads of anything else stop after the headers.
PARSED_TYPES = ("html", "xml", "rss", "atom", "opml", "text/plain")


def budget(role: str, *, seed_pages: int, candidate_pages: int) -> int:
    """Pages a site of `role` may get: seeds are read deeply, candidates shallowly, others not at all.

    >>> budget("seed", seed_pages=40, candidate_pages=8), budget("platform", seed_pages=40, candidate_pages=8)
    (40, 0)
    """
    return {"seed": seed_pages, "candidate": candidate_pages}.get(role, 0)


def post_limit(role: str, *, seed_posts: int, candidate_posts: int) -> int:
    """Recent posts read from a site of `role`.

    >>> post_limit("seed", seed_posts=10, candidate_posts=3)
    10
    """
    return seed_posts if role == "seed" else candidate_posts


def page_priority(site_priority: int, page_kind: str) -> int:
    """A request's priority: its site's, plus a bonus for the feed and blogroll pages.

    >>> page_priority(200, "feed"), page_priority(200, "about")
    (220, 200)
    """
    return site_priority + PAGE_PRIORITY.get(page_kind, 0)


def candidate_priority(link_kind: str, topicality: float, hops: int, from_seed: bool) -> int:
    """The priority of a newly found blog `hops` links from the seeds, found through a `link_kind` link.

    >>> candidate_priority("blogroll", 0.0, 1, True), candidate_priority("comment", 0.5, 2, False)
    (80, 10)
    """
    priority = FOLLOW_KINDS[link_kind] + int(TOPIC_BONUS * topicality) - HOP_PENALTY * hops
    return priority + SEED_BONUS if from_seed else priority


def resumed_priority(role: str, hops: int) -> int:
    """The priority of a site restored from an interrupted run (its link kind is not stored).

    >>> resumed_priority("seed", 0), resumed_priority("candidate", 2)
    (200, 40)
    """
    return SEED_PRIORITY if role == "seed" else RESUMED_CANDIDATE_PRIORITY - HOP_PENALTY * hops


def topic_terms(topic: str) -> list[str]:
    """The user's topic as lower-case terms (comma- or semicolon-separated).

    >>> topic_terms("SEO; Content Marketing,")
    ['seo', 'content marketing']
    """
    return [t.strip().lower() for t in topic.replace(";", ",").split(",") if t.strip()]


def topicality(text: str, terms: list[str]) -> float:
    """Share of the topic terms that occur in a page text (0 without terms or text).

    >>> topicality("Tipps zu SEO und Social Media", ["seo", "content marketing"])
    0.5
    """
    if not terms or not text:
        return 0.0
    low = text.lower()
    return sum(term in low for term in terms) / len(terms)


def site_pages(info, site: str, role: str, page_kind: str, posts: int) -> list[tuple[str, str]]:
    """(url, page_kind) of a site's pages worth reading, found on one of its pages.

    `info` is a `crawler.extract.page` result. The feed, OPML files, blogroll pages (several for a
    seed), one about, contact and Impressum page each; `posts` recent posts from the home page only
    (then the feed: a stable choice). Pages of other sites are left out.
    """
    seed = role == "seed"
    wanted = []
    if info.feeds:
        wanted.append((info.feeds[0], "feed"))
    wanted += [(u, "opml") for u in info.opml_urls[:OPML_PER_PAGE]]
    blogrolls = SEED_BLOGROLLS_PER_PAGE if seed else CANDIDATE_BLOGROLLS_PER_PAGE
    wanted += [(u, "blogroll") for u in info.blogroll_urls[:blogrolls]]
    for urls, kind in ((info.about_urls, "about"), (info.contact_urls, "contact"), (info.impressum_urls, "impressum")):
        wanted += [(u, kind) for u in urls[:1]]
    if page_kind == "home":
        wanted += [(u, "post") for u in info.post_urls[:posts]]
    return [(u, kind) for u, kind in wanted if site_key(u) == site]


def feed_posts(entry_urls: list[str], site: str, posts: int) -> list[tuple[str, str]]:
    """(url, "post") of the newest `posts` feed entries on the feed's own site.

    >>> feed_posts(["http://a.de/1", "http://b.de/x", "http://a.de/2"], "a.de", 1)
    [('http://a.de/1', 'post')]
    """
    return [(url, "post") for url in entry_urls if site_key(url) == site][:posts]


def follows_link(kind: str) -> bool:
    """True for link kinds that lead to other blogs worth discovering.

    >>> follows_link("blogroll"), follows_link("nav")
    (True, False)
    """
    return kind in FOLLOW_KINDS


def wants_body(content_type: str) -> bool:
    """True unless the Content-Type says the body is something never parsed (images, PDFs...).

    >>> wants_body("text/html; charset=utf-8"), wants_body("image/png"), wants_body("")
    (True, False, True)
    """
    ctype = content_type.lower()
    return not ctype or any(t in ctype for t in PARSED_TYPES)


def parses_as_page(content_type: str) -> bool:
    """True when a response of this Content-Type is extracted as an HTML page.

    >>> parses_as_page("application/xhtml+xml"), parses_as_page("text/plain")
    (True, False)
    """
    ctype = content_type.lower()
    return not ctype or "html" in ctype or "xml" in ctype


# -- re-fetch schedule (Nutch's adaptive fetch schedule) --------------------------------------
# Each stored page has an interval after which a re-crawl asks for it again. The interval grows
# while the page stays the same and shrinks when it changed, within MIN and MAX. Feeds are asked
# on every re-crawl (a conditional request, the cheapest signal that a blog posted); a site without
# a feed is watched through its home page. A changed feed makes the site's home page due at once.
SCHEDULE_INC_RATE = 0.4  # unchanged: interval × 1.4 (Nutch's default)
SCHEDULE_DEC_RATE = 0.2  # changed: interval × 0.8
MIN_INTERVAL_DAYS = 1.0 / 24
MAX_INTERVAL_DAYS = 90.0
INITIAL_INTERVAL_DAYS = {"feed": 0.0, "home": 1.0, "post": 14.0}
DEFAULT_INTERVAL_DAYS = 7.0  # about, contact, Impressum, blogroll pages
ALWAYS_DUE = frozenset({"feed"})
# A site whose feed changed has these read again at once: where its new posts and partners show.
REREAD_ON_CHANGE = frozenset({"home", "blogroll", "opml"})
# A seed's pages asked on every re-crawl (conditional: an unchanged one is a cheap 304): a seed
# that adds a partner to its blogroll without posting shows it there, not in its feed.
SEED_WATCHED = REREAD_ON_CHANGE


def next_interval(page_kind: str, previous: float, changed: bool) -> float:
    """Days until a page is due again, after a fetch that found it `changed` or not.

    `previous` is the stored interval (0 for a page fetched for the first time).

    >>> next_interval("post", 0.0, True), next_interval("post", 14.0, False), next_interval("post", 10.0, True)
    (14.0, 19.6, 8.0)
    >>> next_interval("feed", 0.0, False)
    0.0
    """
    if page_kind in ALWAYS_DUE:
        return 0.0
    if previous <= 0:
        return INITIAL_INTERVAL_DAYS.get(page_kind, DEFAULT_INTERVAL_DAYS)
    interval = previous * (1 - SCHEDULE_DEC_RATE if changed else 1 + SCHEDULE_INC_RATE)
    return round(min(max(interval, MIN_INTERVAL_DAYS), MAX_INTERVAL_DAYS), 6)


def is_due(
    page_kind: str,
    next_fetch: str,
    now: str,
    *,
    has_feed: bool = True,
    site_changed: bool = False,
    role: str = "",
) -> bool:
    """True when a re-crawl should ask for a stored page again.

    `next_fetch` and `now` are ISO timestamps (UTC); a page without a stored schedule is due, and
    so is the home page of a site without a feed (it is how the site shows a change). When the
    site's feed changed in this run (`site_changed`), its home and blogroll pages are due; a seed's
    (`role`) home, blogroll and OPML pages are always due.

    >>> is_due("post", "2026-02-01T00:00:00", "2026-01-20T00:00:00"), is_due("post", "", "2026-01-20T00:00:00")
    (False, True)
    >>> is_due("home", "2026-02-01T00:00:00", "2026-01-20T00:00:00", has_feed=False)
    True
    >>> is_due("opml", "2026-02-01T00:00:00", "2026-01-20T00:00:00", site_changed=True)
    True
    >>> is_due("blogroll", "2026-02-01T00:00:00", "2026-01-20T00:00:00", role="seed")
    True
    """
    if page_kind in ALWAYS_DUE or not next_fetch:
        return True
    if role == "seed" and page_kind in SEED_WATCHED:
        return True
    if page_kind == "home" and not has_feed or site_changed and page_kind in REREAD_ON_CHANGE:
        return True
    return next_fetch <= now


# A URL whose last fetch failed rests too: transient failures a day, the others a week.
TRANSIENT_FAILURES = frozenset({"http_5xx", "timeout", "dns", "connection", "truncated", "tls", "proxy"})
RETRY_TRANSIENT_DAYS = 1.0
RETRY_OTHER_DAYS = 7.0


def retry_due(kind: str, failed_at: str, now: str) -> bool:
    """True when a re-crawl should try a URL again whose last fetch failed with `kind` at `failed_at`.

    >>> retry_due("http_5xx", "2026-01-19T12:00:00+00:00", "2026-01-20T12:00:00+00:00")
    True
    >>> retry_due("redirect", "2026-01-19T12:00:00+00:00", "2026-01-20T12:00:00+00:00")
    False
    """
    if not failed_at:
        return True
    days = RETRY_TRANSIENT_DAYS if kind in TRANSIENT_FAILURES else RETRY_OTHER_DAYS
    return (datetime.fromisoformat(now) - datetime.fromisoformat(failed_at)).total_seconds() >= days * 86400
