"""Bad input from the user: one line `Error: ...` naming the problem and the fix; nothing stored is lost.

Every case fails before the first request, so most run the `blogscout` command line in this
process (click's runner, stderr kept apart); a few run it in a subprocess as users do, and the
full disk needs one for its file-size limit.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, blogscout

from crawler.cli.main import cli
from crawler.storage import db as dbmod

EVIL_TITLES = [
    '=HYPERLINK("http://evil.example/","klick")',
    "+49 30 1234567",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTab=1",
    "\rCR=1",
    'Anführungszeichen "innen", Komma',
    "Zeile eins\nZeile zwei\r\nZeile drei",
    "NUL\x00mitten",
    "  =1+1",
]


def run(*args: str) -> subprocess.CompletedProcess:
    """The `blogscout` command line in this process; logging set up by the command is undone after."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        result = CliRunner().invoke(cli, list(args), prog_name="blogscout")
    finally:
        root.handlers[:], root.level = handlers, level
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def one_line_error(result: subprocess.CompletedProcess, *words: str) -> str:
    """The single `Error: ...` line of a failed command (asserting there is nothing else)."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def ranked_db(tmp_path):
    """A finished crawl whose candidate blogs carry hostile titles and e-mail addresses."""
    path = tmp_path / "project.db"
    db = dbmod.connect(path)
    db["runs"].insert(
        {
            "id": 1,
            "started_at": "2024-06-30T08:00:00+00:00",
            "finished_at": "2024-06-30T10:00:00+00:00",
            "command": "crawl",
            "status": "finished",
            "seeds": '["https://s.de/"]',
            "options": "{}",
            "stats": "{}",
        }
    )
    sites = [{"site": "s.de", "role": "seed", "title": "Seed"}]
    sites += [{"site": f"c{i}.de", "role": "candidate", "title": title} for i, title in enumerate(EVIL_TITLES)]
    db["sites"].insert_all(
        [
            {
                **s,
                "home_url": f"https://{s['site']}/",
                "hops": 1,
                "is_blog": 1,
                "language": "de",
                "found_via": "blogroll of s.de",
                "pages": 1,
            }
            for s in sites
        ]
    )
    text = "Content-Marketing und Social-Media-Marketing für Blogger.\nImpressum"
    db["pages"].insert_all(
        [
            {
                "url": f"https://{s['site']}/",
                "site": s["site"],
                "run_id": 1,
                "status": 200,
                "page_kind": "home",
                "language": "de",
                "text": text,
                "title": s["title"],
                "fetched_at": "2024-06-30T09:00:00+00:00",
            }
            for s in sites
        ]
    )
    db["links"].insert_all(
        [
            {
                "run_id": 1,
                "from_url": "https://s.de/",
                "from_site": "s.de",
                "to_url": f"https://c{i}.de/",
                "to_site": f"c{i}.de",
                "kind": "blogroll",
                "anchor": "",
                "rel": "",
            }
            for i in range(len(EVIL_TITLES))
        ]
    )
    db["contacts"].insert_all(
        [
            {
                "site": f"c{i}.de",
                "kind": "email",
                "value": f"=cmd|' /C calc'!A0{i}@c{i}.de",
                "run_id": 1,
                "source_url": "",
            }
            for i in range(len(EVIL_TITLES))
        ]
    )
    db.close()
    return path


# -- seeds and options -------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", ["ftp://blog.de/", "http://", "http://exa mple.de/", "keine url", "http://[::1/"])
def test_malformed_seed_is_one_line_error_and_writes_nothing(tmp_path, seed):
    db = tmp_path / "project.db"
    command = blogscout if seed == "keine url" else run  # one case as users run it, in its own process
    line = one_line_error(command("crawl", seed, "--db", str(db)), "seed", "https://")
    assert repr(seed) in line
    assert not db.exists()


def test_empty_seed_file_is_one_line_error(tmp_path):
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("# nur Kommentare\n\n   \n", encoding="utf-8")
    one_line_error(
        run("crawl", "--seeds-file", str(seeds), "--db", str(tmp_path / "p.db")),
        str(seeds),
        "no URLs found",
        "one URL a line",
    )


def test_garbage_in_a_seed_file_names_the_file(tmp_path):
    seeds = tmp_path / "blogroll.txt"
    seeds.write_text("https://seo-blog.de/\nsiehe unten\n", encoding="utf-8")
    db = tmp_path / "p.db"
    one_line_error(run("crawl", "--seeds-file", str(seeds), "--db", str(db)), f"seeds file {seeds}: seed 'siehe'")
    assert not db.exists()


def test_missing_seed_file_is_one_line_error(tmp_path):
    one_line_error(
        run("crawl", "--seeds-file", str(tmp_path / "fehlt.txt"), "--db", str(tmp_path / "p.db")),
        "fehlt.txt",
        "check the path",
    )


def test_no_seeds_is_one_line_error(tmp_path):
    one_line_error(run("crawl", "--db", str(tmp_path / "p.db")), "no seeds", "--seeds-file")


@pytest.mark.parametrize(
    "args, words",
    [
        (["crawl", "https://a.de/", "--bogus"], ["No such option", "--bogus"]),
        (["rank", "--topc", "x"], ["No such option", "--topc", "--topic"]),
        (["crawl", "https://a.de/", "--hops", "zwei"], ["--hops", "'zwei' is not a valid integer"]),
        (["crawl", "https://a.de/", "--set", "download_delay=1"], ["--set", "upper-case"]),
        (["crawlen", "https://a.de/"], ["No such command", "crawlen"]),
    ],
)
def test_unknown_or_malformed_option_names_it_with_help_hint(tmp_path, args, words):
    result = run(*args, "--db", str(tmp_path / "p.db"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: "), result.stderr
    assert all(w in result.stderr for w in words) and "--help')" in result.stderr  # "(see 'blogscout crawl --help')"
    assert not (tmp_path / "p.db").exists()


# -- databases -------------------------------------------------------------------------------------


def newer_schema_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA application_id={dbmod.APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version={dbmod.SCHEMA_VERSION + 7}")
    conn.commit()
    conn.close()


def foreign_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kunden (name TEXT)")
    conn.execute("INSERT INTO kunden VALUES ('Wichtig')")
    conn.commit()
    conn.close()


def not_sqlite(path: Path) -> None:
    path.write_bytes(b"Meine Notizen, kein SQLite.\n" * 200)


DATABASES = {
    "not_sqlite": (not_sqlite, ["not a SQLite database", "--db"]),
    "newer_schema": (newer_schema_db, ["newer blogscout", "upgrade blogscout"]),
    "foreign_sqlite": (foreign_db, ["not a blogscout database", "--db"]),
}


@pytest.mark.parametrize(
    "kind, command",
    [
        ("not_sqlite", ["crawl", "https://a.de/"]),
        ("newer_schema", ["crawl", "https://a.de/"]),
        ("foreign_sqlite", ["crawl", "https://a.de/"]),
        ("not_sqlite", ["rank", "--out", "{tmp}/p.csv"]),
        ("newer_schema", ["recrawl"]),
        ("foreign_sqlite", ["crawl", "--resume"]),
    ],
)
def test_unusable_database_is_one_line_error_and_left_untouched(tmp_path, kind, command):
    make, words = DATABASES[kind]
    db = tmp_path / f"{kind}.db"
    make(db)
    before = db.read_bytes()
    args = [a.format(tmp=tmp_path) for a in command]
    command = blogscout if kind == "not_sqlite" and args[0] == "crawl" else run
    one_line_error(command(*args, "--db", str(db)), str(db), *words)
    assert db.read_bytes() == before
    left = {p.name: p.stat().st_size for p in tmp_path.iterdir() if p != db}
    assert left in ({}, {f"{db.name}.lock": 0})  # no journal or export; at most the (empty) crawl lock file


def test_database_path_that_is_a_directory_is_refused(tmp_path):
    result = run("crawl", "https://a.de/", "--db", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        result.stderr
        == f"Error: Invalid value for '--db': File '{tmp_path}' is a directory. (see 'blogscout crawl --help')\n"
    )


# -- exports ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "out, words",
    [
        ("{tmp}/fehlt/partners.csv", ["does not exist", "create it or pass another path"]),
        ("{tmp}", ["is a directory", "pass a file name"]),
        ("/sys/partners.csv", ["cannot write in /sys", "pass another path"]),
    ],
)
def test_unwritable_output_path_is_one_line_error(ranked_db, tmp_path, out, words):
    if out.startswith("/sys") and not Path("/sys").is_dir():
        pytest.skip("needs Linux /sys")
    one_line_error(run("rank", "--db", str(ranked_db), "--out", out.format(tmp=tmp_path), "--quiet"), *words)


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize("name", ["partners.csv", "partners.xlsx"])
def test_full_disk_during_export_keeps_the_previous_export(ranked_db, tmp_path, name):
    conn = sqlite3.connect(ranked_db)
    with conn:  # enough candidates for an export well past the 64 KB file-size limit below, zipped too
        conn.executemany(
            "INSERT INTO sites (site, home_url, role, hops, is_blog, language, title) "
            "VALUES (?, ?, 'candidate', 1, 1, 'de', ?)",
            [(f"f{i}.de", f"https://f{i}.de/", f"Füllblog {i} " + os.urandom(240).hex()) for i in range(400)],
        )
        conn.executemany(
            "INSERT INTO links (run_id, from_url, from_site, to_url, to_site, kind) "
            "VALUES (1, 'https://s.de/', 's.de', ?, ?, 'blogroll')",
            [(f"https://f{i}.de/", f"f{i}.de") for i in range(400)],
        )
    conn.close()
    out = tmp_path / name
    good = run("rank", "--db", str(ranked_db), "--out", str(out), "--quiet")
    assert good.returncode == 0, good.stderr
    before = out.read_bytes()
    assert len(before) > 2 * 64 * 1024
    scratch = tmp_path.parent / f"{tmp_path.name}-tmp"  # the system's temporary folder, seen from the command
    scratch.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")} | {"TMPDIR": str(scratch)}
    full = subprocess.run(
        [sys.executable, "-m", "crawler", "rank", "--db", str(ranked_db), "--out", str(out), "--no-save", "--quiet"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        preexec_fn=_limit_file_size(64 * 1024),
    )
    one_line_error(full, "--out", str(out), "File too large")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "project.db"])  # no temp file left
    assert not any(scratch.iterdir())


def test_export_cannot_inject_formulas_or_break_rows(ranked_db, tmp_path):
    out = tmp_path / "partners.csv"
    result = blogscout("rank", "--db", str(ranked_db), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert b"\x00" not in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    header, body = rows[0], rows[1:]
    assert len(body) == len(EVIL_TITLES) and all(len(r) == len(header) for r in body)
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
            assert "\n" not in cell and "\r" not in cell
    titles = {r[header.index("title")] for r in body}
    assert '\'=HYPERLINK("http://evil.example/","klick")' in titles
    assert 'Anführungszeichen "innen", Komma' in titles
