"""The user's files: `--out` never replaces the database, a device or a symlink; exports honour the
umask; list files are read with a size cap in any common encoding; a read-only database is one
`Error:` line for every command."""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from test_user_errors import one_line_error, ranked_db, run  # noqa: F401  (ranked_db is a fixture)

from crawler.extract.textfile import MAX_USER_FILE, TextFileError, decode_text, read_text_file
from crawler.services.seeds import read_seed_file


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- --out ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".lock", "-journal"])
def test_out_refuses_the_database_and_its_companions(ranked_db, suffix):  # noqa: F811
    target = ranked_db.with_name(ranked_db.name + suffix)
    if suffix:
        target.write_bytes(b"companion")
    before = {p.name: digest(p) for p in ranked_db.parent.iterdir()}
    one_line_error(run("rank", "--db", str(ranked_db), "--out", str(target), "--quiet"), "project database")
    assert {p.name: digest(p) for p in ranked_db.parent.iterdir()} == before


def test_out_refuses_a_symlink_to_the_database(ranked_db, tmp_path):  # noqa: F811
    link = tmp_path / "partners.csv"
    link.symlink_to(ranked_db)
    before = digest(ranked_db)
    one_line_error(run("rank", "--db", str(ranked_db), "--out", str(link), "--quiet"), "project database")
    assert digest(ranked_db) == before and link.is_symlink()


def test_run_refuses_the_database_as_out_before_crawling(ranked_db):  # noqa: F811
    before = digest(ranked_db)
    result = run("run", "https://seo-blog.de/", "--db", str(ranked_db), "--out", str(ranked_db), "--quiet")
    one_line_error(result, "project database")
    assert digest(ranked_db) == before


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_out_refuses_devices_and_leaves_them_alone(ranked_db, device):  # noqa: F811
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    one_line_error(run("rank", "--db", str(ranked_db), "--out", device, "--quiet"), "device", "'-' for stdout")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_out_symlink_is_written_through_to_its_target(ranked_db, tmp_path):  # noqa: F811
    shared = tmp_path / "geteilt"
    shared.mkdir()
    target = shared / "partners.csv"
    target.write_text("old\n")
    link = tmp_path / "partners.csv"
    link.symlink_to(target)
    result = run("rank", "--db", str(ranked_db), "--out", str(link), "--quiet")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8").startswith("rank,site,")


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_export_mode_follows_the_umask(ranked_db, tmp_path, umask, mode):  # noqa: F811
    out = tmp_path / "partners.csv"
    old = os.umask(umask)
    try:
        result = run("rank", "--db", str(ranked_db), "--out", str(out), "--quiet")
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_export_keeps_the_mode_of_the_file_it_replaces(ranked_db, tmp_path):  # noqa: F811
    out = tmp_path / "partners.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    assert run("rank", "--db", str(ranked_db), "--out", str(out), "--quiet").returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text().startswith("rank,")


# -- list files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--seeds-file", "--exclude", "--platforms"])
def test_endless_list_file_is_one_line_error_and_no_database(tmp_path, option):
    db = tmp_path / "neu.db"
    args = ["crawl", "https://seo-blog.de/", "--db", str(db), option, "/dev/zero", "--quiet"]
    one_line_error(run(*args), "/dev/zero", "larger than 10 MB")
    assert not db.exists()


