"""Lean re-crawls: only what may have changed is asked; a blog that posted is read again in the same run."""

from __future__ import annotations

import pytest
from conftest import FAST, blogscout, served_world
from test_recrawl import content, query

from crawler.extract.urls import site_key


@pytest.fixture(scope="module")
def web():
    """A world these tests change (new posts, new blogs), served on its own port."""
    with served_world(8, 30) as pair:
        yield pair


@pytest.fixture(scope="module")
def project(tmp_path_factory, web):
    """A first crawl and its ranking, then an unchanged re-crawl and its ranking."""
    world, server = web
    db = tmp_path_factory.mktemp("lean") / "project.db"
    first = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
    assert first.returncode == 0, first.stderr
    first_requests = list(server.requests)
    first_content = content(db)
    ranked = blogscout("rank", "--db", str(db), "--out", str(db.with_suffix(".csv")), "--quiet")
    assert ranked.returncode == 0, ranked.stderr
    server.clear_requests()
    again = blogscout("recrawl", "--db", str(db), "--quiet", proxy=server.proxy_url)
    assert again.returncode == 0, again.stderr
    return {
        "db": db,
        "world": world,
        "server": server,
        "first": first_requests,
        "first_content": first_content,
        "second": list(server.requests),
    }


def test_unchanged_recrawl_asks_at_most_a_quarter_of_the_first_crawl(project):
    assert len(project["second"]) <= 0.25 * len(project["first"]), (len(project["second"]), len(project["first"]))


def test_unchanged_recrawl_reuses_robots_txt_of_the_same_day(project):
    assert not [url for _, url, _ in project["second"] if url.endswith("/robots.txt")]


def test_unchanged_recrawl_asks_every_feed_first_hand(project):
    feeds = {url for (url,) in query(project["db"], "SELECT url FROM pages WHERE page_kind = 'feed'")}
    asked = {url for _, url, _ in project["second"]}
    assert feeds and feeds <= asked


def test_unchanged_recrawl_keeps_the_content_and_the_ranking(project):
    db = project["db"]
    assert content(db) == project["first_content"]
    # the ranking before the re-crawl and the one after are equal, so it is stored once
    assert query(db, "SELECT count(*) FROM rankings") == [(1,)]
    assert query(db, "SELECT count(*) FROM ranking_rows WHERE ranking_id = 1")[0][0] > 0


def test_first_crawl_stores_a_schedule_per_page(project):
    rows = dict(query(project["db"], "SELECT page_kind, min(fetch_interval) FROM pages GROUP BY page_kind"))
    assert rows["feed"] == 0.0 and rows["post"] >= 14.0
    assert query(project["db"], "SELECT count(*) FROM pages WHERE status = 200 AND next_fetch IS NULL") == [(0,)]


def test_unchanged_pages_asked_again_wait_longer(project):
    grown = query(
        project["db"],
        "SELECT count(*) FROM pages WHERE page_kind = 'home' AND run_id = 2 AND fetch_interval > 1.0",
    )
    asked_homes = [url for _, url, status in project["second"] if status == 304]
    assert asked_homes and grown[0][0] >= 1


def test_full_recrawl_asks_every_known_page(project):
    db, server = project["db"], project["server"]
    server.clear_requests()
    result = blogscout("recrawl", "--db", str(db), "--full", "--quiet", proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr
    asked = {url for _, url, _ in server.requests}
    stored = {url for (url,) in query(db, "SELECT url FROM pages WHERE status = 200")}
    assert len(stored & asked) >= 0.95 * len(stored)
    assert content(db) == project["first_content"]


def test_blog_that_posted_is_read_again_in_the_same_run(project):
    db, world, server = project["db"], project["world"], project["server"]
    candidates = {s for (s,) in query(db, "SELECT site FROM sites WHERE role = 'candidate' AND feed_url != ''")}
    blog = next(b for b in world.blogs if b.site in candidates and b.label != "seed")
    quiet = next(b for b in world.blogs if b.site in candidates and b is not blog)
    post_url = world.add_post(blog.host, "Neue Wege im Content-Marketing für Einsteiger")
    newcomer = world.add_blog(label="partner", linked_from=blog.host, lang="de")
    server.clear_requests()
    result = blogscout("recrawl", "--db", str(db), "--quiet", proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr
    run = query(db, "SELECT max(id) FROM runs")[0][0]
    assert query(db, "SELECT run_id, page_kind FROM pages WHERE url = ?", post_url) == [(run, "post")]
    assert query(db, "SELECT role FROM sites WHERE site = ?", newcomer.site) == [("candidate",)]
    asked = {url: status for _, url, status in server.requests}
    (home,), (quiet_home,) = (
        query(db, "SELECT url FROM pages WHERE site = ? AND page_kind = 'home'", b.site)[0] for b in (blog, quiet)
    )
    assert asked.get(home) == 200  # read again: it lists the new post and links the new blog
    assert quiet_home not in asked  # its feed is unchanged: the home page rests
    assert any(site_key(url) == quiet.site for url in asked)  # ... but the feed was asked


@pytest.mark.parametrize("style", ["page", "opml"])
def test_blog_newly_in_a_seeds_blogroll_is_found_without_a_post(project, style):
    db, world, server = project["db"], project["world"], project["server"]
    seed = next(b for b in world.blogs if b.label == "seed" and b.blogroll_style == style)
    newcomer = world.add_blog(label="partner", linked_from=seed.host, lang=seed.lang)  # nothing else changes
    server.clear_requests()
    result = blogscout("recrawl", "--db", str(db), "--quiet", proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr
    assert query(db, "SELECT role FROM sites WHERE site = ?", newcomer.site) == [("candidate",)]
    asked = {url: status for _, url, status in server.requests}
    (home,) = query(db, "SELECT url FROM pages WHERE site = ? AND page_kind = 'home'", seed.site)[0]
    assert asked.get(home) == (304 if style == "page" else 200)  # the OPML style lists it on the home page too
    rolls = [u for (u,) in query(db, "SELECT url FROM pages WHERE site = ? AND page_kind = 'blogroll'", seed.site)]
    assert 200 in {asked.get(u) for u in rolls}  # the blogroll page or OPML file changed and was read again
