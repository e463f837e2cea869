"""Re-crawls, resume after a kill, the crawl lock and the diff, against a sandbox of their own."""

from __future__ import annotations

import json
import signal
import sqlite3
import time

import pytest
from conftest import FAST, blogscout, served_world, start_blogscout


def query(db, sql, *params):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def run_stats(db, run_id):
    return json.loads(query(db, "SELECT stats FROM runs WHERE id = ?", run_id)[0][0])


@pytest.fixture(scope="module")
def web():
    """A world that these tests change (new posts, new blogs), served on its own port."""
    with served_world(3, 30) as pair:
        yield pair


@pytest.fixture(scope="module")
def project(tmp_path_factory, web):
    """A first crawl + ranking, then an unchanged re-crawl of the same web."""
    world, server = web
    db = tmp_path_factory.mktemp("recrawl") / "project.db"
    first = blogscout(
        "crawl", *world.seeds, "--db", str(db), "--topic", "content marketing", "--quiet", *FAST, proxy=server.proxy_url
    )
    assert first.returncode == 0, first.stderr
    ranked = blogscout("rank", "--db", str(db), "--out", str(db.with_suffix(".csv")), "--quiet")
    assert ranked.returncode == 0, ranked.stderr
    server.clear_requests()
    again = blogscout("recrawl", "--db", str(db), "--quiet", proxy=server.proxy_url)
    assert again.returncode == 0, again.stderr
    return {"db": db, "world": world, "server": server, "second_requests": list(server.requests)}


def test_recrawl_of_unchanged_web_gets_304_and_parses_nothing(project):
    db = project["db"]
    stats = run_stats(db, 2)
    assert stats.get("blogscout/pages", 0) == 0
    assert stats.get("blogscout/unchanged", 0) > 20
    statuses = [status for _, url, status in project["second_requests"] if not url.endswith("robots.txt")]
    assert statuses.count(304) >= 0.9 * len([s for s in statuses if s in (200, 304)])


def test_recrawl_remembers_seeds_and_options(project):
    runs = query(project["db"], "SELECT command, seeds, options FROM runs ORDER BY id")
    assert [r[0] for r in runs] == ["crawl", "recrawl"]
    assert runs[0][1] == runs[1][1]
    assert json.loads(runs[1][2])["topic"] == "content marketing"


def test_recrawl_keeps_the_same_content(project):
    db = project["db"]
    assert query(db, "SELECT count(*) FROM pages WHERE run_id = 1") == [(0,)]
    assert query(db, "SELECT count(DISTINCT run_id) FROM links") == [(1,)]
    assert query(db, "SELECT count(*) FROM rankings") == [(1,)]  # the same ranking before and after: stored once


def test_recrawl_picks_up_new_post_and_new_blog_and_diff_shows_them(project):
    db, world, server = project["db"], project["world"], project["server"]
    seed = next(b for b in world.blogs if b.label == "seed")
    post_url = world.add_post(seed.host, "Neue Wege im Content-Marketing für Einsteiger")
    newcomer = world.add_blog(label="partner", linked_from=seed.host, lang="de")
    result = blogscout("recrawl", "--db", str(db), "--quiet", proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr
    assert query(db, "SELECT run_id FROM pages WHERE url = ?", post_url) == [(3,)]
    assert query(db, "SELECT role FROM sites WHERE site = ?", newcomer.site) == [("candidate",)]
    changes = blogscout("diff", "--db", str(db), "--out", str(db.with_name("changes.csv")))
    assert changes.returncode == 0, changes.stderr
    new_lines = [l for l in changes.stdout.splitlines() if l.startswith("new ")]
    assert any(newcomer.site in line for line in new_lines), changes.stdout
    assert newcomer.site in db.with_name("changes.csv").read_text(encoding="utf-8")


def crawl_process(world, server, db, *extra):
    return start_blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *FAST, *extra, proxy=server.proxy_url)


def wait_for_pages(db, count, deadline=60.0):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            if query(db, "SELECT count(*) FROM pages")[0][0] >= count:
                return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"crawl stored fewer than {count} pages in {deadline} s")


