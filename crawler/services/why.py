"""Why a site stands where it does in the ranking, or why it is not in the list at all.

The first question a strategist asks when a blog she knows is missing. `explain_site` reads the
site's row, pages, fetch errors and the links to it from the project database, ranks the project
as `blogscout rank` does, and returns the verdict with its evidence as plain data.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from crawler.errors import InputError
from crawler.services.rank import me_site, rank_database
from crawler.storage import db as dbmod
from crawler.storage.reads import crawl_topic

log = logging.getLogger(__name__)

MAX_LINKERS = 5  # linking sites listed in the evidence


def explain_site(
    db_path: str | Path,
    target: str,
    *,
    topic: str | None = None,
    langs: Sequence[str] | None = None,
    me: str | None = None,
    weights: str | Path | Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The verdict on one site (a URL or a site name such as ``anna-blog.de``) with its evidence.

    Returns ``{"site", "listed", "rank", "of", "verdict", "why", "evidence"}``: ``listed`` is True
    when the site is in the ranking (``rank`` of ``of``, ``why`` the ranking's reasons), else
    ``verdict`` says what kept it out. ``topic`` None ranks with the crawl's own ``--topic``.
    """
    site = me_site(target)
    if not site:
        raise InputError(f"site '{target}': not a site name or http(s) URL; give it like anna-blog.de")
    db = dbmod.connect(db_path, create=False)
    try:
        facts = _facts(db, site)
        topic = crawl_topic(db) if topic is None else topic
    finally:
        db.close()
    out: dict[str, Any] = {"site": site, "listed": False, "rank": None, "of": 0, "why": "", "evidence": facts}
    moved = facts.get("moved_to")
    if moved:
        inner = explain_site(db_path, moved, topic=topic, langs=langs, me=me, weights=weights)
        verdict = f"moved to {moved}, ranked under its new address: {inner['verdict']}"
        return {**inner, "moved_from": site, "verdict": verdict}
    rows = rank_database(db_path, topic=topic, langs=langs, me=me, weights=weights)
    out["of"] = len(rows)
    for row in rows:
        if row["site"] == site:
            out.update(listed=True, rank=row["rank"], why=row["why"], score=row["score"], status=row["status"])
            out["verdict"] = f"rank {row['rank']} of {len(rows)} (score {row['score']:.3f})"
            return out
    out["verdict"] = _not_listed(site, facts, langs, me)
    return out


def _facts(db, site: str) -> dict[str, Any]:
    """What the database holds about a site: its row, pages by kind, errors, links to it."""
    cols = [c[1] for c in db.execute("PRAGMA table_info(sites)")]
    row = db.execute("SELECT * FROM sites WHERE site = ?", (site,)).fetchone()
    facts: dict[str, Any] = {"known": row is not None}
    if row is not None:
        info = dict(zip(cols, row))
        for key in ("role", "hops", "found_via", "home_url", "is_blog", "blog_reason", "robots_blocked", "moved_to"):
            if info.get(key) not in (None, ""):
                facts[key] = info[key]
    facts["pages"] = dict(
        db.execute("SELECT page_kind, count(*) FROM pages WHERE site = ? GROUP BY page_kind", (site,))
    )
    facts["errors"] = dict(db.execute("SELECT kind, count(*) FROM fetch_errors WHERE site = ? GROUP BY kind", (site,)))
    linkers = db.execute(
        "SELECT from_site, kind, count(*) FROM links WHERE to_site = ? AND from_site != ? "
        "GROUP BY from_site, kind ORDER BY count(*) DESC, from_site",
        (site, site),
    ).fetchall()
    facts["linked_from"] = [f"{s} ({kind} ×{n})" for s, kind, n in linkers[:MAX_LINKERS]]
    facts["linking_sites"] = len({s for s, _, _ in linkers})
    return facts


def _not_listed(site: str, facts: Mapping[str, Any], langs: Sequence[str] | None, me: str | None) -> str:
    """Why a site is not in the ranking, from its facts (the first reason that applies)."""
    if me and me_site(me) == site:
        return "your own blog (--me): never ranked"
    if not facts["known"]:
        if facts["linking_sites"]:
            return (
                f"not crawled: linked from {facts['linking_sites']} site(s), but further from the seeds than "
                "--hops allows; crawl again with a higher --hops or add it as a seed"
            )
        return "not found: no crawled page links it; add it as a seed or crawl with a higher --hops"
    role = facts.get("role")
    if role == "seed":
        return "a seed: seeds are the starting point, never ranked"
    if role == "platform":
        return "a platform (social network, shop, news site, hosting service…): never ranked"
    if role == "excluded":
        return "excluded by --exclude: never ranked"
    if not facts["pages"]:
        if facts.get("robots_blocked"):
            return "never fetched: its robots.txt forbids crawling it"
        if facts["errors"]:
            kinds = ", ".join(f"{k} ×{n}" for k, n in sorted(facts["errors"].items()))
            return f"never fetched: every request failed ({kinds})"
        return "never fetched: the crawl's page budget (--max-pages) ran out before it"
    if not facts.get("is_blog"):
        reason = facts.get("blog_reason") or "no feed and no dated posts"
        return f"not a blog: {reason}"
    if langs:
        return f"its language is not in --lang {','.join(langs)}"
    return "not ranked; run 'blogscout rank' to refresh the ranking"
