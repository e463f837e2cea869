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
    assert ("pages", "site", "sites") not in declared  # a redirect can land a page on an unlisted site
    assert ("links", "from_url", "pages") in declared
    assert ("ranking_rows", "ranking_id", "rankings") in declared


def test_upsert_rewrites_a_page_and_its_index_entry(tmp_path):
    path = tmp_path / "one.db"
    dbmod.connect(path).close()
    # a plain connection (sqlite3, other tools): REPLACE would fire no delete trigger on it
    db = sqlite_utils.Database(sqlite3.connect(path), recursive_triggers=False)
    run = dbmod.start_run(db, "crawl", ["https://a.de/"], {})
    write_batch(
        db,
        run,
        [
            SiteItem("a.de", "https://a.de/", "seed", 0, ""),
            PageItem("https://a.de/", "a.de", 200, "home", title="Alt", text="Ackerbohnen"),
        ],
    )
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
