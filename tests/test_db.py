"""The database file: schema, migrations, bad files, batched writes."""

import sqlite3

import pytest

from crawler.items import ErrorItem, FeedItem, PageItem, SiteItem
from crawler.storage import db as dbmod
from crawler.storage.writes import update_site_counts, write_batch


@pytest.fixture
def database(tmp_path):
    return dbmod.connect(tmp_path / "crawl.db")


def test_connect_creates_schema_with_version(database):
    assert {"runs", "sites", "pages", "links", "feed_entries", "contacts", "fetch_errors"} <= set(
        database.table_names()
    )
    assert database.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION
    assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_connect_twice_keeps_data(tmp_path):
    path = tmp_path / "crawl.db"
    run = dbmod.start_run(dbmod.connect(path), "crawl", ["https://a.de/"], {})
    again = dbmod.connect(path)
    assert [r["id"] for r in again["runs"].rows] == [run]


def test_connect_rejects_non_sqlite_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(dbmod.DatabaseError, match="not a SQLite database"):
        dbmod.connect(path)
    assert path.read_text().startswith("these are my notes")


def test_connect_rejects_foreign_sqlite_file(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE mine (x)")
    conn.commit()
    conn.close()
    with pytest.raises(dbmod.DatabaseError, match="not a blogscout database"):
        dbmod.connect(path)


def test_connect_rejects_newer_schema(tmp_path):
    path = tmp_path / "crawl.db"
    dbmod.connect(path).execute(f"PRAGMA user_version={dbmod.SCHEMA_VERSION + 1}")
    with pytest.raises(dbmod.DatabaseError, match="newer blogscout"):
        dbmod.connect(path)


def test_connect_missing_without_create(tmp_path):
    with pytest.raises(dbmod.DatabaseError, match="no such database"):
        dbmod.connect(tmp_path / "missing.db", create=False)


def _page(url="https://seo-blog.de/", links=(("https://anna.blogspot.com/", "blogroll", "Anna", ""),)):
    return PageItem(
        url=url,
        site="seo-blog.de",
        status=200,
        page_kind="home",
        title="SEO Blog",
        language="de",
        is_blog=True,
        blog_reason="feed",
        feed_url="https://seo-blog.de/feed/",
        links=list(links),
        contacts=[("email", "info@seo-blog.de")],
    )


def test_write_batch_stores_every_item_kind(database):
    run = dbmod.start_run(database, "crawl", [], {})
    items = [
        SiteItem("seo-blog.de", "https://seo-blog.de/", "seed", 0, "seed"),
        _page(),
        FeedItem("seo-blog.de", "https://seo-blog.de/feed/", [("https://seo-blog.de/p1/", "P1", "2026-01-02")]),
        ErrorItem("https://seo-blog.de/x", "seo-blog.de", "http_4xx", "HTTP 404"),
    ]
    assert write_batch(database, run, items) == 4
    site = database["sites"].get("seo-blog.de")
    assert (site["role"], site["title"], site["is_blog"], site["feed_url"]) == (
        "seed",
        "SEO Blog",
        1,
        "https://seo-blog.de/feed/",
    )
    link = next(database["links"].rows)
    assert (link["to_site"], link["kind"], link["anchor"], link["run_id"]) == (
        "anna.blogspot.com",
        "blogroll",
        "Anna",
        run,
    )
    assert database["feed_entries"].count == 1 and database["contacts"].count == 1
    update_site_counts(database, run)
    assert database["sites"].get("seo-blog.de")["errors"] == 1


def test_write_batch_refetch_replaces_links_without_duplicates(database):
    first = dbmod.start_run(database, "crawl", [], {})
    write_batch(database, first, [SiteItem("seo-blog.de", "https://seo-blog.de/", "seed", 0), _page()])
    second = dbmod.start_run(database, "crawl", [], {})
    write_batch(
        database,
        second,
        [
            SiteItem("seo-blog.de", "https://seo-blog.de/", "seed", 0),
            _page(links=[("https://ben.wordpress.com/", "content", "Ben", "")]),
            _page(),
        ],
    )
    assert database["pages"].count == 1
    assert [(r["to_site"], r["run_id"]) for r in database["links"].rows] == [("anna.blogspot.com", second)]
    assert database["contacts"].count == 1
    assert database["sites"].get("seo-blog.de")["first_run"] == first


def test_site_role_and_hops_keep_the_strongest(database):
    run = dbmod.start_run(database, "crawl", [], {})
    write_batch(
        database,
        run,
        [
            SiteItem("anna.blogspot.com", "https://anna.blogspot.com/", "candidate", 2, "comment of b.de"),
            SiteItem("anna.blogspot.com", "https://anna.blogspot.com/", "candidate", 1, "blogroll of seo-blog.de"),
            SiteItem("anna.blogspot.com", "https://anna.blogspot.com/", "candidate", 2, "content of c.de"),
            SiteItem("seo-blog.de", "https://seo-blog.de/", "seed", 0, "seed"),
            SiteItem("seo-blog.de", "https://seo-blog.de/", "candidate", 1, "blogroll of x.de"),
        ],
    )
    anna = database["sites"].get("anna.blogspot.com")
    assert (anna["hops"], anna["found_via"]) == (1, "blogroll of seo-blog.de")
    assert database["sites"].get("seo-blog.de")["role"] == "seed"


def test_empty_write_batch(database):
    run = dbmod.start_run(database, "crawl", [], {})
    assert write_batch(database, run, []) == 0


def test_refetched_page_replaces_its_contacts(database):
    def impressum(*emails):
        return PageItem(
            url="https://seo-blog.de/impressum/",
            site="seo-blog.de",
            status=200,
            page_kind="impressum",
            contacts=[("email", e) for e in emails],
        )

    first = dbmod.start_run(database, "crawl", [], {})
    write_batch(database, first, [SiteItem("seo-blog.de", "https://seo-blog.de/", "seed", 0), _page()])
    write_batch(database, first, [impressum("alt@seo-blog.de", "anna@seo-blog.de")])
    second = dbmod.start_run(database, "recrawl", [], {})
    write_batch(database, second, [impressum("anna@seo-blog.de")])
    write_batch(database, second, [PageItem("https://seo-blog.de/", "seo-blog.de", 304, "home", unchanged=True)])
    rows = {(r["value"], r["run_id"]) for r in database["contacts"].rows}
    assert rows == {("anna@seo-blog.de", second), ("info@seo-blog.de", second)}  # alt@ removed, home's kept


def test_a_refetched_page_finds_its_contacts_by_index(tmp_path):
    """Replacing a page's contacts looks them up by page, also in a database made before the index."""
    path = tmp_path / "old.db"
    database = dbmod.connect(path)
    database.execute("DROP INDEX idx_contacts_source_url")
    database.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_contacts_by_page'")
    database.execute("PRAGMA user_version = 7")
    database.conn.commit()
    database.conn.close()
    database = dbmod.connect(path)
    plan = " ".join(
        str(row[-1]) for row in database.execute("EXPLAIN QUERY PLAN DELETE FROM contacts WHERE source_url = 'x'")
    )
    assert "USING INDEX idx_contacts_source_url" in plan, plan
