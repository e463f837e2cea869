"""Read-only queries that load what ranking needs from a crawl database, as plain data.

Also `save_ranking`, which stores a ranking snapshot (``rankings`` and ``ranking_rows``).
Storage never imports scoring: `crawler.services.rank` joins the two.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

import sqlite_utils

from crawler.storage import db as dbmod

log = logging.getLogger(__name__)

SITE_COLUMNS = (
    "site",
    "home_url",
    "role",
    "hops",
    "found_via",
    "title",
    "language",
    "feed_url",
    "is_blog",
    "pages",
    "moved_to",
)


def load_sites(db: sqlite_utils.Database) -> list[dict]:
    """Every site row with the columns ranking uses, ordered by site."""
    cols = ", ".join(SITE_COLUMNS)
    cur = db.execute(f"SELECT {cols} FROM sites ORDER BY site")
    return [dict(zip(SITE_COLUMNS, row)) for row in cur]


def iter_link_counts(
    db: sqlite_utils.Database, kinds: Iterable[str] | None = None
) -> Iterator[tuple[str, str, str, int]]:
    """``(from_site, to_site, kind, distinct linking pages)`` for every cross-site link kind.

    ``kinds`` restricts the rows to those link kinds (the ones the graph weighs). The table is
    read in storage order and grouped with a sort (``NOT INDEXED``): the (from_site, to_site,
    kind) index does not hold ``from_url``, and a table lookup per link is slower.
    """
    where = "from_site != to_site AND to_site != ''"
    kinds = None if kinds is None else sorted(set(kinds))
    if kinds is not None:
        where += f" AND kind IN ({', '.join('?' * len(kinds))})"
    cur = db.execute(
        f"SELECT from_site, to_site, kind, COUNT(DISTINCT from_url) FROM links NOT INDEXED WHERE {where} "
        "GROUP BY from_site, to_site, kind ORDER BY from_site, to_site, kind",
        kinds or [],
    )
    yield from cur


PAGE_BREAK = "\f"  # between two pages' text in a document of `iter_documents`


def iter_documents(
    db: sqlite_utils.Database, sites: Mapping[str, Mapping[str, Any]] | None = None, max_chars: int = 200_000
) -> Iterator[tuple[str, str | None, str]]:
    """One ``(site, language, text)`` document per site from its pages' main text, streamed.

    Lines repeated across a site's pages (leftover sidebars and footers) are kept once; a
    document stops growing at ``max_chars``. Pages are separated by a form feed line (`PAGE_BREAK`),
    so copied posts can be told page by page. ``sites`` (site -> row) supplies the declared
    language and restricts the output to those sites.
    """
    cur = db.execute("SELECT site, text, language FROM pages WHERE text IS NOT NULL AND text != '' ORDER BY site, url")
    current, lines, seen, size, langs = None, [], set(), 0, defaultdict(int)

    def flush():
        declared = (sites or {}).get(current, {}).get("language") if sites else None
        if not declared and langs:
            declared = max(sorted(langs), key=langs.get)
        return current, declared, "\n".join(lines)

    for site, text, lang in cur:
        if sites is not None and site not in sites:
            continue
        if site != current:
            if current is not None and lines:
                yield flush()
            current, lines, seen, size, langs = site, [], set(), 0, defaultdict(int)
        if lang:
            langs[lang] += 1
        if size >= max_chars:
            continue
        before = len(lines)
        for line in map(str.strip, text.splitlines()):
            if not line or line in seen or size >= max_chars:
                continue
            seen.add(line)
            lines.append(line)
            size += len(line)
        if len(lines) > before:
            lines.append(PAGE_BREAK)
    if current is not None and lines:
        yield flush()


_POST_DATES = (
    "SELECT site, entry_url AS url, published FROM feed_entries WHERE published IS NOT NULL "
    "AND published != '' "
    "UNION ALL "
    "SELECT p.site, p.url, p.published FROM pages p NOT INDEXED WHERE p.page_kind = 'post' "
    "AND p.published IS NOT NULL AND p.published != '' AND NOT EXISTS ("
    "SELECT 1 FROM feed_entries f WHERE f.site = p.site AND f.entry_url = p.url "
    "AND f.published IS NOT NULL AND f.published != '') "
    "ORDER BY 1, 2"
)


def load_post_dates(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """{site: [publication date per post]} from feed entries and dated post pages, one per URL.

    A post both in a feed and crawled as a page counts once, with the feed's date. Streamed
    from one query ordered by site and URL (the pages read in table order, then sorted);
    equal date strings are stored once.
    """
    out: dict[str, list[str]] = {}
    once = {}.setdefault
    for site, rows in groupby(db.execute(_POST_DATES), key=itemgetter(0)):
        out[site] = [once(published, published) for _, _, published in rows]
    return out


# Where a person's name is most trustworthy: the Impressum names who is responsible by law.
_NAME_SOURCES = "CASE p.page_kind WHEN 'impressum' THEN 0 WHEN 'about' THEN 1 WHEN 'contact' THEN 2 ELSE 3 END"


def load_contacts(db: sqlite_utils.Database) -> dict[str, dict[str, list[str]]]:
    """{site: {kind: [values]}} for e-mail, contact page, Impressum, social profiles, cooperation pages.

    Names (kind ``name``) come best first: from the Impressum, then the about and contact pages,
    then the most pages; other kinds in alphabetical order.
    """
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for site, kind, value in db.execute(
        "SELECT site, kind, value FROM contacts WHERE kind != 'name' ORDER BY site, kind, value"
    ):
        out[site][kind].append(value)
    cur = db.execute(
        f"SELECT c.site, c.value, min({_NAME_SOURCES}) AS source FROM contacts c "
        "LEFT JOIN pages p ON p.url = c.source_url WHERE c.kind = 'name' "
        "GROUP BY c.site, c.value ORDER BY c.site, source, c.value"
    )
    for site, value, _ in cur:
        out[site]["name"].append(value)
    return {s: dict(kinds) for s, kinds in out.items()}


_LATEST_POSTS = (
    "SELECT site, title, url, max(published) FROM ("
    "SELECT site, title, entry_url AS url, published FROM feed_entries "
    "WHERE published IS NOT NULL AND published != '' AND title IS NOT NULL AND title != '' "
    "UNION ALL SELECT site, title, url, published FROM pages WHERE page_kind = 'post' "
    "AND published IS NOT NULL AND published != '' AND title IS NOT NULL AND title != '') GROUP BY site"
)


def load_sources(db: sqlite_utils.Database) -> dict[str, set[str]]:
    """{site: the sites it names as where its posts first appeared} (``source`` links)."""
    out: dict[str, set[str]] = defaultdict(set)
    cur = db.execute(
        "SELECT DISTINCT from_site, to_site FROM links WHERE kind = 'source' AND from_site != to_site AND to_site != ''"
    )
    for site, source in cur:
        out[site].add(source)
    return dict(out)


def load_page_kinds(db: sqlite_utils.Database) -> dict[str, set[str]]:
    """{site: kinds of its fetched pages} for the pages that show a person (about, Impressum, contact)."""
    out: dict[str, set[str]] = defaultdict(set)
    cur = db.execute("SELECT DISTINCT site, page_kind FROM pages WHERE page_kind IN ('about', 'impressum', 'contact')")
    for site, kind in cur:
        out[site].add(kind)
    return dict(out)


def load_latest_posts(db: sqlite_utils.Database) -> dict[str, tuple[str, str]]:
    """{site: (title, url)} of each site's newest dated post, from its feed or crawled posts."""
    return {site: (" ".join(title.split()), url) for site, title, url, _ in db.execute(_LATEST_POSTS)}


