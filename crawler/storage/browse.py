"""Read queries behind the report, the graph export and the web app, as plain rows.

Everything here only reads; the latest ranking snapshot is the source of the partner list.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence

import sqlite_utils

CROSS_SITE = "from_site != to_site AND to_site != ''"


def latest_ranking(db: sqlite_utils.Database) -> dict | None:
    """The newest ranking snapshot (id, created_at, options as a dict), or None."""
    row = db.execute("SELECT id, created_at, options FROM rankings ORDER BY id DESC LIMIT 1").fetchone()
    if not row:
        return None
    return {"id": row[0], "created_at": row[1], "options": json.loads(row[2] or "{}")}


def ranking_rows(db: sqlite_utils.Database, ranking_id: int, limit: int | None = None) -> list[dict]:
    """The stored export rows of one ranking, best first."""
    sql = "SELECT row FROM ranking_rows WHERE ranking_id = ? ORDER BY rank"
    params: list = [ranking_id]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [json.loads(row) for (row,) in db.execute(sql, params)]


def sites(db: sqlite_utils.Database, names: Iterable[str] | None = None) -> dict[str, dict]:
    """{site: sites row} for the given sites (all when None)."""
    if names is None:
        cur = db.execute("SELECT * FROM sites ORDER BY site")
    else:
        names = sorted(set(names))
        if not names:
            return {}
        cur = db.execute(f"SELECT * FROM sites WHERE site IN ({', '.join('?' * len(names))})", names)
    cols = [d[0] for d in cur.description]
    return {row[0]: dict(zip(cols, row)) for row in cur}


def sites_with_role(db: sqlite_utils.Database, role: str) -> list[str]:
    """Site keys with one role (``seed``, ``platform``…), sorted."""
    return [s for (s,) in db.execute("SELECT site FROM sites WHERE role = ? ORDER BY site", [role])]


def seed_links(db: sqlite_utils.Database, kinds: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """{site: [(seed, kind)]}: which seeds link each site, with which link kinds."""
    marks = ", ".join("?" * len(kinds))
    cur = db.execute(
        f"SELECT DISTINCT l.to_site, l.from_site, l.kind FROM links l JOIN sites s ON s.site = l.from_site "
        f"WHERE s.role = 'seed' AND l.from_site != l.to_site AND l.kind IN ({marks}) ORDER BY 1, 2, 3",
        list(kinds),
    )
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for to_site, seed, kind in cur:
        out[to_site].append((seed, kind))
    return dict(out)


def site_links(db: sqlite_utils.Database, site: str, direction: str, limit: int = 200) -> list[dict]:
    """Cross-site links into (``in``) or out of (``out``) one site, one row per other site and kind."""
    mine, other = ("to_site", "from_site") if direction == "in" else ("from_site", "to_site")
    cur = db.execute(
        f"SELECT {other}, kind, COUNT(DISTINCT from_url), min(to_url), min(anchor) FROM links "
        f"WHERE {mine} = ? AND {CROSS_SITE} GROUP BY {other}, kind ORDER BY COUNT(DISTINCT from_url) DESC, {other}, kind "
        "LIMIT ?",
        [site, limit],
    )
    return [{"site": s, "kind": k, "pages": n, "url": url, "anchor": anchor or ""} for s, k, n, url, anchor in cur]


def site_pages(db: sqlite_utils.Database, site: str, limit: int = 200) -> list[dict]:
    """The crawled pages of one site (URL, title, kind, status, dates)."""
    cur = db.execute(
        "SELECT url, title, page_kind, status, published, fetched_at FROM pages WHERE site = ? ORDER BY url LIMIT ?",
        [site, limit],
    )
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur]


def latest_posts(db: sqlite_utils.Database, names: Iterable[str]) -> dict[str, dict]:
    """{site: {"title", "url", "published"}} of each site's newest dated feed entry."""
    names = sorted(set(names))
    if not names:
        return {}
    cur = db.execute(
        "SELECT site, title, entry_url, max(published) FROM feed_entries "
        f"WHERE published != '' AND site IN ({', '.join('?' * len(names))}) GROUP BY site",
        names,
    )
    return {site: {"title": title or "", "url": url, "published": published} for site, title, url, published in cur}


def table_exists(db: sqlite_utils.Database, name: str) -> bool:
    """Whether a table (or view) of that name exists."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone() is not None
