"""Items the spider yields and the SQLite pipeline stores: plain typed records, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SiteItem:
    """A site seen for the first time (or again), with its role and distance from the seeds."""

    site: str
    home_url: str
    role: str  # seed | candidate | platform | excluded
    hops: int
    found_via: str = ""
    moved_to: str = ""  # the site its home page redirected to (a blog that moved domains)


@dataclass
class PageItem:
    """A fetched page with everything extracted from it."""

    url: str
    site: str
    status: int
    page_kind: str
    content_type: str = ""
    title: str = ""
    description: str = ""
    language: str = ""
    generator: str = ""
    published: str = ""
    text: str = ""
    etag: str = ""
    last_modified: str = ""
    content_hash: str = ""
    feed_url: str = ""
    is_blog: bool | None = None
    blog_reason: str = ""
    links: list[tuple[str, str, str, str]] = field(default_factory=list)  # (url, kind, anchor, rel)
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (kind, value)
    follow: list[tuple[str, str]] = field(default_factory=list)  # same-site (url, page_kind) wanted next
    unchanged: bool = False  # 304 or same content as stored: only the run and fetch time change
    fetch_interval: float | None = None  # days until due again (crawler.spiders.policy); None: as stored


@dataclass
class FeedItem:
    """Entries read from a site's feed."""

    site: str
    feed_url: str
    entries: list[tuple[str, str, str]] = field(default_factory=list)  # (url, title, published)


@dataclass
class ErrorItem:
    """A failed fetch: HTTP error, timeout, DNS, refused by robots.txt, skipped content."""

    url: str
    site: str
    kind: str
    detail: str = ""
