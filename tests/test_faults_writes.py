"""Writes that meet: outreach marks during a re-crawl, and SIGKILL inside `blogscout report`.

Real subprocesses of the command line on real SQLite files; afterwards the database passes
integrity_check and holds everything that was stored.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FAST, ROOT, blogscout, served_world
from projectdb import build_project_db
from test_faults import KILL_SEED, assert_sound, query

CANDIDATES = 3000


def start(*args: str, proxy: str | None = None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    if proxy:
        env["http_proxy"] = proxy
    return subprocess.Popen(
        [sys.executable, "-m", "crawler", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def dump_digest(db: Path) -> str:
    """A digest of every row of the database (what a reader sees, not the file's pages)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


# -- outreach marks during a re-crawl ---------------------------------------------------------------

STATUSES = ("shortlisted", "contacted", "replied", "declined")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """A crawled sandbox project and its web, kept served for the re-crawl."""
    with served_world(8, 40) as (world, server):
        db = tmp_path_factory.mktemp("marks") / "project.db"
        crawl = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
        assert crawl.returncode == 0, crawl.stderr
        yield db, server


def test_marks_during_a_recrawl_are_all_kept(crawled):
    db, server = crawled
    sites = [s for (s,) in query(db, "SELECT site FROM sites WHERE role = 'candidate' ORDER BY site")][:6]
    recrawl = start("recrawl", "--db", str(db), "--full", "--quiet", proxy=server.proxy_url)
    deadline = time.monotonic() + 120
    while query(db, "SELECT count(*) FROM runs") == [(1,)]:  # the re-crawl has recorded its run
        assert time.monotonic() < deadline and recrawl.poll() is None, "the re-crawl did not start"
        time.sleep(0.02)
    marks, during = [], 0
    while recrawl.poll() is None or len(marks) < 4:
        site, status, note = sites[len(marks) % len(sites)], STATUSES[len(marks) % 4], f"Notiz {len(marks)}"
        result = blogscout("mark", site, "--status", status, "--note", note, "--db", str(db))
        assert result.returncode == 0, result.stderr
        during += recrawl.poll() is None
        marks.append((site, status, note))
    out, err = recrawl.communicate(timeout=240)
    assert recrawl.returncode == 0, err
    assert during >= 2, "no mark landed while the re-crawl ran"
    assert query(db, "SELECT status FROM runs ORDER BY id") == [("finished",), ("finished",)]
    last = {site: (status, note) for site, status, note in marks}
    assert {s: (st, n) for s, st, n in query(db, "SELECT site, status, note FROM outreach")} == last
    assert query(db, "SELECT site, status, note FROM outreach_history ORDER BY id") == marks
    assert_sound(db)


# -- SIGKILL inside `blogscout report` --------------------------------------------------------------


@pytest.fixture(scope="module")
def big_project(tmp_path_factory):
    """A ranked project with `CANDIDATES` candidate blogs (rows written directly: a crawl would be slow)."""
    db = build_project_db(tmp_path_factory.mktemp("big") / "big.db")
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany(
            "INSERT INTO sites (site, home_url, role, hops, is_blog, language, title, pages) "
            "VALUES (?, ?, 'candidate', 1, 1, 'de', ?, 1)",
            [(f"b{i}.de", f"https://b{i}.de/", f"Blog {i} über Content-Marketing") for i in range(CANDIDATES)],
        )
        conn.executemany(
            "INSERT INTO links (run_id, from_url, from_site, to_url, to_site, kind) VALUES (1, ?, ?, ?, ?, 'blogroll')",
            [
                (f"https://{src}/", src, f"https://b{i}.de/", f"b{i}.de")
                for i in range(CANDIDATES)
                for src in ("s.de", f"b{(i * 7 + 1) % CANDIDATES}.de")
            ],
        )
    conn.close()
    ranked = blogscout(
        "rank", "--db", str(db), "--top", "0", "--quiet", "--save", "--out", str(db.parent / "partners.csv")
    )
    assert ranked.returncode == 0, ranked.stderr
    return db


@pytest.mark.parametrize("moment", ["temp file appears", "random"])
def test_kill_inside_report_keeps_the_previous_report_and_the_database(tmp_path, big_project, moment):
    out = tmp_path / "report.html"
    began = time.monotonic()
    first = blogscout("report", "--db", str(big_project), "--out", str(out), "--top", str(CANDIDATES), "--quiet")
    took = time.monotonic() - began
    assert first.returncode == 0, first.stderr
    before, digest = out.read_bytes(), dump_digest(big_project)
    proc = start("report", "--db", str(big_project), "--out", str(out), "--top", str(CANDIDATES), "--quiet")
    if moment == "random":
        time.sleep(random.Random(KILL_SEED).uniform(0.3, took))  # the random moment itself; not waiting for anything
    else:
        deadline = time.monotonic() + 120
        while proc.poll() is None and len(list(tmp_path.iterdir())) == 1:
            assert time.monotonic() < deadline
            time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert out.read_bytes() == before
    assert dump_digest(big_project) == digest
    assert_sound(big_project)
    again = blogscout("report", "--db", str(big_project), "--out", str(out), "--top", str(CANDIDATES), "--quiet")
    assert again.returncode == 0, again.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # the killed run's temp file is gone too
