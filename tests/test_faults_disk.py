"""A disk that fills during a crawl: one `Error:` line, a sound database, and `crawl --resume` finishes it.

The database alone goes on a small file system: a tmpfs mounted for the test (root only), sized
at half the database of an uninterrupted crawl of the same web, so the crawl always runs out of
room part-way; temporary files (TMPDIR) stay on the normal disk. The second case stands in a
per-process file-size limit for the full disk (RLIMIT_FSIZE with SIGXFSZ ignored: a write past it
fails with EFBIG), sized the same way; it binds every file the crawl writes, temporary ones too,
and runs without root. After room is made (the tmpfs remounted bigger, the limit lifted), the
resumed crawl ends with the same sites, pages, links and feed entries as the uninterrupted one.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import FAST, ROOT, served_world
from test_faults import assert_sound, content, query

from crawler.storage import db as dbmod

# Small batches, so the database grows through the crawl and the disk fills part-way. One hop: at
# two, the resumed crawl may reach a hop-2 site through another link first than the whole crawl
# did (a post's link, whose guessed home page is a 404) and then lacks that site's pages.
SMALL = ["--hops", "1", "--set", "BLOGSCOUT_FLUSH_SECONDS=0.1"]


def crawl(server, db: Path, tmpdir: Path, *args: str, preexec=None) -> subprocess.CompletedProcess:
    """`blogscout crawl ARGS --db DB` with its temporary files in `tmpdir`, after `preexec` in the child."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    env["http_proxy"] = server.proxy_url
    env["TMPDIR"] = str(tmpdir)
    return subprocess.run(
        [sys.executable, "-m", "crawler", "crawl", *args, "--db", str(db), "--quiet", *FAST, *SMALL],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        preexec_fn=preexec,
    )


def limit_file_size(limit: int):
    """A `preexec_fn`: files of the child cannot grow beyond `limit` bytes; such writes fail (EFBIG)."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@contextmanager
def tmpfs(directory: Path, size: int):
    """`directory` as a tmpfs of `size` bytes; yields a function that resizes it. Skips where mounting fails."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root; the file-size limit case stands in for it")
    directory.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(directory)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs ({mounted.stderr.strip()}); the file-size limit case stands in for it")

    def resize(new_size: int) -> None:
        subprocess.run(["mount", "-o", f"remount,size={new_size}", str(directory)], check=True)

    try:
        yield resize
    finally:
        subprocess.run(["umount", "-l", str(directory)], check=False)


@pytest.fixture(scope="module")
def web():
    with served_world(8, 40) as pair:
        yield pair


@pytest.fixture(scope="module")
def whole(tmp_path_factory, web):
    """The size in bytes and the content of the database of one uninterrupted crawl."""
    world, server = web
    base = tmp_path_factory.mktemp("whole")
    db = base / "whole.db"
    result = crawl(server, db, base, *world.seeds)
    assert result.returncode == 0, result.stderr
    return db.stat().st_size, content(db)


@pytest.fixture(scope="module")
def room(whole, tmp_path_factory) -> int:
    """Bytes of disk the crawl gets: half its whole database, well above an empty one."""
    size, _ = whole
    empty = tmp_path_factory.mktemp("empty") / "empty.db"
    dbmod.connect(empty).conn.close()
    assert size // 2 > 3 * empty.stat().st_size, "the world is too small to fill a disk part-way"
    return size // 2


def assert_stopped_resumable(full: subprocess.CompletedProcess, db: Path, reference: dict) -> None:
    """The crawl ended with one Error line naming --resume; the database is sound and part-way."""
    assert full.returncode == 1, full.stderr
    errors = [line for line in full.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, full.stderr
    assert "stopped taking writes" in errors[0] and f"crawl --resume --db {db}" in errors[0], full.stderr
    assert "Traceback" not in full.stderr and "Spider error" not in full.stderr, full.stderr
    assert_sound(db)
    assert query(db, "SELECT id, status FROM runs") == [(1, "interrupted")]
    stored = query(db, "SELECT count(*) FROM pages")[0][0]
    assert 0 < stored < len(reference["pages"]), stored


def differences(got: dict, want: dict) -> dict:
    """What `got` has more and less than `want`, a few rows of each kind."""
    return {k: (sorted(got[k] - want[k])[:3], sorted(want[k] - got[k])[:3]) for k in want if got[k] != want[k]}


def assert_resumed(resumed: subprocess.CompletedProcess, db: Path, reference: dict) -> None:
    """The resumed crawl finished the run with the content of the uninterrupted one."""
    assert resumed.returncode == 0, resumed.stderr
    assert query(db, "SELECT id, status FROM runs") == [(1, "finished")]
    assert_sound(db)
    resumed_content = content(db)
    assert resumed_content == reference, differences(resumed_content, reference)


def test_disk_full_during_crawl_is_one_error_and_resumes(tmp_path, web, whole, room):
    world, server = web
    _, reference = whole
    with tmpfs(tmp_path / "disk", room) as resize:
        db = tmp_path / "disk" / "full.db"
        full = crawl(server, db, tmp_path, *world.seeds)
        assert_stopped_resumable(full, db, reference)
        resize(8 * room)
        assert_resumed(crawl(server, db, tmp_path, "--resume"), db, reference)


def test_file_size_limit_during_crawl_is_one_error_and_resumes(tmp_path, web, whole, room):
    world, server = web
    _, reference = whole
    db = tmp_path / "full.db"
    full = crawl(server, db, tmp_path, *world.seeds, preexec=limit_file_size(room))
    assert_stopped_resumable(full, db, reference)
    assert_resumed(crawl(server, db, tmp_path, "--resume"), db, reference)
