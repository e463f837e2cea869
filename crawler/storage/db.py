"""The crawl database: schema, migrations and batched writes (no Scrapy import here).

One SQLite file holds a project: its crawl runs and everything they stored. Every stored row
carries the ``run_id`` of the run that last wrote it. Tables:

- ``runs``: one row per crawl or re-crawl (seeds, options, status, stats as JSON).
- ``sites``: one row per site key (registered domain, private suffixes honoured).
- ``pages``: one row per fetched URL (latest fetch wins; text is the boilerplate-free main text;
  ``follow`` lists the same-site pages it led to, so an unchanged page can be replayed unparsed).
- ``links``: outgoing links of each page with kind and anchor; replaced when the page is re-fetched.
- ``feed_entries``: posts seen in feeds, one per (site, entry URL).
- ``contacts``: e-mail addresses, contact/Impressum pages, social profiles per site.
- ``fetch_errors``: failures per URL and run (HTTP status, timeout, DNS, robots.txt...).
- ``rankings`` / ``ranking_rows``: ranking snapshots (the full exported row as JSON) for diffs.
- ``partners`` (view): the rows of the latest ranking as columns; ``pages_fts``: full-text search
  over page titles and text, kept in step with ``pages`` by triggers.
- ``outreach``: the strategist's status of a site (new ... do-not-contact) with a note and the
  time of the change; ``outreach_history`` keeps every change with its source. Never touched by crawls.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from crawler.errors import BlogscoutError

SCHEMA_VERSION = 11
APPLICATION_ID = 0x626C6773  # "blgs": marks the file as a blogscout database

migrations = sqlite_utils.Migrations("blogscout")


class DatabaseError(BlogscoutError):
    """The database file cannot be used (not SQLite, newer schema, unwritable)."""


def utcnow() -> str:
    """Current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """Create the version 1 schema."""
    db["runs"].create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "command": str,
            "status": str,
            "seeds": str,
            "options": str,
            "stats": str,
        },
        pk="id",
    )
    db["sites"].create(
        {
            "site": str,
            "home_url": str,
            "role": str,
            "hops": int,
            "found_via": str,
            "title": str,
            "description": str,
            "language": str,
            "generator": str,
            "feed_url": str,
            "is_blog": int,
            "blog_reason": str,
            "robots_blocked": int,
            "pages": int,
            "errors": int,
            "first_run": int,
            "run_id": int,
        },
        pk="site",
    )
    db["pages"].create(
        {
            "url": str,
            "site": str,
            "run_id": int,
            "fetched_at": str,
            "status": int,
            "page_kind": str,
            "content_type": str,
            "title": str,
            "language": str,
            "published": str,
            "text": str,
            "etag": str,
            "last_modified": str,
            "content_hash": str,
            "follow": str,
        },
        pk="url",
    )
    db["links"].create(
        {
            "id": int,
            "run_id": int,
            "from_url": str,
            "from_site": str,
            "to_url": str,
            "to_site": str,
            "kind": str,
            "anchor": str,
            "rel": str,
        },
        pk="id",
    )
    db["feed_entries"].create(
        {"site": str, "entry_url": str, "run_id": int, "feed_url": str, "title": str, "published": str},
        pk=("site", "entry_url"),
    )
    db["contacts"].create(
        {"site": str, "kind": str, "value": str, "run_id": int, "source_url": str},
        pk=("site", "kind", "value"),
    )
    db["fetch_errors"].create(
        {"id": int, "run_id": int, "url": str, "site": str, "kind": str, "detail": str},
        pk="id",
    )
    db["links"].create_index(["from_url"])
    db["links"].create_index(["from_site", "to_site", "kind"])
    db["links"].create_index(["to_site"])
    db["pages"].create_index(["site"])
    db["sites"].create_index(["role"])
    db["fetch_errors"].create_index(["run_id"])


