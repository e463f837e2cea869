"""Batched writes of crawl items into the database, one transaction per batch (no Scrapy here)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import lru_cache

import sqlite_utils

from crawler.extract.urls import site_key
from crawler.items import ErrorItem, FeedItem, PageItem, SiteItem
from crawler.storage.db import utcnow

log = logging.getLogger(__name__)

ROLE_RANK = {"seed": 3, "excluded": 2, "platform": 2, "candidate": 1}

_UPSERT_SITE = """
INSERT INTO sites (site, home_url, role, hops, found_via, moved_to, pages, errors, robots_blocked, first_run, run_id)
VALUES (:site, :home_url, :role, :hops, :found_via, nullif(:moved_to, ''), 0, 0, 0, :run_id, :run_id)
ON CONFLICT(site) DO UPDATE SET
  moved_to = coalesce(nullif(excluded.moved_to, ''), sites.moved_to),
  role = CASE WHEN sites.role = 'seed' OR excluded.role = 'candidate' AND sites.role IS NOT NULL
              THEN sites.role ELSE excluded.role END,
  hops = min(coalesce(sites.hops, excluded.hops), excluded.hops),
  found_via = CASE WHEN excluded.hops < coalesce(sites.hops, 1e9) OR coalesce(sites.found_via, '') = ''
                   THEN excluded.found_via ELSE sites.found_via END,
  home_url = coalesce(sites.home_url, excluded.home_url),
  run_id = excluded.run_id
"""

# An upsert, not INSERT OR REPLACE: a replace deletes the row without firing delete triggers,
# which would leave stale entries in the full-text index (pages_fts) and orphan its links.
_PAGE_COLUMNS = (
    "site, run_id, fetched_at, status, page_kind, content_type, title, language, published, text, "
    "etag, last_modified, content_hash, follow, fetch_interval, next_fetch"
).split(", ")
_UPSERT_PAGE = (
    f"INSERT INTO pages (url, {', '.join(_PAGE_COLUMNS)}) "
    f"VALUES (:url, {', '.join(':' + c for c in _PAGE_COLUMNS)}) "
    f"ON CONFLICT(url) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _PAGE_COLUMNS)}"
)

_UNCHANGED_PAGE = """
UPDATE pages SET run_id = :run_id,
  fetched_at = CASE WHEN :fetch_interval IS NULL THEN fetched_at ELSE :fetched_at END,
  fetch_interval = coalesce(:fetch_interval, fetch_interval),
  next_fetch = CASE WHEN :fetch_interval IS NULL THEN next_fetch ELSE :next_fetch END
WHERE url = :url
"""

_SITE_INFO = """
UPDATE sites SET title = :title, description = :description, language = :language,
  generator = :generator, feed_url = coalesce(nullif(:feed_url, ''), feed_url), home_url = :home_url,
  is_blog = :is_blog, blog_reason = :blog_reason, run_id = :run_id
WHERE site = :site
"""

_UPSERT_CONTACT = """
INSERT INTO contacts (site, kind, value, run_id, source_url) VALUES (?, ?, ?, ?, ?)
ON CONFLICT(site, kind, value) DO UPDATE SET run_id = excluded.run_id, source_url = excluded.source_url
"""

_UPSERT_ENTRY = """
INSERT INTO feed_entries (site, entry_url, run_id, feed_url, title, published) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT(site, entry_url) DO UPDATE SET run_id = excluded.run_id, title = excluded.title,
  published = coalesce(nullif(excluded.published, ''), feed_entries.published), feed_url = excluded.feed_url
