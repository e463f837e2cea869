"""robots.txt kept in the crawl database and reused for a day."""

from __future__ import annotations

import sqlite3

from scrapy.http import Request, Response

from crawler.engine.robotsfetch import StoredRobotsTxt
from crawler.storage import db as dbmod

ROBOTS = b"User-agent: *\nDisallow: /intern/\n"


def robots_request(url: str) -> Request:
    return Request(url, meta={"dont_obey_robotstxt": True})


def fetched(middleware: StoredRobotsTxt, url: str, status: int, body: bytes = ROBOTS, redirected_from=()):
    request = robots_request(url)
    request.meta["redirect_urls"] = list(redirected_from)
    return middleware.process_response(request, Response(url, status=status, body=body, request=request))


def test_robots_txt_fetched_once_is_reused_by_the_next_run(tmp_path):
    path = tmp_path / "c.db"
    dbmod.connect(path).conn.close()
    first = StoredRobotsTxt(str(path), 24)
    first.load()
    assert first.process_request(robots_request("http://a.de/robots.txt")) is None
    fetched(first, "http://www.b.de/robots.txt", 200, redirected_from=["http://b.de/robots.txt"])
    fetched(first, "http://down.de/robots.txt", 503)
    first.save()
    second = StoredRobotsTxt(str(path), 24)
    second.load()
    for url in ("http://b.de/robots.txt", "http://www.b.de/robots.txt"):
        answer = second.process_request(robots_request(url))
        assert answer.status == 200 and answer.body == ROBOTS and "stored" in answer.flags
    assert second.process_request(robots_request("http://down.de/robots.txt")) is None  # unreachable: asked again
    assert second.process_request(Request("http://b.de/robots.txt")) is None  # a page that happens to be called so


def test_robots_txt_older_than_the_limit_is_fetched_again(tmp_path):
    path = tmp_path / "c.db"
    dbmod.connect(path).conn.close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO robots_txt VALUES ('old.de', '2020-01-01T00:00:00+00:00', 200, ?)", (ROBOTS,))
    middleware = StoredRobotsTxt(str(path), 24)
    middleware.load()
    assert middleware.process_request(robots_request("http://old.de/robots.txt")) is None


def test_empty_robots_store_on_an_old_database(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    middleware = StoredRobotsTxt(str(path), 24)
    middleware.load()
    assert middleware.stored == {}
    middleware.save()  # nothing fetched: nothing written, no error