@migrations()
def m002_rankings(db: sqlite_utils.Database) -> None:
    """Ranking snapshots: one row per ranked site per ranking, for diffs between runs."""
    db["rankings"].create(
        {"id": int, "run_id": int, "created_at": str, "options": str},
        pk="id",
    )
    db["ranking_rows"].create(
        {"ranking_id": int, "site": str, "rank": int, "score": float, "row": str},
        pk=("ranking_id", "site"),
    )


def _partners_view(db: sqlite_utils.Database) -> None:
    """The ``partners`` view: the latest ranking's rows, with the outreach status where there is one."""
    fields = ("title", "url", "relevance", "centrality", "activity", "language", "last_post", "why")
    extracted = ", ".join(f"json_extract(r.row, '$.{name}') AS {name}" for name in fields)
    status, join = "", ""
    if db["outreach"].exists():  # the outreach status, as `blogscout status` shows it
        status, join = (
            ", coalesce(o.status, 'new') AS status, o.note AS note",
            " LEFT JOIN outreach o ON o.site = r.site",
        )
    db.create_view(
        "partners",
        f"SELECT r.rank, r.site, r.score, {extracted}{status}, r.ranking_id FROM ranking_rows r{join} "
        "WHERE r.ranking_id = (SELECT max(id) FROM rankings) ORDER BY r.rank",
        replace=True,
    )


