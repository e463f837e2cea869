"""Scheduled re-crawls as crontab entries of the current user (python-crontab)."""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from crontab import CronSlices, CronTab

from crawler.errors import BlogscoutError

MARK = "blogscout-recrawl"
EVERY = {"hourly": "@hourly", "daily": "15 5 * * *", "weekly": "15 5 * * 1", "monthly": "15 5 1 * *"}


class ScheduleError(BlogscoutError):
    """A schedule that cannot be installed, read or removed."""


@dataclass
class Entry:
    """One installed schedule."""

    db: str
    when: str
    command: str
    enabled: bool


def cron_spec(every: str) -> str:
    """A crontab time spec for ``hourly|daily|weekly|monthly`` or a 5-field CRON expression."""
    spec = EVERY.get(every.strip().lower(), every.strip())
    if not CronSlices.is_valid(spec):
        raise ScheduleError(
            f"--every {every!r}: use hourly, daily, weekly, monthly or a CRON expression like '0 6 * * 1'"
        )
    return spec


class UnsafePathError(ScheduleError):
    """A path that cannot stand in a crontab line (a line break or NUL would end or split it)."""


def _shell_path(path: Path | str, what: str) -> str:
    """``path`` quoted for the shell cron starts, refusing characters a crontab line cannot hold."""
    text = str(path)
    bad = next((c for c in ("\n", "\r", "\0") if c in text), None)
    if bad is not None:
        raise UnsafePathError(f"{what} {text!r} holds {bad!r}; a crontab line cannot carry it, choose another path")
    # Only inside shlex's single quotes: cron reads a backslash before "%" as an escape, so end the
    # quotes between them; python-crontab reads any "#" as the start of the line's comment, so let
    # printf write it.
    return shlex.quote(text).replace("\\%", "\\''%").replace("#", "'\"$(printf '\\043')\"'")


def recrawl_command(db: Path, export_dir: Path, python: str = sys.executable) -> str:
    """The shell command cron runs: re-crawl, dated export, log next to the database.

    Every path is quoted for the shell; only the date in the export name is expanded
    (python-crontab escapes its ``%`` for cron).
    """
    log = db.with_name(db.name + ".log")
    out = _shell_path(str(export_dir).rstrip("/") + "/partners-", "--out-dir") + '"$(date +%Y-%m-%d)".csv'
    return (
        f"{_shell_path(python, 'the Python interpreter')} -m crawler recrawl --quiet "
        f"--db {_shell_path(db, '--db')} --out {out} >> {_shell_path(log, '--db')} 2>&1"
    )


def open_crontab(tabfile: str | None = None) -> CronTab:
    """The current user's crontab, or a crontab file (tests, system cron.d files)."""
    try:
        if tabfile:
            Path(tabfile).touch(exist_ok=True)
            return CronTab(tabfile=tabfile)
        return CronTab(user=True)
    except (OSError, ValueError) as err:
        raise ScheduleError(f"cannot read the crontab ({err}); install cron or pass --crontab-file") from err


def _comment(db: Path) -> str:
    return f"{MARK} {db}"


def add(db: Path, every: str, export_dir: Path | None = None, tabfile: str | None = None) -> Entry:
    """Install (or replace) the schedule of one database; exports go to ``export_dir`` (default:
    next to the database)."""
    if not db.exists():
        raise ScheduleError(f"{db}: no such database; run 'blogscout crawl URL... --db {db}' first")
    spec = cron_spec(every)
    export_dir = export_dir or db.resolve().parent
    db = db.resolve()
    command = recrawl_command(db, export_dir.resolve())
    tab = open_crontab(tabfile)
    tab.remove_all(comment=_comment(db))
    job = tab.new(command=command, comment=_comment(db))
    job.setall(spec)
    _write(tab)
    return Entry(str(db), spec, job.command, job.is_enabled())


def entries(tabfile: str | None = None) -> list[Entry]:
    """All blogscout schedules in the crontab."""
    tab = open_crontab(tabfile)
    out = []
    for job in tab:
        if job.comment.startswith(MARK + " "):
            out.append(Entry(job.comment[len(MARK) + 1 :], str(job.slices), job.command, job.is_enabled()))
    return out


def remove(db: Path | None, tabfile: str | None = None) -> int:
    """Remove the schedule of one database (or all blogscout schedules); return how many."""
    tab = open_crontab(tabfile)
    jobs = [j for j in tab if j.comment.startswith(MARK + " ") and (db is None or j.comment == _comment(db.resolve()))]
    for job in jobs:
        tab.remove(job)
    _write(tab)
    return len(jobs)


def _write(tab: CronTab) -> None:
    try:
        tab.write()
    except (OSError, ValueError) as err:
        raise ScheduleError(f"cannot write the crontab ({err}); install cron or pass --crontab-file") from err
