"""Outreach status per site: read and write the ``outreach`` and ``outreach_history`` tables.

A site without a row is ``new``. Every change is one transaction that updates the current
status and appends to the history with its source (``mark``, ``import-status FILE``, ``app``),
so nothing stored is lost and a crawl never touches it. ``changed_at`` is UTC to the
microsecond: an export records it per row, and `import-status` compares it exactly.
Validation (known status, known site) belongs to `crawler.services.outreach`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

import sqlite_utils

STATUSES = ("new", "shortlisted", "contacted", "replied", "partner", "declined", "do-not-contact")
GERMAN_NAMES = {
    "new": "neu",
    "shortlisted": "vorgemerkt",
    "contacted": "kontaktiert",
    "replied": "geantwortet",
    "partner": "Partner",
    "declined": "abgelehnt",
    "do-not-contact": "nicht kontaktieren",
}
"""The German name of each status: accepted wherever a status is typed, stored in English."""
CLOSED = frozenset(("partner", "declined", "do-not-contact"))  # left out of rankings unless --all
OPEN_FOR_DRAFTS = frozenset(("new", "shortlisted"))
DECIDED = frozenset(STATUSES) - OPEN_FOR_DRAFTS
"""Statuses that going back to ``new`` or ``shortlisted`` from is never done by an import alone."""
DEFAULT_STATUS = "new"
STATUS_TIME = "status_changed_at"
"""The export column saying when each row's stored status was set ('' before any was)."""


def now() -> str:
    """Current UTC time, ISO 8601 to the microsecond (two changes in one second stay apart)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def load_statuses(db: sqlite_utils.Database) -> dict[str, dict]:
    """{site: {"status", "note", "changed_at"}} of every site with a stored status."""
    if "outreach" not in db.table_names():
        return {}
    cur = db.execute("SELECT site, status, note, changed_at FROM outreach ORDER BY site")
    return {site: {"status": status, "note": note or "", "changed_at": at} for site, status, note, at in cur}


def set_statuses(
    db: sqlite_utils.Database, changes: Iterable[tuple[str, str, str | None]], source: str = "mark"
) -> int:
    """Store ``(site, status, note)`` changes in one transaction; return how many were stored.

    ``note=None`` keeps the site's stored note. Each change also gets a history row naming
    its ``source``.
    """
    at = now()
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
                "INSERT INTO outreach_history (site, status, note, changed_at, source) VALUES (?, ?, ?, ?, ?)",
                [site, status, note, at, source],
            )
            count += 1
    return count


def load_history(db: sqlite_utils.Database, site: str | None = None) -> list[dict]:
    """Every stored change ``{site, status, note, changed_at, source}``, oldest first (of one site when given)."""
    where, params = ("WHERE site = ?", [site]) if site else ("", [])
    fields = ("site", "status", "note", "changed_at", "source")
    cur = db.execute(f"SELECT {', '.join(fields)} FROM outreach_history {where} ORDER BY id", params)
    return [{**dict(zip(fields, row)), "source": row[-1] or ""} for row in cur]


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
