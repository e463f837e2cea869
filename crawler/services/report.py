"""What the report and the web app show about the ranked candidates, as plain dicts.

The partner list comes from the latest stored ranking (``blogscout rank`` stores one); a
database without one is ranked on the fly (not stored). Every crawled string stays a string:
escaping is the templates' job, and only ``http``/``https`` URLs ever get an ``href``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from crawler.errors import InputError, NotStoredError
from crawler.services import outreach
from crawler.services.export import atomic_output
from crawler.services.rank import rank_database
from crawler.storage import browse, reads
from crawler.storage import db as dbmod

log = logging.getLogger(__name__)

# Link kinds as the pictures name them (the kinds that weigh in the ranking).
KIND_GROUPS = {"blogroll": "blogroll", "opml": "blogroll", "content": "editorial", "comment": "comment"}
ACTIVITY_MONTHS = 12


class ReportError(NotStoredError):
    """The database holds nothing to report (no crawl stored yet)."""


class UnknownCandidate(InputError):
    """A site that is not among the ranked candidates."""


@contextmanager
def opened(db_path: str | Path):
    """An open project database (``DatabaseError`` when unusable), closed afterwards."""
    db = dbmod.connect(db_path, create=False)
    try:
        yield db
    finally:
        db.close()


def http_href(url: str | None) -> str | None:
    """The URL if it is an absolute ``http``/``https`` URL with a host, else None (never a link).

    >>> http_href("https://a.de/x"), http_href("javascript:alert(1)"), http_href(" data:text/html,x")
    ('https://a.de/x', None, None)
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(ch) < 32 or ch in "\\\x7f" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def statuses(db: sqlite_utils.Database) -> dict[str, dict]:
    """{site: {"status", "note"}} from the outreach service (empty before any status is set)."""
    return {row["site"]: row for row in outreach.statuses(db)}


def status_names() -> list[str]:
    """Every outreach status, in workflow order."""
    return list(outreach.STATUSES)


def monthly_posts(dates: Iterable[str], reference: str | None, months: int = ACTIVITY_MONTHS) -> list[dict]:
    """Posts per calendar month for the ``months`` months up to the reference date, oldest first.

    >>> [m["posts"] for m in monthly_posts(["2024-06-02", "2024-06-20", "2024-04-01", "2023-01-01"], "2024-06-30", 3)]
    [1, 0, 2]
    """
    end = (reference or "")[:7]
    try:
        year, month = int(end[:4]), int(end[5:7])
    except ValueError:
        return []
    keys = []
    for _ in range(months):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    keys.reverse()
    counts = Counter((d or "")[:7] for d in dates)
    return [{"month": key, "posts": counts.get(key, 0)} for key in keys]


def _split(value: Any, sep: str) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return [part.strip() for part in str(value or "").split(sep) if part.strip()]


def _link(url: str | None, text: str | None = None) -> dict | None:
    """``{"text", "href"}`` for a URL; ``href`` None unless http(s)."""
    if not url:
        return None
    return {"text": text or url, "href": http_href(url)}


def card(
    row: Mapping[str, Any],
    *,
    site_row: Mapping[str, Any] | None = None,
    status: Mapping[str, Any] | None = None,
    seeds: Sequence[tuple[str, str]] = (),
    post_dates: Iterable[str] = (),
    reference: str | None = None,
    latest_post: Mapping[str, Any] | None = None,
) -> dict:
    """Everything one candidate's card shows, from its ranking row and stored facts."""
    site_row = site_row or {}
    status = status or {}
    latest_post = latest_post or {}
    post_url = row.get("latest_post_url") or latest_post.get("url")
    seed_kinds: dict[str, set[str]] = {}
    for seed, kind in seeds:
        seed_kinds.setdefault(seed, set()).add(KIND_GROUPS.get(kind, kind))
    return {
        "site": row["site"],
        "rank": row.get("rank"),
        "title": row.get("title") or site_row.get("title") or "",
        "home": _link(row.get("url") or site_row.get("home_url") or f"https://{row['site']}/"),
        "description": site_row.get("description") or "",
        "score": float(row.get("score") or 0),
        "scores": {name: float(row.get(name) or 0) for name in ("relevance", "centrality", "activity")},
        "why": row.get("why") or "",
        "language": row.get("language") or "",
        "status": status.get("status") or row.get("status") or "new",
        "note": status.get("note") or row.get("note") or "",
        "last_post": row.get("last_post") or "",
        "posts_180d": row.get("posts_180d") or 0,
        "latest_post": _link(post_url, row.get("latest_post_title") or latest_post.get("title")) if post_url else None,
        "activity": monthly_posts(post_dates, reference),
        "emails": _split(row.get("emails"), ";"),
        "contact_name": row.get("contact_name") or "",
        "contact_page": _link(row.get("contact_url")),
        "impressum": _link(row.get("impressum_url")),
        "cooperation_page": _link(row.get("cooperation_url")),
        "social": [_link(url) for url in _split(row.get("social"), " ")],
        "feed": _link(row.get("feed_url")),
        "found_via": row.get("found_via") or site_row.get("found_via") or "",
        "seeds": [{"site": s, "kinds": sorted(k)} for s, k in sorted(seed_kinds.items())],
        "top_terms": row.get("top_terms") or "",
    }