@migrations()
def m003_browsing(db: sqlite_utils.Database) -> None:
    """Friendly to outside tools: foreign keys, a ``partners`` view, full-text search over pages.

    Foreign keys only where every row matches: a link's page and a ranking row's ranking. A page's
    site need not be a row of ``sites``: a redirect can land a page on a site nobody linked.
    ``pages_fts`` is an external-content FTS5 index with triggers; pages
    are upserted with ``ON CONFLICT DO UPDATE`` so the update trigger keeps it in step.
    """
    db.add_foreign_keys(
        [
            ("links", "from_url", "pages", "url"),
            ("ranking_rows", "ranking_id", "rankings", "id"),
        ]
    )
    db["pages"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db["ranking_rows"].create_index(["site"], if_not_exists=True)
    _partners_view(db)


@migrations()
def m004_recrawl_schedule(db: sqlite_utils.Database) -> None:
    """Per-page re-fetch schedule (days between fetches, when due again); robots.txt kept for a day."""
    db["pages"].add_column("fetch_interval", float)
    db["pages"].add_column("next_fetch", str)
    db["robots_txt"].create({"host": str, "fetched_at": str, "status": int, "body": bytes}, pk="host")


@migrations()
def m005_no_site_foreign_keys(db: sqlite_utils.Database) -> None:
    """Drop the foreign keys to ``sites`` that databases of the first m003 declared.

    A page (and its contacts and feed entries) may be stored before its site row, so such keys
    refused whole batches. ``pages`` is rebuilt without them and its search index with it.
    """
    rebuilt = False
    for table in ("pages", "contacts", "feed_entries"):
        if any(fk.column == "site" for fk in db[table].foreign_keys):
            db[table].transform(drop_foreign_keys=("site",))
            rebuilt = rebuilt or table == "pages"
    if rebuilt:
        db["pages"].enable_fts(
            ["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2", replace=True
        )


@migrations()
def m006_outreach(db: sqlite_utils.Database) -> None:
    """Outreach status per site (kept across re-crawls) and the history of its changes."""
    db["outreach"].create({"site": str, "status": str, "note": str, "changed_at": str}, pk="site", if_not_exists=True)
    db["outreach_history"].create(
        {"id": int, "site": str, "status": str, "note": str, "changed_at": str},
        pk="id",
        if_not_exists=True,
    )
    db["outreach_history"].create_index(["site"], if_not_exists=True)


@migrations()
def m007_partners_with_status(db: sqlite_utils.Database) -> None:
    """The ``partners`` view again, now that every database has the ``outreach`` table to join."""
    _partners_view(db)


@migrations()
def m008_contacts_by_page(db: sqlite_utils.Database) -> None:
    """Index contacts by the page that gave them: a re-fetched page replaces its contacts.

    Without it each stored page scanned the whole contacts table (measured: 0.07 ms a page at
    3,000 pages, growing with the crawl).
    """
    db["contacts"].create_index(["source_url"], if_not_exists=True)


@migrations()
def m009_moved_sites(db: sqlite_utils.Database) -> None:
    """``sites.moved_to``: the site a site's home page redirected to (a blog that moved domains).

    Links to the old address then count for the new one, which is ranked in its place.
    """
    if "moved_to" not in db["sites"].columns_dict:
        db["sites"].add_column("moved_to", str)


@migrations()
def m010_links_by_kind(db: sqlite_utils.Database) -> None:
    """Links indexed by kind: ranking reads the few ``source`` links (a republisher naming the original)."""
    db["links"].create_index(["kind", "from_site", "to_site"], if_not_exists=True)


@migrations()
def m011_outreach_source(db: sqlite_utils.Database) -> None:
    """``outreach_history.source``: what made each change (``mark``, ``import-status FILE``, ``app``)."""
    if "source" not in db["outreach_history"].columns_dict:
        db["outreach_history"].add_column("source", str)


def connect(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and migrate) a blogscout database; raise `DatabaseError` with a fix if unusable."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise DatabaseError(f"{path}: no such database; run 'blogscout crawl' first or pass --db")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DatabaseError(f"{path}: cannot create the directory ({err.strerror})") from err
    elif path.is_dir():
        raise DatabaseError(f"{path}: is a directory; pass a database file with --db")
    try:
        conn = sqlite3.connect(str(path), timeout=30)
        db = sqlite_utils.Database(conn)
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.table_names()
    except sqlite3.OperationalError as err:  # a good file that cannot be opened: permissions, full disk
        raise DatabaseError(f"{path}: cannot open ({err}); check permissions and free disk space") from err
    except sqlite3.DatabaseError as err:
        raise DatabaseError(f"{path}: not a SQLite database ({err}); pass another file with --db") from err
    if tables and app_id != APPLICATION_ID:
        raise DatabaseError(f"{path}: a SQLite file but not a blogscout database; pass another file with --db")
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: written by a newer blogscout (schema {version} > {SCHEMA_VERSION}); upgrade blogscout"
        )
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        if migrations.pending(db):
            migrations.apply(db)
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except sqlite3.OperationalError as err:
        raise DatabaseError(f"{path}: cannot write ({err}); check permissions and free disk space") from err
    return db


def start_run(db: sqlite_utils.Database, command: str, seeds: Iterable[str], options: dict) -> int:
    """Record a new crawl run and return its id."""
    with db.conn:
        return (
            db["runs"]
            .insert(
                {
                    "started_at": utcnow(),
                    "finished_at": None,
                    "command": command,
                    "status": "running",
                    "seeds": json.dumps(list(seeds)),
                    "options": json.dumps(options, sort_keys=True),
                    "stats": "{}",
                }
            )
            .last_pk
        )


def finish_run(db: sqlite_utils.Database, run_id: int, status: str, stats: dict) -> None:
    """Mark a run finished (or interrupted) with its stats."""
    with db.conn:
        db["runs"].update(
            run_id, {"finished_at": utcnow(), "status": status, "stats": json.dumps(stats, sort_keys=True, default=str)}
        )


def reopen_run(db: sqlite_utils.Database, run_id: int) -> None:
    """Mark an interrupted run as running again (it is being resumed)."""
    with db.conn:
        db["runs"].update(run_id, {"status": "running", "finished_at": None})


def resumable_run(db: sqlite_utils.Database) -> dict | None:
    """The latest run if it did not finish (killed or interrupted), else None."""
    run = last_run(db)
    return run if run and run["status"] in ("running", "interrupted") else None


def last_run(db: sqlite_utils.Database) -> dict | None:
    """The most recent run row, or None."""
    rows = list(db["runs"].rows_where(order_by="id desc", limit=1))
    return rows[0] if rows else None