"""


def write_batch(db: sqlite_utils.Database, run_id: int, items: Iterable[object]) -> int:
    """Store a batch of items in one transaction; return how many were written."""
    conn = db.conn
    count = 0
    with conn:
        for item in items:
            if isinstance(item, SiteItem):
                _write_site(conn, run_id, item)
            elif isinstance(item, PageItem):
                _write_page(conn, run_id, item)
            elif isinstance(item, FeedItem):
                conn.executemany(
                    _UPSERT_ENTRY,
                    [
                        (item.site, url, run_id, item.feed_url, title, published)
                        for url, title, published in item.entries
                    ],
                )
            elif isinstance(item, ErrorItem):
                conn.execute(
                    "INSERT INTO fetch_errors (run_id, url, site, kind, detail) VALUES (?, ?, ?, ?, ?)",
                    (run_id, item.url, item.site, item.kind, item.detail[:500]),
                )
                if item.kind == "robots":
                    conn.execute(
                        "UPDATE sites SET robots_blocked = 1 WHERE site = ? AND home_url = ?", (item.site, item.url)
                    )
            else:
                log.warning("dropping unknown item type %s", type(item).__name__)
                continue
            count += 1
    return count


def _write_site(conn, run_id: int, item: SiteItem) -> None:
    conn.execute(
        _UPSERT_SITE,
        {
            "site": item.site,
            "home_url": item.home_url,
            "role": item.role,
            "hops": item.hops,
            "found_via": item.found_via,
            "moved_to": item.moved_to,
            "run_id": run_id,
        },
    )


def _write_page(conn, run_id: int, page: PageItem) -> None:
    now = utcnow()
    next_fetch = _next_fetch(now, page.fetch_interval)
    if page.unchanged:  # fetched unchanged (a new schedule), or replayed from storage unfetched (none)
        conn.execute(
            _UNCHANGED_PAGE,
            {
                "run_id": run_id,
                "fetched_at": now,
                "fetch_interval": page.fetch_interval,
                "next_fetch": next_fetch,
                "url": page.url,
            },
        )
        conn.execute("UPDATE links SET run_id = ? WHERE from_url = ?", (run_id, page.url))
        conn.execute("UPDATE contacts SET run_id = ? WHERE source_url = ?", (run_id, page.url))
        return
    row = {
        "url": page.url,
        "site": page.site,
        "run_id": run_id,
        "fetched_at": now,
        "status": page.status,
        "page_kind": page.page_kind,
        "content_type": page.content_type,
        "title": page.title,
        "language": page.language,
        "published": page.published,
        "text": page.text,
        "etag": page.etag,
        "last_modified": page.last_modified,
        "content_hash": page.content_hash,
        "follow": json.dumps(page.follow) if page.follow else "",
        "fetch_interval": page.fetch_interval,
        "next_fetch": next_fetch,
    }
    conn.execute(_UPSERT_PAGE, row)
    conn.execute("DELETE FROM links WHERE from_url = ?", (page.url,))
    from_site = page.site
    conn.executemany(
        "INSERT INTO links (run_id, from_url, from_site, to_url, to_site, kind, anchor, rel) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(run_id, page.url, from_site, url, site_key(url), kind, anchor, rel) for url, kind, anchor, rel in page.links],
    )
    # A page's contacts are what its latest fetch shows: an address the blog removed goes.
    conn.execute("DELETE FROM contacts WHERE source_url = ?", (page.url,))
    conn.executemany(_UPSERT_CONTACT, [(page.site, kind, value, run_id, page.url) for kind, value in page.contacts])
    if page.page_kind == "home" and page.is_blog is not None:
        conn.execute(
            _SITE_INFO,
            {
                "site": page.site,
                "home_url": page.url,  # the home page read (after redirects, or the root when a section was none)
                "title": page.title,
                "description": page.description,
                "language": page.language,
                "generator": page.generator,
                "feed_url": page.feed_url,
                "is_blog": int(page.is_blog),
                "blog_reason": page.blog_reason,
                "run_id": run_id,
            },
        )


@lru_cache(maxsize=256)  # a batch has one or two `now` values and a handful of intervals
def _next_fetch(now: str, interval_days: float | None) -> str | None:
    """When a page fetched at `now` is due again (same ISO format as `now`)."""
    if interval_days is None:
        return None
    return (datetime.fromisoformat(now) + timedelta(days=interval_days)).replace(microsecond=0).isoformat()


def update_site_counts(db: sqlite_utils.Database, run_id: int) -> None:
    """Refresh the per-site page and error counters after a run."""
    with db.conn:
        db.execute("UPDATE sites SET pages = (SELECT count(*) FROM pages WHERE pages.site = sites.site)")
        db.execute(
            "UPDATE sites SET errors = (SELECT count(*) FROM fetch_errors e "
            "WHERE e.site = sites.site AND e.run_id = ?)",
            [run_id],
        )
