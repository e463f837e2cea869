"""Outreach status: mark sites, list statuses, take statuses back from an edited export.

Plain Python over an open database (``sqlite_utils.Database``); every input problem is a small
named exception (`OutreachError` and its subclasses) that the CLI or the web app turns into
one message. Nothing is written unless the whole input is valid.

>>> STATUSES
('new', 'shortlisted', 'contacted', 'replied', 'partner', 'declined', 'do-not-contact')
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from crawler.errors import InputError
from crawler.services.sheets import SheetError, read_table
from crawler.storage import db as dbmod
from crawler.storage.outreach import (
    CLOSED,
    DEFAULT_STATUS,
    OPEN_FOR_DRAFTS,
    STATUSES,
    known_sites,
    load_history,
    load_statuses,
    set_statuses,
)

log = logging.getLogger(__name__)

__all__ = [
    "CLOSED",
    "OPEN_FOR_DRAFTS",
    "STATUSES",
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


@dataclass
class ImportResult:
    """What `import_status` did: sites changed, rows already up to date, rows with no status."""

    changed: list[str]
    unchanged: int
    blank: int


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


def normalise_status(value: str, where: str = "status") -> str:
    """``"Do not contact"`` -> ``"do-not-contact"``; `UnknownStatus` for anything else unknown."""
    key = "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    if key not in STATUSES:
        raise UnknownStatus(f"{where} {value!r} is unknown; use one of {', '.join(STATUSES)}")
    return key


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


def mark(db: Project, sites: Sequence[str], status: str, note: str | None = None) -> list[str]:
    """Set the status (and note; None keeps the stored note) of sites; return their site keys.

    Sites may be given as site keys, domains or URLs. Raises `UnknownStatus` or `UnknownSite`
    (naming every unknown site) before anything is stored.
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
        set_statuses(handle, ((site, status, _clean_note(note)) for site in ordered))
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


def import_status(db: Project, path: str | Path) -> ImportResult:
    """Take the ``status`` and ``note`` columns back from an edited export (CSV or Excel).

    Rows are matched by their ``site`` column. A blank status or note cell leaves the stored
    value alone; a row that says what is stored already changes nothing. Raises
    `ImportFileError` (unreadable file, no ``site`` or ``status`` column), `UnknownStatus` or
    `UnknownSite` (naming the row) before anything is stored.
    """
    try:
        columns, rows = read_table(path)
    except SheetError as err:
        raise ImportFileError(str(err)) from err
    for needed in ("site", "status"):
        if needed not in columns:
            raise ImportFileError(
                f"{path}: no {needed!r} column (found: {', '.join(c for c in columns if c) or 'none'}); "
                "keep the export's header row when editing"
            )
    wanted: dict[str, tuple[str, str | None]] = {}
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
        wanted[site] = (status, note)
    with opened(db) as handle:
        missing = sorted(set(wanted) - known_sites(handle, wanted))
        if missing:
            raise UnknownSite(f"{path}: {', '.join(missing[:5])}: not in the database; fix or delete those rows")
        stored = load_statuses(handle)
        changes = []
        for site, (status, note) in wanted.items():
            entry = stored.get(site)
            old_status = entry["status"] if entry else DEFAULT_STATUS
            old_note = entry["note"] if entry else ""
            if status == old_status and (note is None or note == old_note):
                continue
            changes.append((site, status, note))
        set_statuses(handle, changes)
    return ImportResult(changed=[c[0] for c in changes], unchanged=len(wanted) - len(changes), blank=blank)


def leave_out_closed(rows: Iterable[Mapping[str, Any]], include_all: bool = False) -> list:
    """Rows without partners, declined and do-not-contact sites (all of them with ``include_all``)."""
    if include_all:
        return list(rows)
    return [row for row in rows if row.get("status", DEFAULT_STATUS) not in CLOSED]
