"""The database as outside tools see it: full-text search in step with re-crawls, foreign keys, the partners view."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils
from conftest import FAST, blogscout, served_world

from crawler.items import PageItem, SiteItem
from crawler.storage import db as dbmod
from crawler.storage.writes import write_batch


def query(path, sql, *params):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def fts_is_consistent(path) -> bool:
    """FTS5's own check that an external-content index matches its table (rank 1: content too)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)")
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def search(path, words):
    sql = "SELECT p.url FROM pages_fts JOIN pages p ON p.rowid = pages_fts.rowid WHERE pages_fts MATCH ? ORDER BY p.url"
    return [url for (url,) in query(path, sql, words)]


def write_seed_home(db, title: str) -> int:
    """A run with seed a.de and its home page (text "Ackerbohnen"); returns the run id."""
    run = dbmod.start_run(db, "crawl", ["https://a.de/"], {})
    items = [
        SiteItem("a.de", "https://a.de/", "seed", 0, ""),
        PageItem("https://a.de/", "a.de", 200, "home", title=title, text="Ackerbohnen"),
    ]
    write_batch(db, run, items)
    return run


@pytest.fixture(scope="module")
def crawled_twice(tmp_path_factory):
    """A sandbox crawl, a new post on a seed, and the same crawl again into the same database."""
    db = tmp_path_factory.mktemp("fts") / "crawl.db"
    with served_world(11, 12) as (world, server):
        first = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
        assert first.returncode == 0, first.stderr
        before = query(db, "SELECT count(*) FROM pages")[0][0]
        seed = next(b for b in world.blogs if b.label == "seed")
        world.add_post(seed.host, "Zaunkönigstrategie für Newsletter")
        second = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
        assert second.returncode == 0, second.stderr
        yield {"db": db, "seed": seed, "pages_before": before}


def test_fts_rows_equal_pages_after_a_second_crawl(crawled_twice):
    db = crawled_twice["db"]
    pages = query(db, "SELECT count(*) FROM pages")[0][0]
    assert pages >= crawled_twice["pages_before"] > 0
    assert query(db, "SELECT count(*) FROM pages_fts_docsize")[0][0] == pages  # rows in the index itself
    assert fts_is_consistent(db)


def test_fts_finds_the_text_of_an_updated_page(crawled_twice):
    db, seed = crawled_twice["db"], crawled_twice["seed"]
    found = search(db, "zaunkonigstrategie")  # diacritics folded: "ö" matches "o"
    home = [url for url in found if url.rstrip("/").count("/") == 2]
    assert home, found  # the seed's home page was re-fetched (updated in place) and lists the new post
    assert all(seed.host in url for url in found)
    assert query(db, "SELECT run_id FROM pages WHERE url = ?", home[0]) == [(2,)]


def test_foreign_keys_hold_after_crawls(crawled_twice):
    db = crawled_twice["db"]
    assert query(db, "PRAGMA foreign_key_check") == []
    conn = sqlite3.connect(db)
    declared = {
        (t, fk[3], fk[2])
        for t in ("pages", "contacts", "feed_entries", "links", "ranking_rows")
        for fk in conn.execute(f"PRAGMA foreign_key_list({t})")
    }
    conn.close()
    assert ("links", "from_url", "pages") in declared
    assert not any(column == "site" for _, column, _ in declared)  # a page may come before its site row
    assert ("ranking_rows", "ranking_id", "rankings") in declared


def test_upsert_rewrites_a_page_and_its_index_entry(tmp_path):
    path = tmp_path / "one.db"
    dbmod.connect(path).close()
    # a plain connection (sqlite3, other tools): REPLACE would fire no delete trigger on it
    db = sqlite_utils.Database(sqlite3.connect(path), recursive_triggers=False)
    run = write_seed_home(db, "Alt")
    write_batch(db, run, [PageItem("https://a.de/", "a.de", 200, "home", title="Neu", text="Zuckerrüben")])
    db.close()
    assert search(path, "zuckerruben") == ["https://a.de/"]
    assert search(path, "ackerbohnen") == []
    assert query(path, "SELECT count(*) FROM pages_fts_docsize") == [(1,)]
    assert fts_is_consistent(path)


def test_partners_view_shows_the_latest_ranking(tmp_path):
    path = tmp_path / "r.db"
    db = dbmod.connect(path)
    from crawler.storage.reads import save_ranking

    save_ranking(db, None, [{"rank": 1, "site": "old.de", "score": 0.5, "title": "Alt"}], {})
    save_ranking(
        db,
        None,
        [
            {"rank": 1, "site": "b.de", "score": 0.9, "title": "<b>B</b>"},
            {"rank": 2, "site": "c.de", "score": 0.4, "title": "C"},
        ],
        {},
    )
    db.close()
    assert query(path, "SELECT rank, site, title FROM partners") == [(1, "b.de", "<b>B</b>"), (2, "c.de", "C")]


def test_empty_database_has_an_empty_partners_view_and_index(tmp_path):
    path = tmp_path / "e.db"
    dbmod.connect(path).close()
    assert query(path, "SELECT count(*) FROM partners") == [(0,)]
    assert query(path, "SELECT count(*) FROM pages_fts") == [(0,)]


def test_page_stored_before_its_site_row_is_kept(tmp_path):
    path = tmp_path / "order.db"
    db = dbmod.connect(path)
    run = dbmod.start_run(db, "crawl", ["https://a.de/"], {})
    assert write_batch(db, run, [PageItem("https://c.de/", "c.de", 200, "home", title="C", text="Zuckerrüben")]) == 1
    db.close()
    assert query(path, "SELECT url FROM pages") == [("https://c.de/",)]


def test_site_foreign_keys_of_older_databases_are_dropped(tmp_path):
    path = tmp_path / "old.db"
    db = dbmod.connect(path)
    run = write_seed_home(db, "A")
    db.close()
    old = sqlite_utils.Database(sqlite3.connect(path))  # as the first version of the browsing migration left it
    old.add_foreign_keys([("pages", "site", "sites", "site"), ("contacts", "site", "sites", "site")])
    old["pages"].enable_fts(["title", "text"], create_triggers=True, replace=True)
    old.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_no_site_foreign_keys'")
    old.conn.commit()
    old.conn.execute("PRAGMA user_version = 3")
    old.conn.close()
    db = dbmod.connect(path)
    assert db["pages"].foreign_keys == [] and db["contacts"].foreign_keys == []
    write_batch(db, run, [PageItem("https://c.de/", "c.de", 200, "home", title="C", text="Zuckerrüben")])
    db.close()
    assert search(path, "zuckerruben") == ["https://c.de/"] and search(path, "ackerbohnen") == ["https://a.de/"]
    assert fts_is_consistent(path)


def test_partners_view_carries_the_outreach_status(tmp_path):
    path = tmp_path / "s.db"
    db = dbmod.connect(path)
    from crawler.storage.reads import save_ranking

    rows = [{"rank": 1, "site": "b.de", "score": 0.9}, {"rank": 2, "site": "c.de", "score": 0.4}]
    save_ranking(db, None, rows, {})
    db["outreach"].insert({"site": "c.de", "status": "contacted", "note": "Mail an Anna", "changed_at": "2026-11-30"})
    db.close()
    assert query(path, "SELECT site, status, note FROM partners") == [
        ("b.de", "new", None),
        ("c.de", "contacted", "Mail an Anna"),
    ]