def ranked_rows(db: sqlite_utils.Database, db_path: str | Path) -> tuple[list[dict], dict | None]:
    """The latest stored ranking's rows and its record; ranked now (not stored) when there is none."""
    ranking = browse.latest_ranking(db)
    if ranking:
        return browse.ranking_rows(db, ranking["id"]), ranking
    log.info("no stored ranking in %s: ranking it now (run 'blogscout rank' to store one)", db_path)
    return rank_database(db_path), None


def partners(
    db_path: str | Path,
    *,
    top: int | None = None,
    langs: Sequence[str] | None = None,
    ranked: tuple[list[dict], dict | None] | None = None,
) -> dict:
    """The ranked candidates with their cards, the seeds and facts about the crawl.

    Returns ``{"database", "reference", "ranking", "topic", "seeds", "candidates", "languages",
    "statuses"}``; raises `ReportError` when nothing is crawled yet. ``ranked`` passes rows
    already read with `ranked_rows`.
    """
    with opened(db_path) as db:
        if not reads.latest_run_id(db):
            raise ReportError(f"{db_path}: no crawl stored yet; run 'blogscout crawl URL...' first")
        rows, ranking = ranked or ranked_rows(db, db_path)
        if langs:
            keep = {code.lower() for code in langs}
            rows = [row for row in rows if not row.get("language") or row["language"] in keep]
        if top:
            rows = rows[:top]
        names = [row["site"] for row in rows]
        site_rows = browse.sites(db, names)
        stored = statuses(db)
        seed_from = browse.seed_links(db, sorted(KIND_GROUPS))
        dates = reads.load_post_dates(db)
        reference = reads.reference_time(db)
        latest = browse.latest_posts(db, names)
        seeds = browse.sites(db, browse.sites_with_role(db, "seed"))
        cards = [
            card(
                row,
                site_row=site_rows.get(row["site"]),
                status=stored.get(row["site"]),
                seeds=seed_from.get(row["site"], ()),
                post_dates=dates.get(row["site"], ()),
                reference=reference,
                latest_post=latest.get(row["site"]),
            )
            for row in rows
        ]
    return {
        "database": Path(db_path).name,
        "reference": (reference or "")[:10],
        "ranking": ranking,
        "topic": (ranking or {}).get("options", {}).get("topic") or "",
        "seeds": [
            {"site": s, "title": r.get("title") or "", "home": _link(r.get("home_url"))} for s, r in seeds.items()
        ],
        "candidates": cards,
        "languages": sorted({c["language"] for c in cards if c["language"]}),
        "statuses": status_names(),
    }


def candidate(db_path: str | Path, site: str, *, limit: int = 200) -> dict:
    """One candidate's card plus its links in and out and its crawled pages."""
    with opened(db_path) as db:
        rows, _ = ranked_rows(db, db_path)
        row = next((r for r in rows if r["site"] == site), None)
        if row is None:
            raise UnknownCandidate(f"{site!r} is not a ranked candidate of {Path(db_path).name}")
        dates = reads.load_post_dates(db).get(site, ())
        one = card(
            row,
            site_row=browse.sites(db, [site]).get(site),
            status=statuses(db).get(site),
            seeds=browse.seed_links(db, sorted(KIND_GROUPS)).get(site, ()),
            post_dates=dates,
            reference=reads.reference_time(db),
            latest_post=browse.latest_posts(db, [site]).get(site),
        )
        links_in = browse.site_links(db, site, "in", limit)
        links_out = browse.site_links(db, site, "out", limit)
        pages = browse.site_pages(db, site, limit)
    for link in links_in + links_out:
        link["link"] = _link(link.pop("url"), link["anchor"] or None)
    for page in pages:
        page["link"] = _link(page["url"])
    return {"card": one, "links_in": links_in, "links_out": links_out, "pages": pages, "statuses": status_names()}


def write_text(out: str | Path, text: str, db: str | Path | None = None) -> None:
    """Write a text file atomically (see `crawler.services.export.atomic_output`)."""
    with atomic_output(out, db) as tmp:
        tmp.write_text(text, encoding="utf-8")


def set_status(db_path: str | Path, site: str, status: str, note: str | None = None) -> None:
    """Store a candidate's outreach status and note through the outreach service."""
    with opened(db_path) as db:
        outreach.mark(db, [site], status, note, source="app")


def check_database(db_path: str | Path) -> None:
    """Open (and migrate) the project database once; `DatabaseError` when it cannot be used."""
    with opened(db_path):
        pass