def reference_time(db: sqlite_utils.Database) -> str | None:
    """Finish time of the latest finished crawl run (else the latest fetch), for activity."""
    row = db.execute("SELECT max(finished_at) FROM runs WHERE finished_at IS NOT NULL AND finished_at != ''").fetchone()
    if row and row[0]:
        return row[0]
    row = db.execute("SELECT max(fetched_at) FROM pages").fetchone()
    return row[0] if row and row[0] else None


def crawl_topic(db: sqlite_utils.Database) -> str:
    """The topic of the latest run that was given one ('' when none was)."""
    for (options,) in db.execute("SELECT options FROM runs ORDER BY id DESC"):
        try:
            topic = json.loads(options or "{}").get("topic")
        except (ValueError, AttributeError):
            continue
        if topic:
            return str(topic)
    return ""


def latest_run_id(db: sqlite_utils.Database) -> int | None:
    """Id of the latest run, or None for a database without runs."""
    row = db.execute("SELECT max(id) FROM runs").fetchone()
    return row[0] if row else None


def save_ranking(
    db: sqlite_utils.Database, run_id: int | None, rows: Sequence[Mapping[str, Any]], options: Mapping[str, Any]
) -> int:
    """Store a ranking snapshot (options and every row as JSON); return the ranking id."""
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder (json.dumps builds one per call)
    with db.conn:
        ranking_id = (
            db["rankings"]
            .insert(
                {
                    "run_id": run_id,
                    "created_at": dbmod.utcnow(),
                    "options": json.dumps(dict(options), sort_keys=True, default=str),
                }
            )
            .last_pk
        )
        db.conn.executemany(
            "INSERT INTO ranking_rows (ranking_id, site, rank, score, row) VALUES (?, ?, ?, ?, ?)",
            ((ranking_id, r["site"], r["rank"], r["score"], encode(r if type(r) is dict else dict(r))) for r in rows),
        )
    return ranking_id
