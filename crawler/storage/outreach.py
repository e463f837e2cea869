"""Outreach status per site: read and write the ``outreach`` and ``outreach_history`` tables.

A site without a row is ``new``. Every change is one transaction that updates the current
status and appends to the history, so nothing stored is lost and a crawl never touches it.
Validation (known status, known site) belongs to `crawler.services.outreach`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import sqlite_utils

from crawler.storage.db import utcnow

STATUSES = ("new", "shortlisted", "contacted", "replied", "partner", "declined", "do-not-contact")
CLOSED = frozenset(("partner", "declined", "do-not-contact"))  # left out of rankings unless --all
OPEN_FOR_DRAFTS = frozenset(("new", "shortlisted"))
DEFAULT_STATUS = "new"


def load_statuses(db: sqlite_utils.Database) -> dict[str, dict]:
    """{site: {"status", "note", "changed_at"}} of every site with a stored status."""
    if "outreach" not in db.table_names():
        return {}
    cur = db.execute("SELECT site, status, note, changed_at FROM outreach ORDER BY site")
    return {site: {"status": status, "note": note or "", "changed_at": at} for site, status, note, at in cur}


def set_statuses(db: sqlite_utils.Database, changes: Iterable[tuple[str, str, str | None]]) -> int:
    """Store ``(site, status, note)`` changes in one transaction; return how many were stored.

    ``note=None`` keeps the site's stored note. Each change also gets a history row.
    """
    at = utcnow()
    count = 0
    with db.conn:
        for site, status, note in changes:
            if note is None:
                row = db.execute("SELECT note FROM outreach WHERE site = ?", [site]).fetchone()
                note = row[0] if row and row[0] else ""
            db.execute(
                "INSERT INTO outreach (site, status, note, changed_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(site) DO UPDATE SET status = excluded.status, note = excluded.note, "
                "changed_at = excluded.changed_at",
                [site, status, note, at],
            )
            db.execute(
                "INSERT INTO outreach_history (site, status, note, changed_at) VALUES (?, ?, ?, ?)",
                [site, status, note, at],
            )
            count += 1
    return count


def load_history(db: sqlite_utils.Database, site: str | None = None) -> list[dict]:
    """Every stored change, oldest first (of one site when ``site`` is given)."""
    where, params = ("WHERE site = ?", [site]) if site else ("", [])
    cur = db.execute(f"SELECT site, status, note, changed_at FROM outreach_history {where} ORDER BY id", params)
    return [dict(zip(("site", "status", "note", "changed_at"), row)) for row in cur]


def known_sites(db: sqlite_utils.Database, sites: Iterable[str]) -> set[str]:
    """The given site keys that the ``sites`` table holds."""
    wanted = sorted(set(sites))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        cur = db.execute(f"SELECT site FROM sites WHERE site IN ({', '.join('?' * len(chunk))})", chunk)
        found.update(row[0] for row in cur)
    return found


def status_of(statuses: Mapping[str, Mapping[str, str]], site: str) -> str:
    """The status of a site in a `load_statuses` mapping (``new`` when none is stored)."""
    entry = statuses.get(site)
    return entry["status"] if entry else DEFAULT_STATUS