def content(db):
    return {
        "sites": set(query(db, "SELECT site, role, hops FROM sites")),
        "pages": set(query(db, "SELECT url, page_kind FROM pages")),
        "links": set(query(db, "SELECT from_url, to_url, kind FROM links")),
        "entries": set(query(db, "SELECT site, entry_url FROM feed_entries")),
    }


@pytest.fixture(scope="module")
def calm_web():
    """An unchanging web for the kill/resume comparison."""
    with served_world(5, 24) as pair:
        yield pair


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory, calm_web):
    """The calm web crawled without interruption: what a resumed crawl must end with."""
    world, server = calm_web
    reference = tmp_path_factory.mktemp("whole") / "whole.db"
    whole = crawl_process(world, server, reference)
    assert whole.wait(120) == 0, whole.stderr.read()
    return content(reference)


@pytest.mark.parametrize("after_pages", [5, 60])
def test_crawl_killed_midway_resumes_to_the_same_content(tmp_path, calm_web, uninterrupted, after_pages):
    world, server = calm_web
    killed_db = tmp_path / "killed.db"
    proc = crawl_process(
        world, server, killed_db, "--set", "CONCURRENT_REQUESTS=2", "--set", "BLOGSCOUT_FLUSH_SECONDS=0.2"
    )
    wait_for_pages(killed_db, after_pages)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert query(killed_db, "PRAGMA integrity_check") == [("ok",)]
    assert query(killed_db, "SELECT status FROM runs") == [("running",)]
    stored = query(killed_db, "SELECT count(*) FROM pages")[0][0]
    resumed = blogscout("crawl", "--resume", "--db", str(killed_db), "--quiet", proxy=server.proxy_url)
    assert resumed.returncode == 0, resumed.stderr
    assert query(killed_db, "SELECT id, status FROM runs") == [(1, "finished")]
    assert run_stats(killed_db, 1).get("blogscout/resumed_pages", 0) >= stored - 1
    assert content(killed_db) == uninterrupted


def test_second_crawl_on_same_database_is_refused(tmp_path, calm_web):
    world, server = calm_web
    db = tmp_path / "busy.db"
    first = crawl_process(world, server, db, "--set", "DOWNLOAD_DELAY=0.3", "--set", "CONCURRENT_REQUESTS=1")
    wait_for_pages(db, 1)
    second = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", proxy=server.proxy_url, timeout=60)
    first.send_signal(signal.SIGTERM)
    first.wait(60)
    assert second.returncode == 1
    assert "already running" in second.stderr and second.stderr.count("\n") == 1
    assert query(db, "SELECT count(*) FROM runs") == [(1,)]


def test_stale_lock_of_killed_crawl_is_cleared(tmp_path, calm_web):
    world, server = calm_web
    db = tmp_path / "stale.db"
    (tmp_path / "stale.db.lock").write_text(json.dumps({"pid": 999999, "host": "x", "since": "2026-01-01"}))
    result = blogscout("crawl", world.seeds[0], "--db", str(db), "--hops", "0", *FAST, proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr
    assert "stale lock" in result.stderr
    assert query(db, "SELECT status FROM runs") == [("finished",)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "ctrl-c"])
def test_stop_signal_leaves_a_resumable_interrupted_run(tmp_path, calm_web, signum):
    world, server = calm_web
    db = tmp_path / "term run.db"
    proc = crawl_process(world, server, db, "--set", "DOWNLOAD_DELAY=0.2", "--set", "CONCURRENT_REQUESTS=1")
    wait_for_pages(db, 2)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert f"continue it with: blogscout crawl --resume --db '{db}'" in stderr
    assert query(db, "SELECT status FROM runs") == [("interrupted",)]
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    resumed = blogscout("crawl", "--resume", "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
    assert resumed.returncode == 0, resumed.stderr
    assert query(db, "SELECT status FROM runs") == [("finished",)]
    assert json.loads(query(db, "SELECT options FROM runs")[0][0])["settings"]["DOWNLOAD_DELAY"] == 0.2
