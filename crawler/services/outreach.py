"""Outreach status: mark sites, list statuses, take statuses back from an edited export.

Plain Python over an open database (``sqlite_utils.Database``); every input problem is a small
named exception (`OutreachError` and its subclasses) that the CLI or the web app turns into
one message. Nothing is written unless the whole input is valid.

Statuses are typed in English or German (`GERMAN_NAMES`) and stored in English. An import
never loses a status: a row whose status changed in the database after the file was written,
or that goes back from a decided status (`DECIDED`) to ``new`` or ``shortlisted``, is a
`Conflict` and is left alone unless forced.

>>> STATUSES
('new', 'shortlisted', 'contacted', 'replied', 'partner', 'declined', 'do-not-contact')
>>> normalise_status("Nicht-Kontaktieren")
'do-not-contact'
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from crawler.errors import InputError
from crawler.services.sheets import SheetError, read_table, written_at
from crawler.storage import db as dbmod
from crawler.storage.outreach import (
    CLOSED,
    DECIDED,
    DEFAULT_STATUS,
    GERMAN_NAMES,
    OPEN_FOR_DRAFTS,
    STATUS_TIME,
    STATUSES,
    known_sites,
    load_history,
    load_statuses,
    set_statuses,
)

log = logging.getLogger(__name__)

__all__ = [
    "CLOSED",
    "DECIDED",
    "GERMAN_NAMES",
    "OPEN_FOR_DRAFTS",
    "STATUSES",
    "STATUS_TIME",
    "Change",
    "Conflict",
    "ImportResult",
    "ImportFileError",
    "OutreachError",
    "UnknownSite",
    "UnknownStatus",
    "history",
    "import_status",
    "leave_out_closed",
    "mark",
    "normalise_status",
    "statuses",
]

MAX_NOTE = 2000


class OutreachError(InputError):
    """Outreach input that cannot be used (base class)."""


class UnknownStatus(OutreachError):
    """A status that is not one of `STATUSES`."""


class UnknownSite(OutreachError):
    """A site the project database does not hold."""


class ImportFileError(OutreachError):
    """An edited export that cannot be taken back (unreadable, no ``site`` or ``status`` column)."""


@dataclass(frozen=True)
class Change:
    """A row of an import that changes the database: ``old`` -> ``new`` status (and note)."""

    site: str
    old: str
    new: str
    note: str | None


@dataclass(frozen=True)
class Conflict:
    """A row of an import that would lose what the database holds.

    ``reason`` is ``"changed"`` (the database's status was set after the file's) or
    ``"downgrade"`` (back from a `DECIDED` status to new or shortlisted). ``file_set_at`` is
    when the file's status was set: its ``status_changed_at`` cell ('' before any status was
    stored), else when the file was written.
    """

    site: str
    file_status: str
    file_set_at: str
    db_status: str
    db_set_at: str
    reason: str


@dataclass
class ImportResult:
    """What `import_status` did (or would do with ``dry_run``); ``forced`` conflicts were applied."""

    changed: list[Change]
    unchanged: int
    blank: int
    conflicts: list[Conflict] = field(default_factory=list)
    forced: bool = False
    dry_run: bool = False


Project = str | Path | sqlite_utils.Database


@contextmanager
def opened(db: Project) -> Iterator[sqlite_utils.Database]:
    """An open database: ``db`` itself, or the file at ``db`` opened (not created) and closed after."""
    if isinstance(db, sqlite_utils.Database):
        yield db
        return
    handle = dbmod.connect(db, create=False)
    try:
        yield handle
    except sqlite3.Error as err:
        raise dbmod.DatabaseError(f"{db}: cannot use the database ({err}); check free disk space") from err
    finally:
        handle.close()


def _name_key(value: str) -> str:
    return "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())


_BY_NAME = {_name_key(name): status for status in STATUSES for name in (status, GERMAN_NAMES[status])}


def normalise_status(value: str, where: str = "status") -> str:
    """``"Do not contact"`` or ``"nicht kontaktieren"`` -> ``"do-not-contact"``; `UnknownStatus` otherwise."""
    status = _BY_NAME.get(_name_key(value))
    if status is None:
        raise UnknownStatus(
            f"{where} {value!r} is unknown; use one of {', '.join(STATUSES)} "
            f"(German: {', '.join(GERMAN_NAMES.values())})"
        )
    return status


def _site_of(value: str) -> str:
    """Site key of a site name, domain or URL typed by the user ('' when unusable)."""
    from crawler.extract.urls import site_key

    text = value.strip()
    if not text:
        return ""
    return site_key(text if "://" in text else f"https://{text}") or ""


def _clean_note(note: str | None) -> str | None:
    if note is None:
        return None
    return " ".join(note.replace("\x00", "").split())[:MAX_NOTE]


def mark(db: Project, sites: Sequence[str], status: str, note: str | None = None, *, source: str = "mark") -> list[str]:
    """Set the status (and note; None keeps the stored note) of sites; return their site keys.

    Sites may be given as site keys, domains or URLs; ``source`` names what made the change in
    the history (``mark``, ``app``). Raises `UnknownStatus` or `UnknownSite` (naming every
    unknown site) before anything is stored.
    """
    status = normalise_status(status, "--status")
    if not sites:
        raise UnknownSite("no site given; name one or more sites, e.g. blogscout mark seo-blog.de --status contacted")
    keys = {raw: _site_of(raw) for raw in sites}
    with opened(db) as handle:
        known = known_sites(handle, [k for k in keys.values() if k])
        missing = [raw for raw, key in keys.items() if key not in known]
        if missing:
            raise UnknownSite(
                f"{', '.join(missing)}: not in the database; "
                "check the spelling against 'blogscout rank' or 'blogscout status'"
            )
        ordered = list(dict.fromkeys(keys.values()))
        set_statuses(handle, ((site, status, _clean_note(note)) for site in ordered), source)
    log.info("marked %d site(s) %s", len(ordered), status)
    return ordered


def statuses(db: Project, *, include_new: bool = False) -> list[dict]:
    """Rows ``{site, status, note, changed_at}`` of every site with a stored status, by status order then site.

    ``include_new`` lists the database's other blogs too (status ``new``, no note).
    """
    with opened(db) as handle:
        stored = load_statuses(handle)
        rows = [{"site": site, **entry} for site, entry in stored.items()]
        if include_new:
            cur = handle.execute("SELECT site FROM sites WHERE is_blog = 1 AND role = 'candidate' ORDER BY site")
            rows += [
                {"site": s, "status": DEFAULT_STATUS, "note": "", "changed_at": ""} for (s,) in cur if s not in stored
            ]
    order = {s: i for i, s in enumerate(STATUSES)}
    return sorted(rows, key=lambda r: (order.get(r["status"], len(order)), r["site"]))


def history(db: Project, site: str | None = None) -> list[dict]:
    """Every status change, oldest first (of one site when given)."""
    with opened(db) as handle:
        return load_history(handle, _site_of(site) if site else None)


def import_status(db: Project, path: str | Path, *, force: bool = False, dry_run: bool = False) -> ImportResult:
    """Take the ``status`` and ``note`` columns back from an edited export (CSV or Excel).

    Rows are matched by their ``site`` column. A blank status or note cell leaves the stored
    value alone; a row that says what is stored already changes nothing. A row is applied only
    where the database's status has not changed since the file's status was set (its
    ``status_changed_at`` cell; without that column, when the file was written) and does not
    go back from a `DECIDED` status to new or shortlisted; other rows are `Conflict` s, applied
    only with ``force``. ``dry_run`` stores nothing. Raises `ImportFileError` (unreadable
    file, no ``site`` or ``status`` column), `UnknownStatus` or `UnknownSite` (naming the row)
    before anything is stored.
    """
    try:
        columns, rows = read_table(path)
        file_time = "" if STATUS_TIME in columns else written_at(path).isoformat()
    except SheetError as err:
        raise ImportFileError(str(err)) from err
    for needed in ("site", "status"):
        if needed not in columns:
            raise ImportFileError(
                f"{path}: no {needed!r} column (found: {', '.join(c for c in columns if c) or 'none'}); "
                "keep the export's header row when editing"
            )
    wanted: dict[str, tuple[str, str | None, str]] = {}
    blank = 0
    for number, row in enumerate(rows, start=2):
        raw_site, raw_status = row.get("site", ""), row.get("status", "")
        if not raw_status:
            blank += 1
            continue
        status = normalise_status(raw_status, f"{path}: row {number}: status")
        site = _site_of(raw_site)
        if not site:
            raise UnknownSite(f"{path}: row {number}: site {raw_site!r} is not a site name; fix or delete the row")
        note = _clean_note(row.get("note")) or None
        wanted[site] = (status, note, row.get(STATUS_TIME, "") if file_time == "" else file_time)
    with opened(db) as handle:
        missing = sorted(set(wanted) - known_sites(handle, wanted))
        if missing:
            raise UnknownSite(f"{path}: {', '.join(missing[:5])}: not in the database; fix or delete those rows")
        changes, conflicts = _compare(wanted, load_statuses(handle))
        if not dry_run:
            stored = [(c.site, c.new, c.note) for c in changes]
            stored += [(c.site, c.file_status, wanted[c.site][1]) for c in conflicts] if force else []
            set_statuses(handle, stored, f"import-status {Path(path).name}" + (" --force" if force else ""))
    unchanged = len(wanted) - len(changes) - len(conflicts)
    return ImportResult(changes, unchanged, blank, conflicts, forced=force, dry_run=dry_run)


def _compare(
    wanted: Mapping[str, tuple[str, str | None, str]], stored: Mapping[str, Mapping[str, str]]
) -> tuple[list[Change], list[Conflict]]:
    """The rows of a file that change the database, and those that conflict with it."""
    changes, conflicts = [], []
    for site, (status, note, set_at) in wanted.items():
        entry = stored.get(site)
        old_status = entry["status"] if entry else DEFAULT_STATUS
        if status == old_status and (note is None or note == (entry["note"] if entry else "")):
            continue
        if old_status in DECIDED and status in OPEN_FOR_DRAFTS:
            reason = "downgrade"
        elif entry and not _not_after(entry["changed_at"], set_at):
            reason = "changed"
        else:
            changes.append(Change(site, old_status, status, note))
            continue
        conflicts.append(Conflict(site, status, set_at, old_status, entry["changed_at"] if entry else "", reason))
    return changes, conflicts


def _not_after(stored_at: str, file_at: str) -> bool:
    """Whether the database's change at ``stored_at`` is not later than ``file_at`` (False when unreadable)."""
    try:
        return _utc(stored_at) <= _utc(file_at)
    except ValueError:
        return False


def _utc(text: str) -> datetime:
    """An ISO 8601 time as aware UTC (a time without offset is UTC); `ValueError` when unreadable."""
    value = datetime.fromisoformat(text.strip())
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def leave_out_closed(rows: Iterable[Mapping[str, Any]], include_all: bool = False) -> list:
    """Rows without partners, declined and do-not-contact sites (all of them with ``include_all``)."""
    if include_all:
        return list(rows)
    return [row for row in rows if row.get("status", DEFAULT_STATUS) not in CLOSED]
