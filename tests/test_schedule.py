"""`blogscout schedule`: real crontab edits, in a temporary crontab file."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys

import pytest
from conftest import blogscout
from crontab import CronTab

from crawler.services import schedule
from crawler.services.schedule import ScheduleError, UnsafePathError, cron_spec
from crawler.storage import db as dbmod


@pytest.fixture
def project_db(tmp_path):
    path = tmp_path / "kunde.db"
    dbmod.connect(path).conn.close()
    return path


def test_schedule_add_list_remove_edits_the_crontab(tmp_path, project_db):
    tab = tmp_path / "crontab"
    tab.write_text("MAILTO=me@example.org\n0 1 * * * /usr/bin/backup  # unrelated job\n")
    added = blogscout("schedule", "add", "--every", "weekly", "--db", str(project_db), "--crontab-file", str(tab))
    assert added.returncode == 0, added.stderr
    jobs = list(CronTab(tabfile=str(tab)))
    ours = [j for j in jobs if "recrawl" in j.command]
    assert len(ours) == 1 and str(ours[0].slices) == "15 5 * * 1"
    assert f"--db {project_db}" in ours[0].command and f"{project_db}.log" in ours[0].command
    assert 'partners-"$(date +%Y-%m-%d)".csv' in ours[0].command
    assert "/usr/bin/backup" in tab.read_text() and "MAILTO=me@example.org" in tab.read_text()
    listed = blogscout("schedule", "list", "--crontab-file", str(tab))
    assert str(project_db) in listed.stdout and "15 5 * * 1" in listed.stdout
    removed = blogscout("schedule", "remove", "--db", str(project_db), "--crontab-file", str(tab))
    assert removed.returncode == 0, removed.stderr
    assert "recrawl" not in tab.read_text() and "/usr/bin/backup" in tab.read_text()


def test_schedule_add_twice_replaces(tmp_path, project_db):
    tab = tmp_path / "crontab"
    for every in ("daily", "0 6 * * 1"):
        assert (
            blogscout(
                "schedule", "add", "--every", every, "--db", str(project_db), "--crontab-file", str(tab)
            ).returncode
            == 0
        )
    ours = [j for j in CronTab(tabfile=str(tab)) if "recrawl" in j.command]
    assert [str(j.slices) for j in ours] == ["0 6 * * 1"]


def test_schedule_rejects_bad_every(tmp_path, project_db):
    result = blogscout(
        "schedule", "add", "--every", "sometimes", "--db", str(project_db), "--crontab-file", str(tmp_path / "tab")
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "CRON expression" in result.stderr


def test_schedule_needs_an_existing_database(tmp_path):
    result = blogscout(
        "schedule",
        "add",
        "--every",
        "daily",
        "--db",
        str(tmp_path / "none.db"),
        "--crontab-file",
        str(tmp_path / "tab"),
    )
    assert result.returncode == 1 and "no such database" in result.stderr


def test_schedule_remove_unknown(tmp_path):
    result = blogscout("schedule", "remove", "--db", str(tmp_path / "x.db"), "--crontab-file", str(tmp_path / "tab"))
    assert result.returncode == 1 and "no schedule" in result.stderr


@pytest.mark.parametrize(
    "every, spec", [("daily", "15 5 * * *"), ("Weekly", "15 5 * * 1"), ("*/30 * * * *", "*/30 * * * *")]
)
def test_cron_spec(every, spec):
    assert cron_spec(every) == spec


def test_empty_cron_spec():
    with pytest.raises(ScheduleError):
        cron_spec("")


def _cron_command(line: str) -> str:
    """What cron hands to ``sh -c`` for a crontab line: after the time fields, cut at the first
    unescaped ``%`` (cronie's do_command.c: a backslash escapes a following ``%``)."""
    text = line.split(None, 1 if line.startswith("@") else 5)[-1]
    out, escaped = [], False
    for ch in text:
        if escaped:
            if ch == "%":
                out[-1] = "%"
            else:
                out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
            out.append(ch)
            continue
        if ch == "%":
            break
        out.append(ch)
    return "".join(out)


HOSTILE_DIRS = [
    "x$(touch dollar)",
    "x`touch backtick`",
    'x"; touch dquote; "',
    "x'; touch squote; '",
    "a #b",
    "p%d\\%e",
    "$HOME ~ *",
    "x\\'",
]


@pytest.mark.parametrize("every", ["weekly", "hourly", "@daily"])
@pytest.mark.parametrize("name", HOSTILE_DIRS)
def test_schedule_line_runs_only_blogscout_whatever_the_paths(tmp_path, name, every):
    work = tmp_path / "work"
    work.mkdir()
    folder = tmp_path / name
    folder.mkdir()
    db = folder / "kunde.db"
    dbmod.connect(db).conn.close()
    out_dir = tmp_path / (name + "-out")
    tab = tmp_path / "crontab"
    added = blogscout(
        "schedule", "add", "--every", every, "--db", str(db), "--out-dir", str(out_dir), "--crontab-file", str(tab)
    )
    assert added.returncode == 0, added.stderr
    lines = [ln for ln in tab.read_text().splitlines() if "recrawl" in ln]
    assert len(lines) == 1
    command = _cron_command(lines[0])
    prefix = f"{shlex.quote(sys.executable)} -m crawler"
    assert command.startswith(prefix)
    args_file = tmp_path / "argv"
    for stand_in in ("true", f"{shutil.which('python3')} {RECORD_ARGV} {args_file}"):
        subprocess.run(["sh", "-c", stand_in + command[len(prefix) :]], cwd=work, check=True, timeout=30)
    assert sorted(p.name for p in work.iterdir()) == []  # no $(touch ...) ran, no stray file
    argv = args_file.read_text().split("\0")[:-1]
    assert argv[:4] == ["recrawl", "--quiet", "--db", str(db)]
    assert argv[4] == "--out" and re.fullmatch(re.escape(f"{out_dir}/partners-") + r"\d{4}-\d\d-\d\d\.csv", argv[5])
    assert (folder / "kunde.db.log").exists()
    listed = blogscout("schedule", "list", "--crontab-file", str(tab))
    assert listed.returncode == 0 and str(db) in listed.stdout, listed.stdout
    removed = blogscout("schedule", "remove", "--db", str(db), "--crontab-file", str(tab))
    assert removed.returncode == 0, removed.stderr


RECORD_ARGV = '-c \'import sys; open(sys.argv[1], "w").write("".join(a + "\\0" for a in sys.argv[2:]))\''


@pytest.mark.parametrize("bad", ["a\nb", "a\rb", "a\0b"])
@pytest.mark.parametrize("where", ["db", "out"])
def test_schedule_refuses_line_breaks_in_paths(tmp_path, bad, where):
    db = tmp_path / "kunde.db"
    out_dir = tmp_path / "out"
    if where == "db":
        db = tmp_path / bad.replace("\0", "") / "kunde.db" if "\0" not in bad else tmp_path / "kunde.db"
    if where == "out" or "\0" in bad:
        out_dir = tmp_path / bad
    with pytest.raises(UnsafePathError, match="crontab line"):
        schedule.recrawl_command(db, out_dir)
    if "\0" in bad:
        return
    db.parent.mkdir(exist_ok=True)
    dbmod.connect(db).conn.close()
    tab = tmp_path / "crontab"
    result = blogscout(
        "schedule", "add", "--every", "daily", "--db", str(db), "--out-dir", str(out_dir), "--crontab-file", str(tab)
    )
    assert result.returncode == 1 and result.stderr.startswith("Error:") and result.stderr.count("\n") == 1
    assert "recrawl" not in (tab.read_text() if tab.exists() else "")