def test_oversized_list_file_is_refused(tmp_path):
    big = tmp_path / "seeds.txt"
    big.write_bytes(b"https://seo-blog.de/\n" * (MAX_USER_FILE // 20))
    with pytest.raises(TextFileError, match="larger than"):
        read_text_file(big)


def test_endless_weights_file_is_one_line_error(ranked_db):  # noqa: F811
    result = run("rank", "--db", str(ranked_db), "--weights", "/dev/zero", "--out", "-", "--quiet")
    one_line_error(result, "--weights /dev/zero", "larger than 10 MB")


SEEDS = "# Blogs\nhttps://müller-blog.de/\nhttps://seo-blog.de/\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "latin-1", "cp1252"]
)
def test_seed_file_in_any_common_encoding(tmp_path, encoding):
    path = tmp_path / "seeds.txt"
    if encoding.endswith("-bom"):
        codec = encoding.removesuffix("-bom")
        path.write_bytes(("\ufeff" + SEEDS).encode(codec))
    else:
        path.write_bytes(SEEDS.encode(encoding))
    assert read_seed_file(path) == ["https://müller-blog.de/", "https://seo-blog.de/"]


def test_latin1_seed_file_error_shows_the_text_as_written(tmp_path):
    path = tmp_path / "seeds.txt"
    path.write_bytes("ftp://müller-blog.de/\n".encode("latin-1"))
    one_line_error(run("crawl", "--seeds-file", str(path), "--db", str(tmp_path / "x.db"), "--quiet"), "müller")


@pytest.mark.parametrize(
    "data, text",
    [(b"", ""), ("Grüße".encode("utf-8-sig"), "Grüße"), ("Grüße".encode("utf-16-be"), None), (b"\x81\x8d", "\x81\x8d")],
)
def test_decode_text(data, text):
    decoded = decode_text(data)
    assert decoded == text if text is not None else isinstance(decoded, str)


def test_empty_text_file(tmp_path):
    (tmp_path / "leer.txt").write_bytes(b"")
    assert read_text_file(tmp_path / "leer.txt") == ""


# -- a read-only database --------------------------------------------------------------------------


def without_root_override(*args: str) -> subprocess.CompletedProcess:
    """`blogscout` in a subprocess that file permissions bind, even when the tests run as root."""
    command = [sys.executable, "-m", "crawler", *args]
    if os.geteuid() == 0:
        if not shutil.which("capsh"):
            pytest.skip("running as root without capsh: file permissions do not bind root")
        command = ["capsh", "--drop=cap_dac_override,cap_dac_read_search,cap_fowner", "--", "-c", shlex.join(command)]
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy")}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)


@pytest.fixture
def read_only_db(ranked_db):  # noqa: F811
    assert run("rank", "--db", str(ranked_db), "--out", "-", "--save", "--quiet").returncode == 0  # one stored ranking
    ranked_db.chmod(0o444)
    yield ranked_db
    ranked_db.chmod(0o644)


@pytest.mark.parametrize(
    "args",
    [
        ["crawl", "https://seo-blog.de/"],
        ["recrawl"],
        ["rank", "--save", "--out", "-"],
        ["rank", "--save", "--out", "{dir}/partners.csv"],
        ["run", "https://seo-blog.de/", "--out", "{dir}/partners.csv"],
    ],
)
def test_read_only_database_is_one_line_error(read_only_db, args):
    before = digest(read_only_db)
    args = [a.format(dir=read_only_db.parent) for a in args]
    result = without_root_override(*args, "--db", str(read_only_db), "--quiet")
    one_line_error(result, str(read_only_db), "cannot write to the database")
    assert digest(read_only_db) == before and not (read_only_db.parent / "partners.csv").exists()


def test_read_only_database_ranks_with_no_save_and_diffs(read_only_db):
    ranked = without_root_override("rank", "--db", str(read_only_db), "--no-save", "--out", "-", "--quiet")
    assert ranked.returncode == 0 and ranked.stdout.startswith("rank,site,"), ranked.stderr
    diffed = without_root_override("diff", "--db", str(read_only_db))
    one_line_error(diffed, "only one ranking stored")


def test_report_writer_refuses_the_database_and_honours_the_umask(ranked_db, tmp_path):  # noqa: F811
    from crawler.errors import OutputError
    from crawler.services.report import write_text

    before = digest(ranked_db)
    with pytest.raises(OutputError, match="project database"):
        write_text(ranked_db, "<html></html>", ranked_db)
    assert digest(ranked_db) == before
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "bericht.html", "<html></html>", ranked_db)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "bericht.html").stat().st_mode) == 0o644
