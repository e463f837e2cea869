"""SIGKILL at more moments of a crawl: the database opens, passes integrity_check and resumes to the same content.

tests/test_recrawl.py kills after 5 and after 60 stored pages; here the kill comes as soon as the
run is recorded, at a random moment of the crawl (seeded, so a failure can be replayed), and
in the middle of a resume.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FAST, ROOT, blogscout

from crawler.defaults import ENVIRONMENT
from crawler.sandbox.server import SandboxServer
from crawler.sandbox.world import generate_world
from crawler.storage import db as dbmod

KILL_SEED = int(os.environ.get("BLOGSCOUT_KILL_SEED", ENVIRONMENT["BLOGSCOUT_KILL_SEED"].default))
# Page budgets left at their defaults: a budget that binds makes the pages a crawl keeps depend
# on the order responses arrive in, and these tests compare a resumed crawl with a whole one.
SMALL = ["--hops", "1", "--set", "CONCURRENT_REQUESTS=4", "--set", "BLOGSCOUT_FLUSH_SECONDS=0.1"]


def query(db: Path, sql: str, *params):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def content(db: Path) -> dict:
    return {
        "sites": set(query(db, "SELECT site, role, hops FROM sites")),
        "pages": set(query(db, "SELECT url, page_kind FROM pages")),
        "links": set(query(db, "SELECT from_url, to_url, kind FROM links")),
        "entries": set(query(db, "SELECT site, entry_url FROM feed_entries")),
    }


def start(server, db: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    env["http_proxy"] = server.proxy_url
    return subprocess.Popen(
        [sys.executable, "-m", "crawler", "crawl", *args, "--db", str(db), "--quiet", *FAST, *SMALL],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_until(check, deadline: float = 60.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            if check():
                return
        except sqlite3.Error:
            pass  # the database is being created
        time.sleep(0.02)
    raise AssertionError("condition not reached in time")


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)


def assert_sound(db: Path) -> None:
    """The file opens as a blogscout database and passes SQLite's integrity check."""
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    dbmod.connect(db, create=False).conn.close()


def resume(server, db: Path) -> None:
    result = blogscout("crawl", "--resume", "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr
    assert query(db, "SELECT id, status FROM runs") == [(1, "finished")]


@pytest.fixture(scope="module")
def calm(tmp_path_factory):
    """A small unchanging web and the database of one uninterrupted crawl of it."""
    world = generate_world(seed=11, n_blogs=10)
    with SandboxServer(world) as server:
        reference = tmp_path_factory.mktemp("faults") / "whole.db"
        whole = start(server, reference, *world.seeds)
        assert whole.wait(120) == 0
        yield world, server, content(reference)


def test_kill_as_soon_as_the_run_is_recorded(tmp_path, calm):
    world, server, reference = calm
    db = tmp_path / "early.db"
    proc = start(server, db, *world.seeds)
    wait_until(lambda: db.exists() and query(db, "SELECT count(*) FROM runs") == [(1,)])
    kill(proc)
    assert_sound(db)
    resume(server, db)
    assert content(db) == reference


def test_kill_at_a_random_moment(tmp_path, calm):
    world, server, reference = calm
    rng = random.Random(KILL_SEED)
    delay = rng.uniform(0.05, 1.5)
    db = tmp_path / "random.db"
    proc = start(server, db, *world.seeds)
    wait_until(lambda: db.exists() and query(db, "SELECT count(*) FROM pages")[0][0] >= 1)
    time.sleep(delay)  # the random moment itself; not waiting for anything
    kill(proc)
    assert_sound(db)
    if query(db, "SELECT status FROM runs") == [("finished",)]:
        pytest.skip(f"crawl finished before the kill (seed {KILL_SEED}, {delay:.2f} s)")
    resume(server, db)
    assert content(db) == reference, f"seed {KILL_SEED}, killed {delay:.2f} s after the first page"


def test_kill_during_resume_then_resume_again(tmp_path, calm):
    world, server, reference = calm
    db = tmp_path / "twice.db"
    proc = start(server, db, *world.seeds)
    wait_until(lambda: db.exists() and query(db, "SELECT count(*) FROM pages")[0][0] >= 10)
    kill(proc)
    stored = query(db, "SELECT count(*) FROM pages")[0][0]
    again = start(server, db, "--resume")
    wait_until(lambda: query(db, "SELECT count(*) FROM pages")[0][0] >= stored + 10)
    kill(again)
    assert_sound(db)
    resume(server, db)
    assert content(db) == reference
